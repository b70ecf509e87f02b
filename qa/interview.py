"""Which interviewer's question a passage of a question-and-answer interview answers.

A Q&A article gives each question and each answer its own paragraph: "Q: If Trump is the nominee,
will you vote for him?" / "A: I'm not going to answer." The reader's question repeats the
interviewer's words ("Will the former first lady say whether she'd vote for Trump?"), which the
answer's own paragraph lacks, so the interviewer's question ranked above the answer, or a paragraph
elsewhere that shares the words did. The ranking's word coverage reads an answer with its question's
terms (qa.candidate_features.INTERVIEW), as a paragraph opening with a pronoun reads the names of
the paragraph before it (qa.continuation). Found on nh16 (the Laura Bush interview: n16f1-f3) and
nh12 (the Diane Guerrero interview: n12f1, n12f4, n12f6): bench/reports/news30.md.
"""

from __future__ import annotations

import re

from qa.engine import Engine

# The interviewer's question: "Q:", "Q.", or a bold "Q" whose markup was stripped ("QThere's no
# shortage ...", as PolNeAR's USA TODAY interviews read).
_QUESTION = re.compile(r"^\W{0,2}Q(?:\s*[:.]\s*\S|[A-Z][a-z’'])")
# The answer: "A:" or "A." then a space ("A. Philip" is a name: a capital and a lower-case word
# follow an initial, so "A." counts only before a space and a capital the article's layout shows
# the same way as its questions: every answer here follows a question paragraph).
_ANSWER = re.compile(r"^\W{0,2}A\s*[:.]\s+\S")


def mark(text: str) -> str:
    """How a paragraph opens an interview's turn.

    Args:
        text: the paragraph (or its first passage).
    Returns:
        "q" for an interviewer's question, "a" for an answer, "" for neither.
    """
    if _ANSWER.match(text):
        return "a"
    if _QUESTION.match(text):
        return "q"
    return ""


def answered(marks: list[str]) -> list[int | None]:
    """Which question paragraph each paragraph of a document answers, from the paragraphs' marks.

    An answer is the paragraph marked "a" right after a paragraph marked "q" (its question), and
    every paragraph after it up to the next one marked (the answer goes on). A document must hold
    at least two such question-then-answer pairs: one "Q" and one "A:" can be a name or an acronym
    ("QAnon ...").

    Args:
        marks: mark() of each paragraph, in order.
    Returns:
        For each paragraph, the index of the question it answers, or None.
    """
    out: list[int | None] = [None] * len(marks)
    pairs = sum(1 for a, b in zip(marks, marks[1:], strict=False) if a == "q" and b == "a")
    if pairs < 2:
        return out
    asked: int | None = None
    for i, m in enumerate(marks):
        if m == "a":
            asked = i - 1 if i and marks[i - 1] == "q" else None
        elif m == "q":
            asked = None
        out[i] = asked
    return out


def questions_by_paragraph(engine: Engine, doc_id: int) -> dict[int, list[int]]:
    """For each paragraph of a document that answers an interviewer's question, that question's
    passages (see answered()). One pass over the document: ranking asks it once per document, not once
    per candidate passage (a document of N passages cost N steps for each of its candidates).

    Args:
        engine: the open index.
        doc_id: a document id.
    Returns:
        paragraph number -> the question paragraph's passage ids, in order; empty for a document that
        is no interview.
    """
    by_paragraph: dict[int, list[int]] = {}
    for q in engine.pids_by_doc.get(doc_id, []):
        by_paragraph.setdefault(engine.passages[q].paragraph, []).append(q)
    paras = sorted(by_paragraph)
    asked = answered([mark(engine.passages[by_paragraph[n][0]].text) for n in paras])
    return {n: by_paragraph[paras[a]] for n, a in zip(paras, asked, strict=True) if a is not None}


def question_for(engine: Engine, pid: int) -> list[int]:
    """The passages of the interviewer's question that passage `pid` answers (see answered()).

    Args:
        engine: the open index.
        pid: a passage id.
    Returns:
        The question paragraph's passage ids, in order; [] for a passage that answers none (a
        question itself, the introduction, any passage of an article that is no interview).
    """
    p = engine.passages[pid]
    return list(questions_by_paragraph(engine, p.doc_id).get(p.paragraph, []))
