"""Read a saved web page the way a reader sees it: headline, standfirst, byline, date, photo
captions and credits, then the article body, and nothing else.

trafilatura finds the main text and the page's metadata (title, authors, date, URL, site name,
description). What it leaves out, the furniture around the article, is taken from the page's own
markup: `<h1>`, `<time>`, `<figure>`/`<figcaption>`, and elements whose class or itemprop names a
standfirst, byline or credit, as common CMSs (WordPress, Arc, Escenic, the Guardian's and
Nature's templates...) write them. Each of these becomes its own paragraph with a known kind.

Boilerplate is dropped by its shape, never by its wording on a particular site: paragraphs and
lists that are mostly link text (related stories, promos, "Our Standards: <link>"), and short
calls to action ("click here", "Show all 50").
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from index.model import DocMeta

TITLE_MAX = 200

# Block-level tags: a reader sees a line break between two of them, so their texts never run together.
_BLOCK = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul br".split()
)
# Containers whose content is not the article, wherever they sit.
_NOT_ARTICLE = frozenset("nav aside footer form button script style noscript template svg".split())
_OFF_CLASS = re.compile(
    r"related|promo|recommend|newsletter|share|social|comment|advert|\bads?\b|sidebar|most-?(?:read|popular)"
    r"|outbrain|taboola|subscribe|paywall|cookie|breadcrumb|\bmenu\b|site-?(?:header|footer|nav)",
    re.I,
)
_STANDFIRST_CLASS = re.compile(
    r"standfirst|sub-?head|\bdek\b|subtitle|strapline|summary|\blede\b|intro|excerpt|description|teaser", re.I
)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|attribution|byline", re.I)
_CAPTION_CLASS = re.compile(r"caption", re.I)
_BYLINE_CLASS = re.compile(r"byline|\bauthor|contributor|writer", re.I)
# Where a credit starts inside a caption line: "...last year. Photograph: Jane Doe/Reuters".
# How a credit starts: "Photo: ...", "Photograph by ...", "Credit...", "Image source, ...".
_CREDIT_START = re.compile(
    r"(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?|video)"
    r"(?:\s+(?:by|credit|source|courtesy))?\s*(?::|,|\.\.\.|…|\bby\b)",
    re.I,
)

# Short calls to action and interface labels: no article says these in its own voice.
_CALL_TO_ACTION = re.compile(
    r"\b(?:click|tap|swipe)\s+(?:here|below|the\s+link)\b|\bon\s+(?:the|our)\s+[\w ]{0,30}\bapp\b"
    r"|^(?:show|see|view|load|read)\s+(?:all|more|less|full)\b|^(?:sign\s+up|subscribe|download)\b"
    r"|\b(?:sign\s+up\s+for|subscribe\s+to)\s+(?:our|the)\s+\w*\s*newsletter",
    re.I,
)
_HEAD_MAX = 400  # elements looked at under the headline for a standfirst or a date: bounded work
_CTA_MAX = 160  # longer paragraphs are prose even when they mention an app
_LINK_SHARE = 0.6  # a short paragraph this much link text is a promo or a pointer elsewhere
_LINK_SHORT = 200
_LIST_LINK_SHARE = 0.5  # a list whose items are mostly links is a list of related stories


@dataclass(frozen=True)
class Part:
    """One paragraph of the document, with its kind when the markup tells it (None: body text)."""

    text: str
    kind: str | None = None


@dataclass(frozen=True)
class Page:
    """A web page as the index stores it: paragraphs in reading order, and its metadata."""

    parts: list[Part]
    title: str
    meta: DocMeta


def _norm(s: str) -> str:
    """Whitespace collapsed (no-break spaces included)."""
    return " ".join(s.split())


def _key(s: str) -> str:
    """A loose key to spot the same text twice: letters and digits only, lower case."""
    return re.sub(r"\W+", "", s).lower()


# --------------------------------------------------------------------------- the page's markup


def _classes(el: Any) -> str:
    return " ".join(str(el.get(a) or "") for a in ("class", "id", "itemprop", "rel", "data-component"))


def _off_article(el: Any) -> bool:
    """Inside navigation, an aside, a footer, a form or a related/promo box."""
    for anc in el.iterancestors():
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in _NOT_ARTICLE or _OFF_CLASS.search(_classes(anc)):
            return True
        if tag == "header" and anc.getparent() is not None and anc.getparent().tag == "body":
            return True  # the site's header (logo, menu), not the article's
    return False


def _space_blocks(tree: Any) -> None:
    """Give every block element whitespace on both sides, so that "33%" and "of those" in two
    boxes of a fact panel do not become "33%of those" once the markup is gone."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
            continue
        # Two inline boxes side by side with no space between ("<span>33%</span><span>of those</span>"),
        # as fact panels are laid out: a space, unless the second starts with punctuation ("'s", ").").
        prev = el.getprevious()
        if (
            prev is not None
            and isinstance(prev.tag, str)
            and not prev.tail
            and len(prev) == 0
            and len(el) == 0
            and re.search(r"[\w%).!?,;:\"”’]$", prev.text or "")
            and re.match(r"[\w(]", el.text or "")
        ):
            prev.tail = " "


