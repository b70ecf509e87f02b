"""Answerable questions the abstention evidence must not decline: a person asked by a fuller name
than the document uses, a name found in a hit's document other than the best one's, a sentence
holding an abbreviation. Names and sentences written for these tests."""

from __future__ import annotations

from qa import abstain

IDF = {
    "george": 2.0,
    "w": 6.0,
    "bush": 3.0,
    "laura": 4.0,
    "dallas": 2.5,
    "tax": 1.0,
    "mara": 5.0,
    "lind": 5.0,
}


def _terms(text: str) -> list[str]:
    return [w.lower().strip(".") for w in text.split()]


def _known(t: str) -> bool:
    return t in IDF


def _idf(t: str) -> float:
    return IDF.get(t, 0.0)


def _share(names: list[str], question: str, docs: list[set[str]], people: list[str]) -> float | None:
    return abstain.names_share_any(names, question, docs, _terms, _idf, _known, people)


def test_a_fuller_name_is_found_by_its_surname() -> None:
    """ "George W. Bush" where the document writes "President Bush": found, unless another known
    person has the surname; an initial is never asked of a document."""
    q = "What did George W. Bush say about Dallas?"
    names = ["George", "W", "Bush", "Dallas"]
    doc = {"bush", "dallas", "president", "tax"}
    assert _share(names, q, [doc], ["George Bush", "Bush"]) == 1.0
    shared = _share(names, q, [doc], ["George Bush", "Laura Bush"])
    assert shared is not None and shared < 1.0  # "Laura Bush" may be the one the document names
    assert abstain.shared_surname("George Bush", ["Laura Bush"])
    assert not abstain.shared_surname("George Bush", ["George Bush", "Bush", "Mara Lind"])


def test_the_names_are_looked_for_in_every_hit_document() -> None:
    """The largest share over the documents of the hits: the asked names may be in the second."""
    q = "What did Mara Lind say about tax?"
    names = ["Mara", "Lind"]
    other, own = {"tax", "george"}, {"mara", "lind", "tax"}
    assert _share(names, q, [other], []) == 0.0
    assert _share(names, q, [other, own], []) == 1.0
    assert _share(names, q, [], []) is None


def test_names_for_document_drops_given_names_only_where_the_surname_is() -> None:
    q = "What did George W. Bush say?"
    names = ["George", "W", "Bush"]
    assert abstain.names_for_document(names, q, lambda w: w == "Bush", lambda r: False) == ["Bush"]
    assert abstain.names_for_document(names, q, lambda w: False, lambda r: False) == ["George", "Bush"]
    assert abstain.names_for_document(names, q, lambda w: w == "Bush", lambda r: True) == ["George", "Bush"]


def test_a_sentence_runs_on_past_an_abbreviation() -> None:
    """ "U.S.", a middle initial and "Sen." end no sentence, so the words after them stay with the
    speaker's sentence."""
    text = (
        "The talks ended early. Mara Lind was answering a note from Sen. Hal Ray, reporting that a "
        "plane carrying U.S. staff had lifted off from Tunis. Donald J. Trump was not told."
    )
    found = abstain.naming_sentences(text, ["Mara Lind"])
    assert found and "lifted off" in found[0]
    assert "The talks" not in found[0]
    start = text.index("a plane")
    said = abstain.quote_sentence(text, start, start + 10)
    assert said.startswith(" Mara Lind") and said.endswith("Tunis.")


def test_a_place_adjective_is_found_by_its_place() -> None:
    """ "Western" where the documents say "the West"; "European" for "Europe"; no stem under four letters."""
    from qa import equivalents

    used = {"west", "europe", "asia", "rom"}.__contains__
    assert equivalents.metonym_in("Western", used) == "west"
    assert equivalents.metonym_in("European", used) == "europe"
    assert equivalents.metonym_in("Asian", used) == "asia"
    assert equivalents.metonym_in("Roman", used) is None
    assert equivalents.metonym_in("Moscow", {"russia"}.__contains__) == "russia"


def test_speaker_topic_share_is_the_pooled_fit_choice() -> None:
    """qa.abstain.SPEAKER_TOPIC_SHARE is what bench/fit_speaker_topic.py chose on several samples."""
    import re
    from pathlib import Path

    report = Path(__file__).resolve().parent.parent / "bench/reports/abstention_speaker_topic.md"
    chosen = re.search(r"^Chosen: abstain\.SPEAKER_TOPIC_SHARE = ([\d.]+)$", report.read_text("utf-8"), re.M)
    assert chosen is not None
    assert float(chosen.group(1)) == abstain.SPEAKER_TOPIC_SHARE
