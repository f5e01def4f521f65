"""Django admin for editors: every record of an article can be entered from the event page,
with dates typed as the article gives them, and every change kept in history with revert."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from events.admin_confirm import confirmation_error, confirmations, confirmed
from events.admin_lists import (
    CountryListFilter,
    TalliedPaginator,
    YearListFilter,
    tallied_filters,
)
from events.duplicates import Proposed, likely_duplicate, who
from events.forms import EventForm, FuzzyDatedForm, ParticipantForm, SourceForm, TenureForm
from events.history import event_history
from events.models import (
    Agreement,
    AgreementParty,
    AgreementStatusChange,
    Author,
    Citation,
    Country,
    CountryName,
    Event,
    EventCountry,
    EventRelation,
    Official,
    OfficialName,
    Organization,
    Participant,
    Post,
    Source,
    SourceAuthor,
    Statement,
    Tenure,
    Topic,
)
from events.models.agreements import lifecycle_errors
from events.services import (
    delete_refusal,
    deleted_events,
    duplicate_error,
    duplicate_of,
    event_restore,
    event_revert,
    official_merge,
    organization_merge,
    record_delete,
    record_save,
    write_unit,
)

RECORD_FIELDS = ("public_id", "created_at", "updated_at")
DELETED_SHOWN = 200
RECORD_FIELDSET = ("Record", {"fields": RECORD_FIELDS, "classes": ["collapse"]})
DATE_FIELDS = ("date_text", "date_qualifier", ("date_start", "date_end", "date_precision"))


def kept_forms(formset):
    """The formset's filled rows that are not being deleted."""
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class DistinctRowsFormSet(BaseInlineFormSet):
    """Refuses two rows of one inline that the database would refuse as duplicates. Django
    checks plain unique constraints across a formset but not conditional ones."""

    duplicate_message = "This row repeats another one."
    # The fields that name who a row is about, in the order a row is identified by.
    identity_fields: tuple[str, ...] = ()
    # Further fields that, with the identity, must not repeat.
    qualifier_fields: tuple[str, ...] = ()

    def clean(self):
        super().clean()
        seen = set()
        for form in kept_forms(self):
            data = form.cleaned_data
            field = next((f for f in self.identity_fields if data.get(f)), None)
            if field is None:
                continue
            key = (field, data[field].pk, *(data.get(f) for f in self.qualifier_fields))
            if key in seen:
                form.add_error(field, self.duplicate_message)
                raise ValidationError(self.duplicate_message)
            seen.add(key)


class ParticipantFormSet(DistinctRowsFormSet):
    duplicate_message = "The same official, organization or country appears twice in one role."
    identity_fields = ("official", "organization", "country")
    qualifier_fields = ("role",)

    def clean(self):
        super().clean()
        # The event as its form would save it, with these participants: does it repeat a
        # stored one? (The API and extraction are refused by the service; admin saves the
        # event before its inlines, so the inline, which sees both, asks.)
        rows = [form.cleaned_data for form in kept_forms(self)]
        taking_part = [
            tuple(getattr(row.get(name), "pk", None) for name in self.identity_fields)
            for row in rows
        ]
        if self.instance.date_start and (repeated := duplicate_of(self.instance, taking_part)):
            raise duplicate_error(repeated)
        event = self.instance
        if event.pk is None and event.date_start and not confirmed(self.data, "likely_duplicate"):
            proposed = Proposed(
                title=event.title,
                start=event.date_start,
                end=event.date_end,
                countries=frozenset(self._countries(rows)),
                taking_part=frozenset(who(*ids) for ids in taking_part),
            )
            if likely := likely_duplicate(proposed):
                raise confirmation_error(
                    "likely_duplicate",
                    "This looks like an event already recorded (overlapping date, and the "
                    "same countries with a similar title, or the same participants):",
                    url=reverse("admin:events_event_change", args=(likely.pk,)),
                    title=str(likely),
                )

    def _countries(self, rows) -> set[int]:
        """The countries the new event will involve: its participants' and those named in
        the countries inline, read from the same POST (the inline is validated apart)."""
        countries: set[int] = set()
        for row in rows:
            named = row.get("country") or getattr(
                row.get("official") or row.get("organization"), "country", None
            )
            if named is not None:
                countries.add(named.pk)
        prefix = "event_countries"
        for key, value in self.data.items():
            index = key.removeprefix(f"{prefix}-").removesuffix("-country")
            if (
                key == f"{prefix}-{index}-country"
                and value.isdigit()
                and not self.data.get(f"{prefix}-{index}-DELETE")
            ):
                countries.add(int(value))
        return countries


