"""The header's links to the Union's section pages follow a change made in any process."""

from __future__ import annotations

import pytest

from cms.models import StoryIndexPage
from core.page_cache import page_cache_bump

pytestmark = pytest.mark.django_db


def test_a_renamed_section_shows_once_another_process_bumps_the_version(
    client, story_index, settings, tmp_path
):
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    assert "Câu chuyện" in client.get("/catalogue/").content.decode()  # the links are cached
    # Another process renames the page: its receivers bump the shared version;
    # nothing reaches this process's memory but the version.
    StoryIndexPage.objects.filter(pk=story_index.pk).update(title="Chuyện của chị em")
    page_cache_bump()
    page = client.get("/catalogue/").content.decode()
    assert "Chuyện của chị em" in page
    assert "Câu chuyện" not in page
