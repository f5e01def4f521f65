"""The domain, split by subject and re-exported here: `from events.models import Event`."""

from events.models import lookups  # noqa: F401  (registers __search_english)
from events.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
)
from events.models.event import Event, EventCountry, EventRelation, Participant, Topic
from events.models.people import Official, OfficialName, Organization, Post, Tenure
from events.models.places import Country, CountryName
from events.models.revision import Revision
from events.models.sources import Author, Citation, Source, SourceAuthor, Statement
from events.models.tallies import CountryMonthTally, MonthTally, PairMonthTally, PairTally

__all__ = [
    "Agreement",
    "AgreementParty",
    "AgreementStatus",
    "AgreementStatusChange",
    "Author",
    "Citation",
    "Country",
    "CountryMonthTally",
    "CountryName",
    "Event",
    "EventCountry",
    "EventRelation",
    "MonthTally",
    "Official",
    "OfficialName",
    "Organization",
    "PairMonthTally",
    "PairTally",
    "Participant",
    "Post",
    "Revision",
    "Source",
    "SourceAuthor",
    "Statement",
    "Tenure",
    "Topic",
]
