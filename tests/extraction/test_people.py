"""People in text: known officials by name, title and surname; new people named with a
title, offered with the country and post the title gives; posts named without a name."""

import pytest

from events.models import Official
from extraction.gazetteer import get_gazetteer
from extraction.people import find_people

pytestmark = pytest.mark.usefixtures("seeded")


def people(text):
    gazetteer = get_gazetteer()
    entities, _ = gazetteer.find(text)
    return find_people(text, gazetteer, entities)


def official(mention):
    return Official.objects.get(pk=mention.official).name if mention.official else None


def test_title_and_name_of_a_known_official_links_the_official():
    (smetanin, shankar) = people(
        "Ukraine's Strategic Industries Minister Herman Smetanin met with India's Ambassador "
        "to Ukraine Ravi Shankar on Oct. 26."
    )
    assert official(smetanin) == "Herman Smetanin"
    assert smetanin.title.titles(get_gazetteer().countries)[0] == (
        "Minister of Strategic Industries of Ukraine"
    )
    assert official(shankar) == "Ravi Shankar"
    assert (shankar.title.country, shankar.title.accredited_to) == ("IN", "UA")


def test_an_unknown_person_with_a_title_is_proposed_with_country_and_post():
    (mention,) = people("Polish Foreign Minister Radoslaw Sikorski arrived in Kyiv.")
    assert mention.official is None
    proposal = mention.proposal
    assert (proposal.name, proposal.country, proposal.post_title, proposal.post_kind) == (
        "Radoslaw Sikorski",
        "PL",
        "Minister of Foreign Affairs of Poland",
        "minister",
    )


def test_a_title_after_the_name_is_read_too():
    (mention,) = people("Radoslaw Sikorski, Poland's foreign minister, arrived in Kyiv.")
    assert (mention.proposal.name, mention.proposal.country) == ("Radoslaw Sikorski", "PL")


def test_an_ambassador_is_proposed_with_the_existing_post():
    (mention,) = people("India's Ambassador to Ukraine Harsh Kumar Jain presented credentials.")
    assert mention.proposal.post_title == "Ambassador of India to Ukraine"
    assert mention.proposal.post_pk is not None


def test_a_surname_after_the_full_name_refers_back_to_it():
    mentions = people(
        "Strategic Industries Minister Herman Smetanin met the ambassador. "
        '"We are ready," Smetanin said. Polish Foreign Minister Radoslaw Sikorski agreed, '
        "and Sikorski left."
    )
    assert [(m.text, m.how) for m in mentions] == [
        ("Herman Smetanin", "name"),
        ("Smetanin", "surname"),
        ("Radoslaw Sikorski", "title"),
        ("Sikorski", "surname"),
    ]
    assert official(mentions[1]) == "Herman Smetanin"
    assert mentions[3].proposal.name == "Radoslaw Sikorski"


def test_a_surname_before_any_full_mention_is_no_one():
    assert people("Smetanin said nothing.") == []


def test_a_post_named_without_a_name_is_kept_for_its_holder():
    (mention,) = people("the Indian prime minister visited Moscow")
    assert mention.how == "post"
    assert mention.title.titles(get_gazetteer().countries) == ["Prime Minister of India"]


def test_a_title_without_a_country_or_a_name_is_no_one():
    assert people("assure the Minister of the Embassy's support") == []


def test_a_counterpart_is_proposed_with_a_country_and_no_post():
    (mention,) = people("Wang Yi will meet his Russian counterpart Sergei Lavrov in Moscow.")
    assert (mention.proposal.name, mention.proposal.country, mention.proposal.post_title) == (
        "Sergei Lavrov",
        "RU",
        "",
    )


def test_a_name_is_not_cut_at_its_particles():
    (mention,) = people(
        "Emirati Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan arrived in Cairo."
    )
    assert (mention.proposal.name, mention.proposal.country) == (
        "Sheikh Abdullah bin Zayed Al Nahyan",
        "AE",
    )
    (mention,) = people("Dutch Foreign Minister Hans van der Berg arrived in Kyiv.")
    assert mention.proposal.name == "Hans van der Berg"


def test_a_short_and_a_long_name_of_one_person_are_one_proposal():
    mentions = people(
        "Emirati Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan arrived in Cairo. "
        "Foreign Minister Abdullah bin Zayed met Egyptian officials, and Abdullah bin Zayed "
        "then left."
    )
    assert [m.text for m in mentions] == [
        "Sheikh Abdullah bin Zayed Al Nahyan",
        "Abdullah bin Zayed",
        "Abdullah bin Zayed",
    ]
    assert {m.proposal.key for m in mentions} == {"sheikh abdullah bin zayed al nahyan"}
    assert {m.proposal.country for m in mentions} == {"AE"}


def test_two_people_sharing_words_of_a_name_stay_two_when_their_countries_differ():
    mentions = people(
        "Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani met Saudi Foreign "
        "Minister Mohammed bin Abdulrahman in Riyadh."
    )
    assert [(m.proposal.name, m.proposal.country) for m in mentions] == [
        ("Mohammed bin Abdulrahman Al Thani", "QA"),
        ("Mohammed bin Abdulrahman", "SA"),
    ]
