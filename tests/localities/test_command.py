"""`hoptac localities resolve` as a user runs it."""

import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hoptac", "localities", *args],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_it_prints_json_for_ninh_thuan_in_2019():
    out = run("resolve", "tỉnh Ninh Thuận", "--on", "2019-06-12", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["name"] == "Ninh Thuận" and data["code"] == 58
    assert data["valid_to"] == "2025-06-30"
    assert data["successor"] == {"name": "Khánh Hòa", "code": 56}


def test_it_says_ha_nam_no_longer_exists_in_2026():
    out = run("resolve", "Hà Nam", "--on", "2026-01-01")
    assert out.returncode == 0, out.stderr
    assert "không còn tồn tại" in out.stdout
    assert "Ninh Bình" in out.stdout


@pytest.mark.parametrize("name", ["Atlantis", "Quảng"])
def test_it_fails_with_a_message_for_unknown_or_ambiguous_names(name):
    out = run("resolve", name)
    assert out.returncode == 1
    assert name in out.stderr


def test_it_refuses_a_bad_date():
    out = run("resolve", "Hà Nội", "--on", "12/06/2019")
    assert out.returncode != 0
    assert "YYYY-MM-DD" in out.stderr
