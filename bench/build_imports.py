"""Which modules a build imports, stage by stage, after the baseline of bench/index_scale.py (the
model loaded and used once, the lemmas, FAISS): a module imported in the middle of a build puts its
long-lived objects (code, functions, caches) among the documents' records, in the free space of
their pymalloc arenas, and keeps those arenas resident once the records are freed (issue 10,
case 16; bench/reports/rel34.md). No tracing: a run takes as long as the build.

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python bench/build_imports.py FOLDER INDEX_DIR [--warm]

FOLDER: texts as bench/index_scale.py writes them (make_text, split_into_files). --warm: attribution's
lazily loaded modules and tables (the zipf and gender tables, simplemma, wordfreq's tokens and
numbers) loaded first, as a build that preloaded them would. Prints, at each stage change, the modules
imported during the stage that ended (top-level and one dot deep).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("index", type=Path)
    ap.add_argument("--warm", action="store_true", help="load attribution's lazy modules and tables first")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from index import build, embed, hashembed, lexical
    from qa import config

    hashembed.DIM = 384  # as bench/index_scale.py
    hashembed.HashEmbedder.__init__.__defaults__ = (384,)  # type: ignore[misc]
    emb = embed.load_embedder(hashembed.MODEL, config.model_cache_dir(), batched=True)
    emb.encode(["warm up the model once"])
    lexical.term("said")
    import faiss  # noqa: F401

    del emb
    if args.warm:
        import simplemma

        from index import attribution
        from index.attribution import names, zipftable

        zipftable.table()
        names._gender_detector()
        simplemma.lemmatize("founded", "en")
        zipftable.zipf("abc12")  # wordfreq.numbers
        zipftable.zipf("naïve")  # wordfreq.tokens (ftfy, regex, langcodes)
        attribution.analyse((REPO / "index" / "article.txt").read_text(encoding="utf-8"))
    seen = set(sys.modules)
    current = ["start"]

    def tick(stage: str, done: int, total: int) -> None:
        if stage == "storing":
            stage = "storing:" + (*build.STORING, "commit")[min(done, 3)]
        if stage != current[0]:
            new = sorted(set(sys.modules) - seen)
            seen.update(new)
            if new:
                names_ = " ".join(n for n in new if n.count(".") < 2)
                print(f"during {current[0]}: {len(new)} modules: {names_}", flush=True)
            current[0] = stage

    build.build(
        [args.input],
        args.index,
        model=hashembed.MODEL,
        cache_dir=config.model_cache_dir(),
        max_bytes=40 * 1024 * 1024,
        progress=tick,
    )
    new = sorted(set(sys.modules) - seen)
    print(f"during {current[0]}: {len(new)} modules: {' '.join(new)}")


if __name__ == "__main__":
    main()
