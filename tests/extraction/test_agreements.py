"""Agreement candidates: what kind, between whom, when and in what state the text says an
agreement is, tied to the event candidate that reports its signature."""

from datetime import date

import pytest

from extraction.agreements import find_agreements
from extraction.candidates import extract_candidates
from tests.extraction.reports import VISIT_PUBLISHED, VISIT_REPORT

pytestmark = pytest.mark.usefixtures("seeded")
PUBLISHED = date(2025, 7, 9)


def only(text, published=PUBLISHED):
    (agreement,) = find_agreements(text, published, extract_candidates(text, published))
    return agreement


def test_a_memorandum_signed_last_december_is_a_signed_mou_of_both_countries():
    text = VISIT_REPORT
    candidates = extract_candidates(text, VISIT_PUBLISHED.date())
    (mou,) = find_agreements(text, VISIT_PUBLISHED.date(), candidates)
    assert (mou.kind, mou.status, mou.date.label) == ("mou", "signed", "Dec 2024")
    assert mou.title == "Memorandum of understanding on digital payments"
    assert sorted(mou.parties) == ["IN", "KE"]
    assert candidates[mou.event].event_type == "agreement"


def test_a_treaty_to_be_signed_is_proposed_for_the_announced_date():
    treaty = only("Japan and Vietnam will sign a treaty on extradition in Hanoi next month.")
    assert (treaty.kind, treaty.status, treaty.date.label) == ("treaty", "proposed", "Aug 2025")
    assert sorted(treaty.parties) == ["JP", "VN"]
    assert treaty.title == "Treaty on extradition"


def test_a_deal_under_negotiation_is_proposed_and_named_by_its_parties():
    deal = only("Brazil and Argentina are negotiating a trade deal, officials said on Monday.")
    assert (deal.kind, deal.status) == ("agreement", "proposed")
    assert deal.title == "Agreement between Brazil and Argentina"


def test_an_agreement_that_entered_into_force_says_so():
    accord = only("The accord between France and Morocco entered into force in March 2024.")
    assert (accord.status, accord.date.label) == ("in_force", "Mar 2024")


def test_a_later_mention_of_the_same_agreement_makes_no_second_candidate():
    text = (
        "Egypt and Jordan signed an agreement on electricity trade on 3 July 2025. "
        "The agreement runs for ten years, Egypt and Jordan said."
    )
    assert len(find_agreements(text, PUBLISHED, extract_candidates(text, PUBLISHED))) == 1


def test_an_agreement_between_no_countries_is_not_a_candidate():
    assert find_agreements("The two firms reached a deal on Monday.", PUBLISHED) == []
