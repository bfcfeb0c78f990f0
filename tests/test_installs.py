"""Lean installs: requirements.lock is the runtime only, requirements-dev.lock adds the tools."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+)", text, flags=re.M))


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~ ]", r, maxsplit=1)[0].lower() for r in requirements}


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_runtime_lock_pins_every_dependency_and_no_tool():
    runtime = _pins("requirements.lock")
    assert not _names(_project()["dependencies"]) - set(runtime)
    tools = {"pytest", "mypy", "ruff", "playwright", "hypothesis", "django-stubs", "import-linter"}
    assert not tools & set(runtime), sorted(tools & set(runtime))


def test_the_dev_lock_pins_the_dev_extra_on_top_of_the_runtime():
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert not _names(_project()["optional-dependencies"]["dev"]) - set(dev)
    assert not set(runtime) & set(dev), "pinned in both lock files"


def test_make_run_takes_the_runtime_and_make_test_the_tools():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: install$", makefile, flags=re.M)
    assert re.search(r"^test: setup$", makefile, flags=re.M)
    assert re.search(r"^lint: setup$", makefile, flags=re.M)
    install = makefile.split("$(STAMP): ", 1)[1].split("\n\n", 1)[0]
    assert "requirements-dev.lock" not in install