def _text(el: Any) -> str:
    """Visible text of an element, without scripts and styles."""
    out: list[str] = []

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in ("script", "style", "noscript", "template", "svg"):
            return
        if e.text and tag:
            out.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                out.append(child.tail)

    walk(el)
    return _norm("".join(out))


def _main_h1(tree: Any) -> Any:
    """The article's <h1>: the first one outside navigation and asides, with two words or more."""
    for h1 in tree.iter("h1"):
        text = _text(h1)
        if not _off_article(h1) and len(text.split()) >= 2 and len(text) <= 300:
            return h1
    return None


def _headline(h1: Any, meta_title: str) -> str:
    """The page's visible headline: the article's <h1>, else the metadata title. A kicker set
    inside the <h1> ("Local News | ...") is left out when the metadata title is the rest of it."""
    if h1 is None:
        return meta_title
    text = _text(h1)
    if meta_title and _key(meta_title) in _key(text) and len(meta_title) < len(text):
        return meta_title
    return text


def _after(tree: Any, h1: Any) -> list[Any]:
    """Elements after the headline, up to where the body text starts (a long paragraph)."""
    out: list[Any] = []
    started = h1 is None
    inside = set(h1.iter()) if h1 is not None else set()
    for el in tree.iter():
        if not started:
            started = el is h1
            continue
        if el in inside or not isinstance(el.tag, str):
            continue
        if el.tag == "p" and len(_text(el)) >= 250 or len(out) >= _HEAD_MAX:
            break
        out.append(el)
    return out


def _standfirst(head: list[Any], headline: str) -> str:
    """A visible summary under the headline, named as such by its class."""
    for el in head:
        if el.tag in ("meta", "html", "body", "head", "title", "article", "main", "section"):
            continue
        if not _STANDFIRST_CLASS.search(_classes(el)) or _off_article(el):
            continue
        text = _text(el)
        if 20 <= len(text) <= 400 and _key(headline) not in _key(text):
            return text
    return ""


def _visible_byline(head: list[Any]) -> str:
    """The byline as printed under the headline, when the page's metadata names no author:
    the first short element whose class, rel or itemprop says byline, author or contributor."""
    for el in head:
        if el.tag in ("meta", "link", "script", "style"):
            continue
        if not _BYLINE_CLASS.search(_classes(el)) or _off_article(el):
            continue
        text = _text(el)
        if 3 <= len(text) <= 100 and not re.search(r"\d", text) and re.search(r"[A-Z]", text):
            return text
    return ""


def _visible_date(tree: Any, head: list[Any], iso: str) -> str:
    """The publication date as the page prints it: a <time> of that day, else a short line
    under the headline that reads as a date line and names that year."""
    day = iso[:10]
    for el in tree.iter("time"):
        if _off_article(el):
            continue
        text = _text(el)
        if (
            text
            and re.search(r"\d", text)
            and len(text) <= 80
            and str(el.get("datetime") or "").startswith(day)
        ):
            return text
    for el in head:
        if el.tag in ("script", "style") or _off_article(el):
            continue
        text = _text(el)
        if len(text) <= 80 and (not day or day[:4] in text) and _is_dateline_text(text):
            return text
    return ""


def _human_date(iso: str) -> str:
    """ "2019-09-24" -> "24 September 2019"."""
    import datetime as dt

    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return ""
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _is_credit_piece(s: str) -> bool:
    """A credit line: "Photograph: Jane Doe/Reuters", "REUTERS/Jane Doe", "Credit...Jane Doe"."""
    from index.structure import looks_like_credit  # the same test the plain-text labeller uses

    return len(s) <= 150 and (looks_like_credit(s) or bool(_CREDIT_START.match(s)))


def _split_credit(line: str) -> tuple[str, str]:
    """A caption line and the credit at its end, if any: after the first sentence end whose
    remainder is a credit ("Crowds gather. Photo: Jane Doe/AFP")."""
    for m in re.finditer(r"[.!?)\]]\s*", line):
        tail = line[m.end() :].strip()
        if tail and _is_credit_piece(tail):
            return line[: m.end()].strip(), tail
    return line, ""


