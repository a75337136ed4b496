"""Recognising recommendations and comparing topics (no database)."""
from __future__ import annotations

import pytest

from scrutiny.web.actions.matching import recommendation_addressee, topic_words


@pytest.mark.parametrize("text,to", [
    ("2. recommends to the Cabinet that the final strategy include a target", "Cabinet"),
    ("RESOLVED that the following recommendations be made to the Cabinet:", "Cabinet"),
    ("that the following comments be submitted to the Cabinet on 5 February 2026:", "Cabinet"),
    ("Requests that in approving the strategy, Cabinet acknowledges its high priority.",
     "Cabinet"),
    ("recommends to the Cabinet Member for Children's Services that the contract be let",
     "Cabinet Member for Children's Services"),
    ("That the Committee recommends to the Wythe Valley NHS Foundation Trust that it reports",
     "Wythe Valley NHS Foundation Trust"),
    ("That the Cabinet be asked to review the policy.", "Cabinet"),
    ("It was agreed that the Chair would write to the Chief Executive of the ICB.", None),
    ("That the Director be requested to provide Members with details.", None),
    ("That the report be noted.", None),
])
def test_recommendations_and_their_addressee(text, to):
    assert recommendation_addressee(text) == to


def test_topic_words_meet_across_word_forms():
    a = topic_words("the number of electively home educated children with an EHC plan")
    b = topic_words("The information on elective home education had been circulated")
    assert {"electi", "educat", "home"} <= a & b
    # procedure words and dates are not topics
    assert not topic_words("Members requested that a report be brought to the next meeting "
                           "in September 2025")


def test_figures_are_topics():
    assert "38.6" in topic_words("the table at Appendix A showed 38.6%")
