"""Which live objects pin CPython's small-object arenas just before FAISS's write (issue 10,
case 16; bench/reports/issue10_round33d.md).

    .venv/bin/python bench/arena_census.py --files 3000 --mb 3 [--frames 6]

Builds a folder of `--files` files (bench/index_scale.py's make_text, split_into_files) with quote
attribution on and the hash embedder at 384 dims, tracemalloc on from after the baseline. At the
call of vectors.write_from_file (right after `docs.clear()` in index/build.py's _write) it walks
every live object (gc's containers and what they reference), keeps those pymalloc holds (size <= 512
bytes), groups them by 1 MiB address bucket (an arena spans at most two), and for the buckets that
did not exist at the baseline prints what lives there: by type and by allocation site.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import tempfile
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SMALL = 512  # pymalloc's largest block (bigger requests go to glibc)


def _live() -> list[object]:
    """Every object reachable as a gc container or a direct referent of one (strs, ints, bytes...)."""
    seen: dict[int, object] = {}
    for o in gc.get_objects():
        seen[id(o)] = o
        for r in gc.get_referents(o):
            seen.setdefault(id(r), r)
    return list(seen.values())


def _buckets(objs: list[object]) -> collections.Counter[int]:
    """Bytes of small objects per 1 MiB address bucket."""
    c: collections.Counter[int] = collections.Counter()
    for o in objs:
        try:
            s = sys.getsizeof(o)
        except Exception:
            continue
        if s <= SMALL:
            c[id(o) >> 20] += s
    return c


def _site(o: object, frames: int) -> str:
    """The allocation site of `o` inside the project (the innermost frame under REPO), or '?'."""
    tb = tracemalloc.get_object_traceback(o)
    if tb is None:
        return "? (before tracing)"
    parts = []
    for fr in tb:  # most recent first (tracemalloc's default order)
        f = fr.filename
        short = f.split("site-packages/")[-1] if "site-packages" in f else f.replace(str(REPO) + "/", "")
        parts.append(f"{short}:{fr.lineno}")
        if len(parts) >= frames:
            break
    return " < ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=3000)
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--frames", type=int, default=6)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    import index_scale

    from index import build, embed, hashembed, lexical, vectors
    from qa import config

    hashembed.DIM = 384
    hashembed.HashEmbedder.__init__.__defaults__ = (384,)  # type: ignore[misc]
    tmp = Path(tempfile.mkdtemp(prefix="arena_census."))
    text = tmp / "corpus.txt"
    text.write_text(index_scale.make_text(args.mb), encoding="utf-8")
    folder = index_scale.split_into_files(text, args.files)

    emb = embed.load_embedder(hashembed.MODEL, config.model_cache_dir(), batched=True)
    emb.encode(["warm up the model once"])
    lexical.term("said")
    import faiss  # noqa: F401

    del emb
    gc.collect()
    before = set(_buckets(_live()))
    tracemalloc.start(args.frames * 3)

    write_from_file = vectors.write_from_file

    def census(*a, **k):  # type: ignore[no-untyped-def]
        gc.collect()
        objs = _live()
        sizes = _buckets(objs)
        new = {b for b in sizes if b not in before}
        print(
            f"buckets: {len(sizes)} live, {len(new)} new since the baseline; "
            f"small bytes in new buckets {sum(sizes[b] for b in new) / 1e6:.1f} MB"
        )
        by_type: collections.Counter[str] = collections.Counter()
        by_type_n: collections.Counter[str] = collections.Counter()
        by_site: collections.Counter[str] = collections.Counter()
        by_site_n: collections.Counter[str] = collections.Counter()
        per_bucket_sites: dict[int, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        samples: dict[str, list[str]] = collections.defaultdict(list)
        for o in objs:
            if id(o) >> 20 not in new:
                continue
            s = sys.getsizeof(o)
            if s > SMALL:
                continue
            t = type(o).__name__
            by_type[t] += s
            by_type_n[t] += 1
            site = _site(o, args.frames)
            by_site[site] += s
            by_site_n[site] += 1
            per_bucket_sites[id(o) >> 20][site.split(" < ")[0]] += 1
            if len(samples[site]) < 3:
                samples[site].append(f"{t} {repr(o)[:70]}")
        print("\nby type (bytes, count):")
        for t, b in by_type.most_common(args.top):
            print(f"  {b / 1e6:7.3f} MB {by_type_n[t]:8d}  {t}")
        print("\nby allocation site (bytes, count):")
        for s, b in by_site.most_common(args.top):
            print(f"  {b / 1e6:7.3f} MB {by_site_n[s]:8d}  {s}")
            for x in samples[s]:
                print(f"        e.g. {x}")
        print("\nper new bucket: small bytes, objects, top site")
        for b in sorted(new)[:: max(1, len(new) // 15)]:
            top = per_bucket_sites[b].most_common(2)
            print(f"  {b:#x}: {sizes[b] / 1e3:8.1f} KB {sum(per_bucket_sites[b].values()):7d} obj  {top}")
        sys.stdout.flush()
        tracemalloc.stop()
        return write_from_file(*a, **k)

    vectors.write_from_file = census  # type: ignore[assignment]
    build.build(
        [folder],
        tmp / "idx",
        model=hashembed.MODEL,
        cache_dir=config.model_cache_dir(),
        max_bytes=40 * 1024 * 1024,
    )


if __name__ == "__main__":
    main()