def _caption_parts(fig: Any) -> list[Part]:
    """A caption element as a caption paragraph and a credit paragraph."""
    credits: list[str] = []
    for el in list(fig.iter()):
        if el is fig or not isinstance(el.tag, str):
            continue
        if _CREDIT_CLASS.search(_classes(el)):
            text = _text(el)
            if text and len(text) <= 150:
                credits.append(text)
                parent = el.getparent()
                if parent is not None:  # drop it so the caption text does not repeat it
                    tail = el.tail
                    parent.remove(el)
                    if tail:
                        prev = el.getprevious()
                        if prev is not None:
                            prev.tail = (prev.tail or "") + " " + tail
                        else:
                            parent.text = (parent.text or "") + " " + tail
    caption: list[str] = []
    for line in _lines(fig):
        text, credit = _split_credit(_norm(line))
        if text:
            (credits if _is_credit_piece(text) else caption).append(text)
        if credit:
            credits.append(credit)
    out = []
    if caption:
        out.append(Part(" ".join(caption), "caption"))
    for c in dict.fromkeys(credits):
        out.append(Part(c, "credit"))
    return out


def _lines(el: Any) -> list[str]:
    """An element's text split at its block children and <br> (after `_space_blocks`)."""
    raw: list[str] = []

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in ("script", "style", "noscript", "template", "svg", "button"):
            return
        if e.text and tag:
            raw.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                raw.append(child.tail)

    walk(el)
    return [line for line in "".join(raw).split("\n")]


def _is_caption_el(el: Any) -> bool:
    """A figcaption, or an element (not the figure itself) whose class names a caption."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "figcaption":
        return True
    if el.tag in ("figure", "img", "picture", "body", "article", "main", "section", "html"):
        return False
    return bool(_CAPTION_CLASS.search(_classes(el))) and el.find(".//img") is None


def _is_dateline_text(s: str) -> bool:
    from index.structure import looks_like_dateline

    return looks_like_dateline(s)


def _captions(tree: Any) -> list[Part]:
    """Photo captions and credits of the article's figures, in page order, each once."""
    out: list[Part] = []
    seen: set[str] = set()
    credited: set[Any] = set()
    for el in tree.iter():
        if not _is_caption_el(el) or _off_article(el):
            continue
        if any(_is_caption_el(a) for a in el.iterancestors()):
            continue  # nested caption markup: the outer one is read whole
        if _is_dateline_text(_text(el)):
            continue  # "Published Nov 8, 2023" set in a caption's type style
        holder = el.getparent() if el.tag == "figcaption" else el
        fig = copy.deepcopy(el)
        parts = _caption_parts(fig)
        # Credits often sit elsewhere in the figure, on the image ("Image source, Reuters").
        if el.tag == "figcaption" and holder is not None:
            inside = set(el.iter())
            for sib in holder.iter():
                if sib in inside or not isinstance(sib.tag, str) or not _CREDIT_CLASS.search(_classes(sib)):
                    continue
                if any(a in credited for a in sib.iterancestors()):
                    continue
                credited.add(sib)
                text = _text(sib)
                if text and len(text) <= 150:
                    parts.append(Part(text, "credit"))
        for p in parts:
            k = _key(p.text)
            if k and k not in seen:
                seen.add(k)
                out.append(p)
    return out


# --------------------------------------------------------------------------- trafilatura's body


def _inline(el: Any) -> tuple[str, int]:
    """An element's text with <lb/> as newlines, and how many of its characters are link text."""
    parts: list[str] = []
    linked = 0

    def walk(e: Any, in_link: bool) -> None:
        nonlocal linked
        link = in_link or e.tag == "ref"
        if e.text:
            parts.append(e.text)
            if link:
                linked += len(e.text.strip())
        for child in e:
            if child.tag == "lb":
                parts.append("\n")
            else:
                walk(child, link)
            if child.tail:
                parts.append(child.tail)
                if in_link or e.tag == "ref":
                    linked += len(child.tail.strip())

    walk(el, False)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line), linked


def _share(text: str, linked: int) -> float:
    n = len(re.sub(r"\s", "", text))
    return linked / n if n else 0.0


def _boilerplate(text: str, linked: int) -> bool:
    """A promo, a pointer elsewhere or an interface label rather than article text."""
    if len(text) <= _LINK_SHORT and _share(text, linked) >= _LINK_SHARE:
        return True
    return len(text) <= _CTA_MAX and bool(_CALL_TO_ACTION.search(text))


