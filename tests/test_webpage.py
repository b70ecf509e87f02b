"""Web pages keep what a reader sees: headline, standfirst, byline, date, captions and credits as
labelled parts, the body, and no promo lists, footers or app banners. The pages below are written
for these tests in the shapes common CMSs produce (WordPress, Arc-style, a broadsheet template)."""

from __future__ import annotations

from pathlib import Path

from index import chunk as chunking
from index import structure
from index.ingest import read
from index.model import SourceText

BODY = """
<p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring,
ending a decade of arguments over the crumbling crossing and its rising repair bills.</p>
<p>Engineers told the council that the bridge could no longer carry heavy traffic safely, and
that a full repair would cost far more than the council had set aside for the next five years.</p>
<p>"We cannot keep patching it up and hoping for the best," said the council leader, Maria Keller,
after the vote. "People deserve a crossing they can trust."</p>
<p>Cyclists and pedestrians will still be able to use the bridge while the council looks for money
to build a replacement, which officials expect to take at least four years to plan and build.</p>
"""

WORDPRESS = f"""<!DOCTYPE html><html lang="en"><head>
<title>escenic</title>
<meta property="og:title" content="Council votes to close harbour bridge to cars">
<meta property="og:url" content="https://www.riverside-gazette.example/2024/03/05/harbour-bridge/">
<meta property="og:site_name" content="Riverside Gazette">
<meta name="author" content="Tom Varga">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<article>
<header class="entry-header">
<h1 class="entry-title"><span class="kicker">Local News | </span>Council votes to close harbour bridge to cars</h1>
<h2 class="subheadline">Repairs would cost more than the council can afford, engineers say</h2>
<div class="byline">By <a rel="author" href="/author/tom">Tom Varga</a></div>
<time class="entry-date" datetime="2024-03-05T09:30:00+00:00">March 5, 2024 at 9:30 a.m.</time>
</header>
<figure class="wp-caption"><img src="bridge.jpg" alt="">
<figcaption class="wp-caption-text">Traffic crosses the harbour bridge at dusk. (Lena Ortiz/Riverside Gazette)</figcaption>
</figure>
<div class="entry-content">{BODY}
<p>If you're on the Riverside Gazette app, click here to watch the council meeting.</p>
<p class="fact"><span class="number">33%</span><span class="label">of the bridge's beams need replacing, the engineers found.</span></p>
<ul class="related-links">
<li><a href="/a">A SIMPLE GUIDE: How much will the new bridge cost?</a></li>
<li><a href="/b">Ferry timetable changes from May</a></li>
<li><a href="/c">Opinion: the bridge deserved better</a></li>
</ul>
<p>Our Standards: <a href="/standards">The Riverside Gazette Trust Principles.</a></p>
<p><a href="/gallery">Show all 50</a></p>
</div>
</article>
<aside class="most-popular"><h3>Most read</h3><ul><li><a href="/x">Dog rescued from canal</a></li></ul></aside>
<footer class="site-footer"><p>© 2024 Riverside Gazette. All rights reserved.</p></footer>
</body></html>
"""

BROADSHEET = f"""<!DOCTYPE html><html><head>
<title>Council votes to close harbour bridge | World news | The Daily Example</title>
<meta property="og:title" content="Council votes to close harbour bridge">
<meta property="og:description" content="Engineers warn the crossing can no longer carry heavy traffic">
<meta property="og:url" content="https://www.dailyexample.example/world/2024/mar/05/harbour-bridge">
<meta property="og:site_name" content="The Daily Example">
</head><body>
<div class="content__head">
<h1 class="content__headline" itemprop="headline">Council votes to close harbour bridge</h1>
<div class="content__standfirst" itemprop="description"><p>Engineers warn the crossing can no longer carry heavy traffic</p></div>
<figure class="media-primary" itemprop="image">
<img src="b.jpg" alt="">
<figcaption class="caption caption--main">Cars queue on the harbour bridge last summer.
Photograph: Jane Doe/Example Agency</figcaption>
</figure>
<p class="byline" itemprop="author"><span itemprop="name">Sara Lind</span> and <span itemprop="name">Omar Haddad</span></p>
<p class="content__dateline"><time itemprop="datePublished" datetime="2024-03-05T06:05:18+0000">Tue 5 Mar 2024 06.05 GMT</time></p>
</div>
<div class="content__article-body" itemprop="articleBody">{BODY}</div>
<div class="submeta"><p>Topics</p><ul><li><a href="/t1">Transport</a></li><li><a href="/t2">Cities</a></li></ul></div>
</body></html>
"""


def _page(tmp_path: Path, name: str, html: str) -> SourceText:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    doc = read(path)
    assert isinstance(doc, SourceText), doc
    return doc


def _parts(doc: SourceText) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a, b, kind in doc.parts:
        out.setdefault(kind, []).append(doc.text[a:b])
    return out


def _kinds(doc: SourceText) -> dict[str, str]:
    """Each passage's text -> its kind, as the indexer labels it."""
    chunks = chunking.chunk(doc.text, lambda t: len(t.split()), max_chars=600, max_tokens=256, overlap=0)
    return {doc.text[c.start : c.end]: c.kind for c in structure.label(doc.text, chunks, doc.parts)}


