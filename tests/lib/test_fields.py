"""The field codes: one copy (hoptac/lib/data/fields.json), used by the extractor and the app."""

from hoptac.extraction.lexicon import field_keywords
from hoptac.lib.fields import field_choices, field_label, fields


def test_every_field_has_a_code_and_both_languages():
    assert len(fields()) == 20
    for f in fields():
        assert f["code"] and f["vi"] and f["en"]
    assert field_label("tourism") == "Du lịch" and field_label("tourism", "en").startswith(
        "Tourism"
    )
    assert ("investment", field_label("investment")) in field_choices()


def test_the_extractor_keywords_name_only_known_fields():
    codes = {f["code"] for f in fields()}
    unknown = set(field_keywords()) - codes
    assert not unknown, f"keywords for codes missing from fields.json: {sorted(unknown)}"
