"""Reading a question about who said what: the speakers it names, whether it asks what someone
said, and its topic once the speaker and the speech scaffolding are taken out.

"What did Obama say about Russia?" names the speaker Barack Obama (by any of his aliases), asks
what he said, and is about "Russia". Ranking uses the three to prefer the asked speaker's own words
on the topic; the conversation uses the speakers to swap one for another in a follow-up.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from index.attribution.words import FEMALE_GIVEN, GIVEN, MALE_GIVEN, ROLE_WORDS, TITLES
from index.attribution.words import ROLE_RE as _ROLE_RE
from index.lexical import STOPWORDS
from index.model import Speaker
from qa.view_frame import view_frame


def _alias_key(a: str) -> str:
    """An alias as compared: lower case, hyphens as spaces, no leading "the"."""
    key = re.sub(r"[\s\-]+", " ", a.lower()).strip()
    return re.sub(r"^the ", "", key)


@functools.lru_cache(maxsize=64)
def _matcher(speakers: tuple[Speaker, ...]) -> tuple[re.Pattern[str] | None, dict[str, list[str]]]:
    table: dict[str, list[str]] = {}
    for s in speakers:
        for a in (s.name, *s.aliases):
            key = _alias_key(a)
            # A name that is only function words ("The", taken for a speaker from "The claims ...,"
            # said ...) would match every question.
            if len(key) < 2 or all(w in STOPWORDS for w in key.split()):
                continue
            names = table.setdefault(key, [])
            if s.name not in names:
                names.append(s.name)
    surnameish = {_alias_key(w) for s in speakers for w in (s.name, s.name.split()[-1])}
    table = {k: v for k, v in table.items() if len(v) == 1 or k in surnameish}
    if GIVEN_NAMES:
        for key, name in given_names(speakers).items():
            table.setdefault(key, [name])
    if not table:
        return None, {}
    body = "|".join(
        r"[\s\-]+".join(re.escape(w) for w in k.split(" ")) for k in sorted(table, key=len, reverse=True)
    )
    rx = re.compile(rf"(?<![\w])(?:the\s+)?({body})(?:['’]{{1,2}}s?)?(?![\w])", re.I)
    return rx, table


# A reader may name a quoted person by their given name alone ("how does Hillary want the Iran deal
# enforced", nh9 n9b2) where the documents write "Hillary Clinton", "Clinton", "Mrs. Clinton". The
# given name means that speaker when it opens the name of no other speaker of the index and is no word
# of another's names; it is matched only as written with a capital (a lower-case question is
# truecased first: qa.question.truecased), so "will" is not Will Smith. GIVEN_NAMES switches it;
# measured end to end (bench/reports/read21.md).
GIVEN_NAMES = True


@functools.lru_cache(maxsize=64)
def given_names(speakers: tuple[Speaker, ...]) -> dict[str, str]:
    """The given names that name one speaker of the index alone.

    Args:
        speakers: the index's speakers.
    Returns:
        given name (lower case) -> the speaker's canonical name, for each person's name (two words or
        more, all capitalised, opening with a given name the attribution analyser knows:
        index.attribution.words GIVEN, MALE_GIVEN, FEMALE_GIVEN; "Saudi Arabia", "Boca Raton",
        "Wheels Plus" open with none) whose first word (no title, no stop word) opens no other
        speaker's name and is no word of any other speaker's names and aliases.
    """
    firsts: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for s in speakers:
        parts = s.name.split()
        if (
            len(parts) >= 2
            and parts[0].isalpha()
            and len(parts[0]) >= 3
            and all(w[:1].isupper() for w in parts)
            and parts[0].lower() in _GIVEN  # a person's given name, not "Saudi" of "Saudi Arabia"
        ):
            firsts.setdefault(parts[0].lower(), set()).add(s.name)
        for a in (s.name, *s.aliases):
            for w in re.findall(r"[\w'’-]+", a.lower()):
                words.setdefault(w, set()).add(s.name)
    return {
        k: next(iter(v))
        for k, v in firsts.items()
        if len(v) == 1 and words.get(k, set()) <= v and k not in STOPWORDS and k not in _TITLE_WORDS
    }


_TITLE_WORDS = frozenset(t.lower().rstrip(".") for t in TITLES)
_GIVEN = frozenset(GIVEN | MALE_GIVEN | FEMALE_GIVEN)


def match_speakers(question: str, speakers: Iterable[Speaker]) -> list[str]:
    """Canonical names of the speakers `question` mentions, by any alias (longest alias wins).

    A role the question words with more than its head ("the Acme Group analyst", "the American
    president") is the speaker whose role aliases cover the most of its words, organisation and
    country included (role_phrases): a bare alias of someone else ("analyst") gives way to it, and a
    speaker whose aliases cover every asked word is found even when no alias is written as asked.
    """
    group = tuple(Speaker(s.name, tuple(s.aliases)) for s in speakers)  # hashable even if aliases is a list
    rx, table = _matcher(group)
    if rx is None:
        return []
    found: list[tuple[int, str]] = []
    roles: list[tuple[int, int, str]] = []  # the matches by a role alias ("governor")
    aliases = {s.name: s.aliases for s in group} if WIDER_ROLES else {}
    given = given_names(group) if GIVEN_NAMES else {}
    for m in rx.finditer(question):
        key = _alias_key(m.group(1))
        if key in given and not m.group(1)[:1].isupper():
            continue  # a given name is matched only as a name: capitalised
        for name in table.get(key, []):
            found.append((m.start(1), name))
            if WIDER_ROLES and any(_alias_key(a) == key and _head(a) for a in aliases.get(name, ())):
                roles.append((m.start(1), m.end(1), name))
    if WIDER_ROLES:
        found = _without_partial_roles(question, group, found, roles)
    for (a, b), best in _role_phrases(question, group):
        inside = [(at, n) for at, n in found if a <= at < b]
        if not inside:
            found.append((a, best))
        elif all(n != best for _at, n in inside):
            # a bare alias ("analyst") of someone who covers fewer of the asked words
            found = [(at, n) for at, n in found if not a <= at < b] + [(inside[0][0], best)]
    out: list[str] = []
    for _at, name in sorted(found, key=lambda x: x[0]):
        if name not in out:
            out.append(name)
    return out


# Whether a role alias matched inside a wider role phrase that the speaker's role aliases do not wholly
# cover is dropped (_without_partial_roles): "the New Jersey governor" is not William Weld, the
# "Massachusetts governor" whose bare alias "governor" it holds. Measured by bench/desc24.py
# (bench/reports/desc24.md): on the read sets such bare aliases took the speaker slot from
# qa.describe in 7 office questions (nh7, nh8, nh10).
WIDER_ROLES = True


def _without_partial_roles(
    question: str, group: tuple[Speaker, ...], found: list[tuple[int, str]], roles: list[tuple[int, int, str]]
) -> list[tuple[int, str]]:
    """The matches less those by a role alias inside a role phrase of two words or more that the
    matched speaker's role aliases leave words of uncovered.

    The question then describes its speaker more narrowly than the alias does ("the former Maryland
    governor", "the RNC chairman", "Downing Street's spokesman"), and qa.describe, which weighs every
    source's descriptions, decides whom it describes.

    Args:
        question: the question.
        group: the index's speakers.
        found: (position, canonical name) of every alias match.
        roles: (start, end, canonical name) of those made by a role alias.
    Returns:
        `found` without the role matches a wider phrase does not fit.
    """
    by_name = {s.name: s for s in group}
    dropped: set[tuple[int, str]] = set()
    for start, end, name in roles:
        words = list(re.finditer(r"[\w&'’.-]+", question[start:end]))
        if not words or name not in by_name:
            continue
        a, b = _extent(question, start + words[-1].start(), start + words[-1].end())
        phrase = question[min(a, start) : max(b, end)]
        asked = _words(phrase)
        if len(asked) >= 2 and not asked - _TENSE <= _all_alias_words(by_name[name]):
            dropped.add((start, name))
    return [f for f in found if f not in dropped]


# Words that date an office rather than name another: "the former Massachusetts governor" is still the
# "Massachusetts governor" of an article written later.
_TENSE = frozenset({"former", "then", "current", "outgoing"})


def _all_alias_words(speaker: Speaker) -> frozenset[str]:
    """The words of every name and alias of `speaker`, with the other names of the countries they
    name ("US officials" covers "American officials")."""
    from qa.describe import country_words  # lazy: qa.describe reads countryinfo's table on first use

    out: set[str] = set()
    for a in {speaker.name, *speaker.aliases}:
        out |= _words(a) | {w for c in country_words(a, "") for w in c.lower().split()}
    return frozenset(out)


# Role aliases: an alias whose head (its last word before "of", "at", "for" or "with") is a role noun
# or written in lower case ("appraiser for Big & Co"), as index.attribution.speakers builds them.
_ROLE_NOUNS = frozenset(ROLE_WORDS) | frozenset(TITLES)
_PREP = re.compile(r"\s+(?:of|at|for|with|in)\s+", re.I)
_PHRASE_STOP = frozenset(
    "what how why who whom which when where whether did does do has have had is was were are will would could "
    "can might the a an and or but of at for with in to about on say said says think thinks".split()
)
_ROLE_WORD = re.compile(r"[\w&'’.-]+")


def _head(alias: str) -> str:
    """The head of a role alias, lower case, or "" when the alias is no role."""
    pre = _PREP.split(alias, maxsplit=1)[0].split()
    if not pre:
        return ""
    last = pre[-1]
    return last.lower() if last.lower() in _ROLE_NOUNS or last.islower() else ""


def _words(text: str) -> set[str]:
    """The content words of a role phrase, lower case, without possessive endings ("Acme's" -> "acme")."""
    return (
        {re.sub(r"['’]s?$", "", w.lower()).strip(".'’") for w in _ROLE_WORD.findall(text)}
        - _PHRASE_STOP
        - {
            "",
            "&",
        }
    )


@functools.lru_cache(maxsize=64)
def _roles(speakers: tuple[Speaker, ...]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Each role head -> (speaker, the words of one role alias with that head, with the other names
    of the countries it names: "US President" also covers "American")."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for s in speakers:
        for h, ws in _role_aliases(s):
            out.setdefault(h, []).append((s.name, ws))
    return out


def _role_aliases(speaker: Speaker) -> list[tuple[str, frozenset[str]]]:
    """(role head, the alias's words and its countries' other names) of each role alias of `speaker`."""
    from qa.describe import country_words  # lazy: qa.describe reads countryinfo's table on first use

    out = []
    for a in speaker.aliases:
        h = _head(a)
        if h and a != speaker.name:
            out.append(
                (
                    h,
                    frozenset(
                        _words(a) | {w for c in country_words(a, speaker.name) for w in c.lower().split()}
                    ),
                )
            )
    return out


def role_phrases(question: str, speakers: Iterable[Speaker]) -> list[tuple[tuple[int, int], str]]:
    """The role phrases of a question that one speaker's role aliases cover best.

    A role phrase is a role head the index knows ("analyst"), the words before it back to a question
    word, verb or article ("the Acme Group analyst", "the American president"), and an "of"/"at"
    phrase after it ("the interior minister of Saxony"). The speaker taken is the one with the most of
    the phrase's words in one role alias; only a phrase of two words or more that one speaker alone
    covers best, and wholly, is read (one word is the alias matching's).

    Args:
        question: the question.
        speakers: the index's speakers.
    Returns:
        ((start, end) of the phrase, the speaker's canonical name), in question order.
    """
    return _role_phrases(question, tuple(Speaker(s.name, tuple(s.aliases)) for s in speakers))


def _role_phrases(question: str, group: tuple[Speaker, ...]) -> list[tuple[tuple[int, int], str]]:
    """role_phrases over speakers already made hashable (match_speakers's `group`)."""
    table = _roles(group)
    if not table:
        return []
    out: list[tuple[tuple[int, int], str]] = []
    for m in re.finditer(r"[A-Za-z][\w-]*", question):
        head = m.group().lower()
        if head not in table:
            continue
        a, b = _extent(question, m.start(), m.end())
        asked = _words(question[a:b])
        if len(asked) < 2:
            continue
        cover: dict[str, float] = {}
        for name, ws in table[head]:
            cover[name] = max(cover.get(name, 0.0), len(asked & ws) / len(asked))
        best = max(cover.values())
        top = [n for n, c in cover.items() if c == best]
        if best >= 1.0 and len(top) == 1:
            out.append(((a, b), top[0]))
    return out


def role_cover(phrase: str, speaker: Speaker) -> float:
    """The share of a role phrase's words ("Acme Group analyst") one role alias of `speaker` covers.

    Args:
        phrase: the asked role, as the question words it.
        speaker: a speaker with its aliases.
    Returns:
        0..1; 0 when the phrase has no words or the speaker no role alias.
    """
    asked = _words(phrase)
    if not asked:
        return 0.0
    # Not through _roles's cache: one speaker's table per call would push the index's out of it.
    return max((len(asked & ws) / len(asked) for _h, ws in _role_aliases(speaker)), default=0.0)


def _extent(question: str, start: int, end: int) -> tuple[int, int]:
    """The role phrase around a head word: up to four words before it (not past a question word,
    verb, article or punctuation) and an "of"/"at"/"for" phrase of capitalised words after it."""
    a = start
    for w in reversed(list(re.finditer(r"[\w&'’.-]+", question[max(0, start - 80) : start]))):
        word = w.group()
        if word.lower() in _PHRASE_STOP or re.search(r"[?,;:]", question[max(0, start - 80) + w.end() : a]):
            break
        a = max(0, start - 80) + w.start()
    after = re.match(r"\s+(?:of|at|for|with|in)\s+(?:the\s+)?(?:[A-Z&][\w&.'’-]*(?:\s+|$))+", question[end:])
    b = end + len(after.group().rstrip()) if after else end
    return a, b


_SPEECH_WORDS = (
    r"(?:say|says|said|saying|think|thinks|thought|believe|believes|believed|claim|claims|"
    r"claimed|want|wants|wanted|call(?:ed|s)?\s+for|urge|urged|urges|argue|argued|argues|"
    r"warn|warned|warns|tell|told|tells|insist|insisted|insists|mean|meant|suggest|suggested|"
    r"propose|proposed|demand|demanded|ask\s+for|asked\s+for|promise|promised|pledge|pledged|"
    r"admit|admitted|deny|denied|feel|feels|felt|make\s+of|made\s+of|stress|stressed|"
    r"announce|announced|predict|predicted|respond|responded|react|reacted|reply|replied|"
    r"comment|commented|describe|described|accuse|accused|criticise|criticised|criticize|"
    r"criticized|praise|praised|defend|defended|explain|explained|blame|blamed|vow|vowed|"
    r"recommend|recommended|expect|expects|expected|hope|hopes|hoped|fear|fears|feared|"
    r"propose|offer|offered|advise|advised|state|stated|note|noted|add|added)"
)
_VIEW_NOUNS = (
    r"(?:views?|stance|position|opinion|take|thoughts?|comments?|remarks?|reaction|response|"
    r"message|argument|statement|words|claims?|criticism|warning|point|assessment|verdict|"
    r"quotes?|speech|answer|explanation|prediction|proposal|plea|demand|promise|pledge|"
    r"attitude|perspective|opinions|feelings?)"
)
_NOT_SPEECH = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:when|where|how\s+(?:many|much|long|old|often|far|"
    r"big|tall)|in\s+what\s+year|what\s+(?:year|date|time|day)|"
    # "What share of voters said ...?": a poll's figure is asked, not anyone's words.
    r"(?:what|which)\s+(?:share|percentage|percent|proportion|fraction|portion|number)\s+of)\b",
    re.I,
)
_SPEECH_PATTERNS = [
    re.compile(rf"\b(?:what|which|whom?)\b.*\b{_SPEECH_WORDS}\b", re.I),
    re.compile(
        r"\bhow\s+(?:did|does|do|has|have|had|will|would|is|was)\b.*\b(?:describe|described|"
        r"characteri[sz]e|respond|react|defend|justify|explain|answer|reply|call|portray|view|see|"
        r"feel|sum\s+up|put\s+it|word|frame|rate|assess|judge|grade)\b",
        re.I,
    ),
    re.compile(rf"\b{_VIEW_NOUNS}\s+(?:on|of|about|regarding|concerning|towards?|over|to|for)\b", re.I),
    re.compile(rf"['’]s?\s+{_VIEW_NOUNS}\b", re.I),
    re.compile(r"\baccording\s+to\b", re.I),
    # "What did Glenn Beck call Trump?": the name someone gave someone, in their words.
    re.compile(
        r"^\s*(?i:(?:and\s+|so\s+|but\s+)?what\s+(?:did|does|has|have|had))\s+[A-Z]\w*.*?\s+call(?:ed|s)?\s+\w"
    ),
    re.compile(rf"^\s*(?:did|does|do|has|have|had|is|was|will|would)\s+.+?\s+{_SPEECH_WORDS}\b", re.I),
    re.compile(r"\bin\s+(?:his|her|their)\s+(?:own\s+)?words\b|\bquoted?\b|\bquotes?\b", re.I),
]
_X_ON_Y = re.compile(r"^\s*(?P<x>[^?,]{1,60}?)\s+(?:on|about|re)\s+(?P<y>[^?]+?)\s*\??\s*$", re.I)
_QWORDS = re.compile(
    r"^(?:what|when|where|who|whom|why|how|which|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|has|have|had|tell|show|give|find|list|the\s+(?:attack|war|vote|"
    r"ban|strike|sanctions|report|debate|talks))\b",
    re.I,
)


_EVENTS = set(
    "attack attacks war strike strikes ban sanctions vote report debate talks focus update updates "
    "info information news more details emphasis data research study crackdown raid raids "
    "assault pressure spending tax taxes tariffs restrictions limits cap decision ruling".split()
)


# A clause that sets the time or the reason of the main clause's ask: "Which network was Trump
# talking to when he said ...?" asks for a network; "he said" only places the moment. Not "as"
# ("described as"), "where" or "if" ("what did he say he would do if ..." still asks for words),
# and never at the question's start (_NOT_SPEECH reads "When did ...?").
_SUBORDINATE = re.compile(r"\s(?:when|while|whilst|after|before|because|since|until|once)\s", re.I)


def main_clause(question: str) -> str:
    """The question up to its first subordinate clause of time or reason.

    Args:
        question: the question as searched.
    Returns:
        "Which network was Trump talking to" for "Which network was Trump talking to when he said
        he would win?"; the question itself when it has no such clause.
    """
    m = _SUBORDINATE.search(question)
    return question[: m.start()] if m else question


# A speech verb in the passive with no agent ("What is expected to come up when Obama and Putin
# meet?", "What was said to be at stake?") asks what the documents report, not anyone's words.
_AGENTLESS = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:said|thought|believed|expected|claimed|"
    r"feared|hoped|reported|rumou?red|alleged|understood|known|predicted|estimated)\b(?!\s+by\b)",
    re.I,
)


# A question about someone's stance or feelings, which their own words answer: "What worries
# Karl-Heinz Kamp about NATO's plans?" (a verb whose object feels), "Where does X stand on Y?"
# (not "Where did the pharmacist stand in relation to the physicians?", SQuAD: a rank),
# "Where does X draw the line on Y?".
_PSYCH_VERBS = (
    r"(?:worr(?:y|ies|ied)|concern(?:s|ed)?|troubl(?:e|es|ed)|bother(?:s|ed)?|surpris(?:e|es|ed)|"
    r"frighten(?:s|ed)?|scar(?:e|es|ed)|anger(?:s|ed)?|upset(?:s)?|alarm(?:s|ed)?|shock(?:s|ed)?|"
    r"impress(?:es|ed)?|annoy(?:s|ed)?|frustrat(?:e|es|ed)|disappoint(?:s|ed)?|encourag(?:e|es|ed)|"
    r"excit(?:e|es|ed)|pleas(?:e|es|ed)|puzzl(?:e|es|ed)|amaz(?:e|es|ed)|interest(?:s|ed)?|"
    r"motivat(?:e|es|ed)|inspir(?:e|es|ed)|drive[sn]?|drove)"
)
# The one who feels is named (capitalised: "What worries have US officials voiced ...?" has a noun).
_STANCE = re.compile(
    rf"^\s*(?i:(?:and\s+|so\s+|but\s+)?(?:what|which\s+\w+)\s+(?:most\s+|really\s+)?{_PSYCH_VERBS})\s+"
    r"(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?\s+(?i:about|at|in|over|with|on)\b"
    r"|^\s*(?i:(?:and\s+|so\s+|but\s+)?where\s+(?:does|do|did)\s+.+?\s+(?:stand\s+on|draw\s+the\s+line))\b"
)


# Words written are words said: "What did X write/tweet about Y?" asks for what an article quotes X
# as writing ("..., she wrote."), which the analyser attributes like speech. Measured by
# bench/described_forms.py ("wrote": questions on PolNeAR train attributions cued by "wrote",
# "writes", "tweeted"; bench/reports/described_forms.md).
WRITTEN_WORDS = True
# Asked of someone ("What did X ..."), the verb in its plain form after the auxiliary, and "write" or
# "post" with what it was about: "What did Tesla write?" asks for a work (SQuAD), not words quoted.
_WRITTEN = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:what|how)\s+(?:did|does|do|has|have|had)\s+\S.*?\s+"
    r"(?:tweet\b|(?:write|post)\s+(?:about|on|regarding)\b)",
    re.I,
)


# "How does Hillary want the deal enforced?", "How fast does X want ...?": "how" (and one word, as in
# the subject parser qa.describe.speech_question; "how many/much/long" are no speech: _NOT_SPEECH), an
# auxiliary, a subject, then a verb the attribution analyser reads as a cue of speech, belief or
# stance (index.attribution.words: its speech and belief verbs and the cue verbs fitted on PolNeAR
# train, bench/reports/cue_verbs.md), compared by lemma (simplemma), asks for the subject's words. The
# hand list of the "how" pattern above lacked "want", "think", "plan", "hope". HOW_CUE switches it;
# measured by bench/read21_forms.py and end to end (bench/reports/read21.md).
HOW_CUE = True
_HOW_AUX = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?how\s+(?:\w+\s+)?(?:did|does|do|has|have|had|will|would|is|was|are|were)\s+",
    re.I,
)
_DO_AUX = frozenset({"did", "does", "do", "will", "would"})
_HAVE_AUX = frozenset({"has", "have", "had"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
_HOW_SUBJECT_WORDS = 6  # words a subject may have before its verb ("the head of the trade group")


@functools.cache
def _cue_lemmas() -> frozenset[str]:
    """The lemmas of index.attribution.words' speech, belief and cue verbs (simplemma, read once)."""
    import simplemma  # lazy: only a "how" question pays for the dictionary

    from index.attribution.words import BELIEF_VERBS, SPEECH_VERBS

    words = {w.lower() for w in (*SPEECH_VERBS, *BELIEF_VERBS) if " " not in w}
    return frozenset(simplemma.lemmatize(w, lang="en") for w in words)


def how_cue(question: str) -> bool:
    """Whether a "how" question asks how its subject speaks, thinks or wants something to be.

    Args:
        question: the question as searched.
    Returns:
        True for "how does Hillary want the Iran deal enforced" (a cue verb within the subject's first
        words after the auxiliary), False for "how did the talks end".
    """
    m = _HOW_AUX.match(question)
    if m is None:
        return False
    import simplemma

    aux = m.group().split()[-1].lower()
    words = re.findall(r"[\w'’-]+", question[m.end() :])
    lemmas = _cue_lemmas()
    named = 0
    while named < len(words) and words[named][:1].isupper():
        named += 1
    # After a name the verb is the next word ("How did Trump hit back?": "hit", not the particle);
    # after a noun phrase ("the RNC chairman") any of the subject's first words.
    slots = range(named, named + 1) if named else range(1, _HOW_SUBJECT_WORDS + 1)
    for i in slots:
        if i >= len(words):
            break
        before, w = words[i - 1], words[i]
        lemma = simplemma.lemmatize(w, lang="en")
        if not w.islower() or lemma not in lemmas or before.lower() in _DETERMINERS:
            continue  # a name, no cue, or a noun ("the plan")
        # The verb's form follows the auxiliary: "does X want", "has X described", "is X planning";
        # a noun subject's plural ("the talks") is no verb after "did".
        if (aux in _DO_AUX and w == lemma) or (aux in _HAVE_AUX and w != lemma and not w.endswith("s")):
            return True
        if aux not in _DO_AUX | _HAVE_AUX and w.endswith("ing"):
            return True
    return False


def is_speech_question(question: str) -> bool:
    """True when the question's main clause asks what someone said, thinks, claims, wants or called for.

    A verb of speech in a clause of time or reason ("... when he said ...") does not make the question
    ask for words (main_clause), nor one in the passive without an agent (_AGENTLESS).
    """
    if VIEW_SUBJECT_PLAIN and speech_did(question):  # "What did Obama's speech hint at?": the writer's
        return False
    q = _AGENTLESS.sub(" ", main_clause(question.strip()))
    if q and _STANCE.search(q):
        return True
    if not q or _NOT_SPEECH.search(q):
        return False
    if any(p.search(q) for p in _SPEECH_PATTERNS):
        return True
    if view_frame(q):  # "in Putin's eyes, who ...?", "..., as the American president sees it"
        return True
    if WRITTEN_WORDS and _WRITTEN.search(q):  # "What did Arianna Huffington write about ...?"
        return True
    if HOW_CUE and how_cue(q):  # "How does Hillary want the deal enforced?"
        return True
    m = _X_ON_Y.match(q)
    if m and not _QWORDS.match(m.group("x")):
        x = m.group("x").split()
        if len(x) <= 5 and (
            any(w[:1].isupper() for w in x)
            or len(x) == 1
            and x[0].lower() not in _EVENTS
            or re.search(rf"\b{_ROLE_RE}\b", m.group("x"), re.I)
        ):
            return True
    return False


_SPEECH_VERB = re.compile(rf"\b{_SPEECH_WORDS}\b", re.I)
# "What did Obama's speech hint at ...?": a view noun that is the subject of another verb. The
# question asks what the speech did, which the writer reports, not the words spoken. The question
# word may lead a noun phrase ("Which two countries did ...", "What kind of solution did ...",
# "Whose view did ...") or be absent ("Did Obama's speech leave room for ...?"): read only after
# "what/how/why/which/whom did", these took the speaker's quotes over the writer's account of the
# speech (h3f12, h7f09, h15f10, h15s07, para b29; bench/reports/rank28.md).
_VIEW_AS_SUBJECT = re.compile(
    rf"^\s*(?:and\s+|so\s+|but\s+)?(?:(?:what|how|why|which|whom?|whose)(?:\s+[a-z]+)*?\s+)?"
    rf"(?:did|does|do|has|have|had|will|would|could|can|might)\s+.*?['’]s?\s+{_VIEW_NOUNS}\s+"
    r"(?!(?:on|of|about|regarding|concerning|towards?|over|to|for|re|at|in)\b)[a-z]+",
    re.I,
)


# Whether a question whose subject is a view noun doing something other than speaking ("What did
# Obama's speech hint at?", "Did Obama's speech leave room for a deal?": speech_did) is read as asking
# for no one's words (True), or as a doubtful speech question scored in both readings (False, the
# reading before round 28; Weights.narrator). What a speech hinted at, signalled or opened the way to
# is the writer's account of it: in both readings the speaker's quotes still took speaker_bonus at
# half weight and stayed first (h1 hx14, h2 f14, h14 f11). Measured end to end over the read sets
# (bench/reports/rank28.md).
VIEW_SUBJECT_PLAIN = True


def speech_did(question: str) -> bool:
    """Whether the question asks what someone's speech, remarks or view did, not what they said: a
    view noun in the possessive is the subject of another verb, and no verb of speech or thought is
    asked ("What kind of solution did Obama's speech point toward?").

    Args:
        question: the question as searched.
    Returns:
        True for such a question.
    """
    return not _SPEECH_VERB.search(question) and bool(_VIEW_AS_SUBJECT.search(question))


def doubtful_speech(question: str, country_subject: bool) -> bool:
    """Whether a question read as asking someone's words may as well ask for the writer's account.

    Two kinds, both of which put the speaker's quotes above the narrator's answer on the held-out
    bundled-article questions (bench/reports/fact_ranking.md): a country's aims, not a person's
    words ("What does Russia want to preserve in the Middle East?"), or no verb of speech or
    thought is asked, only a view noun that does something ("What did Obama's speech hint at?",
    speech_did). Since round 28 the second kind is no speech question at all (VIEW_SUBJECT_PLAIN),
    so it is doubtful here only with that switch off.

    Args:
        question: the question as searched (is_speech_question holds).
        country_subject: it asks what a country wants, not says (qa.describe.country_aims).
    Returns:
        True when both readings should be scored (qa.rank, Weights.narrator).
    """
    if country_subject:
        return True
    return speech_did(question)  # only where VIEW_SUBJECT_PLAIN is off: else not a speech question


_SCAFFOLD = [
    re.compile(r"^\s*(?:and|so|but|well|ok(?:ay)?|also|then|now)\b[\s,]*", re.I),
    re.compile(r"^\s*according\s+to\b[\s,]*", re.I),
    re.compile(r"^\s*(?:what|how|why|who|whom|which|whether)\b(?:['’]s)?\s*", re.I),
    re.compile(r"^\s*(?:did|does|do|has|have|had|was|is|were|are|will|would|could|can|should)\b\s*", re.I),
    re.compile(rf"^\s*(?:exactly\s+|actually\s+|really\s+)?{_SPEECH_WORDS}\b\s*", re.I),
    re.compile(rf"^\s*(?:the\s+|a\s+)?{_VIEW_NOUNS}\b\s*", re.I),
    # The verbs of "How did X characterise/rate Y?", "What did X call Y?": the topic is Y.
    re.compile(
        r"^\s*(?:characteri[sz]ed?|portray(?:ed)?|rated?|assess(?:ed)?|judged?|call(?:ed|s)?(?!\s+for\b))\b\s*",
        re.I,
    ),
    re.compile(
        r"^\s*(?:in\s+(?:his|her|their)\s+(?:own\s+)?words|have\s+to\s+say|to\s+say|put\s+it|"
        r"sum\s+up|like|it|that)\b\s*",
        re.I,
    ),
    re.compile(r"^\s*(?:anything|something|everything|much|specifically|exactly)\b\s*", re.I),
    re.compile(
        r"^\s*(?:about|on|of|regarding|concerning|towards?|over|to|for|re|with\s+regard\s+to|"
        r"in\s+relation\s+to|as)\b\s*",
        re.I,
    ),
]
_TAIL = re.compile(
    rf"\s*(?:\b(?:say|said|says|think|thinks|claim|claims|want|wants|call\s+for|called\s+for|according\s+to|"
    rf"{_VIEW_NOUNS})\b\s*)+$",
    re.I,
)


@functools.lru_cache(maxsize=256)
def _alias_rx(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    keys = sorted({_alias_key(a) for a in aliases if len(_alias_key(a)) >= 2}, key=len, reverse=True)
    if not keys:
        return None
    body = "|".join(r"[\s\-]+".join(re.escape(w) for w in k.split(" ")) for k in keys)
    return re.compile(rf"(?<![\w])(?:the\s+)?(?:{body})(?:['’]{{1,2}}s?)?(?![\w])", re.I)


def topic_of(question: str, speaker_aliases: Iterable[str]) -> str:
    """The question without speaker and speech scaffolding: "what did Obama say about Russia?" -> "Russia"."""
    q = question
    rx = _alias_rx(tuple(speaker_aliases))
    if rx is not None:
        # The first mention is the speaker, and so is anyone coordinated with it ("Obama and Putin on
        # Syria"); a later mention is the topic ("how did Obama describe Assad?").
        cuts: list[tuple[int, int]] = []
        for m in rx.finditer(q):
            if not cuts or re.fullmatch(r"[\s,]*(?:and|or|&)?[\s,]*", q[cuts[-1][1] : m.start()]):
                cuts.append((m.start(), m.end()))
        for a, b in reversed(cuts):
            q = q[:a] + " " + q[b:]
    q = re.sub(r"[?!.]+\s*$", "", q)
    q = re.sub(r"\s+", " ", q).strip(" ,;:")
    # What follows "about"/"on" is the topic, even a word the scaffold (or the tail) would strip
    # elsewhere: "What did Trump say about the pledge?" is about a pledge. Read again after it, "pledge" went as a
    # speech verb and the topic was empty: 2 of bench/polnear_speaker_questions.py's 11 misses at 1
    # (seed 0) were such questions, their topic features all zero.
    changed, topic_next = True, False
    while changed and q and not topic_next:
        changed = False
        for p in _SCAFFOLD:
            new = p.sub("", q, count=1).strip(" ,;:")
            if new != q:
                q, changed = new, True
                if p is _SCAFFOLD[-1]:
                    topic_next = True
                    break
    if not topic_next:  # "What did Obama call for?", "Who is fighting ISIS according to Putin?"
        q = _TAIL.sub("", q).strip(" ,;:")
    q = re.sub(r"^(?:the|a|an)\s+", "", q, flags=re.I)
    return q.strip(" ,;:\"'“”")


# A question typed without capitals has none after its first word: "what did assad say?".
_CAPITAL_AFTER_FIRST = re.compile(r"\s\S*[A-Z]")
# A word, without a possessive ending: "russia" in "russia's motives".
_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*[a-z](?=['’]s\b|['’](?!\w)|(?![\w'’-]))")


def typed_lower(question: str) -> bool:
    """Whether the question was typed without capitals (none after its first word).

    Args:
        question: the question as typed.
    Returns:
        True for "what did assad say about the general assembly", False for "What did Assad say?".
    """
    return not _CAPITAL_AFTER_FIRST.search(question)


def lower_words(question: str) -> list[str]:
    """The lower-case words of a question that could be names: three letters or more, no stop word.

    Args:
        question: the question as typed.
    Returns:
        The words, in question order, each once.
    """
    return list(dict.fromkeys(w for w in _WORD.findall(question) if len(w) >= 3 and w not in STOPWORDS))


def lower_pairs(question: str) -> list[str]:
    """Adjacent pairs of lower-case words of a question ("new hampshire", "white house"), where a
    name of two words may be written capitalised only as a whole: "new" alone is a common word.

    Args:
        question: the question as typed.
    Returns:
        The pairs, each as "first second", in question order, each once.
    """
    spans = [m.span() for m in _WORD.finditer(question)]
    return list(
        dict.fromkeys(
            f"{question[a:b]} {question[c:d]}"
            for (a, b), (c, d) in zip(spans, spans[1:], strict=False)
            if question[b:c] == " "
        )
    )


def truecased(question: str, forms: dict[str, str]) -> str:
    """A question typed in lower case with its names written as the documents write them.

    "what did assad say about the general assembly" reads as "what did Assad say about the General
    Assembly": the speaker ("Assad") and the names ("General Assembly") are found by their capitals
    in every reader of the question (the asked speaker, names the documents lack, typos), which a
    lower-case question left unread: "what did assad say ...", where Assad is named but never
    quoted, was answered with Putin's words (bench/reports/article_heldout.md).

    Args:
        question: the question as typed.
        forms: each lower-case word (lower_words) that the documents only ever write capitalised,
            as they write it ("assad" -> "Assad"), and each pair of words (lower_pairs) they only
            ever write capitalised as a whole ("new hampshire" -> "New Hampshire"), pairs first.
    Returns:
        The question with those words replaced; unchanged when it has capitals after its first word.
    """
    if not forms or not typed_lower(question):
        return question
    pairs = sorted((k for k in forms if " " in k), key=len, reverse=True)
    if pairs:
        rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(k) for k in pairs) + r")(?![\w'’-])")
        question = rx.sub(lambda m: forms[m.group()], question)
    return _WORD.sub(lambda m: forms.get(m.group(), m.group()), question)
