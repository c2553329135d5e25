"""The shop's product search.

With no ``SEARCH_URL`` the database answers searches (accent-folded matching),
so the site runs on a bare laptop.
"""

from config.env import env_str

SEARCH_URL = env_str("SEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", default="chophunu")
