"""The seed article end to end: all ten attributions, each resolved to the right speaker."""

import datetime
import json
from pathlib import Path

import pytest

from articles.attribution import Gazetteer, GazetteerEntry, RoleSpec, extract

SEED = Path("/work/shared/seed/mna-198808.gold.json")
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed article not available")


def known_speakers() -> Gazetteer:
    """The gazetteer the Django side would pass: known people with aliases and dated roles."""
    return Gazetteer(
        [
            GazetteerEntry(
                "Kayvan Khosravi",
                "person",
                aliases=("Khosravi", "Keyvan Khosravi"),
                roles=(
                    RoleSpec(
                        "Spokesman",
                        "Supreme National Security Council",
                        ("SNSC",),
                        start=datetime.date(2022, 9, 1),
                    ),
                ),
            ),
            GazetteerEntry(
                "Joe Biden",
                "person",
                aliases=("Biden", "Joseph R. Biden Jr."),
                roles=(
                    RoleSpec("President", "United States", ("US",), datetime.date(2021, 1, 20)),
                ),
            ),
        ]
    )


@pytest.fixture(scope="module")
def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def test_every_seed_attribution_is_found_with_its_speaker(seed: dict) -> None:
    found = extract(seed["text"], published=datetime.date(2023, 3, 25), gazetteer=known_speakers())
    expected_names = {
        "the American officials",
        "Kayvan Khosravi",
        "Joe Biden",
        "local media in Syria",
        "Press TV",
        "the media",
    }
    for gold in seed["quotes"]:
        gold_span = (gold["quote_start"], gold["quote_end"])
        matches = [a for a in found if _overlap((a.start, a.end), gold_span) > 0]
        assert len(matches) == 1, gold["quote_text"]
        attribution = matches[0]
        assert _overlap((attribution.start, attribution.end), gold_span) >= 0.9 * (
            gold_span[1] - gold_span[0]
        )
        assert attribution.speaker_mention == (gold["speaker_start"], gold["speaker_end"])
        assert attribution.speaker is not None
        wanted = gold["speaker_canonical"] or gold["speaker_text"]
        assert attribution.speaker.canonical_name == wanted
        assert wanted in expected_names
        assert attribution.kind == gold["kind"]
    assert len(found) == len(seed["quotes"])


def test_role_mention_resolves_through_the_gazetteer_on_the_article_date(seed: dict) -> None:
    text = seed["text"]
    found = extract(text, published=datetime.date(2023, 3, 25), gazetteer=known_speakers())
    by_mention = {text[a.speaker_mention[0] : a.speaker_mention[1]]: a for a in found}
    assert by_mention["The SNSC spokesman"].speaker.canonical_name == "Kayvan Khosravi"
    assert by_mention["The SNSC spokesman"].speaker.is_known
    assert by_mention["Press TV"].speaker.kind == "media"
    assert by_mention["the American officials"].speaker.kind == "group"
