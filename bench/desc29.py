"""Which quoted sources qa.describe.NAME_TRAILERS gives new descriptions, per read-set index.

    PYTHONPATH=$PWD python bench/desc29.py /tmp/rs-desc29/nh /tmp/rs-desc29/nh2 ... /tmp/rs-desc29/para

Each index's source profiles (qa.describe.profiles, computed from the documents at query time) are
built with the switch on and off; a source whose own descriptions differ is printed with the words
the switch adds ("Anna Palmer": "north dakota nativ ..." from "Anna Palmer, 34, a North Dakota
native who ..."). Only read-set indexes may be passed (bench/read_sets.sh's rs-TAG folders); the
blind sets' are never built there. The figures are in bench/reports/desc29.md.
"""

from __future__ import annotations

import sys
from pathlib import Path


def changed(index: Path) -> list[tuple[str, list[str]]]:
    """The sources of one index whose own descriptions NAME_TRAILERS changes.

    Args:
        index: a read-set index folder.
    Returns:
        (source, the terms the switch adds, sorted) for each such source, in the index's order.
    """
    from qa import describe
    from qa.engine import Engine

    engine = Engine.open(index)
    saved = describe.NAME_TRAILERS
    try:
        describe.NAME_TRAILERS = True
        on = describe.profiles(
            engine.speakers_index, engine.quotes, lambda d: engine.docs[d].text, engine.terms
        )
        describe.NAME_TRAILERS = False
        off = describe.profiles(
            engine.speakers_index, engine.quotes, lambda d: engine.docs[d].text, engine.terms
        )
    finally:
        describe.NAME_TRAILERS = saved
    return [(n, sorted(p.own - off[n].own)) for n, p in on.items() if n in off and p.own != off[n].own]


def main(argv: list[str]) -> None:
    """Print each index's changed sources and the total.

    Args:
        argv: the index folders.
    """
    total = 0
    for folder in argv:
        found = changed(Path(folder))
        total += len(found)
        for name, words in found:
            print(f"{Path(folder).name:6} {name:28} + {' '.join(words)}")
    print(f"# {total} sources gain a description over {len(argv)} indexes")


if __name__ == "__main__":
    main(sys.argv[1:])
