"""The review forms of the extraction page: one per candidate event, one per participant
row, one per new person, one per agreement candidate. Rows refer to their candidate by its
index, so the page can add a participant or a whole candidate the reader missed without
extracting again."""

from __future__ import annotations

from django import forms

from events.dates import EXAMPLES, FuzzyDate, FuzzyDateError
from events.event_types import EventType
from events.models import (
    Agreement,
    AgreementStatus,
    Country,
    Event,
    Official,
    Participant,
    Post,
    Topic,
)
from extraction.saving import (
    FOLLOWS,
    PART_OF,
    ReviewedAgreement,
    ReviewedEvent,
    ReviewedParticipant,
    ReviewedPerson,
)

NEW = "new"
RELATIONS = [("", "\u2014"), (PART_OF, "is part of"), (FOLLOWS, "follows")]


def _countries(text: str) -> list[Country]:
    """The countries of comma-separated ISO codes, in order."""
    codes = [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]
    found, unknown = Country.objects.by_codes(codes)
    if unknown:
        raise forms.ValidationError(
            f"Unknown country code: {', '.join(unknown)}. Use ISO codes, such as UA, IN."
        )
    return list(dict.fromkeys(found.values()))


def _country(text: str) -> Country | None:
    code = text.strip()
    return _countries(code)[0] if code else None


def _fuzzy(text: str, required: bool = True) -> FuzzyDate | None:
    if not text.strip() and not required:
        return None
    try:
        return FuzzyDate.parse(text)
    except FuzzyDateError as error:
        raise forms.ValidationError(error.message) from None


def _number(value: int | None) -> int | None:
    """A candidate's index from the number the page shows (1 for the first)."""
    return value - 1 if value else None


