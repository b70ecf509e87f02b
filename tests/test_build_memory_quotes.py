"""Quote attribution's share of the build's memory stays proportional to the text it is given, and a
long document gives it one analysis window at a time, never the whole text (issue 10, case 16).

bench/index_scale.py --model real --quotes measures the whole process; its report
(bench/reports/index_scale23.md) found attribution's transient to be the analysing stage's largest
part: ~25-28x the UTF-8 of the text analysed at once on quote-dense news (3 quotes a paragraph),
17-30x on the bench's article paragraphs. These checks are deterministic (tracemalloc, the hash
embedder); no timing. Reports written here, not copied from any data set.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from index import build as build_module
from index import hashembed, windows
from index.attribution import analyse
from index.build import build

_FIRST = "Ann Ben Carla Dev Elena Farid Grace Hugo Ines Jonas Kemi Luis".split()
_LAST = "Price Okafor Lindqvist Moreau Tanaka Brennan Haddad Novak Castillo Abara Whitlock Holt".split()
_ROLE = "mayor treasurer harbour master council leader engineer inspector".split()
_NOUN = "pier ferry bridge lighthouse market school road budget".split()


def _quoted_report(paragraphs: int, seed: int = 3) -> str:
    """News of my own, quote-dense: each paragraph a direct quote with "said NAME", a reported
    "NAME said that" and a closing quote with "NAME added"; curly quotes and apostrophes (2 bytes a
    character as a str, 3 as UTF-8), as news is."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        other = rng.choice(_LAST)
        out.append(
            f"“The {rng.choice(_NOUN)} will reopen on day {i}, and the keeper’s crew is ready,” said "
            f"{first} {last}, the {rng.choice(_ROLE)}. {other} said the work cost {rng.randint(1, 10**6)} "
            f"pounds and that residents had waited since {rng.randint(1990, 2024)}. “We were not told,” "
            f"{last} added."
        )
    return "\n\n".join(out) + "\n"


def _traced_peak(text: str) -> tuple[int, int]:
    """(tracemalloc peak while `analyse` runs on `text`, quotes found)."""
    tracemalloc.start()
    try:
        _, quotes = analyse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, len(quotes)


def test_attribution_memory_grows_no_faster_than_its_text() -> None:
    analyse(_quoted_report(20, seed=9))  # warm up: the lexicons and tables load once per process
    small, large = _quoted_report(140), _quoted_report(560)
    (p_small, q_small), (p_large, q_large) = _traced_peak(small), _traced_peak(large)
    assert q_small >= 2 * 140 and q_large >= 2 * 560  # the quotes are found: attribution did run
    n_small, n_large = len(small.encode()), len(large.encode())
    # Linear, not worse: 4x the text, at most ~4x the peak (measured here: 28.3x its UTF-8 at 140
    # paragraphs, 27.4x at 560; 27.8x, 26.9x, 25.0x at 64 KB, 256 KB, 1 MB of the same text). A super-linear step (a table of pairs, a rescan per
    # quote) would raise the ratio with the size.
    assert p_large / n_large <= 1.1 * p_small / n_small, (p_small, n_small, p_large, n_large)
    # And bounded as a multiple of what it is given: the build hands it one window at a time
    # (next test), so this multiple of a window is the analysing stage's transient.
    assert p_large < 40 * n_large, (p_large, n_large)


def test_a_long_document_is_attributed_a_window_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build never gives attribution more than an analysis window (about 1/ANALYSIS_SHARE of a
    long document, at most ANALYSIS_MAX): its transient, a multiple of what it is given (test
    above), is then bounded by the window, whatever the file's size."""
    monkeypatch.setattr(build_module, "ANALYSIS_FLOOR", 16 * 1024)
    monkeypatch.setattr(windows, "WINDOW_BYTES", 32 * 1024)
    given: list[int] = []
    real = build_module._attributions

    def counted(text: str, *a: object, **k: object) -> object:
        given.append(len(text.encode("utf-8", "surrogatepass")))
        return real(text, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "_attributions", counted)
    (tmp_path / "docs").mkdir()
    text = _quoted_report(1200)
    (tmp_path / "docs" / "long.txt").write_text(text, encoding="utf-8")
    report = build([tmp_path / "docs"], tmp_path / "idx", model=hashembed.MODEL, cache_dir=tmp_path)
    assert report.passages >= 1200
    size = len(text.encode())
    assert len(given) > 8 and sum(given) == size, (given, size)  # every byte once, in windows
    # A window ends after a blank line past the target: at most a paragraph (~300 bytes) beyond it.
    assert max(given) <= 32 * 1024 + 1024, given
