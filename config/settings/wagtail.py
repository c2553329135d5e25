"""Wagtail: apps and admin. https://docs.wagtail.org/en/stable/reference/settings.html"""

from django.utils.translation import gettext_lazy as _

from config.env import env_str

WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    # Its user forms ask for the Union area (marketplace/wagtail_users.py).
    "marketplace.wagtail_users_config.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
]

WAGTAIL_SITE_NAME = _("Ninh Binh Women's Union")
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", default="http://127.0.0.1:8000")
# Wagtail's own admin search keeps the database backend; the shop's search
# engine indexes are ours alone. cms/search_backend.py is that backend with the
# terms of an SQLite FTS5 query escaped (a stray quote was a 500).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The sign-in form with its password field labelled (Wagtail's prints the field name).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.forms.CmsLoginForm"
WAGTAIL_CONTENT_LANGUAGES = [("vi", _("Vietnamese"))]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "txt"]
# Links are shared on Zalo and typed on phones: ASCII slugs travel best.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Uploads have one door (core/uploads.py): staff's images are cleaned
# like every other picture, and Wagtail's own checks use the same limits.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.CleanImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Wagtail's admin calls no third party: no Gravatar (staff e-mail hashes) and no
# release check, which the Content-Security-Policy would refuse anyway
# (config/settings/csp.py). Avatars are the ones staff upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
