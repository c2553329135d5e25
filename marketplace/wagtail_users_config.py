"""Wagtail's users app with the Union area on its user forms (marketplace/wagtail_users.py).

Its own module: an ``AppConfig`` imported into marketplace/apps.py would stop
Django finding the marketplace's own config there.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "marketplace.wagtail_users.UserViewSet"
