"""docker-compose.yml cannot run here (no Docker engine), so it is checked by reading."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import yaml

from tests.utils import ROOT, django_start

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
WEB_ENV = SERVICES["web"]["environment"]
ENV_READ = re.compile(r'env_(?:str|bool|int|list|db|email|url)\(\s*"([A-Z_]+)"')


def settings_variables() -> set[str]:
    names = set()
    for path in [*(ROOT / "config" / "settings").glob("*.py"), ROOT / "config" / "env.py"]:
        names.update(ENV_READ.findall(path.read_text()))
    return names


def required_variables() -> set[str]:
    """Start production settings with an empty environment, adding each variable it asks for."""
    required: set[str] = set()
    filler = {"DATABASE_URL": "postgres://u:p@db:5432/x", "DJANGO_SECRET_KEY": "x" * 60}
    for _ in range(10):
        env = {name: filler.get(name, "example.vn") for name in required}
        result = django_start("config.settings.production", **env)
        if result.returncode == 0:
            return required
        match = re.search(r"Set the ([A-Z_]+) environment variable", result.stderr)
        assert match, result.stderr[-2000:]
        required.add(match.group(1))
    raise AssertionError("production settings keep asking for variables")


def test_the_three_services_exist_with_health_checks():
    assert {"web", "postgres", "elasticsearch"} <= set(SERVICES)
    for name in ("web", "postgres", "elasticsearch"):
        assert "healthcheck" in SERVICES[name], name
    assert SERVICES["elasticsearch"]["image"].split(":")[-1].startswith("8.")
    assert SERVICES["elasticsearch"]["environment"]["discovery.type"] == "single-node"


def test_volumes_are_declared():
    declared = set(COMPOSE["volumes"])
    for service in SERVICES.values():
        for volume in service.get("volumes", []):
            name = volume.split(":")[0]
            assert name in declared, name


def test_web_provides_every_variable_the_production_settings_require():
    required = required_variables()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS"} <= required
    assert required <= set(WEB_ENV)


def test_web_sets_every_variable_the_settings_read():
    assert settings_variables() - set(WEB_ENV) == set()


@pytest.mark.parametrize("variable", ["DATABASE_URL", "SEARCH_URL"])
def test_services_named_by_the_settings_exist(variable):
    host = urlparse(re.sub(r"\$\{[^}]*\}", "x", WEB_ENV[variable])).hostname
    assert host in SERVICES


def test_depends_on_names_existing_services():
    for service in SERVICES.values():
        assert set(service.get("depends_on", {})) <= set(SERVICES)


def test_env_example_lists_every_variable_compose_reads():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert used - example == set()
