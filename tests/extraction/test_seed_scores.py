"""Issue 2's acceptance figures, measured with the shared scorer on the five real papers."""
import json
import subprocess
import sys

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_path
from tests.seeds import GOLD, SCORER, SEEDS


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    if not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.exists()):
        pytest.skip("the real papers, gold records and scorer are not in ../shared")
    out = tmp_path_factory.mktemp("pred")
    for seed in sorted(SEEDS.glob("*.txt")):
        rec = extract(read_path(seed)).to_contract()
        (out / f"{seed.stem}.json").write_text(json.dumps(rec))
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(out), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


@pytest.mark.parametrize("family,minimum", [("items", 0.95), ("attendance", 0.95), ("resolutions", 0.90),
                                            ("actions", 0.80), ("indicators", 0.85)])
def test_family_f1(summary, family, minimum):
    assert summary["families"][family]["f1"] >= minimum


def test_macro_f1(summary):
    assert summary["macro_f1"] >= 0.90


def test_citations_within_three_lines(summary):
    hits = total = 0
    for fam in summary["families"].values():
        if fam["cite_ok"]:
            h, t = map(int, fam["cite_ok"].split("/"))
            hits, total = hits + h, total + t
    assert total and hits / total >= 0.95
