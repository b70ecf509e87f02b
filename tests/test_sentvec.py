"""Sentence vectors stored at index time (index.sentvec), on articles written for these tests: what
the rows hold, that an update carries unchanged passages' rows and encodes only new text, and that
an index without them still answers with the sentence columns off."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from index import sentvec, store
from index.build import build
from index.errors import IndexDamaged
from index.hashembed import MODEL
from qa import config, rank
from qa.engine import Engine
from qa.sentence_dense import best_sentence_cosines

HARBOUR = (
    "Harbour strike enters its third day.\n\n"
    "Dock workers walked out on Monday. Cranes stood idle along the quay. The union said 1,200 "
    "members had joined the strike by noon.\n\n"
    "Port director Ilse Brandt met the union in the evening. She said talks would resume on Friday.\n"
)
MARKET = "Fish market moves inland.\n\nThe old hall will close in May. Traders will move to a new site by the ring road.\n"


def _index(root: Path, docs: dict[str, str]) -> Engine:
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    build([str(root / n) for n in docs], root / "index", model=MODEL, cache_dir=config.model_cache_dir())
    return Engine.open(root / "index")


def test_a_passage_has_its_sentences_then_each_joined_to_the_one_before() -> None:
    text = "Cranes stood idle. The union said 1,200 members joined. Talks resume Friday."
    got = sentvec.windows(text)
    assert got[:3] == ["Cranes stood idle.", "The union said 1,200 members joined.", "Talks resume Friday."]
    assert got[3:] == [
        "Cranes stood idle. The union said 1,200 members joined.",
        "The union said 1,200 members joined. Talks resume Friday.",
    ]
    assert sentvec.windows("no stop at all") == ["no stop at all"]


def test_stored_rows_are_the_sentences_vectors(tmp_path: Path) -> None:
    engine = _index(tmp_path, {"harbour.txt": HARBOUR})
    assert engine.sentences is not None
    assert {sentvec.SENTENCES, sentvec.ROWS} <= set(engine.manifest.files)  # checksummed like the rest
    pid = next(p.pid for p in engine.passages if "1,200" in p.text)
    texts = sentvec.windows(engine.passages[pid].text)
    assert len(texts) == 5
    rows = engine.sentences.rows(pid)
    assert np.allclose(rows, engine.embedder.encode(texts), atol=2e-3)  # float16 storage
    q = engine.encode("How many members joined the strike?")
    single, joined = best_sentence_cosines(engine, q, [pid])
    sims = engine.embedder.encode(texts) @ q
    assert single[0] == pytest.approx(sims[:3].max(), abs=2e-3)
    assert joined[0] == pytest.approx(sims.max(), abs=2e-3)


def test_an_update_carries_unchanged_passages_and_encodes_only_new_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _index(tmp_path, {"harbour.txt": HARBOUR})
    assert before.sentences is not None
    old = {p.text: before.sentences.rows(p.pid).copy() for p in before.passages}
    encoded: list[str] = []
    plain = sentvec.windows

    def counting(text: str) -> list[str]:
        out = plain(text)
        encoded.append(text)
        return out

    monkeypatch.setattr(sentvec, "windows", counting)
    after = _index(tmp_path, {"harbour.txt": HARBOUR, "market.txt": MARKET})
    assert after.sentences is not None
    for p in after.passages:
        if p.text in old:
            assert np.array_equal(after.sentences.rows(p.pid), old[p.text])
    new = [p.text for p in after.passages if p.text not in old]
    assert new and encoded.count(new[0]) == 2  # counted once, encoded once
    assert all(encoded.count(t) == 1 for t in old)  # counted, carried


def test_an_index_without_sentence_vectors_answers_with_the_columns_off(tmp_path: Path) -> None:
    engine = _index(tmp_path, {"harbour.txt": HARBOUR})
    files = {k: v for k, v in engine.manifest.files.items() if k not in (sentvec.SENTENCES, sentvec.ROWS)}
    older = dataclasses.replace(engine.manifest, files=files)
    assert sentvec.load(engine.gen, older, engine.n_passages()) is None
    engine.sentences = None
    w = dataclasses.replace(rank.WEIGHTS, sent_prev_dense=1.0)
    f = rank.features(engine, "How many members joined the strike?", dense=w)
    assert f is not None and f.sent_prev_dense.size == len(f.pids) and not f.sent_prev_dense.any()


def test_rows_that_do_not_match_the_index_are_damage(tmp_path: Path) -> None:
    engine = _index(tmp_path, {"harbour.txt": HARBOUR})
    with pytest.raises(IndexDamaged):
        sentvec.load(engine.gen, engine.manifest, engine.n_passages() + 1)
    gen, manifest = store.open_manifest(tmp_path / "index")
    assert sentvec.load(gen, manifest, engine.n_passages()) is not None
