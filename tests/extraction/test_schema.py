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
OFFICIAL = ROOT / "corpus" / "dev-official"
HERE = Path(__file__).parent
# Every text the extractor is run on in the tests: news and official, in the repo or unseen.
ALL_TEXTS = sorted(
    [*DOCS, *OFFICIAL.glob("*.txt"), *HERE.glob("unseen*/*.txt")], key=lambda p: str(p)
)


def _validator():
    return jsonschema.Draft202012Validator(schema())


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
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


def test_the_free_text_agreement_form_stays_valid():
    out = extract("").to_json()
    out["agreements"] = ["Chương trình hợp tác giai đoạn 2016 - 2020"]
    _validator().validate(out)


def test_agreements_are_objects_with_kind_and_items():
    text = "Hai bên ký kết Chương trình hợp tác giai đoạn 2021 - 2025 giữa Hà Nội và Sơn La."
    (agreement,) = extract(text).to_json()["agreements"]
    assert agreement["kind"] == "programme"
    assert (agreement["period_from"], agreement["period_to"]) == (2021, 2025)
    assert agreement["items"] == []
