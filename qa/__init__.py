"""qa: ask questions of news articles and other documents; answers are the passages themselves.

Start here:

    import qa
    index = qa.build(["docs/"], index="my-index")   # index files and folders (incremental)
    index = qa.open("my-index")                      # or open one; qa.open() opens the default index
    answer = index.ask("What did Obama say about Russia?", k=3)
    if answer.abstained:
        print("The documents don't say:", answer.reason)
    for p in answer.passages:                        # qa.Passage, best first
        print(p.score, p.source, p.text[p.highlight[0] : p.highlight[1]])
    chat = index.chat()                              # follow-ups use the conversation's history
    chat.ask("What did Obama say about Assad?"); chat.ask("And Putin?"); chat.reset()
    index.documents(); index.speakers(); index.quotes()

Functions: build(paths, index=...) -> Index, open(path=None) -> Index.
Classes: Index (ask, chat, documents, speakers, quotes, info), Conversation (ask, reset),
Answer (abstained, reason, searched, passages), Passage (text, source, start, end, score,
speaker, kind, highlight, title, paragraph), DocInfo, SpeakerInfo, Attribution, IndexInfo.
Errors: QAError, the base of IndexMissing, IndexDamaged, IndexIncompatible, IndexLocked, BadInput
(and StorageError, ModelError, Interrupted). Each carries `.message` and `.hint`.
Retrieval and answering only: `qa` never imports the `cli` package.
"""

from index.errors import (
    BadInput,
    IndexDamaged,
    IndexIncompatible,
    IndexLocked,
    IndexMissing,
    Interrupted,
    ModelError,
    QAError,
    StorageError,
)
from qa.api import Conversation, Index, build, open
from qa.attributions import Attribution
from qa.types import Answer, DocInfo, IndexInfo, Passage, SpeakerInfo

__version__ = "0.2.0"

__all__ = [
    "Answer",
    "Attribution",
    "BadInput",
    "Conversation",
    "DocInfo",
    "Index",
    "IndexDamaged",
    "IndexIncompatible",
    "IndexInfo",
    "IndexLocked",
    "IndexMissing",
    "Interrupted",
    "ModelError",
    "Passage",
    "QAError",
    "SpeakerInfo",
    "StorageError",
    "__version__",
    "build",
    "open",
]
