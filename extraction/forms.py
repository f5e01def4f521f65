"""The review forms of the extraction page: one per candidate event, one per new person.

Each form carries what the editor may correct; what the editor does not see (participants'
roles) travels in a hidden field, so saving does not depend on extracting again.
"""

from __future__ import annotations

import json

from django import forms

from events.dates import EXAMPLES, FuzzyDate, FuzzyDateError
from events.event_types import EventType
from events.models import Country, Event, Official, Post, Topic
from extraction.candidates import Candidate
from extraction.saving import ReviewedEvent, ReviewedPerson

NEW = "new"


def _countries(text: str) -> list[Country]:
    """The countries of comma-separated ISO codes, in order."""
    codes = [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]
    found, unknown = Country.objects.by_codes(codes)
    if unknown:
        raise forms.ValidationError(
            f"Unknown country code: {', '.join(unknown)}. Use ISO codes, such as UA, IN."
        )
    return list(dict.fromkeys(found.values()))


class CandidateForm(forms.Form):
    include = forms.BooleanField(required=False, label="save")
    excerpt = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 90}),
        help_text="The sentence the event is read from; saved as the citation's excerpt.",
    )
    action = forms.CharField(widget=forms.Select, initial=NEW)
    title = forms.CharField(max_length=300, required=False, widget=forms.TextInput({"size": 80}))
    type = forms.ChoiceField(choices=EventType.choices)
    status = forms.ChoiceField(choices=Event.Status.choices)
    date_text = forms.CharField(label="Date", help_text=f"As {EXAMPLES}.")
    countries = forms.CharField(required=False, help_text="ISO codes: UA, IN.")
    officials = forms.ModelMultipleChoiceField(
        queryset=Official.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    new_people = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="new people"
    )
    topics = forms.TypedMultipleChoiceField(
        coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    location = forms.CharField(max_length=200, required=False)
    location_country = forms.CharField(max_length=2, required=False)
    roles = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, topics=(), matches=(), people=(), officials=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The topics are read once for the whole page, not once per candidate.
        self.fields["topics"].choices = list(topics)
        actions = [(NEW, "create a new event")] + [
            (str(event.public_id), f"link to: {event}") for event in matches
        ]
        submitted = self.data.get(self.add_prefix("action")) if self.is_bound else None
        if submitted and submitted not in dict(actions):
            actions.append((submitted, submitted))
        self.fields["action"].widget.choices = actions
        # Only the officials in question are offered: the table may hold 50,000.
        pks = list(officials)
        if self.is_bound:
            pks += [v for v in self.data.getlist(self.add_prefix("officials")) if v.isdigit()]
        self.fields["officials"].queryset = Official.objects.filter(pk__in=pks)
        choices = list(people)
        if self.is_bound:
            known = dict(choices)
            choices += [
                (key, key)
                for key in self.data.getlist(self.add_prefix("new_people"))
                if key not in known
            ]
        self.fields["new_people"].choices = choices

    def clean_action(self):
        action = self.cleaned_data["action"]
        if action == NEW:
            return None
        event = Event.objects.by_reference(action, slug_field=None).first()
        if event is None:
            raise forms.ValidationError("The event to link to no longer exists.")
        return event

    def clean_date_text(self):
        try:
            return FuzzyDate.parse(self.cleaned_data["date_text"])
        except FuzzyDateError as error:
            raise forms.ValidationError(error.message) from None

    def clean_countries(self):
        return _countries(self.cleaned_data["countries"])

    def clean_location_country(self):
        code = self.cleaned_data["location_country"].strip()
        return _countries(code)[0] if code else None

    def clean_roles(self):
        try:
            roles = json.loads(self.cleaned_data["roles"] or "{}")
        except ValueError:
            roles = None
        if not isinstance(roles, dict):
            raise forms.ValidationError("The roles could not be read; extract again.")
        return {str(k): str(v) for k, v in roles.items()}

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("include")
            and cleaned.get("action") is None
            and "action" not in (self.errors)
        ):
            if not (cleaned.get("title") or "").strip():
                self.add_error("title", "Give the new event a title.")
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
            officials=list(data["officials"]),
            new_people=list(data["new_people"]),
            topics=list(Topic.objects.filter(pk__in=data["topics"])),
            location=data["location"],
            location_country=data["location_country"],
            roles=data["roles"],
        )


class PersonForm(forms.Form):
    create = forms.BooleanField(required=False)
    key = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(max_length=200)
    country = forms.CharField(max_length=2, required=False, help_text="ISO code")
    post_title = forms.CharField(max_length=200, required=False, label="post")
    post_kind = forms.ChoiceField(choices=Post.Kind.choices, label="kind of post")
    accredited_to = forms.CharField(max_length=2, required=False, label="posted to")

    def clean_country(self):
        code = self.cleaned_data["country"].strip()
        return _countries(code)[0] if code else None

    def clean_accredited_to(self):
        code = self.cleaned_data["accredited_to"].strip()
        return _countries(code)[0] if code else None

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
        )


class ReviewFormSet(forms.BaseFormSet):
    """Candidates, each with its own offers: events to link to, officials, new people."""

    def __init__(self, *args, offers=(), **kwargs):
        self.offers = list(offers)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < len(self.offers):
            kwargs.update(self.offers[index])
        return kwargs


CandidateFormSet = forms.formset_factory(CandidateForm, formset=ReviewFormSet, extra=0)
PersonFormSet = forms.formset_factory(PersonForm, extra=0)


def candidate_initial(candidate: Candidate, linked: Event | None, topic_pks: dict) -> dict:
    """The form's first values for a candidate: ticked unless it is background, linked to
    `linked` when that event is surely the same."""
    roles = {}
    for person in candidate.people:
        key = f"official:{person.official.pk}" if person.official else f"new:{person.proposal.key}"
        roles[key] = str(person.role)
    for code, role in candidate.country_roles.items():
        roles[f"country:{code}"] = str(role)
    return {
        "include": not candidate.background,
        "action": str(linked.public_id) if linked else NEW,
        "title": candidate.title,
        "type": candidate.event_type,
        "status": candidate.status,
        "date_text": candidate.date.label,
        "countries": ", ".join(candidate.countries),
        "officials": [p.official.pk for p in candidate.people if p.official],
        "new_people": [p.proposal.key for p in candidate.people if p.proposal],
        "topics": [topic_pks[slug] for slug in candidate.topics if slug in topic_pks],
        "location": candidate.location,
        "location_country": candidate.location_country or "",
        "excerpt": candidate.sentence,
        "roles": json.dumps(roles),
    }