class CandidateForm(forms.Form):
    include = forms.BooleanField(required=False, label="save")
    excerpt = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="The sentence the event is read from; saved as the citation's excerpt.",
    )
    action = forms.CharField(widget=forms.Select, initial=NEW, label="as")
    title = forms.CharField(max_length=300, required=False)
    type = forms.ChoiceField(choices=EventType.choices)
    status = forms.ChoiceField(choices=Event.Status.choices)
    date_text = forms.CharField(label="date", help_text=f"As {EXAMPLES}.")
    countries = forms.CharField(required=False, help_text="ISO codes: UA, IN.")
    topics = forms.TypedMultipleChoiceField(
        coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    location = forms.CharField(max_length=200, required=False, label="place")
    location_country = forms.CharField(max_length=2, required=False, label="in (ISO)")
    relation = forms.ChoiceField(choices=RELATIONS, required=False, label="link")
    relation_to = forms.IntegerField(
        min_value=1, required=False, label="event no.", widget=forms.NumberInput({"size": 3})
    )

    def __init__(self, *args, topics=(), matches=(), saved=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = saved  # the event this candidate was saved as, from this source
        # The topics are read once for the whole page, not once per candidate.
        self.fields["topics"].choices = list(topics)
        actions = [(NEW, "a new event")] + [
            (str(event.public_id), f"a citation on: {event}") for event in matches
        ]
        if saved is not None and saved not in matches:
            actions.append((str(saved.public_id), f"a citation on: {saved}"))
        submitted = self.data.get(self.add_prefix("action")) if self.is_bound else None
        if submitted and submitted not in dict(actions):
            actions.append((submitted, submitted))
        self.fields["action"].widget.choices = actions

    def clean_action(self):
        action = self.cleaned_data["action"]
        if action == NEW:
            return None
        event = Event.objects.by_reference(action, slug_field=None).first()
        if event is None:
            raise forms.ValidationError("The event to link to no longer exists.")
        return event

    def clean_date_text(self):
        return _fuzzy(self.cleaned_data["date_text"])

    def clean_countries(self):
        return _countries(self.cleaned_data["countries"])

    def clean_location_country(self):
        return _country(self.cleaned_data["location_country"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include") and cleaned.get("action") is None and "action" not in self.errors:
            if not (cleaned.get("title") or "").strip():
                self.add_error("title", "Give the new event a title.")
        if cleaned.get("relation") and not cleaned.get("relation_to"):
            self.add_error("relation_to", "Give the number of the event it is linked to.")
        return cleaned

    def reviewed(self) -> ReviewedEvent:
        data = self.cleaned_data
        return ReviewedEvent(
            include=data["include"],
            excerpt=data["excerpt"],
            link_to=data["action"],
            title=data["title"].strip(),
            type=data["type"],
            status=data["status"],
            date=data["date_text"],
            countries=data["countries"],
            topics=list(Topic.objects.filter(pk__in=data["topics"])),
            location=data["location"],
            location_country=data["location_country"],
            relation=data["relation"],
            relation_to=_number(data["relation_to"]) if data["relation"] else None,
        )


class ParticipantForm(forms.Form):
    """One participant of one candidate: `who` names a known official ("official:12") or a
    new person ("new:<key>"); empty, the typed name (or the country alone) is taken."""

    keep = forms.BooleanField(required=False, initial=True)
    event = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    who = forms.CharField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(max_length=200, required=False)
    country = forms.CharField(max_length=2, required=False, help_text="ISO code")
    role = forms.ChoiceField(choices=Participant.Role.choices, initial=Participant.Role.PARTICIPANT)
    post = forms.CharField(max_length=200, required=False)

    def clean_country(self):
        return _country(self.cleaned_data["country"])

    def clean_who(self):
        kind, _, value = self.cleaned_data["who"].partition(":")
        if kind == "official":
            official = Official.objects.filter(pk=value).first() if value.isdigit() else None
            if official is None:
                raise forms.ValidationError("This official is no longer recorded.")
            return official
        if kind == "new" and value:
            return value
        return None

    def reviewed(self) -> ReviewedParticipant:
        data = self.cleaned_data
        who = data["who"]
        return ReviewedParticipant(
            event=data["event"],
            official=who if isinstance(who, Official) else None,
            person=who if isinstance(who, str) else "",
            name=data["name"],
            country=data["country"],
            role=data["role"],
            post_title=data["post"],
        )


class PersonForm(forms.Form):
    create = forms.BooleanField(required=False)
    key = forms.CharField(widget=forms.HiddenInput)
    spelling = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(max_length=200)
    country = forms.CharField(max_length=2, required=False, help_text="ISO code")
    post_title = forms.CharField(max_length=200, required=False, label="post")
    post_kind = forms.ChoiceField(choices=Post.Kind.choices, label="kind of post")
    accredited_to = forms.CharField(max_length=2, required=False, label="posted to")

    def clean_country(self):
        return _country(self.cleaned_data["country"])

    def clean_accredited_to(self):
        return _country(self.cleaned_data["accredited_to"])

    def reviewed(self) -> ReviewedPerson:
        data = self.cleaned_data
        return ReviewedPerson(
            key=data["key"],
            name=data["name"],
            create=data["create"],
            country=data["country"],
            post_title=data["post_title"],
            post_kind=data["post_kind"],
            accredited_to=data["accredited_to"],
            spelling=data["spelling"],
        )


class AgreementForm(forms.Form):
    include = forms.BooleanField(required=False, label="save")
    excerpt = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(max_length=300, required=False)
    kind = forms.ChoiceField(choices=Agreement.Kind.choices)
    parties = forms.CharField(required=False, help_text="ISO codes: IN, KE.")
    status = forms.ChoiceField(choices=[("", "\u2014")] + AgreementStatus.choices, required=False)
    date_text = forms.CharField(required=False, label="date of that status")
    event = forms.IntegerField(
        min_value=1, required=False, label="signed at event no.", widget=forms.NumberInput
    )

    def __init__(self, *args, saved=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = saved  # the agreement saved from this source that it is

    def clean_parties(self):
        return _countries(self.cleaned_data["parties"])

    def clean_date_text(self):
        return _fuzzy(self.cleaned_data["date_text"], required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include") and not (cleaned.get("title") or "").strip():
            self.add_error("title", "Give the agreement a title.")
        if cleaned.get("include") and cleaned.get("status") and not cleaned.get("date_text"):
            if "date_text" not in self.errors:
                self.add_error("date_text", "Give the date of this status, or no status.")
        return cleaned

    def reviewed(self) -> ReviewedAgreement:
        data = self.cleaned_data
        return ReviewedAgreement(
            include=data["include"],
            excerpt=data["excerpt"],
            title=data["title"].strip(),
            kind=data["kind"],
            parties=data["parties"],
            status=data["status"],
            date=data["date_text"],
            event=_number(data["event"]),
        )


class ReviewFormSet(forms.BaseFormSet):
    """Forms each with its own offers (events to link to, what was saved already)."""

    def __init__(self, *args, offers=(), **kwargs):
        self.offers = list(offers)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < len(self.offers):
            kwargs.update(self.offers[index])
        return kwargs


CandidateFormSet = forms.formset_factory(CandidateForm, formset=ReviewFormSet, extra=0)
ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=0)
PersonFormSet = forms.formset_factory(PersonForm, extra=0)
AgreementFormSet = forms.formset_factory(AgreementForm, formset=ReviewFormSet, extra=0)
