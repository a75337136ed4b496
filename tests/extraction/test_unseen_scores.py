"""The extractor on evaluation sets written blind (by a session that never read the
extractor): fictional papers in other councils' layouts with hand-made gold records, in
tests/extraction/unseen/<set>/NAME.txt + NAME.json, scored with the shared scorer.

The first score of each set, before any change made for it, is in the closing notes;
these tests keep what has been reached since from sliding back."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_path
from tests.seeds import SCORER

UNSEEN = Path(__file__).parent / "unseen"
SETS = ["minutes", "modgov", "agendas", "holdout", "holdout2"]


def score(name: str, tmp_path: Path) -> dict:
    if not SCORER.exists():
        pytest.skip("the shared scorer is not in ../shared/eval")
    for paper in sorted((UNSEEN / name).glob("*.txt")):
        record = extract(read_path(paper)).to_contract()
        (tmp_path / f"{paper.stem}.json").write_text(json.dumps(record))
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(UNSEEN / name), "--pred", str(tmp_path),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


@pytest.mark.parametrize("name", SETS)
def test_blind_sets(name, tmp_path):
    summary = score(name, tmp_path)
    assert summary["macro_f1"] >= 0.95
    for family in ("items", "attendance", "resolutions", "actions"):
        assert summary["families"][family]["f1"] >= 0.90, family
