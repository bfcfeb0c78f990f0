"""The import contracts of `make lint` (.importlinter) hold, and break when a layer is crossed."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="needs import-linter (dev)")


def _contracts() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    return config


def _modules(config: configparser.ConfigParser, contract: str, key: str) -> set[str]:
    lines = config[f"importlinter:contract:{contract}"][key].splitlines()
    return {line.strip() for line in lines if line.strip() and not line.strip().startswith("#")}


def _lint_copy(tmp_path: Path, inject: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run lint-imports on a copy of the package's Python files, with `inject` appended."""
    shutil.copytree(
        ROOT / "hoptac",
        tmp_path / "hoptac",
        ignore=lambda d, names: [
            n for n in names if not n.endswith(".py") and not (Path(d) / n).is_dir()
        ],
    )
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    for module, line in (inject or {}).items():
        path = tmp_path / (module.replace(".", "/") + ".py")
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_app_is_forbidden_to_the_extractor_and_to_lib():
    apps = {a for a in settings.INSTALLED_APPS if a.startswith("hoptac.")}
    assert "hoptac.partnerships" in apps
    config = _contracts()
    extraction = _modules(config, "extraction-is-plain-python", "forbidden_modules")
    lib = _modules(config, "lib-is-domain-free", "forbidden_modules")
    assert "django" in extraction
    assert not apps - extraction, f"apps the extractor may import: {sorted(apps - extraction)}"
    assert not apps - lib, f"apps hoptac.lib may import: {sorted(apps - lib)}"


def test_every_view_module_is_in_the_independence_contract():
    views = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "hoptac").rglob("*.py")
        if (p.name == "views.py" or p.parent.name == "views") and p.name != "__init__.py"
    }
    listed = _modules(_contracts(), "views-are-independent", "modules")
    wildcards = [m.removesuffix(".*") + "." for m in listed if m.endswith(".*")]
    outside = sorted(v for v in views - listed if not any(v.startswith(w) for w in wildcards))
    assert "hoptac.web.views.*" in listed
    assert not outside, f"view modules outside the contract: {outside}"


def test_make_lint_runs_the_import_contracts():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "lint-imports" in recipe


def test_the_tree_keeps_every_contract(tmp_path):
    result = _lint_copy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_it_fails_when_the_extractor_imports_django(tmp_path):
    result = _lint_copy(tmp_path, {"hoptac.extraction.rules": "import django.db  # noqa"})
    assert result.returncode != 0
    assert "The extractor imports neither Django nor any hoptac app BROKEN" in result.stdout
    assert "hoptac.extraction.rules -> django (l." in result.stdout


def test_it_fails_when_lib_imports_an_app(tmp_path):
    result = _lint_copy(tmp_path, {"hoptac.lib.text": "import hoptac.partnerships.models  # noqa"})
    assert result.returncode != 0
    assert "hoptac.lib imports no app BROKEN" in result.stdout


def test_it_fails_when_the_api_imports_the_report(tmp_path):
    result = _lint_copy(tmp_path, {"hoptac.api.writes": "import hoptac.reports.annual  # noqa"})
    assert result.returncode != 0
    assert "The API does not import the reports app BROKEN" in result.stdout


def test_it_fails_when_a_view_module_imports_another(tmp_path):
    result = _lint_copy(tmp_path, {"hoptac.reports.views": "import hoptac.documents.views  # noqa"})
    assert result.returncode != 0
    assert "View modules do not import each other BROKEN" in result.stdout
