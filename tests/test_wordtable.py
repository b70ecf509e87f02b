"""The compact word table answers as a dict would, and the analyser's tables built on it answer as
wordfreq and gender-guesser do on words chosen here (every listed word: test_zipftable.py,
test_gendertable.py)."""

from __future__ import annotations

import random

import gender_guesser.detector as gd
import pytest
from wordfreq import zipf_frequency

from index.attribution import gendertable, wordtable, zipftable


def test_lookups_equal_a_dicts() -> None:
    rng = random.Random(25)
    letters = "abcdefghijklmnopqrstuvwxyzéüß’-"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    pairs = [(w, rng.randint(0, 0xFFFF)) for w in words]
    expected = dict(pairs)  # a word given twice keeps its later number
    table = wordtable.build(pairs)
    assert len(table) == len(pairs)
    assert all(table.get(w) == v for w, v in expected.items())
    absent = [w + "q" for w in words if w + "q" not in expected]
    assert [w for w in absent if table.get(w) is not None] == []
    assert table.nbytes() < 8 * len(pairs) + sum(len(w.encode()) for w in words)


def test_later_number_wins_and_odd_words() -> None:
    table = wordtable.build(
        [("report", 3), ("", 7), ("café", 250), ("\ud800x", 9), ("report", 299), ("Report", 1)]
    )
    assert table.get("report") == 299 and table.get("Report") == 1
    assert table.get("") == 7 and table.get("café") == 250 and table.get("\ud800x") == 9
    assert table.get("cafe") is None and table.get("reports") is None
    assert len(wordtable.build([])) == 0 and wordtable.build([]).get("a") is None


def test_refuses_what_it_cannot_hold() -> None:
    with pytest.raises(ValueError):
        wordtable.build([("x" * 256, 1)])
    with pytest.raises(ValueError):
        wordtable.build([("x", 65536)])


CHOSEN = [
    "the", "said", "report", "disaster", "jersey", "teacher", "appraiser", "founder", "editor",
    "Obama", "Putin", "Sarah", "JOHN", "Kim", "Chris", "Jean-Luc", "O'Brien", "can’t", "Müller",
    "Straße", "Covid-19", "1984", "3.5", "xqzt", "", "new york", "e.g.", "Following", "Backing",
]  # fmt: skip


def test_chosen_words_as_wordfreq_and_the_detector() -> None:
    assert [w for w in CHOSEN if zipftable.zipf(w) != zipf_frequency(w, "en")] == []
    detector = gd.Detector(case_sensitive=False)
    genders = gendertable.load()
    assert [w for w in CHOSEN if genders.get_gender(w) != detector.get_gender(w)] == []
