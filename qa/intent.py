"""What a question asks for, read from its wording alone: answer type and article part.

No language model: a few general patterns of English questions (the answer types and their
evidence are qa.answer_type's). They steer ranking (a "how many"
question wants a passage with a number) and abstention (a "how tall" question with no height in
the documents is not answered with something else).

Article parts (index.structure's kinds: headline, standfirst, byline, dateline, caption, credit,
footer) are asked in a reader's words: "who wrote this?", "which outlet put this out?", "when was
it last updated?", "give me a summary", "who took the photo?". A part question is told from a
question about the article's content by what its part words attach to: "who wrote" the article (or
nothing: "Who wrote this?"), not "who wrote the law?"; "when was the story updated?", not "when was
the bridge updated?". The words that name the part (`part_words`) are never the article's topic
(qa.abstain.topic_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import answer_type as values

# What a reader calls the article: "the Guardian piece", "this story", "the news report". A bare
# "report" is not one ("When was the UN report published?" asks about the report the article is
# about); "this report" and "the news report" are.
_ART_NOUN = (
    r"(?:articles?|stor(?:y|ies)|pieces?|items?|write-?ups?|columns?|op-?eds?|posts?|coverage|features?|briefs?|"
    # "the Politico profile of the senator" (nh16's n16b8; bench/reports/news30.md)
    r"profiles?|"
    r"obituar(?:y|ies)|obits?|editorials?|(?:web\s*)?pages?|"
    r"dispatch(?:es)?|blog(?:\s+posts?)?|news(?:\s+(?:stor(?:y|ies)|items?|reports?|articles?|pieces?))?|"
    r"(?<=this\s)reports?|(?<=news\s)reports?)"
)
# "the Guardian article", "this story", "The Local's tattoo story": a determiner, at most four words
# naming the outlet or topic, the article noun.
_ART_REF = (
    rf"(?:(?:this|that|the|these|those|your|today'?s|its)\s+(?:[\w'’.-]+\s+){{0,4}}?{_ART_NOUN}\b"
    rf"|\b(?:(?-i:[A-Z])[\w'’.-]*\s+){{1,3}}{_ART_NOUN}\b)"
)
# The article, or "this"/"it" standing for it where nothing follows that it could be the subject of.
_REF_OR_THIS = rf"(?:{_ART_REF}|\b(?:this|it)\b(?!\s+(?:is|was|are|were)\b))"
# What may close a part question: "please", or a word that marks it as a follow-up or a repeat ("who
# wrote the article then", "what's the headline again?"). Without them article_heldout14's follow-up
# "who wrote the article then" was read as no part and declined off topic ("the documents do not
# cover: wrote, article"; bench/reports/wrong25.md).
# A follow-up's closing word adds nothing to the part or to its topic (wrong25 and rank25 found the
# same miss, h14u07, and their lists merged here). "please" may come with one ("then, please").
_FILLER_WORDS = r"(?:then|now|again|too|though|anyway|instead)"
_CLOSER = rf"(?:\s*,?\s*(?:please|{_FILLER_WORDS})){{0,2}}"
# What may follow the part question: a topic ("about casualised staff"), a closer, the end.
# Or a clause that tells which article by what it does: "the Breitbart piece attacking the Post's
# fact check", "the column that criticised the mayor".
_CLAUSE = r"(?:(?:that|which)\s+\w+|\w{3,}ing)"
_TAIL = (
    rf"(?:\s+(?:about|on|of|regarding|concerning|covering|for|from|in|{_CLAUSE})\s+[^?]{{1,120}}?)?"
    rf"{_CLOSER}\s*[?.!]*\s*$"
)
_END = rf"{_CLOSER}\s*[?.!]*\s*$"
# A topic after the article, before the question's last words: "the story about the ferry [called]".
_ABOUT = rf"(?:\s+(?:about|on|regarding|concerning|covering|{_CLAUSE})\s+[^?]{{1,120}}?)?"
_PHOTO = (
    r"(?:(?:main|top|lead|first|second|last|big|large|featured|header|opening|other|that|this|the)\s+)*"
    r"(?:[\w'’.-]+\s+){0,4}?(?:photo(?:graph)?s?|pictures?|pics?|images?|illustrations?|snaps?|pictured)\b"
)
# A writer's contact: "twitter handle", "social media account", "email address" (byline group).
_HANDLE_NAMED = (
    r"(?:(?:twitter|x|instagram|threads|bluesky|mastodon|social(?:[\s-]+media)?|e-?mail)\s+"
    r"(?:handles?|accounts?|usernames?|names?|address(?:es)?|contacts?)\b)"
)
# Or a bare "handle" where the words around it make it a noun ("the author's handle").
_HANDLE = rf"(?:{_HANDLE_NAMED}|\bhandles?\b)"
_WRITE = r"(?:wrote|writes|authored|penned|filed|bylined|put\s+together|reported)"
# Verbs that ask for the writer only with the article named: "who covered the Benghazi story?", not
# "who signed it?" (a bill) or "who covered the costs?".
_COVER = r"(?:covered|signed|reported\s+on|worked\s+on)"
_OUTLET = (
    r"(?:news\s*)?(?:outlets?|organi[sz]ations?|papers?|newspapers?|sites?|web\s*sites?|publications?|"
    r"publishers?|agenc(?:y|ies)|wires?(?:\s+services?)?|networks?|channels?|broadcasters?|"
    r"media(?:\s+outlets?)?|sources?|magazines?|newsrooms?|mastheads?|outfits?)"
)
_PUBLISH = (
    r"(?:published|publishes|publish|put\s+(?:\w+\s+){0,2}out|puts\s+(?:\w+\s+){0,2}out|ran|runs|run|carried|carries|carry|"
    r"provided|supplied|distributed|syndicated|sent|sends|send|wired|moved|filed|"
    r"released|printed|posted|reported|report|broke|produced|wrote|write|is\s+(?:this|it)\s+from|"
    r"(?:is|was)\s+(?:this|it)\s+(?:published|posted|printed|from|in|on|by))"
)
_DATE_VERB = (
    r"(?:written|published|posted|updated|modified|edited|revised|released|filed|dated|issued|printed|"
    r"uploaded|put\s+(?:out|online|up)|came\s+out|come\s+out|appear(?:ed)?|run|go\s+(?:up|online|live)|"
    r"went\s+(?:up|online|live)|get\s+(?:published|posted|updated)|changed|corrected)"
)
_WHEN_ADV = r"(?:(?:first|last|originally|most\s+recently|initially|actually)\s+)?"
# A notice the article carries about itself: "When was the correction (to the golf article) published?" asks for the date
# line under it (a newspaper's correction ends with the date it ran: "Friday, December 4, 2015.").
_NOTICE = (
    r"(?:(?:the|this|that|its|a)\s+(?:(?:article|story|piece|column)'?s?\s+)?"
    r"(?:corrections?|clarifications?|editor'?s\s+notes?|amendments?\s+to\s+(?:the|this)\s+(?:article|story))"
    # "the correction to the golf course article"
    rf"(?:\s+(?:to|of|on|in|for)\s+{_ART_REF})?)"
)
# "When was the article, or its correction, published?": the article and its notice together.
_AND_NOTICE = (
    r"(?:\s*,?\s*\(?\s*(?:or|and)\s+(?:its|the|any)\s+(?:corrections?|updates?|clarifications?)\s*\)?\s*,?)?"
)


# A terse request for a part, the whole question: "headline please", "subheading?", "give me the
# title", "the author of this story, please", "date?". The request words belong to the part's
# wording (part_words), not to the topic.
_REQUEST = (
    r"^\W*(?:(?:(?:can|could|would)\s+(?:you|I)\s+)?(?:please\s+)?(?:give|get|show|send|tell|read|find)"
    r"\s+(?:me|us)\s+|(?:I\s+)?(?:need|want|would\s+like)\s+|what(?:'s|\s+is|\s+was)\s+)?"
    r"(?:(?:the|its|this|that|a|an)\s+)?(?:(?:article|story|piece|page|column)'?s?\s+)?"
)


# A title given to someone, not to the article: "give(n) Putin", "given to Assad", "used for the
# Syrian leader" (the object no article: "what title did the paper give the story?" is its headline).
_NOT_GIVEN = (
    r"(?![^?]*?\b(?:give[sn]?|gave|given|use[sd]?\s+for|bestow(?:s|ed)?\s+on|appl(?:y|ies|ied)\s+to)\s+"
    rf"(?!(?:to\s+)?(?:{_ART_REF}|(?:it|this)\b))[\w'’])"
)


def _terse(noun: str) -> str:
    """A terse request for the part `noun` names, optionally of a named article ("title of the
    Guardian piece on X")."""
    return rf"{_REQUEST}(?:{noun})(?:\s+(?:of|for|on)\s+{_REF_OR_THIS}{_TAIL}|{_END})"


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.I)


