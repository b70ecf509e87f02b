"""Article furniture labels on hand-written articles of different layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.chunk import chunk
from index.model import KINDS
from index.structure import describe, label

ARTICLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "article.txt"


def words(s: str) -> int:
    """A rough token count: structure does not depend on the tokenizer."""
    return len(s.split()) * 2 + 2


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, first words) for each paragraph, in order."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    for c in label(text, chunk(text, words)):
        if c.paragraph not in seen:
            seen.add(c.paragraph)
            out.append((c.kind, text[c.start : c.end][:30]))
    return out


WIRE_LAYOUT = "\n\n".join(
    [
        "Flooding forces thousands from homes in river delta",
        (
            "Heavy rain has left large parts of the delta under water, with officials warning the worst"
            " is yet to come"
        ),
        "Photo by: AFP\nPhoto by: AFP",
        "Residents wade through a flooded street in the northern district, October 3, 2016.",
        "Updated Oct 4, 2016",
        (
            "More than 20,000 people have been evacuated after the river burst its banks on Monday, "
            "local authorities said."
        ),
        (
            '"We have never seen water rise this fast," the mayor told reporters, adding that shelters '
            "were full."
        ),
        (
            "Forecasters expect more rain later in the week. The national weather service issued its "
            "highest warning level for three provinces."
        ),
        "NewsDesk and agencies",
    ]
)


def test_wire_layout() -> None:
    got = [k for k, _ in kinds(WIRE_LAYOUT)]
    assert got == [
        "headline",
        "standfirst",
        "credit",
        "credit",
        "caption",
        "dateline",
        "body",
        "body",
        "body",
        "footer",
    ]


NEWSPAPER_LAYOUT = "\n\n".join(
    [
        "# Council approves new tram line after decade of debate",
        "By Maria Keller, City Desk",
        "Published 12 March 2019 09:45",
        (
            "The city council voted 31 to 12 on Tuesday to approve a new tram line linking the harbour "
            "with the university district, ending a debate that began in 2009."
        ),
        (
            "Supporters said the line would cut car traffic in the centre. Opponents argued that the "
            "cost, estimated at 420 million euros, would squeeze other budgets for years."
        ),
        "A tram passes the old market hall on a test run in 2018. (Photo: City Transport Authority)",
        (
            "Construction is expected to start next spring and to take four years. The mayor, Dr. Anna "
            "Roth, said she would ask the regional government for a share of the funding."
        ),
        "Reporting by Maria Keller; Editing by Tom Fischer",
        "© 2019 Example Media Group. All rights reserved.",
    ]
)


def test_newspaper_layout() -> None:
    got = [k for k, _ in kinds(NEWSPAPER_LAYOUT)]
    assert got == [
        "headline",
        "byline",
        "dateline",
        "body",
        "body",
        "caption",
        "body",
        "footer",
        "footer",
    ]


MAGAZINE_LAYOUT = "\n\n".join(
    [
        "Why the old lighthouse keepers still matter",
        (
            "A new archive of logbooks shows how keepers recorded storms, shipwrecks and changing seas "
            "for more than a century."
        ),
        "Lena Ortiz | Science correspondent",
        "Last modified on Tue 29 Sep 2015 14.03 BST",
        "A lighthouse keeper is pictured with a brass lamp at the station on the western cape.",
        "Image: Getty Images",
        (
            "The logbooks, kept in a regional museum for decades, were scanned by volunteers over three"
            " years. Researchers say they offer daily weather records from places where no other "
            "instruments existed."
        ),
        ('"Every entry is a small measurement of the sea," said one of the historians who led the project.'),
        "The archive will be opened to the public next month.",
        "Additional reporting by Sam Lee",
    ]
)


def test_magazine_layout() -> None:
    got = [k for k, _ in kinds(MAGAZINE_LAYOUT)]
    assert got == [
        "headline",
        "standfirst",
        "byline",
        "dateline",
        "caption",
        "credit",
        "body",
        "body",
        "body",
        "footer",
    ]


ENCYCLOPEDIA = "\n\n".join(
    [
        (
            "The river delta is a landform created by the deposition of sediment carried by a river as "
            "the flow leaves its mouth and enters slower-moving water. Deltas form where a river meets "
            "an ocean, sea, estuary or lake."
        ),
        (
            "By the end of the 19th century, geologists had described three main types of delta, "
            "classified by whether rivers, waves or tides control the deposition of sediment. "
            "Photographs taken from the air later confirmed the classification."
        ),
        (
            "Updated surveys published in 1998 showed that many large deltas are sinking, because dams "
            "upstream trap the sediment that once replenished them."
        ),
        (
            "Deltas are important for agriculture and fisheries, and several of the world's largest "
            "cities, e.g. Shanghai and Cairo, stand on or near them."
        ),
        (
            "The largest delta in the world is the Ganges–Brahmaputra delta, which covers about 105,000"
            " square kilometres."
        ),
        "By area, the Amazon delta is smaller than many expect.",
        "Photo surveys of deltas began in the 1920s, when aircraft first carried cameras.",
        "See also the list of river deltas by area.",
    ]
)


def test_encyclopedic_text_is_all_body() -> None:
    assert {k for k, _ in kinds(ENCYCLOPEDIA)} == {"body"}


def test_single_paragraph_is_body() -> None:
    assert [k for k, _ in kinds("A short note without any structure")] == ["body"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: AP", "credit"),
        ("Image: Getty Images", "credit"),
        ("(Photo: Jane Doe)", "credit"),
        ("Credit: Jane Doe/Reuters", "credit"),
        ("REUTERS/Kevin Lamarque", "credit"),
        ("Updated Sep 29, 2015", "dateline"),
        ("Published 28 September 2015 14:03", "dateline"),
        ("September 28, 2015", "dateline"),
        ("2015-09-28", "dateline"),
        ("By Jane Smith", "byline"),
        ("By Jane Smith, Reuters", "byline"),
        ("Jane Smith | Reporter", "byline"),
    ],
)
def test_furniture_lines_in_context(line: str, kind: str) -> None:
    text = (
        "Markets rally as inflation cools\n\n"
        f"{line}\n\n"
        "Stocks rose sharply on Wednesday after new figures showed that prices grew more slowly "
        "than expected in August. Analysts said the central bank might pause its rate rises.\n\n"
        "Bond yields fell across the board, and the dollar weakened against the euro."
    )
    got = [k for k, _ in kinds(text)]
    assert got == ["headline", kind, "body", "body"]


OP_ED = (
    "The tram plan deserves a second look\n\n"
    "The city wants to spend four hundred million on a tram line that would carry fewer riders than "
    "the bus routes it replaces, according to the transport office's own forecast.\n\n"
    "Buses could be given their own lanes for a fraction of that, and the council's engineer, Petra "
    "Holm, told councillors last year that such lanes could open within months.\n\n"
    "Before the council signs the contract, it should publish the full cost and let residents vote.\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe, a law professor at Northfield University, is a member of the Daily Ledger's Board of "
        "Contributors.",
        "Jane Roe is a columnist for the Daily Ledger.",
        "Omar Haddad is an economist at the Institute for Fiscal Studies and a contributing writer at "
        "Ledger Weekly.",
        "Ana K. (Annie) Lindqvist is a former mayor of Eastport. Jon Berg is director of the Harbour Trust.",
        "Roe is a Washington-based reporter for the Ledger Network.",
        "Follow Jane Roe on Twitter @janeroe.",
        "Contact Jane Roe at jroe@ledger.example or follow her on Twitter.",
        "Contact the writer at letters@ledger.example.",
    ],
)
def test_author_lines_at_the_end_are_the_byline(line: str) -> None:
    assert [k for k, _ in kinds(OP_ED + line)] == ["headline", "body", "body", "body", "byline"]


@pytest.mark.parametrize(
    "line",
    [
        # the article's own subject, named before: "Holm" is the council's engineer above
        "Petra Holm is the city engineer of Northfield and a member of the tram board.",
        # what someone did or does, not who they are
        "Jane Roe was a member of the tram board until 2019.",
        "Jane Roe is expected to present the plan at the next council meeting.",
        "Jane Roe is currently pushing for a referendum on the tram.",
        "It is a shame that the council never asked the people of the city.",
        "This is a fight for the future of the city.",
        "Follow us on Twitter for more.",
        "Follow us on Facebook at Ledger News.",
        "Contact our newsroom at tips@ledger.example.",
    ],
)
def test_closing_sentences_that_are_not_author_lines(line: str) -> None:
    assert [k for k, _ in kinds(OP_ED + line)][-1] != "byline"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Jane Roe, Political correspondent", "byline"),
        ("Jane Roe\nLedger News, Kabul correspondent", "byline"),
        ("Jane Roe is a columnist for the Daily Ledger.", "byline"),
        # the article's subject, described: a summary, not its author
        ("Petra Holm, the city engineer of Northfield", "standfirst"),
    ],
)
def test_author_lines_at_the_top(line: str, kind: str) -> None:
    body = OP_ED.split("\n\n", 1)[1]
    got = [k for k, _ in kinds(f"The tram plan deserves a second look\n\n{line}\n\n{body}")]
    lines = len(line.split("\n"))  # a name and a role on two lines are two paragraphs
    assert got[: 2 + lines] == ["headline", *[kind] * lines, "body"]


def test_author_line_above_closing_furniture_and_closing_date_line() -> None:
    got = [
        k
        for k, _ in kinds(
            OP_ED + "Jane Roe is a columnist for the Daily Ledger.\n\nFriday, December 4, 2015."
        )
    ]
    assert got[-2:] == ["byline", "dateline"]
    assert [k for k, _ in kinds(OP_ED + "Contributing: Jane Roe.")][-1] == "footer"


def test_every_chunk_of_a_paragraph_gets_its_label() -> None:
    long_body = " ".join(["The negotiations continued late into the night without agreement."] * 20)
    text = f"Talks stall in Geneva\n\nBy Jane Smith\n\n{long_body}\n\nMore to come."
    chunks = label(text, chunk(text, words))
    assert len(chunks) > 4
    assert [c.kind for c in chunks[:2]] == ["headline", "byline"]
    assert all(c.kind == "body" for c in chunks if c.paragraph == 3)
    assert [(c.start, c.end) for c in chunks] == [(c.start, c.end) for c in chunk(text, words)]


def test_describe() -> None:
    assert describe("credit") == "photo credit"
    assert describe("caption") == "photo caption"
    assert all(describe(k) for k in KINDS)


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared example article not present")
def test_shared_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    got = kinds(text)
    assert [k for k, _ in got[:7]] == [
        "headline",
        "standfirst",
        "credit",
        "credit",
        "caption",
        "dateline",
        "body",
    ]
    assert got[-1][0] == "footer"
    assert all(k == "body" for k, _ in got[6:-1])


@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=120),
        min_size=1,
        max_size=10,
    )
)
def test_any_text_gets_valid_labels(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    chunks = chunk(text, words)
    labelled = label(text, chunks)
    assert [(c.start, c.end, c.paragraph) for c in labelled] == [
        (c.start, c.end, c.paragraph) for c in chunks
    ]
    assert all(c.kind in KINDS for c in labelled)


@pytest.mark.parametrize(
    "first",
    [
        "Trains to run through the night from June.",
        "What went wrong for the night trains;\nDelays from years past proved hard to fix.",
        "Night trains return",
    ],
)
def test_plain_text_first_line_is_the_headline(first: str) -> None:
    text = "\n\n".join(
        [
            first,
            "The rail operator said on Monday that trains on the main line would run every hour through "
            "the night from the first week of June, after a trial last year drew more passengers than expected.",
            "Unions said they had agreed to the new shifts after talks that lasted most of the winter.",
        ]
    )
    assert kinds(text)[0][0] == "headline"
    assert [k for k, _ in kinds(text)[1:]] == ["body", "body"]


def test_a_short_first_sentence_of_a_story_is_not_a_headline() -> None:
    text = "\n\n".join(
        [
            "The rail operator said on Monday that night trains would return to the main line in June.",
            "Trains will run every hour.",
            "Unions agreed.",
        ]
    )
    assert kinds(text)[0][0] == "body"


def test_parts_stated_by_the_source_are_kept() -> None:
    text = "Bridge to close\n\nBy Tom Varga\n\nThe council voted to close the bridge to cars on Tuesday."
    chunks = chunk(text, words)
    spans = [(0, 15, "headline"), (17, 29, "byline")]
    got = {text[c.start : c.end]: c.kind for c in label(text, chunks, spans)}
    assert got["Bridge to close"] == "headline"
    assert got["By Tom Varga"] == "byline"
    assert got["The council voted to close the bridge to cars on Tuesday."] == "body"
