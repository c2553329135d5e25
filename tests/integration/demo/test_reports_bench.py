"""``manage.py reports_bench`` times the provincial yearly report over the demo's orders."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_reports_bench_renders_the_provincial_report(tmp_path, capsys):
    call_command("load_demo_data", products=30, orders=200, verbosity=0)
    out = tmp_path / "reports.json"
    call_command("reports_bench", repeat=2, json_path=str(out))
    figures = json.loads(out.read_text())
    assert figures["url"] == f"/dashboard/reports/?period=year&year={timezone.localdate().year}"
    assert figures["repeat"] == 2 and figures["p50_ms"] > 0
    assert figures["order_lines"] >= 200 and 0 < figures["queries"] < 60
    assert "provincial report" in capsys.readouterr().out
