"""Round 22 removed five ranking weights every fit left at 0 (paragraph_cov, off_topic, echo, bound,
numeral) and the code that computed their Features columns (bench/reports/clean22.md): the ranking
must be what it was. Every candidate's order and score (qa.rank.features, combine) and whether the
answer abstains, for questions of the kinds those columns read (a date, a place, a name, a count, a
numeral, a speaker's words on a topic), as commit 65dde64 (before the removal) computed them.

An article written for this test; the hash embedder stands in for the model (no download)."""

from __future__ import annotations

import pytest
from hashindex import hash_engine

from qa import rank

ARTICLE = """Ferry charter lapses in Kessel

The Kessel Ferry Charter was drafted by the harbour board in 1971 and debated for years.

In the 1980s, Mayor Odile Ferrant led the campaign against the charter, and it finally lapsed on
March 3, 1989, two votes short, at a session in the old customs house.

The board's lawyer Tomas Brenner did not reply to a request for comment. Councillor Ines Maro said
she had never met him.

"The charter was a mistake from the start," Ferrant said at the customs house. "We will not bring it back."

Ferrant also said the ferry fares should fall by a third next spring, and that 40 crew jobs were safe.

Three ferries now cross to Vell each day, down from seven in 1989, the harbour board said.

Photo: Kessel harbour at dawn, March 3, 1989. (Harbour Board)
"""

# question -> (candidate passages best first, their scores to 9 decimals, abstained): 65dde64's.
BEFORE: dict[str, tuple[list[int], list[float], bool]] = {
    "When did the Kessel Ferry Charter lapse?": (
        [1, 0, 2, 5, 4, 6, 7, 3],
        [1.71192569, 1.494063044, 1.005776006, 0.662388292, 0.188273227, 0.085151528, 0.030551203, -0.14],
        False,
    ),
    "Where in Kessel did the charter lapse?": (
        [0, 1, 2, 4, 7, 3, 5, 6],
        [
            1.804296081,
            0.669967131,
            0.441813007,
            0.231499966,
            0.003348133,
            -0.166794922,
            -0.166794922,
            -0.166794922,
        ],
        False,
    ),
    "Who is the board's lawyer?": (
        [3, 1, 6, 7, 2, 4, 5, 0],
        [1.630667958, 0.756466994, 0.728567193, 0.484024638, 0.23844466, 0.23844466, 0.23844466, -0.06155534],
        False,
    ),
    "What happened in 1989?": (
        [6, 2, 7, 1, 3, 4, 5, 0],
        [
            0.465806716,
            0.393042547,
            0.223700656,
            0.078950109,
            0.078950109,
            0.078950109,
            0.078950109,
            -0.221049891,
        ],
        True,
    ),
    "How many ferries cross to Vell?": (
        [6, 5, 2, 1, 3, 4, 0, 7],
        [
            1.647765359,
            0.389757148,
            0.205925003,
            -0.173241999,
            -0.294074997,
            -0.294074997,
            -0.465800655,
            -0.544074997,
        ],
        False,
    ),
    "What did Ferrant say about the ferry fares?": (
        [5, 4, 1, 0, 2, 6, 3, 7],
        [
            3.479433594,
            1.50341104,
            0.667891704,
            0.462405356,
            0.397097261,
            0.333122494,
            0.078913169,
            -0.003427734,
        ],
        False,
    ),
    "What did Ferrant say about the customs house?": (
        [4, 2, 5, 1, 6, 3, 7, 0],
        [
            3.559853516,
            2.319061124,
            1.172946564,
            0.259975586,
            0.241008448,
            0.087935062,
            0.009975586,
            -0.040024414,
        ],
        False,
    ),
    "Who led the campaign against the charter?": (
        [2, 1, 4, 0, 3, 5, 6, 7],
        [
            1.636736832,
            0.803405672,
            0.611002564,
            0.421002747,
            0.239456139,
            0.239456139,
            0.239456139,
            -0.010543861,
        ],
        False,
    ),
    "When was the charter drafted in 1971?": (
        [1, 2, 5, 4, 0, 3, 6, 7],
        [
            2.040435884,
            0.760754302,
            0.275441871,
            0.132346502,
            -0.061924826,
            -0.224558129,
            -0.224558129,
            -0.474558129,
        ],
        False,
    ),
    "Did Ferrant say anything about crew jobs?": (
        [5, 4, 2, 1, 6, 7, 0, 3],
        [
            3.194357288,
            1.402241549,
            0.3231487,
            0.199059548,
            0.020079411,
            -0.050940452,
            -0.100940452,
            -0.105560804,
        ],
        False,
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return hash_engine(tmp_path_factory, "kessel", ARTICLE)


@pytest.mark.parametrize("question", list(BEFORE))
def test_the_ranking_is_the_one_before_the_removal(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    order, scores, abstained = BEFORE[question]
    f = rank.features(engine, question)
    assert f is not None
    total = rank.combine(f, rank.WEIGHTS)
    ranked = sorted(range(len(f.pids)), key=lambda i: (-total[i], f.pids[i]))
    assert [f.pids[i] for i in ranked] == order
    assert [round(float(total[i]), 9) for i in ranked] == pytest.approx(scores, abs=1e-9)
    assert rank.answer(engine, question, question, 5).abstained is abstained
