"""Write the 10 PolNeAR train articles of bench/data/news_heldout.jsonl into a folder.

The held-out news set (bench/data/news_heldout.jsonl) asks questions about ten real
articles of PolNeAR's train split. Their text stays in `../shared` (it may not be copied
into the project); this script writes them out so anyone can rebuild the index:

    $V/python bench/news_heldout_docs.py /tmp/x && $V/qa index /tmp/x --index /tmp/x-idx

How the ten were chosen (by `choose`, seed 9, not by reading them): train articles of
1,500 to 9,000 characters, the four that news-dev uses left out; one per publisher
(sorted), then three more publishers drawn at random; the i-th pick drawn at random from
that publisher's articles in the length band i mod 3 (1,500-3,000, 3,000-5,500,
5,500-9,000 characters).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

#: Where the PolNeAR train articles are, relative to the project root.
TRAIN_DOCS = (
    Path(__file__).resolve().parent.parent / ".." / "shared" / "eval" / "polnear" / "train" / "docs.jsonl.gz"
)

#: The ten articles, as `choose()` drew them.
DOC_IDS: tuple[str, ...] = (
    "breitbart_2016-04-29_president-barack-obama-s-last-ch",
    "huff-post_2016-01-12_tuesday-s-morning-email-presiden",
    "nyt_2016-02-20_for-pope-it-s-bigger-than-trump-",
    "politico_2015-11-09_sanders-endorsements-prove-clint",
    "usa-today_2016-03-17_voters-turned-out-in-droves-tues",
    "wash-post_2016-03-29_calif-may-raise-minimum-wage-to-",
    "west-journal_2016-05-05_fbi-makes-final-preparations-to-",
    "politico_2016-01-31_clinton-rolls-out-special-charac",
    "usa-today_2016-05-09_crippling-college-debt-changes-h",
    "nyt_2015-11-13_clinton-stays-well-ahead-of-sand",
)

#: news-dev's PolNeAR articles, never drawn again.
_NEWS_DEV = frozenset(
    {
        "wash-post_2016-06-28_ruling-solidifies-candidates-abo",
        "politico_2015-12-03_trump-carson-flop-with-jewish-re",
        "usa-today_2016-02-11_what-went-wrong-for-chris-christ",
        "huff-post_2016-01-19_flint-water-response-perfectly-c",
    }
)

_BANDS = ((1500, 3000), (3000, 5500), (5500, 9000))


def load_train(path: Path = TRAIN_DOCS) -> dict[str, dict[str, str]]:
    """Read PolNeAR train's articles.

    Args:
        path: the gzipped JSON-lines file of articles.

    Returns:
        Each article's record by its doc_id.
    """
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return {d["doc_id"]: d for d in docs}


def choose(docs: dict[str, dict[str, str]], seed: int = 9) -> list[str]:
    """Draw the ten articles the way DOC_IDS were drawn.

    Args:
        docs: PolNeAR train's articles by doc_id.
        seed: the random seed.

    Returns:
        Ten doc_ids, one per publisher first, in varied length bands.
    """
    pool = [d for d in docs.values() if d["doc_id"] not in _NEWS_DEV and 1500 <= len(d["text"]) <= 9000]
    rng = random.Random(seed)
    pubs = sorted({d["publisher"] for d in pool})
    order = pubs + rng.sample(pubs, 3)
    out: list[str] = []
    for i, pub in enumerate(order):
        lo, hi = _BANDS[i % 3]
        cands = sorted(
            d["doc_id"]
            for d in pool
            if d["publisher"] == pub and lo <= len(d["text"]) < hi and d["doc_id"] not in out
        )
        out.append(rng.choice(cands))
    return out


def article_texts(path: Path = TRAIN_DOCS) -> dict[str, str]:
    """The ten articles' texts.

    Args:
        path: the gzipped JSON-lines file of PolNeAR train articles.

    Returns:
        Each article's text by the file name it is written under (doc_id + ".txt").
    """
    docs = load_train(path)
    return {f"{doc_id}.txt": docs[doc_id]["text"] for doc_id in DOC_IDS}


def main() -> None:
    """Write the articles into the folder given as the one argument."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="folder to write the ten .txt articles into")
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, text in article_texts().items():
        (args.folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(DOC_IDS)} articles to {args.folder}")


if __name__ == "__main__":
    main()
