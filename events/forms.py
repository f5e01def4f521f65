"""Admin forms: editors type a date as the article gives it ("late Sep 2024") and the form
stores its range and precision."""

from datetime import datetime

from django import forms

from events.dates import (
    EXAMPLES,
    FuzzyDate,
    FuzzyDateError,
    moment_label,
    parse_fuzzy_date,
    parse_moment,
)
from events.history import topics_of
from events.services import event_set_topics


class FuzzyDateFormMixin:
    """Adds a text field per fuzzy date of the model. When the editor changes the text, it is
    parsed into the stored range fields; otherwise the range fields are used as entered (the
    model's clean() then checks them, with errors on the field at fault).

    FUZZY_TEXT_FIELDS maps each text field to the model's (start, end, precision) fields.
    """

    FUZZY_TEXT_FIELDS: dict[str, tuple[str, str, str]] = {}
    FUZZY_TEXT_REQUIRED: set[str] = set()
    QUALIFIER_FIELD: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for text_field, (start, end, precision) in self.FUZZY_TEXT_FIELDS.items():
            # The text fills the range fields, so they may be left empty in the form.
            for name in (start, end, precision):
                if name in self.fields:
                    self.fields[name].required = False
            fuzzy = self._instance_fuzzy(start, end, precision)
            if fuzzy is not None:
                self.initial[text_field] = fuzzy.label

    def _instance_fuzzy(self, start, end, precision) -> FuzzyDate | None:
        qualifier = getattr(self.instance, self.QUALIFIER_FIELD) if self.QUALIFIER_FIELD else None
        return FuzzyDate.or_none(
            getattr(self.instance, start),
            getattr(self.instance, end),
            getattr(self.instance, precision),
            qualifier,
        )

    def clean(self):
        cleaned = super().clean()
        for text_field, (start, end, precision) in self.FUZZY_TEXT_FIELDS.items():
            text = (cleaned.get(text_field) or "").strip()
            ranged = [cleaned.get(name) for name in (start, end, precision)]
            if text_field in self.changed_data or (text and not any(ranged)):
                if not text:
                    if text_field in self.FUZZY_TEXT_REQUIRED:
                        self.add_error(text_field, f"Enter a date, such as {EXAMPLES}.")
                    else:
                        cleaned[start] = cleaned[end] = cleaned[precision] = None
                    continue
                try:
                    fuzzy = parse_fuzzy_date(text)
                except FuzzyDateError as error:
                    self.add_error(text_field, error.message)
                    continue
                cleaned[start], cleaned[end] = fuzzy.start, fuzzy.end
                cleaned[precision] = fuzzy.precision
                # A form that shows the text alone (an inline) still stores the range: the
                # model form saves only the fields it shows.
                for name in (start, end, precision):
                    if name not in self.fields:
                        setattr(self.instance, name, cleaned[name])
                # A qualifier typed into the text ("c.", "?") wins over the select; plain
                # text leaves a qualifier the editor chose in the select alone.
                qualifier = self.QUALIFIER_FIELD
                if qualifier and (fuzzy.qualifier != "exact" or qualifier not in self.changed_data):
                    cleaned[qualifier] = fuzzy.qualifier
            elif text_field in self.FUZZY_TEXT_REQUIRED and not any(ranged):
                self.add_error(text_field, f"Enter a date, such as {EXAMPLES}.")
        return cleaned


def fuzzy_text_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=f"As the source gives it: {EXAMPLES}. Prefix \u201cc.\u201d when approximate; "
        "end with \u201c?\u201d when uncertain. The range fields below follow from it.",
    )


class FuzzyDatedForm(FuzzyDateFormMixin, forms.ModelForm):
    """For models with one required fuzzy date (events, agreement status changes); the admin
    supplies the model."""

    date_text = fuzzy_text_field("Date")

    FUZZY_TEXT_FIELDS = {"date_text": ("date_start", "date_end", "date_precision")}
    FUZZY_TEXT_REQUIRED = {"date_text"}
    QUALIFIER_FIELD = "date_qualifier"


class TenureForm(FuzzyDateFormMixin, forms.ModelForm):
    """A tenure's start and end, each optional; the admin supplies the model."""

    start_text = fuzzy_text_field("Start")
    end_text = fuzzy_text_field("End")

    FUZZY_TEXT_FIELDS = {
        "start_text": ("start_earliest", "start_latest", "start_precision"),
        "end_text": ("end_earliest", "end_latest", "end_precision"),
    }


class ParticipantForm(forms.ModelForm):
    """A post the editor picks is kept; left empty (or cleared), it follows the official's
    tenures on the event's date."""

    def clean(self):
        cleaned = super().clean()
        if "post" in self.changed_data:
            self.instance.post_chosen = cleaned.get("post") is not None
        return cleaned


class EventForm(FuzzyDatedForm):
    """An event's own fields; its topics are written through the services (admin saves
    them after the event, and so does a revert from history)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # On a revert page the instance is rebuilt from a version of its history, but its
        # topics would be read from the event as it is now: show the version's.
        version = getattr(self.instance, "_history", None)
        if version is not None and "topics" in self.fields:
            self.initial["topics"] = [t.pk for t in topics_of(version)]

    def _save_m2m(self):
        event_set_topics(self.instance, self.cleaned_data.get("topics", []))


class MomentField(forms.CharField):
    """A date and optional time typed in the date grammar of every other field ("9 Jul
    2019", "July 9, 2019 04:15"), rather than Django's split date and time inputs, whose
    numeric date took 07/09/2019 as 7 September and whose time could not be left empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "The day as the source gives it (9 Jul 2019, July 9, 2019, 2019-07-09), then "
            "the time if known (04:15, UTC unless a zone is given).",
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return moment_label(value) if isinstance(value, datetime) else value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_moment(text)
        except FuzzyDateError as error:
            raise forms.ValidationError(error.message, code="invalid") from None


class SourceForm(forms.ModelForm):
    """A source, its publication time typed in the common date grammar."""

    published_at = MomentField(label="Published", required=False)
