"""Helpers shared by tests that start Django in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_start(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``django.setup()`` with only ``env`` set, as a fresh server would start."""
    clean = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": settings_module, **env}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