# Article parts a question can ask for, and the passage kinds that answer them, first match wins.
_PART_PATTERNS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (
        ("caption",),
        _rx(
            rf"\bwhat\s+(?:does|do|did|is|was)\s+{_PHOTO}.*\b(?:show|shows|showing|depict|depicts|feature|"
            r"features|illustrate|illustrates|capture|captures)\b",
            rf"\b(?:who|what)(?:'s|\s+is|\s+are|\s+was|\s+were)?\s+(?:in|on)\s+{_PHOTO}",
            rf"\bwho\s+(?:appears?|is\s+seen|can\s+(?:I|we|you)\s+see)\s+in\s+{_PHOTO}",
            r"\b(?:who|what)(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:pictured|shown|depicted|photographed)\b",
            rf"\b(?:describe|explain)\s+{_PHOTO}",
            rf"\bwhat(?:'s|\s+is|\s+was)\s+{_PHOTO}\s+of{_END}",
            r"\bcaptions?\b",
        ),
    ),
    (
        ("credit", "caption"),
        _rx(
            rf"\bwho\s+(?:\w+\s+)?(?:took|shot|snapped|made|captured|provided|supplied|owns)\s+{_PHOTO}",
            rf"\bwho\s+(?:is|was|are|were)\s+(?:credited|responsible)\s+(?:for|with)\s+{_PHOTO}",
            rf"\bwho\s+(?:is|was|are|were)\s+{_PHOTO}\s+credited\s+to\b|\b{_PHOTO}\s+(?:is\s+|was\s+)?credited\s+to\b",
            rf"\b{_PHOTO}\s+(?:credits?|by|courtesy)\b",
            r"\bwhose\s+(?:photo(?:graph)?s?|pictures?|images?)\b",
            rf"\bwhere\s+(?:is|was|are|were|did|does)\s+{_PHOTO}\s+(?:from|come\s+from|taken\s+from)",
            r"\b(?:who|which)\s+(?:is|was|'s)?\s*(?:the\s+)?photographers?\b(?!\s+(?:said|say|says|told|did|do|"
            r"does|has|have|had|was|is)\b)",
            r"\bphotographer'?s\s+name\b|\bname\s+of\s+the\s+photographer\b|\bphoto\s+credits?\b",
            # "Which agency supplied the photo?", "who gets credit for the picture?"
            rf"\b(?:which|what)\s+(?:\w+\s+)?(?:{_OUTLET}|photographers?)\s+(?:\w+\s+)?(?:took|shot|snapped|"
            rf"supplied|provided|owns|made|captured)\s+{_PHOTO}",
            rf"\bwho\s+(?:gets|got|has|takes|took|is\s+given|was\s+given)\s+(?:the\s+)?credit\s+for\s+{_PHOTO}",
        ),
    ),
    (
        ("standfirst", "headline"),  # a plain-text headline may run on into its subheadline
        _rx(
            # "the abstract of the Times story": a newspaper archive labels its standfirst "ABSTRACT."
            # (index.structure's _SUMMARY_LABEL); as a request only, since "abstract" is also an adjective.
            _terse(r"sub-?head(?:ing|line)?s?|standfirsts?|deks?|straplines?|sub-?titles?|abstracts?"),
            # "the subheading", "what does the dek under the headline say?"
            r"\b(?:sub-?headlines?|sub-?heads?|sub-?headings?|standfirsts?|straplines?|deks?)\b"
            r"(?:\s+(?:under|below|beneath|after)\s+(?:the\s+)?(?:headline|title|heading))?"
            rf"(?:(?:\s+(?:of|for|on|in)\s+{_ART_REF}{_ABOUT})?(?:\s+(?:say|says|read|reads))?{_END}"
            r"|(?:\s+(?:say|says|read|reads))?)",
            rf"\bsub-?titles?(?:\s+(?:of|for|on)\s+{_REF_OR_THIS})?{_END}",
            r"\b(?:summary|text|line|sentence|blurb|intro)\s+(?:under|below|beneath|after)\s+the\s+(?:headline|title)\b",
            # "What does the abstract of the Times story on X say?": the noun, of a named article
            rf"\babstracts?\s+(?:of|for|on)\s+{_ART_REF}",
            # what is under the headline, in any words ("What's written under the headline?"); a second
            # headline; the deck (the noun before "say"/"under": not a ship's deck)
            r"\b(?:under|below|beneath|underneath)\s+(?:the|its)\s+(?:main\s+)?(?:headline|title|heading)\b",
            r"\b(?:second|secondary|smaller|sub)\s+(?:headline|heading)\b",
            # "What does the second line of the USA Today debate headline say?" (nh16's n16d9): a
            # headline written on two lines runs on into its subheadline (index.structure.headline_dek)
            r"\b(?:second|next|bottom|lower|last)\s+line\s+of\s+(?:the\s+|its\s+)?(?:[\w'’.-]+\s+){0,4}?"
            r"(?:headline|title|heading)\b",
            r"\b(?:the|its)\s+decks?\s+(?:say|says|read|reads)\b|\bdecks?\s+(?:under|below|beneath)\s+the\s+"
            r"(?:headline|title)\b",
            # a summary of the article: "give me a summary", "what's the gist of this story?"
            r"(?:\b(?:(?:can|could|would)\s+(?:you|I)\s+)?(?:please\s+)?(?:give|get|show|send|tell|write|need|want)"
            r"\s+(?:me|us)?\s*(?:(?:a|an|the)\s+)?(?:quick|short|brief|one-line|fast)?\s*)?"
            r"\b(?:summary|summari[sz]e|summari[sz]ing|synopsis|gist|tl;?\s?dr|overview|recap|rundown|"
            r"main\s+(?:point|idea|message|takeaway|thrust)s?|key\s+(?:points?|takeaways?|message)|"
            r"bottom\s+line|short\s+version|sum\s+(?:(?:it|this|the\s+\w+)\s+)?up)\b"
            # "of this story", "of the Guardian article on casualised staff" (a topic after a named article)
            rf"(?:\s+(?:of|for|from|in)\s+(?:{_ART_REF}(?:\s+(?:about|on|regarding|concerning|covering)\s+[^?]{{1,120}}?)?"
            rf"|{_REF_OR_THIS}))?(?:\s+(?:for\s+me|in\s+(?:brief|short|a\s+few\s+words)))?{_END}",
            rf"\b(?:summari[sz]e|sum\s+up|recap|condense)\s+{_REF_OR_THIS}",
            r"\bin\s+(?:a\s+)?nutshell\b",
        ),
    ),
    (
        # Whether and how the article was revised: its update or correction line ("This article has been
        # updated to include comments from ..."), else a date line ("Updated Sep 29"). nh14's n14h6 "has
        # the huffpost article on howard dean been updated, and with what" read as no part
        # (bench/reports/parts27.md). Not "when was it updated?": a date, the dateline group's.
        ("update", "dateline"),
        _rx(
            rf"(?<!\bwhen\s)\b(?:has|have|had|was|were|is)\s+{_REF_OR_THIS}{_ABOUT}\s+(?:ever\s+|since\s+|also\s+)?"
            r"(?:been\s+)?(?:updated|corrected|revised|amended)\b",
            rf"\bwhat\s+(?:was|were|has\s+been|got)\s+(?:updated|corrected|revised|amended|added)\s+(?:in|to)\s+{_REF_OR_THIS}",
            r"\b(?:update|correction|editor'?s)\s+(?:notes?|lines?)\b",
        ),
    ),
    (
        # The column or section an article runs under, which a plain-text page writes after its
        # headline ("Clinton's chance to make bold changes; Economic Scene."): nh14's n14f9 "Which NYT
        # column is the piece on Clinton's economic plans from?" read as no part (bench/reports/parts27.md).
        ("headline", "standfirst"),
        _rx(
            r"\b(?:which|what)\s+(?:[\w'’.-]+\s+)?(?:columns?|sections?|series|departments?|desks?|rubrics?)\s+"
            rf"(?:is|was|are|were|does|did)\s+{_REF_OR_THIS}{_ABOUT}\s+(?:from|in|under|part\s+of|appear\s+in|"
            r"run\s+in|come\s+from|belong\s+to)\b",
        ),
    ),
    (
        ("dateline",),
        _rx(
            _terse(r"(?:publication\s+|publishing\s+|posting\s+|filing\s+)?dates?|datelines?|time\s*stamps?"),
            # where the article was filed from: its dateline ("BERLIN - ..."; qa.rank reads a lede's)
            rf"\bwhere\s+(?:is|was|were|are)\s+{_REF_OR_THIS}(?:\s+(?:about|on|of|regarding|concerning|covering)"
            rf"\s+[^?]{{1,80}}?)?\s+(?:datelined|filed(?:\s+from)?|reported\s+from|written\s+from)\b",
            rf"\b(?:from\s+)?(?:which|what)\s+(?:city|place|town|location)\s+(?:is|was|were|are)\s+{_REF_OR_THIS}"
            r"(?:\s+[^?]{1,80}?)?\s+(?:datelined|filed|reported|written)(?:\s+(?:from|in))?\b",
            # the outlet as the verb's subject: "From which city does Politico file its piece on X?"
            # (nh16's n16c10), "where did the Post file the story from?"
            rf"\b(?:from\s+)?(?:which|what)\s+(?:city|place|town|location)\s+(?:does|did|do)\s+(?:[\w'’.-]+\s+){{1,3}}?"
            rf"(?:file|report|write|dateline)\s+{_REF_OR_THIS}",
            rf"\bwhere\s+(?:does|did|do)\s+(?:[\w'’.-]+\s+){{1,3}}?(?:file|report|write|dateline)\s+{_REF_OR_THIS}"
            r"(?:\s+[^?]{1,80}?)?\s+from\b",
            rf"\bwhen\s+(?:was|were|is|did|does|has|had)\s+(?:{_REF_OR_THIS}|{_NOTICE})"
            rf"(?:\s+(?:about|on|of|regarding|concerning|covering)\s+[^?]{{1,80}}?)?{_AND_NOTICE}\s+{_WHEN_ADV}"
            rf"{_DATE_VERB}\b",
            rf"\b(?:what|which)\s+(?:date|day|time)\s+(?:was|were|is|did)\s+{_REF_OR_THIS}"
            rf"(?:\s+[^?]{{1,80}}?)?\s+{_WHEN_ADV}{_DATE_VERB}\b",
            rf"\b(?:date|day|time)\s+(?:of|on|for)\s+{_REF_OR_THIS}{_TAIL}",
            # "What date is on the article?", "when did the Gazette run the story?"
            rf"\b(?:what|which)\s+(?:date|day)\s+(?:is|was)\s+(?:on|in)\s+{_REF_OR_THIS}",
            # "What day did the Herald run the ferry story?" as "when did ..." (round 28's reader forms)
            rf"\b(?:when|(?:on\s+)?(?:what|which)\s+(?:day|date))\s+(?:did|does)\s+(?:the\s+)?(?:[\w'’.-]+\s+){{1,3}}?"
            rf"(?:run|publish|print|post|carry)\s+"
            rf"(?=the\s|this\s|that\s){_ART_REF}",
            r"\b(?:publication|publishing|posting|upload|update|issue)\s+(?:date|time|day)\b|\bdate\s+of\s+"
            r"(?:publication|posting|the\s+last\s+update)\b|\bdatelined?s?\b|\btime\s*stamps?\b|\bdate\s*stamps?\b",
            # "revised" beside "updated": "When was the page last revised?" (article_heldout14's h14p02)
            r"\b(?:last|latest|most\s+recent)\s+(?:updated|modified|edited|revised|update|revision|change)\b"
            r"(?!\s+(?:to|of|on|in)\s+(?:the\s+)?(?!article|story|piece|page)\w)",
            rf"\bhow\s+(?:old|recent|new|current|fresh)\s+is\s+{_ART_REF}",
            r"\b(?:is|was)\s+(?:this|it)\s+(?:published|posted|dated|updated)\b",
            rf"\b{_ART_REF}\s+(?:is\s+|was\s+)?dated\b",
        ),
    ),
    (
        # Who else reported it: a closing credit ("Jane Roe contributed to this story.") before a byline.
        ("footer", "byline"),
        _rx(
            rf"\bwho\s+(?:also\s+|else\s+)?(?:contributed|helped)\s+(?:(?:with\s+)?(?:the\s+)?reporting\s+)?"
            rf"(?:to|on|for|with)\s+{_REF_OR_THIS}{_TAIL}",
            # "Who contributed to the USA TODAY report on X?": a report an outlet names as its own (nh12's
            # n12h9 read as no part; bench/reports/parts27.md), not "the report" a story is about
            r"\bwho\s+(?:also\s+|else\s+)?contributed\s+to\s+the\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}?reports?\b"
            rf"{_TAIL}",
            rf"\bwho\s+(?:also\s+|else\s+)?contributed(?:\s+(?:reporting|additional\s+reporting))?{_END}",
            rf"\b(?:contributors?|additional\s+reporting)\s+(?:to|of|on|for)\s+{_REF_OR_THIS}{_TAIL}",
            # "Who helped report the article?", "who else worked on the story?", "Who provided additional
            # reporting?", "Which reporters contributed to the story?"
            rf"\bwho\s+(?:also\s+|else\s+)?helped\s+(?:to\s+)?(?:report|write|research)\s+{_REF_OR_THIS}",
            rf"\bwho\s+(?:else|also)\s+worked\s+on\s+{_REF_OR_THIS}",
            r"\b(?:provided|gave|did|added|supplied)\s+(?:the\s+)?(?:additional|extra|further)\s+reporting\b",
            r"\b(?:which|what)\s+(?:reporters?|journalists?|writers?|correspondents?)\s+(?:also\s+)?contributed\b",
        ),
    ),
    (
        ("byline", "footer"),
        _rx(
            _terse(r"bylines?|authors?(?:'s\s+name)?|writers?|reporters?"),
            rf"\bwho\s+(?:actually\s+|originally\s+|really\s+)?{_WRITE}\s+{_REF_OR_THIS}{_TAIL}",
            rf"\bwho\s+(?:actually\s+|originally\s+)?{_WRITE}{_END}",
            rf"\b(?:who|(?:which|what)\s+(?:reporters?|journalists?|writers?|correspondents?))\s+{_COVER}\s+(?![^?]*\bcoverage\b){_ART_REF}{_TAIL}",
            rf"\bwho(?:\s+is|\s+was|'s)\s+{_REF_OR_THIS}\s+(?:by|from)\b",
            # "Whose article is this?", "Which reporter is behind the story about the fire?"
            rf"\bwhose\s+{_ART_NOUN}\s+(?:is|was)\s+(?:this|it)\b",
            rf"\b(?:who|(?:which|what)\s+(?:reporters?|journalists?|writers?|correspondents?))\s+(?:is|was|are|were)"
            rf"\s+behind\s+{_ART_REF}",
            rf"\b(?:which|what)\s+(?:reporters?|journalists?|writers?|authors?|correspondents?|staff(?:ers?)?|"
            rf"hacks?|columnists?)\s+(?:\w+\s+)?{_WRITE}(?:\s+{_REF_OR_THIS}|{_END})",
            # "Which Post reporter filed from Washington for the piece on X?": an outlet before the noun,
            # the place filed from and "for" before the article
            rf"\b(?:which|what)\s+(?:[\w'’.-]+\s+){{0,2}}?(?:reporters?|journalists?|writers?|correspondents?)\s+"
            rf"{_WRITE}(?:\s+(?:from|in)\s+(?:[\w'’.-]+\s+){{1,3}}?(?:for|on)|\s+(?:for|on))\s+{_ART_REF}",
            rf"\b(?:the|its|this|whose|article'?s|story'?s|piece'?s)\s+(?:authors?|writers?|reporters?|journalists?|"
            rf"correspondents?|columnists?|bylines?)(?:\s+(?:of|on|for|behind|is|was))?\s*(?:{_REF_OR_THIS}{_TAIL}|{_END})",
            rf"\b(?:authors?|writers?|reporters?|journalists?|correspondents?)\s+(?:of|on|for|behind)\s+{_REF_OR_THIS}",
            rf"\b{_REF_OR_THIS}\s+(?:\w+\s+){{0,2}}(?:written|authored|reported|filed|penned)\s+by\b",
            rf"\bby\s+whom\s+(?:was|is)\s+{_REF_OR_THIS}\s+(?:written|authored|reported|filed|penned)\b",
            # the credit line: "Who is the article credited to?", "to whom is this story credited?"
            rf"\bwho\s+(?:is|was|are|were)\s+{_REF_OR_THIS}\s+(?:\w+\s+)?credited\s+to\b",
            rf"\bwhom\s+(?:is|was)\s+{_REF_OR_THIS}\s+(?:\w+\s+)?credited\b",
            rf"\b{_ART_REF}\s+(?:is\s+|was\s+)?credited\s+to\b",
            # "Who is credited on the article about the mill?" (the article named: not "who is credited
            # with the rescue", round 28's reader forms)
            rf"\bwho\s+(?:is|was|are|were|gets|got)\s+credited\s+(?:on|for|in)\s+{_ART_REF}{_TAIL}",
            rf"\bwho\s+(?:gets|got|has|takes|took|is\s+given|was\s+given)\s+(?:the\s+)?(?:credit|byline)\s+"
            rf"(?:for|on)\s+{_REF_OR_THIS}",
            rf"\b(?:what|who)(?:'s|\s+is|\s+was)\s+(?:the\s+)?credit\s+(?:for|on|of)\s+{_REF_OR_THIS}{_TAIL}",
            # The writer's contact line, which an opinion column closes with ("Twitter: @name", "Follow
            # her on Twitter @name"; index.structure labels it the byline): "whose twitter handle ends
            # the column on X" (news_heldout15 n15b9 read as no part), "what is the author's Twitter
            # handle", "which handle is at the bottom of the story". A handle of the article's writer
            # or at its end only: "What is Trump's Twitter handle?" asks about the news.
            rf"\bwhose\s+{_HANDLE}\s+(?:ends|closes|signs\s+off|is\s+(?:at|under|below|on))\b",
            rf"\b(?:authors?|writers?|reporters?|columnists?|journalists?|correspondents?)(?:(?:'s|’s|s'|s’)"
            rf"\s+{_HANDLE}|\s+{_HANDLE_NAMED})",
            rf"\b{_HANDLE}\s+(?:of|for)\s+(?:the\s+)?(?:author|writer|reporter|columnist|journalist|"
            rf"correspondent)\b",
            rf"\b{_HANDLE}\s+(?:\w+\s+){{0,2}}?(?:at|on|under|below)\s+the\s+(?:very\s+)?(?:end|bottom|foot|close)\b"
            rf"|\b{_HANDLE}\s+(?:ends|closes)\s+{_REF_OR_THIS}",
            r"\bbylines?\b|\bwho\s+is\s+the\s+source\b|\bwhat(?:'s|\s+is)\s+the\s+source"
            rf"(?:\s+(?:of|for)\s+{_REF_OR_THIS})?{_END}",
        ),
    ),
    (
        # The outlet: "which news outlet put this out?", "what paper is this from?". It is named in a
        # footer ("TRTWorld and agencies", "(c) The Valley Courier") before a byline, which names people.
        ("footer", "byline"),
        _rx(
            _terse(r"(?:news\s+)?outlets?|publishers?|mastheads?|site\s*names?"),
            rf"\b(?:which|what)\s+(?:\w+\s+)?{_OUTLET}\s+(?:[\w'’-]+\s+){{0,3}}?{_PUBLISH}\b(?:[^?]{{0,30}}?{_REF_OR_THIS}|{_END})",
            rf"\b(?:which|what)\s+(?:\w+\s+)?{_OUTLET}\s+(?:is|was)\s+{_REF_OR_THIS}{_ABOUT}\s+(?:from|by|in|on|credited\s+to)"
            r"(?:\s*[?.!]*\s*$|\s+(?!the\b|a\b|an\b))",
            # where the credit sits, not whom it credits: "who is credited at the bottom of the piece?"
            # (article_heldout15's h15p03, declined as off topic on "credited, bottom, piece"), "who gets
            # the credit at the end?" (not "who is credited with the rescue")
            r"\bwho\s+(?:is|was|are|were|gets|got|is\s+given|was\s+given)\s+(?:the\s+)?credit(?:ed|s)?\s+"
            r"(?:at|in|on)\s+(?:the\s+)?(?:very\s+)?(?:bottom|end|foot|close|base|tail)"
            rf"(?:\s+of\s+{_REF_OR_THIS}{_TAIL}|{_END})",
            rf"\bwho\s+(?:published|publishes|put\s+out|puts\s+out|ran|runs|carried|released|posted|printed|"
            rf"produced|broke)\s+{_REF_OR_THIS}",
            rf"\bwhere\s+(?:was|is|did|does)\s+{_REF_OR_THIS}\s+(?:\w+\s+)?(?:published|posted|printed|run|"
            rf"appear|from|come\s+from|originate)\b",
            # where the report's material comes from: "Who is this report sourced from?", "what agency was
            # the story supplied by?" (the closing "TRTWorld and agencies", "(Reuters)" line)
            rf"\b(?:who|whom|where|what)\s+(?:is|was|are|were)\s+{_REF_OR_THIS}\s+(?:\w+\s+)?(?:sourced|"
            rf"syndicated|supplied|distributed|wired|drawn|compiled)(?:\s+(?:from|by|to))?{_END}",
            rf"\bwho\s+(?:sourced|syndicated|supplied|distributed|wired|compiled)\s+{_REF_OR_THIS}{_TAIL}",
            rf"\b(?:publisher|masthead|site\s*name|news\s+source)(?:\s+(?:of|for)\s+{_REF_OR_THIS}|{_END})",
            # the outlet the page credits: "which outlet is credited (at the end)?", "which media outlet is
            # named at the bottom?" (not "credited with the rescue")
            rf"\b(?:which|what)\s+(?:\w+\s+)?{_OUTLET}\s+(?:is|was|are|were)\s+(?:credited|named|listed|cited)\b"
            r"(?!\s+(?:with|for|as|in\s+the\s+(?!article|story|piece))\b)",
            rf"\b(?:which|what)\s+(?:\w+\s+)?{_OUTLET}\s+(?:does|did)\s+{_REF_OR_THIS}{_ABOUT}\s+"
            r"(?:come\s+from|appear\s+(?:in|on)|run\s+(?:in|on))\b",
            rf"\b(?:which|what)\s+(?:\w+\s+)?{_OUTLET}\s+(?:is|was)\s+{_REF_OR_THIS}{_ABOUT}\s+(?:attributed|credited)\s+to\b",
            rf"\b(?:which|what)\s+(?:news\s+)?{_OUTLET}\s+(?:is|was)\s+(?:this|it)(?:\s+(?:from|in|on))?{_END}",
            rf"\b(?:name\s+of\s+the|which|what)\s+(?:news\s*)?(?:paper|newspaper|site|website|outlet|publication)\b"
            rf"(?:\s+(?:of|for)\s+{_REF_OR_THIS}|(?:\s+(?:is|was)\s+(?:this|it)(?:\s+(?:from|in|on))?)?{_END})",
            rf"\b(?:url|web\s*address|link)\b(?:\s+(?:of|for|to)\s+{_REF_OR_THIS})?{_END}",
        ),
    ),
    (
        ("headline", "standfirst"),
        _rx(
            _terse(r"headlines?|titles?|heds?"),
            # the noun, not the verb ("Who headlined the halftime show?")
            rf"\b(?:the|its|this|that|a|main|page'?s|news|{_ART_NOUN}'s?)\s+headlines?\b|"
            r"\bheadlines?\s+(?:of|for|on)\b|^\W*headlines?\b",
            rf"\btitle\s+(?:of|for|on)\s+{_REF_OR_THIS}",
            # the article's heading or header (the noun, not "where is he heading"); "how is it headlined?";
            # "what title does the story run under?", "what headline did the paper put on the story?"
            rf"\b(?:the|its|this|{_ART_NOUN}'s?)\s+(?:heading|header)\b(?!\s+(?:to|for|towards|into|back|home)\b)",
            rf"\b(?:heading|header)\s+(?:of|for|on)\s+{_REF_OR_THIS}",
            rf"\bhow\s+(?:is|was)\s+{_REF_OR_THIS}{_ABOUT}\s+(?:headlined|titled|entitled)\b",
            # not the title the article gives a person ("What title does the story give Putin?", "what
            # title is used for Assad in the piece?": his office, the content's), only the article's own
            rf"\b(?:what|which)\s+(?:headline|title|heading)s?\s+(?:does|did|do|was|is)\b{_NOT_GIVEN}[^?]*?{_ART_REF}",
            # "the name of the article about X", not "the name of the story from the third series"
            rf"\bname\s+of\s+{_ART_REF}(?!\s*'s)(?:\s+(?:about|on|regarding|concerning|covering)\s+[^?]{{1,120}}?)?{_END}",
            # the title where the article shows it ("Is Putin named in the title?", "what's the title?",
            # "and the title?"), not one a verb's subject wins or holds ("Who won the title?", "Which team
            # defended its title?": a championship, the content's)
            rf"(?:^\W*(?:and\s+)?|\b(?:in|on|from|of|by|to|under|per|and|is|was|are|were)\s+|'s\s+)"
            rf"(?:the|its|article'?s|story'?s)\s+title{_END}",
            # "What was the Breitbart article about Louisville called?": a topic may come between
            # (not after a noun that also names other things: "the search feature on the website called")
            rf"\bwhat(?:\s+is|\s+was|'s)\s+(?:{_ART_REF}\s+(?:called|titled|entitled|named)\b|"
            rf"{_ART_REF}(?<!feature)(?<!features)(?<!item)(?<!items)(?<!post)(?<!posts)(?<!coverage)"
            rf"{_ABOUT}\s+(?:called|titled|entitled|named)\b|"
            rf"{_REF_OR_THIS}\s+(?:titled|entitled|headlined){_END}|"
            # "What was the Times column on Hannity's double role headlined?": the verb names the part alone
            rf"{_ART_REF}{_ABOUT}\s+headlined{_END})",
            rf"\bwhat(?:'s|\s+is|\s+was|\s+are)\s+{_REF_OR_THIS}\s+(?:all\s+|mostly\s+|mainly\s+|really\s+)?about{_END}",
            rf"\bwhat\s+(?:does|did)\s+{_REF_OR_THIS}\s+(?:cover|discuss|describe|deal\s+with|concern|"
            r"talk\s+about|report(?:\s+on)?|say)\b"
            rf"{_END}",
            rf"\bwhat\s+(?:is|was)\s+(?:the\s+)?(?:topic|subject|theme)\s+(?:of\s+)?{_REF_OR_THIS}",
            rf"\bwhat\s+(?:is|was)\s+(?:the\s+)?(?:topic|subject|theme){_END}",
            rf"\bwhat\s+(?:happens|happened|is\s+happening)\s+in\s+{_ART_REF}{_END}",
            rf"\b(?:tell\s+me|what\s+do\s+(?:I|we)\s+need\s+to\s+know)\s+about\s+{_ART_REF}{_END}",
        ),
    ),
]


