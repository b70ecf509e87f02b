"""Speaker evidence in a passage: which speaker a question asks about, and whether a passage holds
their words, quoted or reported, on the asked topic.

A speech question ("What did X say about T?") is answered by X's attributions (index.attribution),
not by a passage that merely names X: asked_speakers reads which index entries the question's first
speaker mention means; best_quote, long_direct and reports_speech weigh X's attributions in a passage (a
direct quote, a report, a belief); named_cover reads the sentences naming X; speaker_at labels a
highlighted span with its speaker. Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re
from functools import cache

from index.docstore import QuoteRow
from qa import question as questions
from qa.engine import Engine, Passage
from qa.term_cover import coverage

# A question asking for words said, not thoughts or aims ("What did X say ...?", "What did X tell ...?").
SAYS = re.compile(r"\b(?:say|says|said|saying|tell|tells|told)\b", re.I)


@cache
def _speech_verbs() -> frozenset[str]:
    """index.attribution.words.SPEECH_VERBS as a set (read once)."""
    from index.attribution.words import SPEECH_VERBS

    return frozenset(SPEECH_VERBS)


def reports_speech(x: QuoteRow) -> bool:
    """Whether an attribution reports speech: a direct quote, or one cued by a verb of speech
    (index.attribution.words.SPEECH_VERBS, "according to") rather than of belief or intention.

    Args:
        x: the attribution.
    Returns:
        True for speech, False for a belief, a plan or a stance ("wants", "will seek to").
    """
    if x.direct:
        return True
    verb = " ".join(x.verb.lower().split())
    head = verb.split(" ")[0] if verb else ""
    # "saying ...", "telling ...": the participle of a verb of speech; "called for/on": speech
    # (index.attribution.words.VERB_RE).
    forms = {verb, head, head.removesuffix("ing"), head.removesuffix("ing") + "s"}
    return (
        verb == "according to"
        or verb.startswith(("called for", "called on"))
        or bool(forms & _speech_verbs())
    )


def long_direct(engine: Engine, p: Passage, x: QuoteRow) -> bool:
    """A direct quote of five words or more within the passage (see Engine.long_direct)."""
    return engine.long_direct(p.pid, x)


def asked_speakers(searched: str, matched: list[str], engine: Engine) -> list[str]:
    """The speaker a question asks about: every index entry that its first speaker mention names.

    Attribution resolves names per document, so one person can be two entries ("Barack Obama" in one
    article, "Obama" in another; "Hillary Clinton" and "Hillary Rodham Clinton"): "What did Obama
    say?" asks about both, as qa.question.match_speakers reads the words "Obama". A later mention is
    the topic ("Putin ... about Assad"), and so is another entry that only shares a surname ("Jeb
    Bush ... about George W. Bush"). On bench/fit.py's PolNeAR speaker questions this alone took
    ranking hit@1 0.730 -> 0.757, the other sets unchanged (bench/reports/fit.md).

    Args:
        searched: the question as searched.
        matched: qa.question.match_speakers's canonical names, in the question's order.
        engine: the open index (its speakers and their aliases).
    Returns:
        The first matched name, then the other entries its mention in the question names.
    """
    if not matched:
        return []
    aliases = [a for s in engine.speakers_index if s.name == matched[0] for a in (s.name, *s.aliases)]
    found = [
        (m.start(), -len(m.group()), m.group())
        for a in aliases
        if (m := re.search(rf"(?<!\w){re.escape(a)}(?!\w)", searched, re.I)) is not None
    ]
    if not found:
        return matched[:1]
    mention = min(found)[2]
    same = questions.match_speakers(mention, engine.speakers_index)
    return [matched[0]] + [n for n in same if n != matched[0] and n in matched]


def best_quote(
    engine: Engine, own: list[QuoteRow], p: Passage, topic: dict[str, float]
) -> tuple[tuple[int, int], float]:
    best, best_cov = None, -1.0
    for x in own:
        span = (max(x.start, p.start) - p.start, min(x.end, p.end) - p.start)
        cov = coverage(topic, set(engine.terms(p.text[span[0] : span[1]]))) if topic else 0.0
        if cov > best_cov:
            best, best_cov = span, cov
    assert best is not None
    return best, max(best_cov, 0.0)


def name_pattern(aliases: list[str]) -> re.Pattern[str] | None:
    """The asked speaker's names and their surnames ("Mr. Putin"), as whole words, case kept.

    Args:
        aliases: the asked speakers' canonical names and aliases.
    Returns:
        A pattern for any of them, or None when none has three letters.
    """
    names = {a for a in aliases if len(a) >= 3}
    names |= {a.split()[-1] for a in names if len(a.split()) > 1 and len(a.split()[-1]) >= 3}
    if not names:
        return None
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def named_cover(
    name: re.Pattern[str], text: str, sents: list[tuple[int, int, frozenset[str]]], covs: list[float]
) -> float:
    """The topic's share of the best-covering sentence that names the speaker (0 when none does).

    Args:
        name: the asked speaker's names (name_pattern).
        text: the passage's text.
        sents: its sentences (start, end, terms).
        covs: each sentence's topic share, in [0, 1].
    Returns:
        The largest share among sentences that name the speaker: at most 1, so with its weight
        (gridded no higher than speaker_bonus) it cannot outweigh a quote of the speaker.
    """
    return max((c for c, (a, b, _) in zip(covs, sents, strict=True) if name.search(text[a:b])), default=0.0)


def speaker_at(qs: list[QuoteRow], p: Passage, span: tuple[int, int]) -> str | None:
    a, b = span[0] + p.start, span[1] + p.start
    for x in qs:
        if x.start < b and a < x.end:
            return x.speaker
    return None