class CitationFormSet(BaseInlineFormSet):
    """On an event's page: every event cites its source (DOMAIN.md), so saving one with
    none is held back until the editor confirms it (events.admin_confirm). The API and the
    importer do not ask: their callers send sources, or say why not, in their own data."""

    def clean(self):
        super().clean()
        if (
            isinstance(self.instance, Event)
            and not any(form.cleaned_data.get("source") for form in kept_forms(self))
            and not confirmed(self.data, "no_source")
        ):
            raise confirmation_error(
                "no_source",
                "No source cites this event. Add the article or statement it comes from, "
                "or confirm below that it is saved without one for now.",
            )


class AgreementPartyFormSet(DistinctRowsFormSet):
    duplicate_message = "The same party appears twice."
    identity_fields = ("country", "organization")


class StaleEditCheck:
    """A change form's check that nobody saved the record since it was opened: the form
    carries the version it showed (`_seen_version`, admin/events/change_form.html), and a
    save from an older one is refused, naming who changed what and when (from history),
    rather than silently writing over their change."""

    def clean(self):
        cleaned = super().clean()
        seen = self.data.get("_seen_version")
        stored = getattr(self.instance, "updated_at", None) if self.instance.pk else None
        if seen and stored and stored.isoformat() != seen:
            raise ValidationError(self.stale_message())
        return cleaned

    def stale_message(self) -> str:
        latest = self.instance.history.first() if hasattr(self.instance, "history") else None
        if latest is None:
            return "Someone saved this record after you opened it. Reload it to see their change."
        who = latest.history_user or "someone"
        when = latest.history_date.strftime("%d %b %Y %H:%M:%S UTC")
        previous = latest.prev_record
        changed = previous and latest.diff_against(previous).changed_fields
        what = f" (changed: {', '.join(changed)})" if changed else ""
        return (
            f"{who} saved this record at {when}{what}, after you opened it. Your changes "
            "were not saved: reload the page to see theirs, then make yours again."
        )


