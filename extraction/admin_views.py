"""The "Extract events" page of a source in admin: the candidates the source's text reports,
for the editor to tick, correct and save as events with participants and citations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from events.models import Source, Topic
from extraction.candidates import extract_candidates
from extraction.forms import (
    CandidateFormSet,
    PersonFormSet,
    candidate_initial,
)
from extraction.inputs import ExtractionInputError, clean_input
from extraction.matches import same_event, similar_events
from extraction.outlets import outlet_country
from extraction.saving import extraction_save

# Where a service's error lands on a person's form.
PERSON_FIELDS = {"official.name": "name", "post.title": "post_title", "post.kind": "post_kind"}


def extraction_urls(model_admin) -> list:
    """The extraction page's URL, for SourceAdmin.get_urls()."""
    view = model_admin.admin_site.admin_view(
        lambda request, object_id: extract_events_view(model_admin, request, object_id)
    )
    return [path("<path:object_id>/extract/", view, name="events_source_extract")]


def extract_events_view(model_admin, request, object_id):
    """GET: the candidates of the source's text, as forms to tick and correct. POST: save
    the ticked ones in one transaction, or show the forms again with what to correct."""
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

    topics = {"topics": list(Topic.objects.values_list("pk", "name"))}
    if request.method == "POST":
        people = PersonFormSet(request.POST, prefix="people")
        events = CandidateFormSet(request.POST, prefix="events", form_kwargs=topics)
        if people.is_valid() and events.is_valid():
            try:
                result = extraction_save(
                    source,
                    [form.reviewed() for form in people],
                    [form.reviewed() for form in events],
                )
            except ValidationError as error:
                _attach(error, people, events)
            else:
                messages.success(request, _summary(result))
                return redirect(change_url)
        messages.error(request, "Nothing was saved: correct the errors below.")
        return _render(request, model_admin, source, people, events)

    candidates = extract_candidates(
        checked.text, checked.published, home_country=outlet_country(source)
    )
    if not candidates:
        messages.warning(
            request,
            "Found no dated event in the source's text: no sentence names both a date and a "
            "country or official.",
        )
        return redirect(change_url)
    topic_pks = dict(Topic.objects.values_list("slug", "pk"))
    proposals, offers, initial = {}, [], []
    for candidate in candidates:
        matches = similar_events(
            candidate.date,
            candidate.countries,
            [o.pk for o in candidate.officials],
            candidate.event_type,
        )
        linked = next(
            (m for m in matches if same_event(m, candidate.date, candidate.event_type)), None
        )
        for proposal in candidate.proposals:
            proposals.setdefault(proposal.key, proposal)
        offers.append(
            {
                "matches": matches,
                "officials": [o.pk for o in candidate.officials],
                "people": [(p.key, p.name) for p in candidate.proposals],
            }
        )
        initial.append(candidate_initial(candidate, linked, topic_pks))
    people = PersonFormSet(
        prefix="people",
        initial=[
            {
                "create": True,
                "key": p.key,
                "name": p.name,
                "country": p.country or "",
                "post_title": p.post_title,
                "post_kind": p.post_kind,
                "accredited_to": p.accredited_to or "",
            }
            for p in proposals.values()
        ],
    )
    events = CandidateFormSet(prefix="events", initial=initial, offers=offers, form_kwargs=topics)
    return _render(request, model_admin, source, people, events, candidates=candidates)


def _render(request, model_admin, source: Source, people, events, candidates=None):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": source,
        "title": f"Extract events: {source}",
        "people": people,
        "events": events,
        "published": source.published_at,
        "media": model_admin.media + people.media + events.media,
    }
    return TemplateResponse(request, "admin/events/source/extract.html", context)


def _attach(error: ValidationError, people, events) -> None:
    """Put each error of the save on the form and field it names ("events.2.title")."""
    for key, messages_ in error.message_dict.items():
        group, _, rest = key.partition(".")
        index, _, field = rest.partition(".")
        formset = events if group == "events" else people
        if not index.isdigit() or int(index) >= len(formset.forms):
            formset._non_form_errors = formset.non_form_errors() + messages_
            continue
        form = formset.forms[int(index)]
        field = PERSON_FIELDS.get(field, field) if group == "people" else field
        field = {"date_start": "date_text", "date_end": "date_text"}.get(field, field)
        if field not in form.fields:
            messages_ = [f"{field}: {m}" if field else m for m in messages_]
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
    return "; ".join(parts) + "."
