"""Passage vectors: computed on ingest, stored in the database, searched in memory.

Storage: each `SearchEntry.vector` is 388 bytes, a float32 scale then the 384 components
quantised to int8 (component = int8 * scale / 127).

In memory (`VectorStore`, one per process and database, reloaded when the index's token
changes) a store keeps, per passage, its id, council, committee, date and kind (for the
filters) and either
* up to EXACT_LIMIT passages: the vectors as float32 (30 MB at the limit); a query scores
  them all exactly; or
* beyond: only the sign bits (48 bytes a passage).  A query ranks every passage by the
  Hamming distance of its bits to the query's, then re-scores the best RESCORE with their
  int8 vectors read from the database.  A million passages take about 70 MB.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embedding import DIM

EXACT_LIMIT = 20_000
RESCORE = 1000
_KIND_CODES: dict[str, int] = {}


# ---------------------------------------------------------------------- quantisation
def quantise(vectors: np.ndarray) -> list[bytes]:
    """float32 (n, 384) -> n blobs of a float32 scale and 384 int8."""
    v = np.asarray(vectors, dtype=np.float32)
    scale = np.abs(v).max(axis=1)
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(v / scale[:, None] * 127.0), -127, 127).astype(np.int8)
    return [scale[i].astype(np.float32).tobytes() + q[i].tobytes() for i in range(len(v))]


def dequantise(blobs: list[bytes]) -> np.ndarray:
    """n blobs -> float32 (n, 384)."""
    if not blobs:
        return np.zeros((0, DIM), dtype=np.float32)
    raw = np.frombuffer(b"".join(bytes(b) for b in blobs), dtype=np.uint8).reshape(len(blobs),
                                                                                   4 + DIM)
    scale = raw[:, :4].copy().view(np.float32)[:, 0]
    q = raw[:, 4:].view(np.int8).astype(np.float32)
    return q * (scale / 127.0)[:, None]


def _split(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(n, 388) uint8 -> scales float32 (n,), int8 (n, 384)."""
    scale = np.ascontiguousarray(raw[:, :4]).view(np.float32)[:, 0].copy()
    return scale, np.ascontiguousarray(raw[:, 4:]).view(np.int8)


def sign_bits(vectors: np.ndarray) -> np.ndarray:
    """(n, 384) -> (n, 6) uint64 of sign bits."""
    bits = np.packbits(np.asarray(vectors) > 0, axis=1)          # (n, 48) uint8
    return np.ascontiguousarray(bits).view(np.uint64)


# ---------------------------------------------------------------------- embedding cache
class EmbeddingCache:
    """Vectors already computed, by SHA-1 of the text: in memory, and in a small SQLite
    file (var/cache/embeddings.sqlite3, SCRUTINY_EMBEDDING_CACHE to move it, "off" to
    do without), so a paper read again, or the same passage in another database, is not
    embedded twice."""

    def __init__(self) -> None:
        self.memory: dict[str, bytes] = {}
        self.lock = threading.Lock()
        self._path: Path | None | bool = False

    def path(self) -> Path | None:
        if self._path is False:
            where = os.environ.get("SCRUTINY_EMBEDDING_CACHE", "")
            if where.strip().lower() in ("off", "0", "none"):
                self._path = None
            elif where:
                self._path = Path(where)
            else:
                from django.conf import settings
                self._path = Path(settings.VAR_DIR) / "cache" / "embeddings.sqlite3"
        return self._path or None

    def _db(self):
        path = self.path()
        if path is None:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS embedding (key TEXT PRIMARY KEY, "
                       "vector BLOB NOT NULL)")
            return db
        except (OSError, sqlite3.Error):
            return None

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        found = {k: self.memory[k] for k in keys if k in self.memory}
        missing = [k for k in keys if k not in found]
        if missing:
            db = self._db()
            if db is not None:
                try:
                    for i in range(0, len(missing), 500):
                        chunk = missing[i:i + 500]
                        rows = db.execute("SELECT key, vector FROM embedding WHERE key IN (%s)"
                                          % ",".join("?" * len(chunk)), chunk).fetchall()
                        found.update(rows)
                except sqlite3.Error:
                    pass
                finally:
                    db.close()
            with self.lock:
                self.memory.update((k, found[k]) for k in missing if k in found)
        return found

    def put_many(self, items: dict[str, bytes]) -> None:
        with self.lock:
            self.memory.update(items)
        db = self._db()
        if db is None:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO embedding VALUES (?, ?)", items.items())
        except sqlite3.Error:
            pass
        finally:
            db.close()


