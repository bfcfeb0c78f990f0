"""Loaded by pytest before Django's settings (`-p tests.devenv` in pyproject.toml).

The settings keep DEBUG off unless it is explicitly on; the suite runs with the development
defaults (a generated key, plain static files, no HTTPS redirect), as `make run` does.
"""

import os

os.environ.setdefault("DEBUG", "1")
