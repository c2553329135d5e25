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
ENV_READ = re.compile(r'env_(?:str|bool|int|list|db|email|url)\(\s*"([A-Z0-9_]+)"')


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


def test_the_services_exist_with_health_checks():
    assert {"proxy", "web", "redis", "postgres", "elasticsearch"} <= set(SERVICES)
    for name in ("proxy", "web", "redis", "postgres", "elasticsearch"):
        assert "healthcheck" in SERVICES[name], name
    assert SERVICES["elasticsearch"]["image"].split(":")[-1].startswith("8.")
    assert SERVICES["elasticsearch"]["environment"]["discovery.type"] == "single-node"


def test_volumes_are_declared():
    declared = set(COMPOSE["volumes"])
    for service in SERVICES.values():
        for volume in service.get("volumes", []):
            name = volume.split(":")[0]
            if name.startswith(("./", "/")):  # a file of the repository, mounted
                assert (ROOT / name).exists(), name
                continue
            assert name in declared, name


def test_web_provides_every_variable_the_production_settings_require():
    required = required_variables()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS"} <= required
    assert required <= set(WEB_ENV)


def test_web_sets_every_variable_the_settings_read():
    assert settings_variables() - set(WEB_ENV) == set()


@pytest.mark.parametrize("variable", ["DATABASE_URL", "SEARCH_URL", "REDIS_URL"])
def test_services_named_by_the_settings_exist(variable):
    host = urlparse(re.sub(r"\$\{[^}]*\}", "x", WEB_ENV[variable])).hostname
    assert host in SERVICES


def test_depends_on_names_existing_services():
    for service in SERVICES.values():
        assert set(service.get("depends_on", {})) <= set(SERVICES)


def test_env_example_lists_every_variable_compose_reads():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert used - example == set()


# --- The proxy in front, and the same shape in CI ---------------------------------

PROXY_TEMPLATE = "deploy/nginx/chophunu.conf.template"
STACK_SCRIPT = (ROOT / "scripts" / "stack" / "start.sh").read_text()
CI_RUN = (ROOT / ".ci" / "run").read_text()
# Each compose service and the program the CI stack runs for it (Debian's packages).
CI_PROGRAMS = {
    "proxy": "nginx",
    "web": "gunicorn",
    "redis": "redis-server",
    "postgres": "postgresql",
    "elasticsearch": "opensearch",
}


def test_the_proxy_is_the_only_published_port():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"proxy"}


def test_web_can_be_scaled():
    """`--scale web=3` needs no fixed name and no host port of its own."""
    web = SERVICES["web"]
    assert "container_name" not in web and "ports" not in web
    assert "server web:8000;" in SERVICES["proxy"]["environment"]["CHOPHUNU_UPSTREAM_SERVERS"]


def test_compose_and_the_ci_stack_use_the_same_proxy_configuration():
    mounts = [v.split(":") for v in SERVICES["proxy"]["volumes"]]
    assert [f"./{PROXY_TEMPLATE}", "/etc/nginx/templates/default.conf.template", "ro"] in mounts
    assert f'"$ROOT/{PROXY_TEMPLATE}"' in STACK_SCRIPT
    template = (ROOT / PROXY_TEMPLATE).read_text()
    placeholders = set(re.findall(r"\$\{(CHOPHUNU_[A-Z_]+)\}", template))
    compose = {k for k in SERVICES["proxy"]["environment"] if k.startswith("CHOPHUNU_")}
    rendered = set(re.findall(r"\$\{(CHOPHUNU_[A-Z_]+)\}", STACK_SCRIPT))
    assert placeholders == compose == rendered
    # The nginx image fills in only these, leaving nginx's own $variables alone.
    assert SERVICES["proxy"]["environment"]["NGINX_ENVSUBST_FILTER"] == "^CHOPHUNU_"


def test_the_ci_stack_runs_every_service_compose_names():
    assert set(CI_PROGRAMS) == set(SERVICES) - {"worker"}
    started = STACK_SCRIPT + CI_RUN
    for service, program in CI_PROGRAMS.items():
        assert program in started, service
    assert "scripts/stack/start.sh start" in CI_RUN
    for package in ("nginx-light", "redis-server", "gettext-base"):
        assert re.search(rf"apt_install[^\n]*\b{package}\b", CI_RUN), package


def test_web_and_worker_share_the_media_volume_the_proxy_serves():
    for name in ("web", "worker"):
        assert "media:/app/media" in SERVICES[name]["volumes"]
    assert "media:/srv/media:ro" in SERVICES["proxy"]["volumes"]
    assert SERVICES["proxy"]["environment"]["CHOPHUNU_MEDIA_ROOT"] == "/srv/media"
    assert WEB_ENV["DJANGO_MEDIA_ROOT"] == "/app/media"


def test_the_proxy_takes_the_largest_picture_the_site_takes():
    from core.uploads import MAX_BYTES
    from dashboard.member_product_forms import MAX_PHOTOS

    template = (ROOT / PROXY_TEMPLATE).read_text()
    size = re.search(r"client_max_body_size (\d+)m;", template).group(1)
    # Her product form: every photo at the limit, and the OCOP certificate's photo.
    assert int(size) * 1024 * 1024 >= (MAX_PHOTOS + 1) * MAX_BYTES