@dataclass(frozen=True)
class Intent:
    answer_type: str | None  # "number", "time", "height", ... or None
    parts: tuple[str, ...]  # passage kinds the question asks for, () for ordinary body text
    # The question asks where the article was filed from ("Where is the story datelined?"): the
    # dateline opening its lede ("BERLIN - ...", index.structure.dateline_opening) answers too.
    filed_from: bool = False
    # The question asks when the article was filed or published ("What date was the UPI story filed?",
    # not "when was it last updated?"):
    # a dateline that dates the lede ("NEW YORK, Nov. 19 (UPI) — ...", index.structure.dateline_dated)
    # answers too.
    dated: bool = False
    # The question asks which news agency or outlet the story came from ("Which news agency sent the
    # story?"): a dateline crediting a wire agency ("WASHINGTON, Aug. 19 (UPI) — ...",
    # index.structure.dateline_credit) answers too.
    agency: bool = False
    # A standfirst question asks for a summary ("Give me the summary of the X article"): an abstract
    # paragraph answers, not the subheadline a plain-text headline runs on into ("Headline;  Dek.").
    summary: bool = False


def _part_match(question: str) -> tuple[tuple[str, ...], list[re.Match[str]]]:
    """The article parts a question asks for and the matches of their patterns.

    Args:
        question: the question as searched.
    Returns:
        (kinds, every match of the first pattern group that matched); ((), []) for none.
    """
    q = " ".join(question.split()).replace("’", "'")
    for kinds, rx in _PART_PATTERNS:
        found = list(rx.finditer(q))
        if found:
            return kinds, found
    return (), []