CACHE = EmbeddingCache()
MODEL_KEY = "all-MiniLM-L6-v2/256/"


def embedding_text(text: str) -> str:
    """What is embedded for a passage: its text, whitespace folded.  (Prefixing the item
    or report title made every short line of a report look like its title.)"""
    return " ".join(text.split())


def length_prior(text: str) -> float:
    """Short passages (a heading, a date, a table cell) resemble any question a little;
    their vectors are shortened, so a cosine of theirs counts for less: 0.7 for one word,
    rising to 1 at 15 words.  Measured on tests/search/queries.json: semantic MRR 0.58 ->
    0.63, recall unchanged."""
    return min(1.0, 0.7 + 0.3 * len(text.split()) / 15)


def embed_texts(texts: list[str]) -> list[bytes]:
    """Quantised unit vectors of `texts`, from the cache where it has them."""
    from .embedding import get_encoder

    keys = [hashlib.sha1((MODEL_KEY + t).encode("utf-8")).hexdigest() for t in texts]
    have = CACHE.get_many(sorted(set(keys)))
    todo = sorted({k: t for k, t in zip(keys, texts) if k not in have}.items())
    if todo:
        vecs = get_encoder().encode([t for _, t in todo])
        new = dict(zip([k for k, _ in todo], quantise(vecs)))
        CACHE.put_many(new)
        have.update(new)
    return [have[k] for k in keys]


def embed_entries(entries) -> None:
    """Set `vector` on unsaved SearchEntry rows: the passage's unit vector times its
    length prior (folded into the stored scale)."""
    texts = [embedding_text(e.text) for e in entries]
    for e, t, blob in zip(entries, texts, embed_texts(texts)):
        e.vector = scale_blob(blob, length_prior(t))


def scale_blob(blob: bytes, factor: float) -> bytes:
    scale = np.frombuffer(blob[:4], dtype=np.float32)[0] * np.float32(factor)
    return np.float32(scale).tobytes() + blob[4:]


def embed_query(query: str) -> np.ndarray:
    from .embedding import get_encoder
    return get_encoder().encode([" ".join(query.split())])[0]


# ---------------------------------------------------------------------- the store
def kind_code(kind: str) -> int:
    from .indexing import KINDS
    if not _KIND_CODES:
        _KIND_CODES.update({k: i + 1 for i, (k, _) in enumerate(KINDS)})
    return _KIND_CODES.get(kind, 0)


@dataclass
class Filters:
    council: int | None = None
    committee: int | None = None
    date_from: int | None = None     # proleptic ordinals
    date_to: int | None = None
    kind: str | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.council, self.committee, self.date_from,
                                            self.date_to, self.kind))


