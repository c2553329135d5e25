#!/usr/bin/env python
"""The peer shop of `make bench`: stock django-oscar, run from .bench/peer-venv."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # bench/ (for bench.dataset) after everything else, so nothing shadows a package.
    sys.path.append(str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_shop.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
