"""PackedText: a document's text held as UTF-8 gives back exactly what slicing the str gives."""

from __future__ import annotations

import random
import sys

import pytest

from index import packedtext
from index.packedtext import PackedText

_TEXTS = {
    "ascii": "The harbour crew said the tide was low.\n\n" * 40,
    "latin-1": "Café naïve résumé, the mayor’s plan.\n\n".replace("’", "'") * 40,
    "two-byte": "The keeper’s log — “calm” seas.\n\n" * 40,
    "four-byte": "Fans cheered 🎉 at the pier 🚢 today.\n\n" * 40,
    "surrogate": "a lone \udc80 surrogate from a file name, kept.\n" * 30,
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(_TEXTS))
@pytest.mark.parametrize("every", [3, 64, 512])
def test_slices_are_the_str_slices(name: str, every: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packedtext, "MARK_EVERY", every)
    text = _TEXTS[name]
    packed = PackedText(text)
    assert len(packed) == len(text) and packed.text() == text
    assert bytes(packed.data) == text.encode("utf-8", "surrogatepass")
    assert b"".join(bytes(p) for p in packed.pieces()) == text.encode("utf-8", "surrogatepass")
    rng = random.Random(len(text) + every)
    spans = [(rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)) for _ in range(300)]
    spans += [(0, len(text)), (0, 0), (len(text), len(text)), (-5, 3), (2, len(text) + 9)]
    for a, b in spans:
        a, b = min(a, b), max(a, b)
        assert packed.slice(a, b) == text[max(a, 0) : b], (name, a, b)


def test_a_news_text_is_held_in_about_half_the_memory_of_its_str() -> None:
    text = "The keeper’s log said the tide was low and the crew repaired the pier. " * 20_000
    packed = PackedText(text)
    held = sys.getsizeof(packed.data) + sys.getsizeof(packed._marks)
    assert held < 0.55 * sys.getsizeof(text), (held, sys.getsizeof(text))
