"""Who or what a follow-up's pronoun can mean: the people, groups and things of the previous
question and answer, with the gender and number a pronoun must agree with.

No language model: people are the speakers the index knows and capitalised name runs; gender is
read from the documents (an honorific such as "Mrs"), else from a given name that is nearly always
one gender (the attribution's shared lists, then gender-guesser), else from the "he"/"she" that
follow a person's mentions; things are the noun phrases of the previous question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.attribution.names import given_gender  # the attribution's gender-guesser wrapper, shared
from index.attribution.words import FEMALE_GIVEN as _FEMALE_GIVEN
from index.attribution.words import MALE_GIVEN as _MALE_GIVEN
from index.attribution.words import ORG_WORDS as _ORG_WORDS
from index.attribution.words import PLACES as _PLACES
from index.attribution.words import ROLE_WORDS as _ROLE_WORDS
from index.attribution.words import STOP as _STOP
from index.attribution.words import VERB_RE as _VERB_RE

_MALE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_HON_M = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Mister)\.?\s+$")
_HON_F = re.compile(r"\b(?:Mrs|Ms|Miss|Lady|Dame|Queen|Princess|Baroness)\.?\s+$")
_HONORIFIC = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lady",
    "lord",
    "dame",
    "prof",
    "rev",
    "sen",
    "rep",
    "gov",
}
_PARTICLES = {"de", "del", "der", "van", "von", "al", "el", "bin", "da", "di", "du", "la", "le"}
_TOKEN = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z])"
_RUN = re.compile(
    rf"(?<![\w’'-]){_TOKEN}(?:\s(?:(?:de|del|der|van|von|al|el|bin|da|di|du|la|le)\s)?{_TOKEN})*(?:['’]s)?"
)
_SENT_END = re.compile(r"[.!?][\"”’']*\s+(?=[\"“‘']?[A-Z])")
# Words a question uses to ask, never to name: they end a noun phrase.
_BREAK = set(
    "did does do has have had will would can could should is was are were be been being that which who whom "
    "whose what when where why how to for about on in at by from with of and or but as than if into over "
    "after before since during under against between through".split()
)
_PARTICLE_WORDS = {"down", "up", "out", "off", "over", "back", "away", "through"}
_AUX_WORDS = "did|does|do|will|would|can|could|should|might|may|must"
_OBJECT_START = set(
    "the a an his her their its this that these those from to by against with over into".split()
)
_SUBJECT_START = set("i you he she it we they the a an his her their its this that these those".split())
ROLES = set(_ROLE_WORDS) | {"mp", "mps", "librarian", "referee", "chancellor", "spokesman", "spokeswoman"}


@dataclass(frozen=True)
class Referent:
    """Something a pronoun can stand for, written as it would be in a question."""

    text: str  # "Kristy Marmorato", "the Labour MP that backed the report", "the bridge"
    kind: str  # "person", "group" (organisation, team, several people) or "thing"
    gender: str | None = None  # "m" or "f" when the documents say; None when unknown
    plural: bool = False
    short: str = ""  # a description without its clause: "the Labour MP" for "the Labour MP that backed ..."
    fit: int | None = None  # for a name in the previous answer: how many of the question's words describe it


def agrees(ref: Referent, kind: str, gender: str | None, plural: bool) -> bool:
    """Whether a pronoun of this kind/gender/number can stand for `ref` ("she" never for Mr Mates,
    "it" never for a person, "they" for a group, several things or a plural noun).

    Args:
        ref: the candidate.
        kind, gender, plural: the pronoun's, from qa.followup.PRONOUNS.

    Returns:
        True when they agree (an unknown gender agrees with either).
    """
    if plural:
        return ref.plural or ref.kind == "group"
    if ref.plural:
        return False
    if kind == "person":
        return ref.kind == "person" and (ref.gender is None or ref.gender == gender)
    return ref.kind in ("thing", "group")


def gender_in(name: str, text: str) -> str | None:
    """The gender the documents give `name`: an honorific before a mention ("Mrs Osbourne"), else
    the majority of he/she pronouns in the rest of each sentence that mentions the person and in the
    sentence after it. None when neither is found or they tie.

    Args:
        name: the person's name as written ("Kristy Marmorato").
        text: a document that mentions them.

    Returns:
        "m", "f", "n" (an organisation: "its" and never "he" or "she") or None.
    """
    toks = [t for t in name.replace("’", "'").split() if t.lower().rstrip(".") not in _HONORIFIC]
    if not toks:
        return None
    keys = {" ".join(toks), toks[-1]} if len(toks) > 1 else {toks[0]}
    rx = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")\b"
    )
    male = female = neuter = 0
    subj = {"m": 0, "f": 0}
    for m in rx.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _HON_M.search(before):
            return "m"
        if _HON_F.search(before):
            return "f"
        ends = [e.end() for e in _SENT_END.finditer(text, m.end(), min(len(text), m.end() + 600))][:2]
        window = text[m.end() : ends[-1] if ends else min(len(text), m.end() + 300)]
        male += len(_MALE.findall(window))
        female += len(_FEMALE.findall(window))
        # "its" of the mention's own sentence, or opening the next ("Hanover Re ... Its claims"): an
        # "its" further on is most often another body's ("..., its chairman, Ray Iddon, said. The other
        # committee has raised all of its money" made Iddon an organisation).
        first = _SENT_END.search(window) if ends else None
        neuter += len(re.findall(r"\bits\b", window[: first.start()] if first else window, re.I))
        neuter += bool(first and re.match(r"[\"“‘']?Its\b", window[first.end() :]))
        g = _subject_after(window, bool(ends))
        if g:
            subj[g] += 1
    # No honorific: a given name nearly always one gender decides before the pronouns, which in an
    # article about two people are often the other one's ("Sullivan had to explain to Clinton that he
    # couldn't send her ..."). PolNeAR train, the 1,111 (article, speaker) pairs whose annotations give
    # a he/she source: honorific then pronouns 970 right / 72 the other gender; honorific, given name,
    # pronouns 1,049 / 51 (bench/followups.py --gender-only, bench/reports/followups_gender.md).
    given = given_name_gender(toks)
    if given is not None:
        return given
    if neuter and not male and not female:
        return "n"  # "Hanover Re ... its claims": an organisation
    # The pronoun in subject position after a mention ("Greenberg said he ...", "... Greenberg. He
    # said") is the person far more often than any "her" in the next two sentences, which in an
    # article about another person is hers ("her negative ratings"): it decides when it has a majority.
    if subj["m"] != subj["f"]:
        return "m" if subj["m"] > subj["f"] else "f"
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None


def given_name_gender(toks: list[str]) -> str | None:
    """The gender a person's given name nearly always has: the first word of a name of two words or
    more, or the word before the surname ("British Prime Minister Tony Blair"); by the attribution's
    shared lists first, then gender-guesser ("male"/"female" only, never "mostly").

    Args:
        toks: the name's words, honorifics dropped.

    Returns:
        "m", "f", or None when no word is such a given name.
    """
    if len(toks) < 2:
        return None
    cands = [toks[0].lower(), *([toks[-2].lower()] if len(toks) > 2 else [])]
    for t in cands:
        if t in _MALE_GIVEN:
            return "m"
        if t in _FEMALE_GIVEN:
            return "f"
    for t in cands:
        g = given_gender(t)
        if g:
            return g
    return None


_QUOTE_CREDIT = re.compile(rf"[,!?][\"”’']\s+(he|she)\s+{_VERB_RE}\b", re.I)


def _subject_after(window: str, has_end: bool) -> str | None:
    """The gender of a subject pronoun that follows a mention: the first "he"/"she" of the rest of
    its sentence, when that comes right after a verb of the mention ("Greenberg said he"), else a
    "He"/"She" opening the next sentence."""
    first = _SENT_END.search(window) if has_end else None
    rest = window[: first.start()] if first else window
    m = re.match(r"^[\s,]*(?:\w+\s+){1,2}?(?:that\s+)?(he|she)\b", rest, re.I)
    if m:
        return "m" if m.group(1).lower() == "he" else "f"
    if first:
        m = re.match(r"[\"“‘']?(He|She)\b", window[first.end() :])
        if m:
            return "m" if m.group(1) == "He" else "f"
    # '"... room to improve," he said.': the pronoun credited with the next quote.
    m = _QUOTE_CREDIT.search(window)
    if m:
        return "m" if m.group(1).lower() == "he" else "f"
    return None


def names_in(text: str) -> list[str]:
    """Capitalised name runs of a text, in order: "Kristy Marmorato", "Anders Frisk", "Harvard".

    Sentence openers, months and other words that never name anyone are dropped from either end;
    a possessive "'s" is dropped.
    """
    out: list[str] = []
    for m in _RUN.finditer(text):
        toks = re.sub(r"['’]s$", "", m.group()).split()
        while toks and (toks[0].lower() in _STOP or toks[0].lower().rstrip(".") in _HONORIFIC):
            toks = toks[1:]
        while toks and toks[-1].lower() in _STOP | _PARTICLES:
            toks = toks[:-1]
        name = " ".join(toks)
        if name and name not in out and len(name) > 1:
            out.append(name)
    return out


def is_place(name: str) -> bool:
    """A country or city of the gazetteer ("California", "New York")."""
    return any(t.lower().strip(".") in _PLACES for t in name.split())


def kind_of_name(name: str, gender: str | None, quoted: bool) -> Referent:
    """A name as a referent: a person when the documents give a gender, or it looks like a personal
    name (two or more words, none of them an organisation's or place's); a group otherwise."""
    low = [t.lower().strip(".") for t in name.split()]
    # A given name opening a name of two words or more is no organisation's word: "Bill Dombrowski"
    # is a person though "bill" is one (news_heldout nhu05: "What else did he say?" lost him).
    given = len(low) >= 2 and (low[0] in _MALE_GIVEN or low[0] in _FEMALE_GIVEN)
    org = any(t in _ORG_WORDS or t in _PLACES for t in (low[1:] if given else low)) or (
        len(low) == 1 and name.isupper()
    )
    if gender == "n":
        return Referent(name, "group", None)
    if gender is not None and not org and (len(low) >= 2 or quoted):
        # One capitalised word is a person only when quoted: "Democratic" and "Rock" ("Rock star
        # Ozzy Osbourne") are followed by pronouns too.
        return Referent(name, "person", gender)
    # "the Lib Dems", "the Osbournes": a name ending in a plural "s", with no "he" or "she" after it.
    # One word ending in "s" is a plural only when quoted ("Democrats"), never a place ("Massachusetts").
    plural = gender is None and _plural(low[-1]) and not name.isupper() and (len(low) >= 2 or quoted)
    if len(low) >= 2 and not org and not plural:
        return Referent(name, "person", None)
    if quoted and not org and len(low) == 1:
        # A one-word speaker with no pronoun of either gender: most often an organisation ("Unilever").
        return Referent(name, "group", None, plural)
    return Referent(name, "group" if org or quoted or plural else "thing", None, plural)


def _plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3


def noun_phrases(question: str) -> list[Referent]:
    """The things a question is about: "the bridge", "the traffic jams at the George Washington Bridge",
    "new apartments". A phrase runs from "the"/"its"/a number word to the next asking word."""
    out: list[Referent] = []
    many = re.match(r"^\s*how\s+many\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b", question, re.I)
    if many:
        out.append(Referent("the " + many.group(1), "thing", None, True))
    for m in re.finditer(r"\b(?:the|these|those)\s+", question, re.I):
        rest = question[m.end() :]
        toks: list[str] = []
        found = re.findall(r"[\w'’-]+|[^\w\s]", rest)
        for i, t in enumerate(found):
            if not re.match(r"[\w'’-]", t):
                break
            if toks and (t.lower().endswith("ing") or _verbish(t)) and not _ing_modifier(toks, found, i):
                break  # "the Osbournes celebrating ...", "the deal agreed ..."
            if t.lower() in _BREAK and toks:
                if t.lower() in ("at", "of", "in", "on") and toks[-1][:1].islower():
                    # "the traffic jams at the George Washington Bridge": a place kept with its thing
                    nxt = rest.split(t, 1)[1].split()
                    if nxt and (nxt[0][:1].isupper() or nxt[0].lower() == "the"):
                        toks.append(t)
                        continue
                break
            toks.append(t)
            if len(toks) >= 8:
                break
        while toks and toks[-1].lower() in _BREAK | {"the"}:
            toks.pop()
        # The phrase ends the question, but for prepositions the verb strands ("... boast about?").
        tail = rest.split()[len(toks) :]
        ends = re.match(r"[\s\w'’-]*?[?.!]*\s*$", rest) is not None and all(
            w.strip("?.!").lower() in _BREAK for w in tail
        )
        # Only the subject, right after "did/does/...", ends in its verb: "What did the UCU report
        # find?". The object of a preposition does not: "What did Obama say about the pre-war status
        # quo?" lost "quo" (article_heldout13 h13u08: "Did the Russian see the pre-war status the same way").
        subject = re.match(rf"^\s*(?:how\s+)?\w+\s+(?:{_AUX_WORDS})\s+$", question[: m.start()], re.I)
        said = next((i for i, t in enumerate(toks) if i and t in _SAY), None)
        if subject and said is not None:
            # The subject's verb of speech ends it: "What did the city's finance chief say about the
            # airport stake?" offered "the city's finance chief say" for "it" (probe30f p30f02).
            toks = toks[:said]
        elif ends and len(toks) > 1 and subject:
            # "What did the UCU report find?", "... the Supreme Court strike down?": the last word
            # (before a particle) is the verb, not the thing.
            while len(toks) > 2 and toks[-1].lower() in _PARTICLE_WORDS:
                toks.pop()
            toks.pop()
        if not toks:
            continue
        head = [t for t in toks if t.lower() not in _BREAK and t.lower() != "the"]
        text = "the " + " ".join(toks)
        if head and all(t[:1].isupper() for t in head) and len(head) == len(toks):
            continue  # "the Kremlin": a name, found by names_in
        plural = _plural(_head(toks))
        person = _head(toks).lower().rstrip("s") in ROLES
        out.append(Referent(text, "person" if person and not plural else "thing", None, plural))
    return out


# Verbs of speech in the bare form a subject after "did/does/do" is followed by ("What did the
# finance chief say ...?"); not those that are as often nouns ("promise", "claim", "demand", "call").
_SAY = set(
    "say tell think believe argue warn suggest mean propose write announce predict describe admit deny insist want".split()
)


def _ing_modifier(toks: list[str], found: list[str], i: int) -> bool:
    """Whether the "-ing" word `found[i]` modifies the next noun rather than starting a clause: after a
    name or a possessive and before a lower-case word that is no function word ("the Sanders
    campaign's Saturday fundraising email": cut at "fundraising", news_heldout16 n16a5 asked "Which
    issues did the Sanders campaign's Saturday list"); "the Osbournes celebrating their ..." starts one.

    Args:
        toks: the phrase's words so far.
        found: the words and marks after "the".
        i: the index of the "-ing" word in `found`.

    Returns:
        True when the phrase goes on over the word.
    """
    word, prev = found[i], toks[-1]
    nxt = found[i + 1] if i + 1 < len(found) else ""
    return (
        word.lower().endswith("ing")
        and word.islower()
        and (prev[:1].isupper() or prev.lower().endswith(("'s", "’s")))
        and nxt.isalpha()
        and nxt.islower()
        and nxt not in _BREAK | _OBJECT_START | _SUBJECT_START
    )


_OWNER = re.compile(r"(?<![\w'’-])(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s|s['’])\s+(?=[a-z])")
_A = re.compile(r"(?<![\w'’-])(?:a|an)\s+(?=[a-z])", re.I)
_ASKING = re.compile(
    r"^(?:(?:Did|Does|Do|Is|Was|Are|Were|Has|Have|Had|Will|Would|Can|Could|Should|What|Who|Whom|Whose|"
    r"Which|When|Where|Why|How|And|But|So)\s+)+"
)


def owned_phrases(question: str) -> list[Referent]:
    """The singular things (not people) a question names without "the": after a name's possessive
    ("Syria's civil war", "Bernie Sanders' college plan") and after "a"/"an" ("a face-to-face
    between ..." -> "the face-to-face"). A phrase runs over lower-case words to a function word, a
    verb form or the end; right after "did/does/do" it is the subject, whose last word is then the
    verb ("What did Obama's speech signal about ...?").

    Args:
        question: the previous question.

    Returns:
        The phrases, in the order written: a possessive one as written, an indefinite one with "the".
        The order matters: the first written is the head a later one complements ("What did it show?"
        after "Who captured a screen image of Schilling's post?" means the image; with the possessive
        ones listed first, news_heldout14 n14i6 read "What did Schilling's post show?", right first ->
        rank 2).
    """
    out: list[tuple[int, Referent]] = []
    for rx, owned in ((_OWNER, True), (_A, False)):
        for m in rx.finditer(question):
            toks: list[str] = []
            verb = False
            for t in re.findall(r"[\w'’-]+|[^\w\s]", question[m.end() :]):
                if not re.match(r"[a-z]", t) or t in _BREAK:
                    break
                if toks and (t.endswith("ing") or _verbish(t)):
                    verb = True
                    break
                toks.append(t)
                if len(toks) >= 5:
                    break
            # A question's first word is capitalised too: "Did Nordtel's statement ..." owns by Nordtel.
            owner = re.sub(_ASKING, "", question[m.start() : m.end()])
            before = question[: m.end() - len(owner)]
            if not verb and len(toks) > 1 and re.search(r"\b(?:did|does|do)\s+$", before, re.I):
                toks.pop()
            if not toks or _plural(toks[-1]) or toks[-1].lower() in ROLES:
                continue  # "Moscow's leaders", "Russia's envoy": people, not what "it" means
            text = (owner if owned else "the ") + " ".join(toks)
            out.append((m.start(), Referent(text, "thing")))
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def _head(toks: list[str]) -> str:
    """The head noun of a phrase: the last word before "at/of/in/on"."""
    for i, t in enumerate(toks):
        if t.lower() in ("at", "of", "in", "on") and i:
            return toks[i - 1]
    return toks[-1]


def described(question: str) -> Referent | None:
    """The unknown a "which/what N ..." or "who ..." question asks for, as a description:
    "Which Labour MP backed the report?" -> "the Labour MP that backed the report"."""
    q = question.strip().rstrip("?.! ")
    w = re.match(r"^who\s+(?!did\b|does\b|do\b)(\w+\s+.+)$", q, re.I)
    if w:
        rest = w.group(1).split()
        passive = rest[0].lower() in ("is", "was", "are", "were") and len(rest) > 1 and _verbish(rest[1])
        nxt = rest[1].lower() if len(rest) > 1 else ""
        if passive or (rest[0].lower() not in ("is", "was", "are", "were") and _acts(rest[0], nxt)):
            plural = rest[0].lower() in ("are", "were")
            who = "the people" if plural else "the person"
            return Referent(f"{who} who {w.group(1)}", "person" if not plural else "group", None, plural)
        return None
    m = re.match(r"^(?:which|what)\s+(.+)$", q, re.I)
    if m:
        toks = m.group(1).split()
        if toks and toks[0].lower() in _BREAK:
            return None
        for i, t in enumerate(toks[1:], 1):
            low = t.lower()
            if low in _BREAK:
                if low in ("did", "does", "do", "will", "would", "can", "could", "has", "have"):
                    after = toks[i + 1] if i + 1 < len(toks) else ""
                    if not after or after[:1].isupper() or after.lower() in _SUBJECT_START:
                        return None  # "Which film did she direct?": the asked thing is an object
                    n = toks[:i]  # "Which company will build 500 masts?": the asked thing acts
                    plural = _plural(n[-1]) and not n[-1].isupper()
                    person = any(w.lower().rstrip("s") in ROLES for w in n)
                    text = f"the {' '.join(n)} that {' '.join(toks[i:])}"
                    kind = "person" if person and not plural else "thing"
                    return Referent(text, kind, None, plural, f"the {' '.join(n)}")
                break
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            # A verb: a past form, or a lower-case word followed by its object or a preposition
            # ("film won the top prize": "won" is also a currency, so the dictionary can't tell).
            if _verbish(t) or (t.islower() and nxt in _OBJECT_START):
                n = toks[:i]
                person = any(w.lower().rstrip("s") in ROLES for w in n)
                plural = _plural(n[-1]) and not n[-1].isupper()
                text = f"the {' '.join(n)} that {' '.join(toks[i:])}"
                kind = "person" if person and not plural else "thing"
                return Referent(text, kind, None, plural, f"the {' '.join(n)}")
        return None
    return None


# A time or place asked for ("In which city did the shooting happen?") is "then"/"there", not "it".
_WHEN_WHERE = set("time day date year month week hour place city town country state".split())
_ASKED_OBJECT = re.compile(
    r"^\s*(?:(?:on|in|at|for|from|to|with|by|during|under|into|through)\s+)?(?:which|what)\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:did|does|do|will|would|can|could|has|have|had)\s+"
    r"(?=[A-Z]|(?:the|his|her|their|its|this|that)\b)",
    re.I,
)


def asked_thing(question: str) -> Referent | None:
    """The thing a "which/what N" question asks for as the object of its own subject's verb, which
    described() leaves out: "On which podcast did Murphy talk about Sandy Hook?" -> "the podcast", the
    answer "it" then means ("And when was it recorded?", news_heldout16 n16b7).

    Args:
        question: the previous question as searched.

    Returns:
        "the N" as a thing, None when the question asks no such object (or a person: "Which senator
        did she thank?" leaves "he" to the names).
    """
    m = _ASKED_OBJECT.match(question)
    if not m:
        return None
    toks = m.group("noun").split()
    if toks[-1].lower().rstrip("s") in ROLES | _WHEN_WHERE or any(t.lower() in _BREAK for t in toks):
        return None
    return Referent("the " + " ".join(toks), "thing", None, _plural(toks[-1]))


def _acts(word: str, nxt: str) -> bool:
    """Whether the word after "who" is its verb: a past form ("backed"), a present one ("represents",
    "leads": after "who" no plural noun stands), or a lower-case word before its object ("won the
    race", which the dictionary leaves as it is). "Who else spoke?" has none.

    Args:
        word: the word after "who".
        nxt: the word after it, lower case ("" at the end).
    Returns:
        True when `word` is the verb of the question's clause.
    """
    if _verbish(word):
        return True
    if not word.isalpha() or not word.islower():
        return False
    if nxt in _OBJECT_START:
        return True
    import simplemma

    return word.endswith("s") and simplemma.lemmatize(word, lang="en") in (word[:-1], word[:-2])


def _verbish(word: str) -> bool:
    """A past-tense or irregular verb form: its dictionary lemma differs from it and it is not a
    plural noun ("backed" -> "back", "won" -> "win"; "minister" and "books" are not)."""
    if not word.isalpha() or word[:1].isupper():
        return False
    import simplemma  # lazy: only a described referent pays for the dictionary

    low = word.lower()
    lemma = simplemma.lemmatize(low, lang="en")
    return (
        lemma != low
        and low not in (lemma + "s", lemma + "es")
        and not low.endswith("ing")
        and not _irregular_plural(low, lemma)
    )


def _irregular_plural(word: str, lemma: str) -> bool:
    """A noun's plural by a rule other than "-s": "-ies", "-ves", Latin and Greek ("media" -> "medium", "criteria"
    -> "criterion", "crises" -> "crisis"), "-men" and "-ren" ("women", "children"). "Which social
    media companies made a deal?" read "media" as the verb (news_heldout4 n4h7).

    Args:
        word: a lower-case word; lemma: its dictionary lemma.

    Returns:
        True when `word` is `lemma` made plural by one of those rules.
    """
    return (
        (lemma.endswith(("um", "on")) and word == lemma[:-2] + "a")
        or (lemma.endswith("is") and word == lemma[:-2] + "es")
        or (lemma.endswith("man") and word == lemma[:-3] + "men")
        or word == lemma + "ren"
        or (lemma.endswith("y") and word == lemma[:-1] + "ies")  # "companies"
        or (lemma.endswith("f") and word == lemma[:-1] + "ves")  # "wolves"
        or (lemma.endswith("fe") and word == lemma[:-2] + "ves")  # "lives"
    )