def read(question: str) -> Intent:
    answer_type = values.question_type(question)
    parts, _ = _part_match(question)
    filed_from = "dateline" in parts and (answer_type == "place" or bool(_FILED_FROM.search(question)))
    dated = "dateline" in parts and not filed_from and answer_type == "time" and not _REVISED.search(question)
    agency = "footer" in parts and bool(_AGENCY_ASKED.search(question))
    summary = "standfirst" in parts and bool(_SUMMARY_ASKED.search(question))
    return Intent(answer_type, parts, filed_from, dated, agency, summary)


_SUMMARY_ASKED = re.compile(r"\b(?:summary|summari[sz]e|abstract|synopsis|gist|in\s+brief)\b", re.I)


# The outlet asked by a word that a wire agency answers: "which news agency", "what wire service",
# "which outlet".
_AGENCY_ASKED = re.compile(
    r"\b(?:agenc(?:y|ies)|wires?|news\s+services?|outlets?|news\s+organi[sz]ations?|sources?)\b", re.I
)


# "When was it last updated?": a revision's date, which a date line states ("Updated Sep 29, 2015"),
# never the dateline the story was filed under.
_REVISED = re.compile(r"\b(?:updated?|modified|edited|revised|corrected|changed|revision|correction)\b", re.I)


# "datelined", "the dateline", "which city was it filed from?": the place a story was filed from,
# not only its date.
_FILED_FROM = re.compile(
    r"\bdatelined?\b|\b(?:city|place|town|location)\b|\b(?:filed|reported|written)\s+from\b", re.I
)


