"""Every output validates against the contract; the samples score as the issue requires."""

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from hoptac.extraction import extract, read_file
from hoptac.extraction.lexicon import schema

from . import samples

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "dev"
DOCS = sorted(CORPUS.glob("*.txt"))


def _validator():
    return jsonschema.Draft202012Validator(schema())


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_every_corpus_output_follows_the_schema(path):
    _validator().validate(extract(read_file(path).text, source=path.name).to_json())


@pytest.mark.parametrize("name", ["MERGED_2026", "HCM_DONG_THAP"])
def test_made_up_articles_follow_the_schema(name):
    _validator().validate(extract(getattr(samples, name)).to_json())


def test_empty_and_odd_text_follows_the_schema():
    for text in ("", "x", "\n\n\n", "Hà Nội", "1.000.000 tỷ đồng"):
        _validator().validate(extract(text).to_json())


def test_the_repo_schema_is_the_package_schema():
    assert json.loads((ROOT / "corpus" / "extraction.schema.json").read_text()) == schema()


def test_the_samples_score_at_least_095(tmp_path, capsys):
    for path in DOCS:
        out = extract(read_file(path).text, source=path.name).to_json()
        (tmp_path / f"{path.stem}.json").write_text(json.dumps(out, ensure_ascii=False))
    spec = importlib.util.spec_from_file_location("score", ROOT / "corpus" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    assert score.main([str(CORPUS / "gold"), str(tmp_path)]) == 0
    core = float(capsys.readouterr().out.strip().splitlines()[-1].split()[-1])
    assert core >= 0.95
