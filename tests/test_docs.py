"""Every setting read from the environment and every command is documented."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_is_in_the_configuration_page():
    settings_src = (ROOT / "hoptac" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', settings_src))
    names |= set(re.findall(r'env_str\("([A-Z_]+)"', settings_src))
    assert {"DATABASE_URL", "DEBUG", "TIME_ZONE"} <= names | {"SECRET_KEY"}
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(n for n in names | {"SECRET_KEY"} if f"`{n}`" not in doc)
    assert not missing, f"undocumented in docs/configuration.md: {missing}"


def test_every_hoptac_command_is_in_the_readme_or_docs():
    ours = sorted(name for name, app in get_commands().items() if app.startswith("hoptac."))
    assert "demo" in ours and "localities" in ours
    text = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")
    )
    missing = [name for name in ours if f"hoptac {name}" not in text]
    assert not missing, f"commands not documented: {missing}"