def _blocks(el: Any) -> list[str]:
    """trafilatura's XML body as paragraphs: one block per p/head, a list or table each."""
    tag = el.tag
    if tag in ("p", "head", "code"):
        text, linked = _inline(el)
        return [] if _boilerplate(text, linked) else [text]
    if tag == "list":
        items = [_inline(item) for item in el if item.tag == "item"]
        total = sum(len(t) for t, _ in items)
        linked = sum(n for _, n in items)
        if items and total and linked / total >= _LIST_LINK_SHARE:
            return []  # related stories, "more on this"
        kept = [t for t, n in items if t and not _boilerplate(t, n)]
        return ["\n".join(f"- {t}" for t in kept)] if kept else []
    if tag == "table":
        rows = []
        for row in el.iter("row"):
            cells = [_inline(cell)[0].replace("\n", " ") for cell in row if cell.tag == "cell"]
            if any(cells):
                rows.append(" | ".join(cells))
        return ["\n".join(rows)]
    if tag in ("graphic", "ref"):
        return []
    out: list[str] = []
    loose = _norm(el.text or "")
    if loose:
        out.append(loose)
    for child in el:
        out.extend(_blocks(child))
        tail = _norm(child.tail or "")
        if tail:
            out.append(tail)
    return out


def _body(tree: Any) -> list[str]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_images=False,
        include_formatting=False,
        with_metadata=False,
    )
    if not xml:
        return []
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        plain = trafilatura.extract(tree, output_format="txt", include_comments=False) or ""
        return [line.strip() for line in plain.split("\n") if line.strip()]
    main = doc.find("main")
    return [b for b in (_blocks(main) if main is not None else []) if b.strip()]


# --------------------------------------------------------------------------- assembly


def _authors(raw: str) -> list[str]:
    names = [_norm(a) for a in re.split(r";|\s+and\s+|,\s*(?=[A-Z])", raw or "") if _norm(a)]
    return list(dict.fromkeys(n for n in names if 1 <= len(n.split()) <= 5 and not re.search(r"\d|@", n)))


def _byline(authors: list[str]) -> str:
    if not authors:
        return ""
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return f"By {names}"


def _metadata(tree: Any) -> DocMeta:
    import trafilatura

    try:
        m = trafilatura.extract_metadata(copy.deepcopy(tree))
    except Exception:  # metadata is a bonus: a page without it is still indexed
        m = None

    def get(name: str) -> str:
        return _norm(str(getattr(m, name, None) or "")) if m is not None else ""

    return DocMeta(
        title=get("title")[:TITLE_MAX],
        author=get("author"),
        date=get("date"),
        url=get("url"),
        sitename=get("sitename"),
        description=get("description")[:500],
    )


def _title_ok(title: str, sitename: str) -> bool:
    """A real title, not a CMS or site name standing in for one ("escenic", "Home")."""
    t = title.strip()
    return len(t.split()) >= 2 and _key(t) != _key(sitename)


def _furniture(tree: Any, meta: DocMeta, body: list[str]) -> tuple[list[Part], str]:
    """Headline, standfirst, byline, date line, captions and credits, in reading order."""
    h1 = _main_h1(tree)
    headline = _headline(h1, meta.title if _title_ok(meta.title, meta.sitename) else "")
    head_zone = _after(tree, h1)
    standfirst = _standfirst(head_zone, headline)
    if not standfirst and meta.description and len(meta.description) <= 300:
        # The page's own summary when the template marks none, if the reader sees it (not only a
        # <meta> tag) and it is not simply the first paragraph.
        start = _key(meta.description[:80].rstrip("…."))
        if start and start not in _key(body[0]) and start in _key(_text(tree.body)):
            standfirst = meta.description
    byline = _byline(_authors(meta.author)) or _visible_byline(head_zone)
    date = _visible_date(tree, head_zone, meta.date) or _human_date(meta.date)
    head: list[Part] = []
    if headline:
        head.append(Part(headline, "headline"))
    if standfirst:
        head.append(Part(standfirst, "standfirst"))
    if byline:
        head.append(Part(byline, "byline"))
    if date:
        head.append(Part(date, "dateline"))
    head += _captions(tree)
    return head, headline


# libxml2's HTML parser stops building the tree 256 elements deep (xmlParserMaxDepth; its
# "huge" option only moves that to 2048) and drops everything below: a page of 10,000 nested
# <div>s had "no main text". Such a page is parsed again with its elements nested at most this
# deep (`shallow`), under libxml2's limit with room for the <html>/<body> it adds.
MAX_DEPTH = 200
# Elements an open one of the same kind closes, and what an open <p> is closed by (HTML's implied
# end tags, as far as `shallow` must know them to keep count of the depth).
_SELF_CLOSING = frozenset("p li dt dd tr td th option".split())
_CLOSES_P = _BLOCK - {"br", "hr"}
_LEAF_BLOCKS = frozenset("p li dt dd h1 h2 h3 h4 h5 h6".split())
_LEAF_ROOM = 8  # levels kept for them past MAX_DEPTH: well under libxml2's 256
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_END_LOOKBACK = 64  # open elements an end tag is matched against: a stray end tag costs O(1)