# Words of a part pattern's match that may still be the article's topic: a name ("the Guardian
# article", "The Local's tattoo story") or a topic after "about"/"on" that the match ran into.
_TOPIC_AFTER = re.compile(
    rf"\b(?:about|on|of|regarding|concerning|covering)\s+(?P<t>[^?]+)|\b{_ART_NOUN}\s+{_CLAUSE}\s+(?P<c>[^?]+)",
    re.I,
)
_PART_VERB_AFTER = re.compile(
    rf"(?<=\s)(?:{_WHEN_ADV}{_DATE_VERB}|datelined|filed(?:\s+from)?|(?:reported|written)\s+from"
    r"|called|titled|entitled|named|headlined|say|says|read|reads)\s*[?.!]*\s*$",
    re.I,
)
# "please" or a follow-up's filler closing a topic: "the title of the column about pensions, please",
# "who wrote the piece about the fire, then?"
_PLEASE = re.compile(rf"(?:,?\s*please|,?\s+{_FILLER_WORDS})\s*[?.!]*\s*$", re.I)
# An article noun ("column", "piece") inside a topic span names the article, not its topic.
_ART_NOUN_WORD = re.compile(_ART_NOUN.replace("(?<=this\\s)", "").replace("(?<=news\\s)", ""), re.I)
_ART_ONLY = re.compile(rf"\s*{_ART_REF}\s*(?:please)?\s*[?.!]*\s*", re.I)


