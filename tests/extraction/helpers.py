"""Small helpers shared by the extraction tests."""

from hoptac.extraction import extract


def facts(text: str, **kw) -> dict:
    """Return the JSON of `text`, after checking every span lies inside the text."""
    out = extract(text, **kw).to_json()
    for key in ("parties", "people", "investments", "grants", "commitment_counts", "fields"):
        for f in out[key]:
            assert f["evidence"], (key, f)
            for s, e in f["evidence"]:
                assert 0 <= s < e <= len(text), (key, f)
    return out


def names(out: dict, key: str = "parties") -> set[str]:
    return {f["name"] for f in out[key]}