class VectorStore:
    """The vectors of one database's index, for dot-product search in numpy."""

    def __init__(self, ids, council, committee, date, kind, matrix=None, bits=None,
                 fetch=None) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.council = np.asarray(council, dtype=np.int32)
        self.committee = np.asarray(committee, dtype=np.int32)
        self.date = np.asarray(date, dtype=np.int32)
        self.kind = np.asarray(kind, dtype=np.int8)
        self.matrix = matrix        # float32 (n, 384), exact mode
        self.bits = bits            # uint64 (6, n): sign bits, large mode
        self.fetch = fetch          # ids -> {id: blob}, large mode

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        arrays = [self.ids, self.council, self.committee, self.date, self.kind, self.matrix,
                  self.bits]
        return int(sum(a.nbytes for a in arrays if a is not None))

    @classmethod
    def build(cls, ids, council, committee, date, kind, raw: np.ndarray, *,
              exact_limit: int = EXACT_LIMIT, fetch=None) -> "VectorStore":
        """`raw` (n, 388) uint8: the stored blobs."""
        scales, q8 = _split(raw)
        if len(ids) <= exact_limit or fetch is None:
            matrix = q8.astype(np.float32) * (scales / np.float32(127.0))[:, None]
            return cls(ids, council, committee, date, kind, matrix=matrix)
        # one contiguous row per 64 bits: XOR and popcount a column at a time run ten
        # times faster than over (n, 6) rows (4 ms against 45 for a million)
        bits = np.ascontiguousarray(sign_bits(q8).T)
        return cls(ids, council, committee, date, kind, bits=bits, fetch=fetch)

    def mask(self, f: Filters | None) -> np.ndarray | None:
        if f is None or not f.any:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        if f.council is not None:
            m &= self.council == f.council
        if f.committee is not None:
            m &= self.committee == f.committee
        if f.date_from is not None:
            m &= (self.date >= f.date_from) & (self.date > 0)
        if f.date_to is not None:
            m &= (self.date <= f.date_to) & (self.date > 0)
        if f.kind:
            m &= self.kind == kind_code(f.kind)
        return m

    def search(self, query: np.ndarray, limit: int, filters: Filters | None = None
               ) -> list[tuple[int, float]]:
        """(passage id, cosine) best first."""
        n = len(self.ids)
        if n == 0 or limit <= 0:
            return []
        m = self.mask(filters)
        q = np.asarray(query, dtype=np.float32)
        if self.matrix is not None:
            scores = self.matrix @ q
            if m is not None:
                scores = np.where(m, scores, -np.inf)
            return self._top(scores, limit)
        # large: Hamming distance on sign bits, then exact scores for the best RESCORE
        qbits = sign_bits(q[None, :])[0]
        dist = np.bitwise_count(self.bits[0] ^ qbits[0]).astype(np.uint16)
        tmp = np.empty(n, dtype=np.uint64)
        for j in range(1, len(qbits)):
            np.bitwise_xor(self.bits[j], qbits[j], out=tmp)
            dist += np.bitwise_count(tmp)
        if m is not None:
            dist[~m] = 10_000
        c = min(max(RESCORE, limit), n)
        cand = np.argpartition(dist, c - 1)[:c] if c < n else np.arange(n)
        cand = cand[dist[cand] < 10_000]
        if not len(cand):
            return []
        blobs = self.fetch(self.ids[cand].tolist())
        keep = [i for i in cand if int(self.ids[i]) in blobs]
        vecs = dequantise([blobs[int(self.ids[i])] for i in keep])
        scores = vecs @ q
        order = np.argsort(-scores)[:limit]
        return [(int(self.ids[keep[i]]), float(scores[i])) for i in order]

    def _top(self, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
        k = min(limit, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        idx = idx[np.argsort(-scores[idx])]
        return [(int(self.ids[i]), float(scores[i])) for i in idx if np.isfinite(scores[i])]


_stores: dict[str, tuple[str, VectorStore]] = {}
_stores_lock = threading.Lock()


def _db_key() -> str:
    from django.db import connection
    s = connection.settings_dict
    return f"{connection.vendor}:{s.get('HOST')}:{s.get('PORT')}:{s.get('NAME')}"


def current_token() -> str:
    from .models import SearchState
    row = SearchState.objects.filter(key="index").values_list("token", flat=True).first()
    return row or ""


def fetch_blobs(ids: list[int]) -> dict[int, bytes]:
    from django.db import connection
    out: dict[int, bytes] = {}
    with connection.cursor() as cur:
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            cur.execute("SELECT id, vector FROM search_searchentry WHERE id IN (%s)"
                        % ",".join(["%s"] * len(chunk)), chunk)
            out.update((int(k), bytes(v)) for k, v in cur.fetchall() if v is not None)
    return out


def load_store(exact_limit: int = EXACT_LIMIT) -> VectorStore:
    """Read every stored vector of the configured database into a VectorStore."""
    from django.db import connection

    ids, council, committee, date, kind, raws = [], [], [], [], [], []
    with connection.cursor() as cur:
        cur.execute("SELECT id, council_id, committee_id, date, kind, vector "
                    "FROM search_searchentry WHERE vector IS NOT NULL ORDER BY id")
        while True:
            rows = cur.fetchmany(20_000)
            if not rows:
                break
            for pk, co, cm, d, k, v in rows:
                ids.append(pk)
                council.append(co or 0)
                committee.append(cm or 0)
                if isinstance(d, str):
                    import datetime as dt
                    d = dt.date.fromisoformat(d)
                date.append(d.toordinal() if d else 0)
                kind.append(kind_code(k))
                raws.append(bytes(v))
    raw = (np.frombuffer(b"".join(raws), dtype=np.uint8).reshape(len(raws), 4 + DIM)
           if raws else np.zeros((0, 4 + DIM), dtype=np.uint8))
    del raws
    return VectorStore.build(ids, council, committee, date, kind, raw,
                             exact_limit=exact_limit, fetch=fetch_blobs)


def get_store() -> VectorStore:
    """This process's store for the configured database, reloaded when the index changed."""
    key, token = _db_key(), current_token()
    cached = _stores.get(key)
    if cached and cached[0] == token:
        return cached[1]
    with _stores_lock:
        cached = _stores.get(key)
        if cached and cached[0] == token:
            return cached[1]
        store = load_store()
        _stores[key] = (token, store)
        return store
