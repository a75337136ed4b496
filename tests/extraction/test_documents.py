from scrutiny.extraction import extract
from scrutiny.reading import read_path
from tests.seeds import seed_path


def test_pack_splits_into_agenda_minutes_and_reports():
    docs = extract(read_path(seed_path("002"))).documents
    kinds = [d.kind for d in docs]
    assert kinds[:2] == ["agenda", "minutes"]
    assert "performance" in kinds
    send = next(d for d in docs if d.title.upper().startswith("SEND AND INCLUSION"))
    assert send.item == "8"                      # linked to its agenda item by title
    # documents tile the pack in order without overlapping
    assert all(a.end_line < b.line for a, b in zip(docs, docs[1:]))


def test_appendix_at_top_of_page_and_minutes_document():
    docs = extract(read_path(seed_path("001"))).documents
    assert any(d.kind == "appendix" and d.title.startswith("Appendix 1") for d in docs)
    (only,) = extract(read_path(seed_path("004"))).documents
    assert only.kind == "minutes"
