"""The speaker abstention tests: is the asked speaker quoted at all, and on the asked topic?

"What did X say about T?" is a near miss when X is never quoted (unquoted_reason, with the
switches NEAR_NAMES and UNNAMED_BODIES for a described source), when X's texts hold too little of T
(asked_quoted, speaker_topic_shares, speaker_topic_evidence over abstain.SPEAKER_TOPIC_SOURCES), or
when none of the answer's passages holds an attribution of X (answer_attributed). Read by
qa.near_miss. Split from qa.rank (round 20); no behaviour changed.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from qa import abstain, describe, forms, topic_cover, topic_names
from qa import question as questions
from qa.answer_sentences import NEAR_MISS_PASSAGES
from qa.described_source import described_speaker
from qa.engine import Engine
from qa.query_reading import TOPIC_STAND_INS
from qa.speech_evidence import asked_speakers
from qa.term_cover import _uses


def asked_quoted(engine: Engine, searched: str) -> tuple[list[str], dict[str, float]] | None:
    """The named speaker and the topic a "What did X say about T?" question asks, where X is quoted.

    Args:
        engine: the open index.
        searched: the question as searched.
    Returns:
        (X's canonical name, T's terms the documents use with their idf); None when the question
        names no quoted speaker or no topic the documents mention.
    """
    phrase, topic = abstain.asked_speaker(searched), abstain.asked_topic(searched)
    if phrase is None or topic is None:
        return None
    # A speaker the question names ("Angela Merkel", "Merkel"); one it describes ("the White House
    # spokesman") only with abstain.SPEAKER_TOPIC_DESCRIBED, as qa.describe resolves it for ranking.
    # Every entry the name means, as ranking reads it (asked_speakers: "Donald J. Trump" in one
    # article, "Donald Trump" in another): X's attributions are under any of them.
    named = asked_speakers(phrase, questions.match_speakers(phrase, engine.speakers_index), engine)
    if named and abstain.is_name(phrase):
        wanted = named
    elif (country := abstain.country_group(phrase)) is not None and abstain.COUNTRY_GROUP:
        # "Russian officials": the sources the documents describe by that country (qa.describe's
        # profiles hold a title's country names), not another country's officials.
        want = set(engine.terms(country))
        wanted = [n for n, p in engine.speaker_profiles().items() if want & p.own]
    elif abstain.SPEAKER_TOPIC_DESCRIBED:
        # The description resolved (qa.describe), or else an alias the index binds to one source
        # ("White House spokesman Josh Earnest": describe.resolve leaves that to the alias).
        wanted = described_speaker(engine, searched) or named[:1]
    else:
        return None
    if not wanted:
        return None
    # Topic words no document writes count as ones X's texts lack (qa.topic_cover.UNKNOWN_TERMS), but
    # for a capital read as its country, as ranking reads it ("Tehran" for "Iran": qa.forms).
    stand = forms.topic_stand_ins(topic, lambda n: _uses(engine, n)) if TOPIC_STAND_INS else topic
    excused = frozenset(engine.terms(topic)) if stand != topic else frozenset()
    known = topic_cover.topic_weights(engine.terms(stand), engine.lexical.known, engine.lexical.idf, excused)
    if not known or not any(q.speaker in wanted for q in engine.quotes):
        return None
    return wanted, known


def unquoted_reason(engine: Engine, searched: str, phrase: str) -> str:
    """Why the speaker a question asks for is not quoted (abstain.unquoted_speaker), or "".

    A phrase that describes its speaker rather than naming them ("the chairman of Our Principles
    PAC", "the Shark Tank star") names someone else, an organisation or a show the documents may
    never quote; it is no near miss when it describes a quoted source (described_speaker). Names the
    documents never write, and that name no country ("the Kremlin leader"), are left to the
    unknown-name test.

    Args:
        engine: the open index.
        searched: the question as searched.
        phrase: its asked speaker (abstain.asked_speaker).
    Returns:
        The reason to decline, or "".
    """
    why = abstain.unquoted_speaker(
        phrase,
        engine.speaker_evidence(),
        # A country's name the documents do not write ("Tehran", "British") is read by its other
        # names (abstain.speaker_evidence holds a quoted source's countries): still evidence.
        lambda n: (
            bool(describe.country_words(n, "")) or any(engine.lexical.known(t) for t in engine.terms(n))
        ),
    )
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)  # "the Office for Students" is a name
    runs = abstain.name_runs(bare)
    if not why:
        return why
    described = described_speaker(engine, searched)
    profiles = engine.speaker_profiles()
    named = set(engine.terms(" ".join(runs)))
    # "the Nevada Democrat", "the Americans" describe their source
    if runs == [bare] and not describe.party_member(bare) and not describe.nationals_phrase(bare):
        # A name the documents give an unnamed body they quote ("the company tweeted" after "...
        # employers such as Monsanto"): that body's words are the named one's.
        body = [n for n in described if not n[:1].isupper() and n in profiles and named <= profiles[n].own]
        return "" if body and UNNAMED_BODIES else why
    # The source described, or named by a described source's wording ("the commission" for "the
    # New Hampshire ballot commission") or by a role alias ("the German chancellor"), is quoted, and
    # the names the phrase holds describe it: in its titles and appositions, or (NEAR_NAMES) in the
    # sentences that name or quote it ("Hungary's right-wing government ... Lajos Kosa, the
    # parliamentary leader of the governing party"; "... the great state of Alabama ...," US Senator
    # Jeff Sessions said).
    quoted = {q.speaker for q in engine.quotes}
    # Through those sentences only a source holding the whole asked role ("Secretary-General" is no
    # "general" of an assembly's).
    subject = describe.subject_of(searched)
    role = set(engine.terms(describe.head_noun(subject))) if subject is not None else set()
    if NEAR_NAMES and any(
        n in profiles and role <= profiles[n].own and named <= profiles[n].own | profiles[n].near
        for n in described
    ):
        return ""
    # A role alias ("the German chancellor") by its titles and appositions only: the sentences around
    # another minister may name Belgium ("the Belgian prime minister" is no German state's minister).
    found = described or [
        n
        for n in questions.match_speakers(phrase, engine.speakers_index)
        if n in quoted and (NEAR_NAMES or not n[:1].isupper())
    ]
    if any(n in profiles and named <= profiles[n].own for n in found):
        return ""
    return why


# Whether the sentences naming or quoting a source describe it for the "not quoted" decline, and
# whether a name the documents give an unnamed quoted body ("the company") is that body; switched
# off to measure (bench/reports/speaker_described.md, round 16).
NEAR_NAMES = True
UNNAMED_BODIES = True


def speaker_topic_shares(
    engine: Engine, searched: str, docs: Collection[int] | None = None
) -> dict[str, float] | None:
    """How far the asked speaker is quoted on the asked topic, per source of evidence.

    Args:
        engine: the open index.
        searched: the question as searched.
        docs: read only these documents (the answer's: abstain.SPEAKER_TOPIC_ANSWER_DOCS); None: all.
    Returns:
        The largest idf-weighted share of T's terms in one text of each source: "quotes" (X's
        attributions, each with its sentence), "leads" (the headline and lead of X's articles) and
        "naming" (the sentences naming X as their possible speaker, in any document) and
        "mentioned" (X's attributions made from a mention of their source); None as asked_quoted.
    """
    asked = asked_quoted(engine, searched)
    if asked is None:
        return None
    wanted, known = asked
    keep = (lambda d: True) if docs is None else (lambda d: d in docs)  # noqa: E731 - a filter read thrice
    own = [q for q in engine.quotes if q.speaker in wanted and keep(q.doc_id)]
    sentences = [abstain.quote_sentence(engine.docs[q.doc_id].text, q.start, q.end) for q in own]
    if abstain.NO_COMMENT:
        # An attribution whose sentence says the speaker said nothing ("Mercer, who voted against the
        # law, had not commented on the ruling") gives no words of theirs, nor their article's lead.
        kept = [i for i, t in enumerate(sentences) if not abstain.says_nothing(t)]
        own, sentences = [own[i] for i in kept], [sentences[i] for i in kept]
    texts = {
        "quotes": sentences,
        # A quote is on its article's subject even without its words (the headline and lead give them).
        "leads": [abstain.lead(engine.docs[d].title, engine.docs[d].text) for d in {q.doc_id for q in own}],
        # Only the attributions made from a mention of their source ("Earnest said", "he added"),
        # not a quotation the analyser gave the previous quotation's speaker or the sentence's subject
        # (index.attribution.sources: a newsletter's next item, a scare quote).
        "mentioned": [
            abstain.quote_sentence(engine.docs[q.doc_id].text, q.start, q.end)
            for q in own
            if q.mention_start >= 0
        ],
    }
    # Where the speaker is named, in any document: words the analyser left unattributed.
    # Surnames too: "Marsh has insisted ..." names Elena Marsh.
    aliases = {a for s in engine.speakers_index if s.name in wanted for a in (s.name, *s.aliases)}
    aliases |= {a.split()[-1] for a in aliases if len(a.split()) > 1}
    texts["naming"] = [
        t for i, d in engine.docs.items() if keep(i) for t in abstain.naming_sentences(d.text, aliases)
    ]
    # The same, less the mentions inside another source's attribution ("Political scientists say
    # ... where Clinton has dominated the race" is theirs, not Clinton's words).
    others: dict[int, list[tuple[int, int]]] = {}
    for q in engine.quotes:
        if q.speaker not in wanted:
            others.setdefault(q.doc_id, []).append((q.start, q.end))
    texts["naming_own"] = [
        t
        for d, doc in engine.docs.items()
        if keep(d)
        for t in abstain.naming_sentences(doc.text, aliases, others=others.get(d, ()))
    ]
    # Only in the articles X is quoted in: X's words are where X's attributions are.
    quoted_in = {q.doc_id for q in own}
    texts["naming_docs"] = [
        t for d in sorted(quoted_in) for t in abstain.naming_sentences(engine.docs[d].text, aliases)
    ]
    texts["naming_own_docs"] = [
        t
        for d in sorted(quoted_in)
        for t in abstain.naming_sentences(engine.docs[d].text, aliases, others=others.get(d, ()))
    ]
    # A name of the topic is held only where a text names it (qa.topic_names: "state" of "United
    # States" is no word of "the Islamic State").
    names = topic_names.topic_name_terms(abstain.asked_topic(searched) or "", engine.terms)
    names = names if topic_names.WHOLE_NAMES else []
    shares = {
        k: abstain.quoted_share(known, (topic_names.held_terms(t, names, engine.terms) for t in ts))
        for k, ts in texts.items()
    }
    # The leads, only where X's own texts name the people the topic names (abstain.topic_names_said).
    said = abstain.topic_names_said(
        abstain.asked_topic(searched) or "", aliases, texts["quotes"] + texts["naming_own"]
    )
    shares["leads_names"] = shares["leads"] if said else 0.0
    # A topic the documents never write, said by X in other words (qa.topic_cover.TOPIC_COSINE): read
    # only where the shares would decline, as it embeds X's texts.
    topic = abstain.asked_topic(searched) or ""
    if (
        topic_cover.TOPIC_COSINE > 0.0
        and any(not engine.lexical.known(t) for t in engine.terms(topic))
        and max(shares[k] for k in abstain.SPEAKER_TOPIC_SOURCES) < abstain.SPEAKER_TOPIC_SHARE
    ):
        own_texts = list(dict.fromkeys(texts["quotes"] + texts["naming_own"]))
        shares["otherwise"] = topic_cover.closest(topic, own_texts, engine.embedder.encode)
    return shares


def speaker_topic_evidence(
    engine: Engine, searched: str, docs: Collection[int] | None = None, sources: tuple[str, ...] | None = None
) -> float | None:
    """How far the asked speaker is quoted on the asked topic, in "What did X say about T?".

    Args:
        engine: the open index.
        searched: the question as searched.
        docs: read only these documents (speaker_topic_shares); None: all.
        sources: the sources read (keys of speaker_topic_shares); None: abstain.SPEAKER_TOPIC_SOURCES.
    Returns:
        The largest share of speaker_topic_shares over those sources; None as asked_quoted.
    """
    shares = speaker_topic_shares(engine, searched, docs)
    if shares is None:
        return None
    if shares.get("otherwise", 0.0) >= topic_cover.TOPIC_COSINE > 0.0:
        return 1.0  # X says the topic in other words (qa.topic_cover)
    return max(shares[k] for k in (sources or abstain.SPEAKER_TOPIC_SOURCES))


def answer_attributed(engine: Engine, searched: str, pids: list[int], mentioned: bool = False) -> bool | None:
    """Whether any of the answer's passages holds an attribution of the asked speaker.

    Args:
        engine: the open index.
        searched: the question as searched.
        pids: the answer's passages, best first; the first NEAR_MISS_PASSAGES are read.
        mentioned: count only the attributions made from a mention of their source.
    Returns:
        True or False; None as asked_quoted.
    """
    asked = asked_quoted(engine, searched)
    if asked is None:
        return None
    wanted = asked[0]
    return any(
        q.speaker in wanted for p in pids[:NEAR_MISS_PASSAGES] for q in engine.quotes_by_passage.get(p, [])
    )
