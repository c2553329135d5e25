import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import path

from core.oscar_urls import urls_with_views


def oscars(request):
    return HttpResponse("Oscar's")


def ours(request):
    return HttpResponse("ours")


OSCAR_URLS = [path("password-reset/", oscars, name="password-reset")]


def test_the_named_url_keeps_oscars_route_and_name_with_our_view():
    (swapped,) = urls_with_views(OSCAR_URLS, {"password-reset": ours})
    assert (str(swapped.pattern), swapped.name, swapped.callback) == (
        "password-reset/",
        "password-reset",
        ours,
    )


def test_a_name_oscar_no_longer_has_stops_the_site_at_start_up():
    with pytest.raises(ImproperlyConfigured, match="reset-password"):
        urls_with_views(OSCAR_URLS, {"reset-password": ours})
