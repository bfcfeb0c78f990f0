"""The command line: files in, JSON out, a clear message and status 1 for unreadable files."""

import json
import subprocess
import sys
from pathlib import Path

from hoptac.extraction.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "corpus" / "dev" / "000_b6c90f6f35d37686.txt"


def test_it_writes_one_json_per_file(tmp_path):
    assert main([str(DOC), "--out", str(tmp_path)]) == 0
    out = json.loads((tmp_path / f"{DOC.stem}.json").read_text(encoding="utf-8"))
    assert out["schema"] == "hoptac.extraction/1" and out["source"] == DOC.name
    assert "text" not in out  # a UTF-8 .txt: offsets index the file itself


def test_it_prints_the_json_of_one_file(capsys):
    assert main([str(DOC)]) == 0
    assert json.loads(capsys.readouterr().out)["event_date"] == "--06-12"


def test_published_supplies_the_year(capsys):
    assert main([str(DOC), "--published", "2019-06-13"]) == 0
    assert json.loads(capsys.readouterr().out)["event_date"] == "2019-06-12"


def test_unreadable_files_are_reported_and_the_others_processed(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    odd = tmp_path / "old.doc"
    odd.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main([str(bad), str(DOC), str(odd), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "unsupported" in err
    assert "Traceback" not in err
    assert (tmp_path / f"{DOC.stem}.json").exists()


def test_non_utf8_input_carries_its_text(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(DOC.read_text(encoding="utf-8").encode("utf-16"))
    assert main([str(f), "--out", str(tmp_path)]) == 0
    out = json.loads((tmp_path / "u16.json").read_text(encoding="utf-8"))
    assert out["text"] == DOC.read_text(encoding="utf-8")
    s, e = out["parties"][0]["evidence"][0]
    assert out["text"][s:e].endswith(out["parties"][0]["name"])


def test_python_m_runs_without_django():
    code = "import sys, hoptac.extraction; assert 'django' not in sys.modules, 'django imported'"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "hoptac.extraction", str(DOC)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0 and json.loads(r.stdout)["parties"]


def test_a_bad_date_is_a_usage_error(capsys):
    try:
        main([str(DOC), "--published", "12/06/2019"])
    except SystemExit as e:
        assert e.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