class ServiceAdmin(SimpleHistoryAdmin):
    """Admin that writes through events.services: the record, its inlines and its history
    reverts are saved and deleted by the services, and a whole form (with its inlines) is
    one unit of work, so what follows from it is derived once (events.derived)."""

    class Media:
        css = {"all": ["events/admin-forms.css"]}

    def changeform_view(self, request, *args, **kwargs):
        with write_unit():
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with write_unit():
            return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        # Actions (delete selected) and list edits.
        if request.method == "POST":
            with write_unit():
                return super().changelist_view(request, *args, **kwargs)
        return super().changelist_view(request, *args, **kwargs)

    def history_form_view(self, request, *args, **kwargs):
        with write_unit():
            return super().history_form_view(request, *args, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (StaleEditCheck, form), {})

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user  # as SimpleHistoryAdmin does
        record_save(obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            self._delete(request, obj)
        for obj in instances:
            record_save(obj)
        formset.save_m2m()

    def delete_model(self, request, obj):
        self._delete(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._delete(request, obj)

    def _delete(self, request, obj):
        obj._history_user = request.user
        record_delete(obj)

    def get_deleted_objects(self, objs, request):
        """Admin's check of what a delete would take, with the services' own refusals (a
        topic given to events) shown as protected, so the page says why."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected) + [reason for obj in objs if (reason := delete_refusal(obj))]
        return deleted, counts, perms_needed, protected


class DomainAdmin(ServiceAdmin):
    """Every domain record: history with revert, and its public id shown, never edited."""

    readonly_fields = RECORD_FIELDS
    # A URL typed without a scheme is taken as https (Django 6's default, today).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class MergeAction:
    """The *Merge* action: the records chosen are shown with what refers to each, the
    editor picks the one to keep, and `merge_service` moves the rest into it
    (events.services.merge). Needs the right to change and to delete."""

    merge_service = None

    @admin.action(description="Merge the selected into one", permissions=["change", "delete"])
    def merge_records(self, request, queryset):
        records = list(queryset)
        if len(records) < 2:
            self.message_user(request, "Choose two or more records to merge.", messages.WARNING)
            return None
        error = ""
        if request.POST.get("merge_confirmed"):
            kept = next((r for r in records if str(r.pk) == request.POST.get("keep")), None)
            if kept is not None:
                others = [r for r in records if r.pk != kept.pk]
                try:
                    # A savepoint: a merge refused halfway leaves nothing moved.
                    with transaction.atomic():
                        self.merge_service(kept, others)
                except ValidationError as refused:
                    self.message_user(request, " ".join(refused.messages), messages.ERROR)
                    return None
                self.message_user(
                    request,
                    f"Merged {', '.join(map(str, others))} into “{kept}”.",
                    messages.SUCCESS,
                )
                return None
            error = "Choose the record to keep, one of those listed."
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Merge {self.opts.verbose_name_plural}",
            "records": [(record, self._uses(record)) for record in records],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "error": error,
        }
        return TemplateResponse(request, "admin/events/merge.html", context)

    def _uses(self, record) -> list[str]:
        """What refers to `record`: "3 participants", "1 tenure"."""
        uses = []
        for relation in record._meta.related_objects:
            if relation.many_to_many or relation.one_to_one:
                continue
            model = relation.related_model
            count = model._default_manager.filter(**{relation.field.name: record}).count()
            if count:
                names = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
                uses.append(f"{count} {names}")
        return uses


# Countries -------------------------------------------------------------------------------


class CountryNameInline(admin.TabularInline):
    model = CountryName
    extra = 1


@admin.register(Country)
class CountryAdmin(ServiceAdmin):
    list_display = ("name", "iso_alpha2", "iso_alpha3", "iso_numeric", "official_name")
    list_filter = ("names__kind",)
    search_fields = ("name", "official_name", "iso_alpha2", "iso_alpha3", "names__name")
    inlines = [CountryNameInline]

    def get_search_results(self, request, queryset, search_term):
        """Best match first, for the autocomplete every country field uses: the country
        whose name, code or other name is the term ("UK", "India"), then names that begin
        with it, then the rest alphabetically ("United States" before Mexico, whose
        official name also holds both words)."""
        found, may_repeat = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return found, may_repeat
        named = CountryName.objects.filter(country=OuterRef("pk"), name__iexact=term)
        exact = (
            Q(name__iexact=term)
            | Q(iso_alpha2__iexact=term)
            | Q(iso_alpha3__iexact=term)
            | Q(official_name__iexact=term)
            | Q(Exists(named))
        )
        rank = Case(
            When(exact, then=Value(0)),
            When(name__istartswith=term, then=Value(1)),
            default=Value(2),
        )
        return found.annotate(search_rank=rank).order_by("search_rank", "name"), may_repeat


@admin.register(CountryName)
class CountryNameAdmin(ServiceAdmin):
    list_display = ("name", "kind", "country")
    list_filter = ("kind",)
    list_select_related = ("country",)
    search_fields = ("name", "country__name")
    autocomplete_fields = ("country",)


# People and organizations ----------------------------------------------------------------


@admin.register(Organization)
class OrganizationAdmin(MergeAction, DomainAdmin):
    merge_service = staticmethod(organization_merge)
    actions = ["merge_records"]
    list_display = ("name", "abbreviation", "kind", "country", "parent")
    list_filter = ("kind", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country", "parent")
    search_fields = ("name", "abbreviation", "wikidata_qid")
    autocomplete_fields = ("country", "parent")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "abbreviation", "slug", "kind", "country", "parent")}),
        ("Links", {"fields": ("wikidata_qid", "website")}),
        RECORD_FIELDSET,
    )


class OfficialNameInline(admin.TabularInline):
    model = OfficialName
    extra = 1


class TenureInline(admin.StackedInline):
    """Posts held by an official, or holders of a post, with fuzzy start and end."""

    model = Tenure
    form = TenureForm
    extra = 0
    autocomplete_fields = ("official", "post")
    fields = (
        ("official", "post"),
        "start_text",
        ("start_earliest", "start_latest", "start_precision"),
        "end_text",
        ("end_earliest", "end_latest", "end_precision"),
        "note",
    )


@admin.register(Official)
class OfficialAdmin(MergeAction, DomainAdmin):
    merge_service = staticmethod(official_merge)
    actions = ["merge_records"]
    list_display = ("name", "country", "current_posts", "wikidata_qid")
    list_filter = (("country", admin.RelatedOnlyFieldListFilter), "tenures__post__kind")
    list_select_related = ("country",)
    search_fields = ("name", "names__name", "wikidata_qid")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [OfficialNameInline, TenureInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "wikidata_qid", "note")}),
        RECORD_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tenures__post")

    @admin.display(description="posts held")
    def current_posts(self, obj):
        return "; ".join(f"{t.post} ({t.period_label})" for t in obj.tenures.all())


@admin.register(Post)
class PostAdmin(DomainAdmin):
    list_display = ("title", "kind", "country", "organization", "accredited_to")
    list_filter = ("kind", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country", "organization", "accredited_to")
    search_fields = ("title", "organization__name", "country__name")
    autocomplete_fields = ("country", "organization", "accredited_to")
    inlines = [TenureInline]
    fieldsets = (
        (None, {"fields": ("title", "kind", "country", "organization", "accredited_to")}),
        RECORD_FIELDSET,
    )


@admin.register(Tenure)
class TenureAdmin(DomainAdmin):
    form = TenureForm
    list_display = ("official", "post", "period")
    list_filter = ("post__kind", ("post__country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("official", "post")
    search_fields = ("official__name", "official__names__name", "post__title")
    autocomplete_fields = ("official", "post")
    fieldsets = (
        (None, {"fields": ("official", "post")}),
        (
            "Start",
            {"fields": ("start_text", ("start_earliest", "start_latest", "start_precision"))},
        ),
        ("End", {"fields": ("end_text", ("end_earliest", "end_latest", "end_precision"))}),
        (None, {"fields": ("note",)}),
        RECORD_FIELDSET,
    )

    @admin.display(description="period", ordering="start_earliest")
    def period(self, obj):
        return obj.period_label


# Events ----------------------------------------------------------------------------------


@admin.register(Topic)
class TopicAdmin(ServiceAdmin):
    list_display = ("name", "slug", "event_count")
    list_filter = (("events__countries", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events", distinct=True))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, obj):
        return obj.event_count


class EventCountryInline(admin.TabularInline):
    model = EventCountry
    extra = 0
    autocomplete_fields = ("country",)
    verbose_name = "country involved"
    verbose_name_plural = "countries involved (participants' countries are added on save)"


class ParticipantInline(admin.TabularInline):
    model = Participant
    form = ParticipantForm
    formset = ParticipantFormSet
    extra = 1
    autocomplete_fields = ("official", "organization", "country", "post")
    fields = ("official", "organization", "country", "role", "post", "note")


class CitationInline(admin.TabularInline):
    model = Citation
    formset = CitationFormSet
    extra = 1
    autocomplete_fields = ("source", "event")
    fields = ("event", "source", "excerpt")

    def get_fields(self, request, obj=None):
        # On an event, the event column is the page itself; on a source, the source is.
        hidden = "event" if self.parent_model is Event else "source"
        return [f for f in self.fields if f != hidden]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ("official", "organization", "source")
    fields = (("official", "organization"), "source", "text", "language")


class RelationInline(admin.TabularInline):
    model = EventRelation
    fk_name = "from_event"
    extra = 0
    autocomplete_fields = ("to_event",)
    verbose_name = "relation to another event"
    verbose_name_plural = "relations to other events"


class AgreementInline(admin.TabularInline):
    model = Agreement
    extra = 0
    fields = ("title", "kind", "disclosed", "status")
    readonly_fields = ("status",)
    show_change_link = True
    verbose_name_plural = "agreements signed or approved at this event"


@admin.register(Event)
class EventAdmin(DomainAdmin):
    """Events, newest first, with who took part and how many sources cite them. Built to
    stay fast at a million events (events/admin_lists.py)."""

    form = EventForm
    list_display = ("title", "date", "type", "status", "participant_names", "source_count")
    list_display_links = ("title",)
    list_filter = ("type", "status", YearListFilter, CountryListFilter, "date_precision", "topics")
    # Searched through the full-text index (get_search_results): title, summary, place,
    # participants' names and spellings, quotes.
    search_fields = ("search_text",)
    search_help_text = "Words of the title, summary, place, participants' names or quotes."
    # The tallies count (TalliedPaginator); a second count of every event would not.
    show_full_result_count = False
    autocomplete_fields = ("location_country", "topics")
    readonly_fields = (*RECORD_FIELDS, "slug")
    change_list_template = "admin/events/event/change_list.html"
    # Countries first: a participant's country is then added to a list already saved.
    inlines = [
        EventCountryInline,
        ParticipantInline,
        CitationInline,
        StatementInline,
        RelationInline,
        AgreementInline,
    ]
    fieldsets = (
        (None, {"fields": ("title", "type", "status", *DATE_FIELDS)}),
        ("Place", {"fields": ("location", "location_country", ("latitude", "longitude"))}),
        ("Content", {"fields": ("summary", "topics", "external_id")}),
        ("Record", {"fields": ("slug", *RECORD_FIELDS), "classes": ["collapse"]}),
    )

    object_history_list_template = "admin/events/event/history_list.html"
    change_form_template = "admin/events/event/change_form.html"

    def render_change_form(self, request, context, *args, **kwargs):
        context["confirmations"] = confirmations(context.get("inline_admin_formsets"))
        return super().render_change_form(request, context, *args, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        """The event's history told with its participants, countries, citations and
        topics (events.history)."""
        entries = event_history(int(object_id)) if str(object_id).isdigit() else []
        return super().history_view(
            request, object_id, {**(extra_context or {}), "history_entries": entries}
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except ValidationError as error:
            # The version, as it was, can no longer be saved (it would repeat an event
            # recorded since): say so on the page rather than fail.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect(request.path)

    def save_model(self, request, obj, form, change):
        version = getattr(obj, "_history", None)
        if version is None:
            return super().save_model(request, obj, form, change)
        # A revert from history: the event's rows come back with its fields, in one write.
        obj._history_user = request.user
        event_revert(obj, version)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            # Counted per listed row (a correlated subquery), not for every event.
            sources = (
                Citation.objects.filter(event=OuterRef("pk"))
                .order_by()
                .values("event")
                .annotate(n=Count("pk"))
                .values("n")
            )
            queryset = queryset.annotate(sources=Coalesce(Subquery(sources), 0))
            queryset = queryset.prefetch_related(
                Prefetch(
                    "participants",
                    queryset=Participant.objects.select_related(
                        "official", "organization", "country"
                    ),
                )
            )
        return queryset

    def get_ordering(self, request):
        # Newest first, by the chronological index read backwards.
        return ["-date_start", "-date_precision", "-date_end", "-title", "-id"]

    def get_search_results(self, request, queryset, search_term):
        return queryset.search(search_term), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return TalliedPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            filters=tallied_filters(request),
        )

    @admin.display(description="participants")
    def participant_names(self, obj):
        return ", ".join(
            str(p.official or p.organization or p.country) for p in obj.participants.all()
        )

    @admin.display(description="sources", ordering="sources")
    def source_count(self, obj):
        return obj.sources

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("deleted/", view(self.deleted_view), name="events_event_deleted"),
            path(
                "deleted/<int:event_id>/restore/",
                view(self.restore_view),
                name="events_event_restore",
            ),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        """Deleted events, to restore."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Deleted events",
            "deleted": deleted_events()[:DELETED_SHOWN],
        }
        return TemplateResponse(request, "admin/events/event/deleted.html", context)

    def restore_view(self, request, event_id):
        if request.method != "POST":
            return redirect("admin:events_event_deleted")
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            event = event_restore(event_id)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:events_event_deleted")
        self.message_user(request, f"Restored “{event.title}”.", messages.SUCCESS)
        return redirect("admin:events_event_change", event.pk)

    @admin.display(description="date", ordering="date_start")
    def date(self, obj):
        return obj.date_label


@admin.register(Participant)
class ParticipantAdmin(DomainAdmin):
    form = ParticipantForm
    list_display = ("__str__", "event", "post", "country")
    list_filter = ("role", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("event", "official", "organization", "country", "post")
    search_fields = ("official__name", "organization__name", "country__name", "event__title")
    autocomplete_fields = ("event", "official", "organization", "country", "post")


@admin.register(EventRelation)
class EventRelationAdmin(ServiceAdmin):
    list_display = ("from_event", "kind", "to_event", "note")
    list_filter = ("kind",)
    list_select_related = ("from_event", "to_event")
    search_fields = ("from_event__title", "to_event__title", "note")
    autocomplete_fields = ("from_event", "to_event")


# Agreements ------------------------------------------------------------------------------


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    formset = AgreementPartyFormSet
    extra = 1
    autocomplete_fields = ("country", "organization")
    fields = ("country", "organization")


class StatusChangeFormSet(BaseInlineFormSet):
    """Refuses a lifecycle that cannot have happened in that order (in force before it
    was signed), as the API's writes are refused (events.models.agreements)."""

    def clean(self):
        super().clean()
        if errors := lifecycle_errors([form.instance for form in kept_forms(self)]):
            raise ValidationError(errors)


class StatusChangeInline(admin.TabularInline):
    """The lifecycle on the agreement's page, each date typed as text (which says its range
    and precision, "2024-09-21/2024-09-30" included): the range columns would take the row
    past a laptop's width. They are on the status change's own page (the change link)."""

    model = AgreementStatusChange
    formset = StatusChangeFormSet
    form = FuzzyDatedForm
    extra = 1
    show_change_link = True
    autocomplete_fields = ("party", "source")
    fields = ("status", "date_text", "date_qualifier", "party", "source", "note")


@admin.register(Agreement)
class AgreementAdmin(DomainAdmin):
    list_display = ("title", "kind", "status", "disclosed", "event")
    list_filter = (
        "kind",
        "status",
        "disclosed",
        ("parties__country", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("event",)
    search_fields = ("title", "summary", "parties__country__name", "event__title")
    autocomplete_fields = ("event",)
    readonly_fields = (*RECORD_FIELDS, "status")
    inlines = [AgreementPartyInline, StatusChangeInline]
    fieldsets = (
        (None, {"fields": ("title", "kind", "status", "event", "disclosed")}),
        ("Content", {"fields": ("summary", "text_url")}),
        RECORD_FIELDSET,
    )


@admin.register(AgreementStatusChange)
class AgreementStatusChangeAdmin(DomainAdmin):
    form = FuzzyDatedForm
    list_display = ("agreement", "status", "date", "party")
    list_filter = ("status", "date_precision")
    list_select_related = ("agreement", "party")
    search_fields = ("agreement__title", "note")
    autocomplete_fields = ("agreement", "party", "source")
    date_hierarchy = "date_start"
    fieldsets = (
        (None, {"fields": ("agreement", "status", *DATE_FIELDS, "party", "source", "note")}),
        RECORD_FIELDSET,
    )

    @admin.display(description="date", ordering="date_start")
    def date(self, obj):
        return obj.date_label


# Sources ---------------------------------------------------------------------------------


@admin.register(Author)
class AuthorAdmin(DomainAdmin):
    list_display = ("name",)
    list_filter = (("sources__publisher", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name",)


class BylineInline(admin.TabularInline):
    model = SourceAuthor
    extra = 1
    autocomplete_fields = ("author",)
    fields = ("author", "position")
    verbose_name_plural = "authors, in byline order"


@admin.register(Source)
class SourceAdmin(DomainAdmin):
    form = SourceForm
    list_display = ("headline", "publisher", "published_at", "kind", "language")
    list_filter = ("kind", "language", ("publisher", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("publisher",)
    search_fields = ("headline", "url", "authors__name")
    date_hierarchy = "published_at"
    autocomplete_fields = ("publisher",)
    inlines = [BylineInline, CitationInline]
    fieldsets = (
        (None, {"fields": ("headline", "url", "kind", "publisher", "published_at")}),
        ("Text", {"fields": ("language", "text")}),
        RECORD_FIELDSET,
    )


@admin.register(Citation)
class CitationAdmin(ServiceAdmin):
    list_display = ("event", "source", "excerpt")
    list_filter = (("source__publisher", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("event", "source")
    search_fields = ("excerpt", "event__title", "source__headline")
    autocomplete_fields = ("event", "source")


@admin.register(Statement)
class StatementAdmin(DomainAdmin):
    list_display = ("__str__", "event", "source")
    list_filter = ("language", ("official", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("official", "organization", "event", "source")
    search_fields = ("text", "official__name", "organization__name", "event__title")
    autocomplete_fields = ("official", "organization", "event", "source")
    fieldsets = (
        (None, {"fields": (("official", "organization"), "event", "source", "text", "language")}),
        RECORD_FIELDSET,
    )
