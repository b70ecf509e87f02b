"""Who said what: quotations, reported speech and the people (or bodies) who spoke them, found with rules.

News is quotes. A question such as "what did Obama say about Russia?" should rank Obama's own words
first, and another speaker's quote must never win because the topic matches. No language model is
available at indexing time, so this package reads English news with careful patterns:

* `words`: the shared word lists (speech verbs, titles, roles, months, abbreviations);
* `marks`: paragraphs, paired quote marks (straight, curly, NYT ``''``) and sentences;
* `names`: capitalised name runs with evidence that they are people, grouped into persons;
* `attributor`: direct quotes with an attribution beside them, reported speech, beliefs;
* `beliefs`: beliefs no verb with a clause reads ("the poll showed", "Roe's decision to");
* `sources`: who a subject, pronoun or role means; the speaker of an unattributed quotation;
* `speakers`: `analyse`, the entry point, and the speaker records with their aliases.

Every offset is into the document text exactly as given, so passages can be highlighted.
"""

from __future__ import annotations

from index.attribution.speakers import analyse, quote_record

# Bumped whenever the analyser's output changes: an index built by another version finds its
# documents' attributions again on the next `qa index` (they are cheap; vectors are kept).
VERSION = 37  # round 28: attr28a's apposition heads and opening-phrase skip (27), attr28b's prepositional,
# opening and contracted progressive participles (28); round 30: attr30a's resolved sources as mentions
# for the pronoun chain, attr30b's quotation verbs that report a topic or object ("commented on",
# "recalled what happened") and "add to" as no speech (both branches bumped to 30; merged, 31); a negated
# "has not commented on" reports nothing (32); round 32: a speech participle after a document its subject
# puts out, "released a statement saying ..." (33); round 33: attr33b's "according to" source ending
# at a closing parenthesis, a final colon or a dash, and its described source cut before its own
# verb; attr33a's institution subject of a cueless quotation's own sentence, any verb (both branches bumped to 34; merged, 35);
# round 34: attr34b's ", asking him to ...", "took to Twitter to say", a participle's coordinated-clause
# subject and no relative clause's name before "used ... to"; attr34a's dotted initials before a capitalised
# word no sentence end and a trailing ", said X." over a cueless quote's clause subject (both branches 36; merged, 37)

__all__ = ["VERSION", "analyse", "quote_record"]
