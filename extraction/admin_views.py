"""The "Extract events" page of a source in admin: the article with what the reader found
marked on one side, the candidate events and agreements on the other, for the editor to
correct in place and save in one transaction (extraction.saving)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from events.models import Source, Topic
from extraction.candidates import extract_candidates
from extraction.extract import find_agreements
from extraction.forms import (
    AgreementFormSet,
    CandidateFormSet,
    ParticipantFormSet,
    PersonFormSet,
)
from extraction.highlights import marked_text, mentions
from extraction.inputs import ExtractionInputError, clean_input
from extraction.outlets import outlet_country
from extraction.recorded import recorded_from
from extraction.review import review_of
from extraction.saving import extraction_save

# Where a service's error lands on a form.
PERSON_FIELDS = {"official.name": "name", "post.title": "post_title", "post.kind": "post_kind"}
PARTICIPANT_FIELDS = {"official.name": "name", "official": "name", "post.title": "post"}
FORM_FIELDS = {"date_start": "date_text", "date_end": "date_text", "participants": None}


def extraction_urls(model_admin) -> list:
    """The extraction page's URL, for SourceAdmin.get_urls()."""
    view = model_admin.admin_site.admin_view(
        lambda request, object_id: extract_events_view(model_admin, request, object_id)
    )
    return [path("<path:object_id>/extract/", view, name="events_source_extract")]


def extract_url(source: Source) -> str:
    return reverse("admin:events_source_extract", args=[source.pk])


def extract_events_view(model_admin, request, object_id):
    """GET: the article and its candidates as forms to correct. POST: save the ticked ones
    in one transaction, or show the forms again with what to correct."""
    source = model_admin.get_object(request, unquote(object_id))
    if source is None:
        return model_admin._get_obj_does_not_exist_redirect(request, model_admin.opts, object_id)
    if not (
        model_admin.has_change_permission(request, source)
        and request.user.has_perms(["events.add_event", "events.add_citation"])
    ):
        raise PermissionDenied
    change_url = reverse("admin:events_source_change", args=[source.pk])
    try:
        checked = clean_input(source.text, source.published_at)
    except ExtractionInputError as error:
        where = "text" if error.field == "text" else "publication time"
        messages.error(request, f"Cannot extract events: {error.message} (the source's {where})")
        return redirect(change_url)

    # The outlet's country is the home side when the text names none (extraction.outlets).
    candidates = extract_candidates(
        checked.text, checked.published, home_country=outlet_country(source)
    )
    agreements = find_agreements(checked.text, checked.published, candidates)
    recorded = recorded_from(source)
    topics = {"topics": list(Topic.objects.values_list("pk", "name"))}
    if request.method == "POST":
        forms = _bound(request.POST, topics)
        if all(formset.is_valid() for formset in forms.values()):
            try:
                result = extraction_save(
                    source,
                    [form.reviewed() for form in forms["people"]],
                    [form.reviewed() for form in forms["events"]],
                    [
                        form.reviewed()
                        for form in forms["participants"]
                        if form.cleaned_data["keep"]
                    ],
                    [form.reviewed() for form in forms["agreements"]],
                )
            except ValidationError as error:
                _attach(error, forms)
            else:
                messages.success(request, _summary(result))
                return redirect(change_url)
        messages.error(request, "Nothing was saved: correct the errors below.")
        return _render(request, model_admin, source, checked, forms, agreements, recorded)

    if not candidates and not agreements:
        messages.warning(
            request,
            "Found no dated event in the source's text: no sentence names both a date and a "
            "country or official.",
        )
        return redirect(change_url)
    review = review_of(
        candidates, agreements, recorded, dict(Topic.objects.values_list("slug", "pk"))
    )
    forms = {
        "events": CandidateFormSet(
            prefix="events", initial=review.events, offers=review.event_offers, form_kwargs=topics
        ),
        "participants": ParticipantFormSet(prefix="participants", initial=review.participants),
        "people": PersonFormSet(prefix="people", initial=review.people),
        "agreements": AgreementFormSet(
            prefix="agreements", initial=review.agreements, offers=review.agreement_offers
        ),
    }
    return _render(request, model_admin, source, checked, forms, agreements, recorded)


def _bound(data, topics) -> dict:
    return {
        "events": CandidateFormSet(data, prefix="events", form_kwargs=topics),
        "participants": ParticipantFormSet(data, prefix="participants"),
        "people": PersonFormSet(data, prefix="people"),
        "agreements": AgreementFormSet(data, prefix="agreements"),
    }


def _render(request, model_admin, source: Source, checked, forms, agreements, recorded):
    events = forms["events"]
    rows: dict[int, list] = {}
    for form in forms["participants"]:
        index = form["event"].value()
        rows.setdefault(int(index) if str(index).isdigit() else -1, []).append(form)
    cards = [(number, form, rows.get(number, [])) for number, form in enumerate(events)]
    found = mentions(checked.text, checked.published, agreements)
    media = model_admin.media
    for formset in forms.values():
        media += formset.media
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": source,
        "title": f"Extract events: {source}",
        "cards": cards,
        "orphans": rows.get(-1, []),
        **forms,
        "article": marked_text(checked.text, found),
        "recorded": recorded,
        "published": source.published_at,
        "media": media,
    }
    return TemplateResponse(request, "admin/events/source/extract.html", context)


def _attach(error: ValidationError, forms: dict) -> None:
    """Put each error of the save on the form and field it names ("events.2.title")."""
    for key, messages_ in error.message_dict.items():
        group, _, rest = key.partition(".")
        index, _, field = rest.partition(".")
        formset = forms.get(group, forms["events"])
        if not index.isdigit() or int(index) >= len(formset.forms):
            formset._non_form_errors = formset.non_form_errors() + messages_
            continue
        form = formset.forms[int(index)]
        if group == "people":
            field = PERSON_FIELDS.get(field, field)
        elif group == "participants":
            field = PARTICIPANT_FIELDS.get(field, field)
        else:
            field = FORM_FIELDS.get(field.split(".")[0], field) if field else field
        if field not in form.fields:
            messages_ = [f"{key}: {m}" for m in messages_]
            field = None
        for message in messages_:
            form.add_error(field, message)


def _summary(result) -> str:
    parts = [f"Created {len(result.created)} event(s)"]
    if result.linked:
        parts.append(f"cited the source on {len(result.linked)} existing event(s)")
    if result.already_cited:
        parts.append(f"{len(result.already_cited)} already cited it")
    if result.people:
        parts.append(f"added {len(result.people)} official(s)")
    if result.relations:
        parts.append(f"linked {len(result.relations)} event(s) to another")
    if result.agreements:
        parts.append(f"recorded {len(result.agreements)} agreement(s)")
    return "; ".join(parts) + "."
