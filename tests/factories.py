"""factory_boy factories: tests build the records they need; fixtures/ is for seed data.

Domain records are created through events.services (record_save), the one door for
writes, so what a test builds has its derived data (posts, countries involved, search
text, tallies) as any other write would."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events import models
from events.dates import DatePrecision
from events.permissions import ANALYSTS, EDITORS
from events.services import record_save


class ServiceFactory(factory.django.DjangoModelFactory):
    """Creates through events.services.record_save."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        keys = cls._meta.django_get_or_create
        if keys:
            found = model_class._default_manager.filter(**{k: kwargs[k] for k in keys}).first()
            if found is not None:
                return found
        return record_save(model_class(*args, **kwargs))


USER_ASSIGNED_ALPHA2 = [f"X{chr(c)}" for c in range(65, 91)] + [f"Q{chr(c)}" for c in range(77, 91)]


class CountryFactory(ServiceFactory):
    class Meta:
        model = models.Country
        django_get_or_create = ("iso_alpha2",)

    # ISO 3166-1 leaves XA-XZ and QM-QZ, and numeric 900-999, to users: no clash with the
    # real countries of the seed.
    iso_alpha2 = factory.Sequence(lambda n: USER_ASSIGNED_ALPHA2[n % len(USER_ASSIGNED_ALPHA2)])
    iso_alpha3 = factory.LazyAttribute(lambda o: f"{o.iso_alpha2}X")
    iso_numeric = factory.Sequence(lambda n: f"{900 + n % 100}")
    name = factory.LazyAttribute(lambda o: f"Country {o.iso_alpha2}")


class OrganizationFactory(ServiceFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Ministry {n}")
    kind = models.Organization.Kind.MINISTRY
    country = factory.SubFactory(CountryFactory)


class OfficialFactory(ServiceFactory):
    class Meta:
        model = models.Official

    name = factory.Sequence(lambda n: f"Official {n}")


class PostFactory(ServiceFactory):
    class Meta:
        model = models.Post

    title = factory.Sequence(lambda n: f"Minister {n}")
    kind = models.Post.Kind.MINISTER
    country = factory.SubFactory(CountryFactory)


class TenureFactory(ServiceFactory):
    class Meta:
        model = models.Tenure

    official = factory.SubFactory(OfficialFactory)
    post = factory.SubFactory(PostFactory)

    class Params:
        start = None  # a date: the tenure starts that day
        end = None

    start_earliest = factory.LazyAttribute(lambda o: o.start)
    start_latest = factory.LazyAttribute(lambda o: o.start)
    start_precision = factory.LazyAttribute(lambda o: DatePrecision.DAY if o.start else None)
    end_earliest = factory.LazyAttribute(lambda o: o.end)
    end_latest = factory.LazyAttribute(lambda o: o.end)
    end_precision = factory.LazyAttribute(lambda o: DatePrecision.DAY if o.end else None)


class TopicFactory(ServiceFactory):
    class Meta:
        model = models.Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class EventFactory(ServiceFactory):
    """A one-day meeting unless told otherwise."""

    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"Meeting {n}")
    type = "meeting"
    date_start = dt.date(2024, 10, 26)
    date_end = factory.LazyAttribute(lambda o: o.date_start)
    date_precision = DatePrecision.DAY


class ParticipantFactory(ServiceFactory):
    class Meta:
        model = models.Participant

    event = factory.SubFactory(EventFactory)
    official = factory.SubFactory(OfficialFactory)
    role = models.Participant.Role.PARTICIPANT


class SourceFactory(ServiceFactory):
    class Meta:
        model = models.Source

    headline = factory.Sequence(lambda n: f"Headline {n}")
    url = factory.Sequence(lambda n: f"https://news.example/{n}")


class AgreementFactory(ServiceFactory):
    class Meta:
        model = models.Agreement

    title = factory.Sequence(lambda n: f"Agreement {n}")
    kind = models.Agreement.Kind.MOU


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-long-test-password")
    is_staff = True

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def editor(**kwargs):
    return UserFactory(group=EDITORS, **kwargs)


def analyst(**kwargs):
    return UserFactory(group=ANALYSTS, **kwargs)