# The words between an article reference's determiner and its noun name the article's topic or
# outlet: "the lighthouse story", "the Guardian article".
_ART_MODIFIERS = re.compile(
    rf"\b(?:this|that|the|these|those|your|today'?s|its)\s+"
    rf"(?P<m>(?:(?!(?:of|the|a|an|this|that|its|for|about|on|in)\s)[\w'’.-]+\s+){{1,4}}?){_ART_NOUN}\b",
    re.I,
)


def part_words(question: str) -> frozenset[str]:
    """The lower-case words with which a part question names the part it asks for ("who", "wrote",
    "last", "updated", "outlet", "summary", "say"), which are not the article's topic
    (qa.abstain.topic_words).

    A part question's topic is what names the asked article: what follows "about"/"on"/"of" (not the
    article itself: "the author of the column"), the words between an article's determiner and its
    noun ("the lighthouse story", "the Guardian article") and capitalised names. Every other word of
    the question words the part, inside the pattern's match or not: "What does the summary line
    under the title say?" matches at "line under the title", and "summary" and "say" are no topic
    either (bench/part_wordings.py: 30 of its 156 part questions kept a part word as topic when only
    the match's words counted; bench/reports/read22.md).

    Args:
        question: the question as searched.
    Returns:
        The question's words less its topic's ("the Guardian article about casualised staff" keeps
        "Guardian", "casualised", "staff" as topic); empty for a question that asks for no part.
    """
    _, found = _part_match(question)
    if not found:
        return frozenset()
    q = " ".join(question.split()).replace("’", "'")
    return frozenset(w.lower() for w in re.findall(r"[\w'’.-]+", q)) - _topic_of(q)


