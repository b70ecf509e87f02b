"""A politician's party and state as US news brackets them: "Sen. Chuck Schumer (D-N.Y.)".

American news writes a legislator's party and state in a bracket after the name ("Rep. Gwen Graham
(D-Fla.)", "Sen. Ted Cruz (R-Texas)", "Rep. Peter King, R-N.Y.,"), the state as an AP abbreviation
or a postal code. A reader asks for that person as "the New York senator", "the Florida
congresswoman" or "the Texas Republican": the bracket binds the state and the party to the name,
and the description needs the state's name and the party's words.

The table: the 50 states and the District of Columbia with the abbreviations of the AP Stylebook
("state names" entry: "Ala.", "Calif.", "N.Y."; eight states never abbreviated) and the USPS
two-letter codes (USPS Publication 28, appendix B), plus the older forms the Government Printing
Office style manual gives ("Tex.", "Kans.", "Wisc.", "Nebr.", "Oreg.", "Penn.").
"""

from __future__ import annotations

import functools
import re

# State -> its written abbreviations (AP first, then USPS, then GPO's older forms).
_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.", "AL"),
    "Alaska": ("AK",),
    "Arizona": ("Ariz.", "AZ"),
    "Arkansas": ("Ark.", "AR"),
    "California": ("Calif.", "CA", "Cal."),
    "Colorado": ("Colo.", "CO"),
    "Connecticut": ("Conn.", "CT"),
    "Delaware": ("Del.", "DE"),
    "District of Columbia": ("D.C.", "DC"),
    "Florida": ("Fla.", "FL"),
    "Georgia": ("Ga.", "GA"),
    "Hawaii": ("HI",),
    "Idaho": ("ID",),
    "Illinois": ("Ill.", "IL"),
    "Indiana": ("Ind.", "IN"),
    "Iowa": ("IA",),
    "Kansas": ("Kan.", "KS", "Kans."),
    "Kentucky": ("Ky.", "KY"),
    "Louisiana": ("La.", "LA"),
    "Maine": ("ME",),
    "Maryland": ("Md.", "MD"),
    "Massachusetts": ("Mass.", "MA"),
    "Michigan": ("Mich.", "MI"),
    "Minnesota": ("Minn.", "MN"),
    "Mississippi": ("Miss.", "MS"),
    "Missouri": ("Mo.", "MO"),
    "Montana": ("Mont.", "MT"),
    "Nebraska": ("Neb.", "NE", "Nebr."),
    "Nevada": ("Nev.", "NV"),
    "New Hampshire": ("N.H.", "NH"),
    "New Jersey": ("N.J.", "NJ"),
    "New Mexico": ("N.M.", "NM"),
    "New York": ("N.Y.", "NY"),
    "North Carolina": ("N.C.", "NC"),
    "North Dakota": ("N.D.", "ND"),
    "Ohio": ("OH",),
    "Oklahoma": ("Okla.", "OK"),
    "Oregon": ("Ore.", "OR", "Oreg."),
    "Pennsylvania": ("Pa.", "PA", "Penn."),
    "Rhode Island": ("R.I.", "RI"),
    "South Carolina": ("S.C.", "SC"),
    "South Dakota": ("S.D.", "SD"),
    "Tennessee": ("Tenn.", "TN"),
    "Texas": ("TX", "Tex."),
    "Utah": ("UT",),
    "Vermont": ("Vt.", "VT"),
    "Virginia": ("Va.", "VA"),
    "Washington": ("Wash.", "WA"),
    "West Virginia": ("W.Va.", "W. Va.", "WV"),
    "Wisconsin": ("Wis.", "WI", "Wisc."),
    "Wyoming": ("Wyo.", "WY"),
}

_PARTY = {"D": "Democrat Democratic", "R": "Republican", "I": "independent"}


@functools.cache
def _by_form() -> dict[str, str]:
    """Every written form of a state (name, abbreviation, code; dots optional) -> the state's name."""
    out: dict[str, str] = {}
    for state, forms in _STATES.items():
        for f in (state, *forms):
            out[f.lower()] = state
            out[f.lower().replace(".", "").replace(" ", "")] = state
    return out


def state_of(written: str) -> str | None:
    """The state a written form names: "N.Y." -> "New York", "Texas" -> "Texas", "TX" -> "Texas".

    Args:
        written: a state's name or abbreviation as a bracket writes it.
    Returns:
        The state's name, or None when it is none.
    """
    key = written.strip().rstrip(",").lower()
    table = _by_form()
    return table.get(key) or table.get(key.replace(".", "").replace(" ", ""))


# "(D-N.Y.)", "(R-Texas)", "(D)", "(I-Vt.)", ", R-N.Y.," right after a name.
_BRACKET = re.compile(
    r"^\s*(?:\(\s*(?P<p1>[DRI])\.?(?:\s*[-–]\s*(?P<s1>[A-Z][A-Za-z. ]{0,14}?))?\s*\)"
    r"|,\s*(?P<p2>[DRI])\.?\s*[-–]\s*(?P<s2>[A-Z][A-Za-z. ]{0,14}?)\s*(?=[,;)]|$))"
)


def bracket(after: str) -> str:
    """The description a party-state bracket right after a name gives: "New York Democrat Democratic"
    for " (D-N.Y.) said".

    Args:
        after: the text right after a name.
    Returns:
        The state's name (when the bracket names one) and the party's words; "" when no bracket
        starts `after` or its state is none the table knows.
    """
    m = _BRACKET.match(after)
    if m is None:
        return ""
    party = m.group("p1") or m.group("p2")
    written = m.group("s1") if m.group("p1") else m.group("s2")
    if written is None:
        return _PARTY[party]
    state = state_of(written)
    return f"{state} {_PARTY[party]}" if state else ""
