"""The floor of `make bench`: the fastest a Django page can be on this machine.

One view returning a small fixed HTML response, behind Django's default
middleware, served by gunicorn with the same settings as the shops.

    gunicorn --chdir bench/floor floor:application
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = (
    b"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>floor</title></head>"
    b"<body><p>Ch\xe1\xbb\xa3 ph\xe1\xbb\xa5 n\xe1\xbb\xaf</p></body></html>"
)


def floor(request):
    return HttpResponse(BODY)


urlpatterns = [path("", floor)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("FLOOR_SECRET_KEY", "floor-benchmark-only"),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        INSTALLED_APPS=[],
        USE_TZ=True,
    )

application = get_wsgi_application()