def _topic_of(q: str) -> frozenset[str]:
    """The lower-case words of a part question that name the asked article (part_words' complement).

    Args:
        q: the question, spaces normalised.
    Returns:
        The words after a topic preposition or a clause on the article noun (less a part verb that
        closes the question: "when was the story about the bridge published?"), the article noun's
        modifiers and the capitalised words after the first.
    """
    topic: set[str] = set()
    rest = q
    # not a question's opening frame ("On what date was the column printed?")
    m = next((x for x in _TOPIC_AFTER.finditer(q) if x.start() > 0), None)
    if m is not None:
        group = "t" if m.group("t") is not None else "c"  # "the piece attacking X"
        span = _PLEASE.sub("", m.group(group))
        # "the author of the column": what follows "of" is the article itself, not its topic (its
        # modifiers may be: "the headline on the Gazette's budget article")
        if not _ART_ONLY.fullmatch(span):
            verb = _PART_VERB_AFTER.search(span)
            if verb is not None:
                span = span[: verb.start()]
            topic.update(
                w.lower()
                for w in re.findall(r"[\w'’.-]+", span)
                if not (w.islower() and _ART_NOUN_WORD.fullmatch(w))  # "Post" names the Washington Post
            )
            rest = rest[: m.start(group)]
    topic.update(w.lower() for a in _ART_MODIFIERS.finditer(rest) for w in a.group("m").split())
    for w in re.finditer(r"[\w'’.-]+", rest):
        if w.group()[:1].isupper() and w.start() > 0:
            topic.add(w.group().lower())  # a name: "the Guardian article", "The Local's story"
    return frozenset(topic)


def has_evidence(answer_type: str, text: str) -> bool:
    """Whether `text` contains something of the asked type (a number, a date, a height...);
    qa.answer_type.has_evidence, which owns the patterns."""
    return values.has_evidence(answer_type, text)