def shallow(page: str, max_depth: int = MAX_DEPTH) -> str:
    """`page` with its elements nested at most `max_depth` deep: the tags of deeper elements are
    left out (a block's replaced by a line break), their text kept. Linear in the page: one pass of
    the standard library's streaming HTML parser, which builds no tree.

    Args:
        page: the page's HTML.
        max_depth: the deepest nesting kept.

    Returns:
        The page as HTML, its text and the tags of its first `max_depth` levels as written.
    """
    from html.parser import HTMLParser

    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (tag, whether its tags were kept)
    depth = [0]  # kept open elements

    def close_top() -> None:
        if stack.pop()[1]:
            depth[0] -= 1

    class Flatten(HTMLParser):
        def handle_starttag(self, tag: str, attrs: Any) -> None:
            text = self.get_starttag_text() or ""
            if tag in _VOID:
                out.append(text)
                return
            while stack and (
                (tag in _SELF_CLOSING and stack[-1][0] == tag) or (tag in _CLOSES_P and stack[-1][0] == "p")
            ):
                close_top()  # an implied end tag: the parser closes it, so must the count
            # Raw text (script, style) is never shown as text; a paragraph's or a heading's tags are
            # kept a little deeper, where no other element nests (an open one is closed above).
            keep = (
                depth[0] < max_depth
                or tag in ("script", "style")
                or (tag in _LEAF_BLOCKS and depth[0] < max_depth + _LEAF_ROOM)
            )
            stack.append((tag, keep))
            if keep:
                depth[0] += 1
                out.append(text)
            elif tag in _BLOCK:
                out.append("\n")

        def handle_startendtag(self, tag: str, attrs: Any) -> None:
            out.append(self.get_starttag_text() or "")

        def handle_endtag(self, tag: str) -> None:
            for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _END_LOOKBACK), -1):
                if stack[i][0] == tag:
                    kept = stack[i][1]
                    while len(stack) > i:
                        close_top()
                    out.append(f"</{tag}>" if kept else ("\n" if tag in _BLOCK else ""))
                    return

        def handle_data(self, data: str) -> None:
            out.append(data)

        def handle_entityref(self, name: str) -> None:
            out.append(f"&{name};")

        def handle_charref(self, name: str) -> None:
            out.append(f"&#{name};")

        def handle_decl(self, decl: str) -> None:
            out.append(f"<!{decl}>")

    parser = Flatten(convert_charrefs=False)
    parser.feed(page)
    parser.close()
    return "".join(out)


def _parse(page: str) -> Any:
    """The page's lxml tree; parsed again through `shallow` when libxml2 hit its nesting limit."""
    from lxml import html

    parser = html.HTMLParser()
    tree = html.document_fromstring(page, parser=parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        tree = html.document_fromstring(shallow(page), parser=html.HTMLParser())
    return tree


def read_page(page: str) -> Page | None:
    """The page's paragraphs in reading order with their kinds, and its metadata; None when it has no text."""
    from lxml import etree

    try:
        tree = _parse(page)
    except (etree.ParserError, ValueError):
        return None
    _space_blocks(tree)
    meta = _metadata(tree)
    body = _body(copy.deepcopy(tree))
    if not body:
        return None
    try:
        head, headline = _furniture(tree, meta, body)
    except Exception:  # the furniture is a bonus: an odd page still gets its body indexed
        head, headline = [], ""
    # The body repeats none of the furniture above (trafilatura keeps some headings and captions).
    seen = {_key(p.text) for p in head}
    furniture_text = " ".join(_key(p.text) for p in head)
    parts = list(head)
    for text in body:
        k = _key(text)
        if not k or k in seen or (len(k) < 200 and k in furniture_text):
            continue
        seen.add(k)
        parts.append(Part(text))
    title = headline or meta.title or (body[0] if body else "")
    if not _title_ok(meta.title, meta.sitename):
        meta = DocMeta(
            title=headline[:TITLE_MAX],
            author=meta.author,
            date=meta.date,
            url=meta.url,
            sitename=meta.sitename,
            description=meta.description,
        )
    return Page(parts, _norm(title)[:TITLE_MAX], meta)