def test_wordpress_page_parts_and_metadata(tmp_path: Path) -> None:
    doc = _page(tmp_path, "bridge.html", WORDPRESS)
    parts = _parts(doc)
    # The <title> is the CMS's name: the headline comes from the page, without its kicker.
    assert doc.title == "Council votes to close harbour bridge to cars"
    assert parts["headline"] == ["Council votes to close harbour bridge to cars"]
    assert parts["standfirst"] == ["Repairs would cost more than the council can afford, engineers say"]
    assert parts["byline"] == ["By Tom Varga"]
    assert parts["dateline"] == ["March 5, 2024 at 9:30 a.m."]  # as the page prints it
    assert parts["caption"] == ["Traffic crosses the harbour bridge at dusk. (Lena Ortiz/Riverside Gazette)"]
    assert doc.meta.url == "https://www.riverside-gazette.example/2024/03/05/harbour-bridge/"
    assert doc.meta.date == "2024-03-05"
    assert doc.meta.sitename == "Riverside Gazette"
    # the parts come first, each its own paragraph, and the indexer keeps their kinds
    kinds = _kinds(doc)
    assert kinds["By Tom Varga"] == "byline"
    assert kinds["March 5, 2024 at 9:30 a.m."] == "dateline"
    assert any(k == "body" and "Engineers told the council" in t for t, k in kinds.items())


def test_boilerplate_is_dropped(tmp_path: Path) -> None:
    text = _page(tmp_path, "bridge.html", WORDPRESS).text
    for junk in (
        "click here",
        "A SIMPLE GUIDE",
        "Ferry timetable",
        "Our Standards",
        "Show all 50",
        "Most read",
        "All rights reserved",
        "Sport",
    ):
        assert junk not in text, junk
    assert "Maria Keller" in text and "four years to plan" in text


def test_adjacent_elements_keep_a_space(tmp_path: Path) -> None:
    text = _page(tmp_path, "bridge.html", WORDPRESS).text
    assert "33%of" not in text
    assert "33% of the bridge" in " ".join(text.split())


def test_broadsheet_caption_credit_byline_and_date(tmp_path: Path) -> None:
    doc = _page(tmp_path, "world/bridge.html", BROADSHEET)
    parts = _parts(doc)
    assert parts["headline"] == ["Council votes to close harbour bridge"]
    assert parts["standfirst"] == ["Engineers warn the crossing can no longer carry heavy traffic"]
    assert parts["caption"] == ["Cars queue on the harbour bridge last summer."]
    assert parts["credit"] == ["Photograph: Jane Doe/Example Agency"]
    assert parts["dateline"] == ["Tue 5 Mar 2024 06.05 GMT"]
    assert doc.meta.sitename == "The Daily Example"
    # the standfirst is not repeated in the body, the topic links are not indexed
    assert doc.text.count("Engineers warn the crossing") == 1
    assert "Transport" not in doc.text


def test_page_without_furniture_is_body_only(tmp_path: Path) -> None:
    page = f"<html><head><title>Notes</title></head><body><main>{BODY}</main></body></html>"
    doc = _page(tmp_path, "notes.html", page)
    assert {k for _, _, k in doc.parts} <= {"headline"}
    assert "Engineers told the council" in doc.text


def _figure_page(figure: str) -> str:
    return f"""<html><head><meta property="og:title" content="Bridge to close"></head><body><article>
<h1>Bridge to close</h1>{figure}<div class="story-body">{BODY}</div></article></body></html>"""


def test_credit_on_the_image_outside_the_caption(tmp_path: Path) -> None:
    """A broadcaster's layout: the credit sits on the image, the caption under it, each with a
    screen-reader prefix."""
    fig = """<figure><div class="image-block"><span><img src="x.jpg" alt="">
<span class="ImageCopyright"><span class="visually-hidden">Image source, </span>Reuters</span></span></div>
<figcaption class="Caption"><span class="visually-hidden">Image caption, </span>Cars queue on the bridge</figcaption></figure>"""
    parts = _parts(_page(tmp_path, "bbc.html", _figure_page(fig)))
    assert parts["caption"] == ["Image caption, Cars queue on the bridge"]
    assert parts["credit"] == ["Image source, Reuters"]


def test_agency_credit_run_into_the_caption(tmp_path: Path) -> None:
    """A wire layout: caption and credit in two spans with no space between them."""
    fig = """<figure><img src="x.jpg"><figcaption><span>Cars queue on the harbour bridge in March, 2024.</span><span>REUTERS/Jane Doe</span></figcaption></figure>"""
    parts = _parts(_page(tmp_path, "wire.html", _figure_page(fig)))
    assert parts["caption"] == ["Cars queue on the harbour bridge in March, 2024."]
    assert parts["credit"] == ["REUTERS/Jane Doe"]


def test_hidden_credit_label(tmp_path: Path) -> None:
    """A newspaper layout with hashed class names: "Credit..." then the photographer."""
    fig = """<figure><img src="x.jpg"><figcaption class="css-1l44abu"><span class="css-jevhq9">The bridge at dawn.</span>
<span class="css-cnj6d5"><span class="css-1ly73wi">Credit...</span><span>Sam Hill for The Daily Example</span></span></figcaption></figure>"""
    parts = _parts(_page(tmp_path, "paper.html", _figure_page(fig)))
    assert parts["caption"] == ["The bridge at dawn."]
    assert parts["credit"] == ["Credit... Sam Hill for The Daily Example"]


def test_byline_from_the_page_when_metadata_names_no_author(tmp_path: Path) -> None:
    page = f"""<html><head><meta property="og:title" content="Bridge to close"></head><body><article>
<h1>Bridge to close</h1>
<div class="ssrcss-68pt20-Contributor"><strong>By Ruth Calder</strong><span>, Transport correspondent</span></div>
<div class="story-body">{BODY}</div></article></body></html>"""
    parts = _parts(_page(tmp_path, "b.html", page))
    assert parts["byline"] == ["By Ruth Calder, Transport correspondent"]
