"""The shop's product search.

With no ``SEARCH_URL`` the database answers searches (accent-folded matching),
so the site runs on a bare laptop. With one, ``SEARCH_ENGINE`` says which
client speaks to it (``elasticsearch`` 8, the docker-compose default, or
``opensearch`` 2, the engine CI runs); a search that takes longer than
``SEARCH_TIMEOUT_MS`` falls back to the database. See search/engine.py.
"""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_int, env_str, env_url

SEARCH_URL = env_url("SEARCH_URL", default="")
SEARCH_ENGINE = env_str("SEARCH_ENGINE", default="elasticsearch")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", default="chophunu")
SEARCH_TIMEOUT_MS = env_int("SEARCH_TIMEOUT_MS", default=1500)

if SEARCH_ENGINE not in {"elasticsearch", "opensearch"}:
    raise ImproperlyConfigured(
        f"Environment variable SEARCH_ENGINE is malformed: expected elasticsearch or "
        f"opensearch, got {SEARCH_ENGINE!r}."
    )
