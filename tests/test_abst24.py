"""bench/abst24.py: the answered unanswerable news questions of a read_sets.sh results file, by kind.
Results lines written for this test."""

from __future__ import annotations

from bench import abst24

RESULTS = """== nh12
      n12x1  answered  How did Ruth Calder respond to the ferry strike?
           top: Calder spoke on Friday.
      n12x2    rank 2  What did Calder say about the bridge?
      n12x3 abstained  How many ferries run on Sunday?
== h13
     h13x1  answered  How many boats sank?
== nh
      nhx1  answered  How many boats sank?
      nhx2  answered  What did Calder tell the school board?
"""


def test_answered_unanswerable_reads_only_answered_lines() -> None:
    assert abst24.answered_unanswerable(RESULTS) == [
        ("nh12", "n12x1", "How did Ruth Calder respond to the ferry strike?"),
        ("h13", "h13x1", "How many boats sank?"),
        ("nh", "nhx1", "How many boats sank?"),
        ("nh", "nhx2", "What did Calder tell the school board?"),
    ]


def test_kind_of_puts_the_rounds_form_first() -> None:
    assert abst24.kind_of("How did Ruth Calder respond to the ferry strike?").startswith("speaker responded")
    assert abst24.kind_of("What did Calder tell the school board?").startswith("speaker responded")
    assert abst24.kind_of("What did Calder say about the bridge?") == "speaker words on a topic"
    assert abst24.kind_of("How many boats sank?") == "count"


def test_kinds_counts_news_sets_only_and_nh12_apart() -> None:
    table = abst24.kinds(RESULTS)
    pooled, fresh = table.split("nh12 alone")
    assert "h13:h13x1" not in table  # an article set
    assert "| count | 1 | nh:nhx1 |" in pooled
    assert "| all | 3 | |" in pooled
    assert "| all | 1 | |" in fresh
