"""Internal records of one analysis: quote spans, name mentions, subjects, persons, findings."""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------- internal records


@dataclass
class _Span:
    """Words between a pair of quote marks (start/end exclude the marks)."""

    start: int
    end: int
    para: int
    chain: int  # spans of one multi-paragraph quote share a chain number
    closed: bool  # False when the quote runs on into the next paragraph
    single: bool  # single quote marks


@dataclass
class _Name:
    """One mention of a capitalised name run, split into role and name."""

    text: str
    start: int
    end: int
    core: tuple[str, ...]
    role: str = ""
    title_form: str = ""
    evidence: bool = False
    person: int = -1
    weak: bool = False  # only a mention of someone already known ("May" after "Theresa May")
    # Roles the text binds beyond `role`: a relative clause ("who appraises ... for Big & Co": "appraiser
    # for Big & Co"); and the organisation the name is "of"/"at" ("Jane Roe of the Acme Group").
    bound: list[str] = field(default_factory=list)
    org: str = ""


@dataclass
class _Subj:
    kind: str  # "name" | "pron" | "role" | "group"
    text: str
    start: int
    end: int
    # The other people of a subject of several conjuncts ("Ted Cruz and Senator Rand Paul said"): the
    # subject is the first, and each of these is credited too (speakers.analyse).
    others: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Person:
    core: tuple[str, ...]
    name: str
    forms: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    orgs: dict[str, None] = field(default_factory=dict)  # "Acme Group" for "Jane Roe of the Acme Group"
    group: bool = False
    quoted: bool = False
    first: int = 1 << 60  # where the document first names this person
    gender: str = ""  # "m" | "f" | "p" (a plural: neither) | "n" (a thing) | "" (unknown), from index.attribution.names._Doc.learn_genders


@dataclass
class _Found:
    start: int
    end: int
    subj: _Subj | None
    verb: str
    direct: bool
    span: _Span | None = None
    person: int = -1
    guessed: bool = False  # no attribution of its own: the speaker is a last-resort guess (or none)
    remote: bool = False  # that guess is the subject of an earlier sentence, none of its own sentence
    # the source is its sentence's opening subject, no cue of the quotation's own (attributor._in_clause):
    # an attribution closing the sentence ("..., said the director, Jo Roe.") takes it over
    clause: bool = False
