"""The extractor on the project's own example papers (a fictional council's year, in
layouts the real seeds do not use), scored with the shared scorer against the
hand-written answers in examples/fenmoor/expected.json."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_path
from tests.seeds import SCORER

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    if not SCORER.exists():
        pytest.skip("the shared scorer is not in ../shared/eval")
    expected = json.loads((EXAMPLES / "fenmoor" / "expected.json").read_text())
    gold, pred = tmp_path_factory.mktemp("gold"), tmp_path_factory.mktemp("pred")
    for name, paper in expected["papers"].items():
        stem = name.replace("/", "__").rsplit(".", 1)[0]
        (gold / f"{stem}.json").write_text(json.dumps(paper["record"]))
        (pred / f"{stem}.json").write_text(json.dumps(extract(read_path(EXAMPLES / name)).to_contract()))
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


@pytest.mark.parametrize("family", ["meeting", "members", "items", "attendance", "declarations",
                                    "resolutions", "actions", "indicators"])
def test_each_family_on_unseen_layouts(summary, family):
    assert summary["families"][family]["f1"] >= 0.90


def test_macro_f1_on_unseen_layouts(summary):
    assert summary["macro_f1"] >= 0.95
