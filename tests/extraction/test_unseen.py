"""Generalisation guard: articles written for this test (other outlets, years, pairs of
localities, after the 2025 reorganisation) scored with corpus/score.py must keep core ≥ 0.85."""

import importlib.util
import json
from pathlib import Path

import pytest

from hoptac.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = Path(__file__).with_name("unseen")
# A second set written later by another hand, before the extractor was run on it.
UNSEEN2 = Path(__file__).with_name("unseen2")
# A third, for issue 11's generalisation gaps (month words, "Thủ đô", four provinces, no year).
UNSEEN3 = Path(__file__).with_name("unseen3")


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "corpus" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("folder", "at_least"),
    [(UNSEEN, 12), (UNSEEN2, 10), (UNSEEN3, 3)],
    ids=["unseen", "unseen2", "unseen3"],
)
def test_unseen_core_at_least_085(folder: Path, at_least: int):
    score = _scorer()
    golds = sorted((folder / "gold").glob("*.json"))
    assert len(golds) >= at_least
    totals = {k: [0, 0, 0] for k in score.SET_FIELDS}
    dates = [0, 0]
    for gpath in golds:
        text = (folder / (gpath.stem + ".txt")).read_text(encoding="utf-8")
        pred = extract(text, source=gpath.stem + ".txt").to_json()
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        ga = score.atoms(gold, predicted=False, text_len=None)
        pa = score.atoms(pred, predicted=True, text_len=len(text))
        for k in score.SET_FIELDS:
            for i, v in enumerate(score.match(ga[k], pa[k])):
                totals[k][i] += v
        dates[0] += score.date_ok(gold.get("event_date"), pred.get("event_date"))
        dates[1] += 1
    scores = {k: score.f1(*totals[k]) for k in score.SET_FIELDS}
    scores["event_date"] = dates[0] / dates[1]
    core = sum(scores[k] for k in score.CORE) / len(score.CORE)
    assert core >= 0.85, scores
