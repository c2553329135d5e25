from __future__ import annotations

import shutil

import pytest
from django.core.cache import cache
from django.utils import translation

from tests import services


def pytest_sessionstart(session):
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_runtest_setup(item):
    for marker in item.iter_markers(name="service"):
        reason = services.missing_reason(marker.args[0])
        if reason:
            if services.services_required():
                pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts in Vietnamese with an empty cache."""
    cache.clear()
    translation.activate("vi")
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def home_page(db):
    from tests.factories import home_page_create

    return home_page_create()
