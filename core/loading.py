"""Oscar class loading that looks in a forked app before Oscar's own module.

Oscar's ``default_class_loader`` imports the stock module first and only then
the fork's. Oscar's stock ``search`` modules import django-haystack, which this
project does not install, so importing them at all fails. This loader answers
from the fork when the fork defines every requested class, and otherwise
defers to Oscar's loader unchanged.
https://django-oscar.readthedocs.io/en/latest/ref/settings.html#oscar-dynamic-class-loader
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from oscar.core.loading import default_class_loader


def _local_module_name(module_label: str, module_prefix: str) -> str | None:
    app_label, _, rest = module_label.partition(".")
    try:
        app_name = apps.get_app_config(app_label).name
    except LookupError:
        return None
    if app_name.startswith(f"{module_prefix}."):
        return None
    return f"{app_name}.{rest}"


def _exists(module_name: str) -> bool:
    try:
        return find_spec(module_name) is not None
    except ModuleNotFoundError:  # a parent is missing or is not a package
        return False


def fork_first_class_loader(
    module_label: str, classnames: list[str], module_prefix: str
) -> list[type]:
    if "." in module_label:
        local_name = _local_module_name(module_label, module_prefix)
        if local_name and _exists(local_name):
            module = import_module(local_name)
            if all(hasattr(module, name) for name in classnames):
                return [getattr(module, name) for name in classnames]
    return default_class_loader(module_label, classnames, module_prefix)
