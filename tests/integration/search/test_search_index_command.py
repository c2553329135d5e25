from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.engine import index_alias
from tests.factories import product_create

pytestmark = pytest.mark.django_db


def test_commands_need_an_engine(settings):
    settings.SEARCH_URL = ""
    with pytest.raises(CommandError, match="SEARCH_URL"):
        call_command("search_index", "status")


@pytest.mark.service("search")
def test_rebuild_then_status_shows_no_drift(engine):
    product_create("Cơm cháy chà bông")
    product_create("Chiếu cói Kim Sơn")
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert "2/2" in out.getvalue()
    assert f"alias {index_alias()} swapped" in out.getvalue()
    assert re.search(r"Throughput: \d+ products/s \(2 in \d+\.\d\d s\)", out.getvalue())
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "indexed:  2" in out.getvalue()
    assert "drift:    +0" in out.getvalue()
