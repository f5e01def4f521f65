"""The analysts' pages. Views stay thin: filtering is EventFilter's, counting is
events.selectors', paging and look-ups are timeline.queries'. Every page is answered with
304 Not Modified to a client that holds the current revision's page (edge)."""

from django.http import HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from edge.conditional import conditional_on_revision
from events.selectors import relation_summary
from timeline import queries
from timeline.forms import filter_form

STATEMENTS_SHOWN = 10


def _without_empty_parameters(request):
    """A submitted form sends every field, empty or not; redirect to the URL with only the
    filters that are set, so that the address shown and shared is the short one."""
    if not any(value == "" for _, values in request.GET.lists() for value in values):
        return None
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        kept.setlist(name, [value for value in values if value != ""])
    query = kept.urlencode()
    return redirect(f"{request.path}?{query}" if query else request.path)


def _canonical(request, url):
    """A permanent redirect to `url`, keeping the filters."""
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def _listing_page(request, template, context, fixed=None, reads_more=None):
    """Render a list page; `reads_more(listing)` adds what the page reads from the same
    filtered events."""
    listing = queries.event_listing(request.GET, fixed=fixed)
    context = {
        **context,
        "listing": listing,
        "form": filter_form(listing, fixed=set(fixed or ())),
    }
    if reads_more is not None and not listing.errors:
        context.update(reads_more(listing))
    # Filter values that cannot be read are the request's fault: say which, with a 400.
    return render(request, template, context, status=400 if listing.errors else 200)


@conditional_on_revision
def index(request):
    """Every event matching the filters, newest first, with a chart per month."""
    return _without_empty_parameters(request) or _listing_page(request, "timeline/index.html", {})


@conditional_on_revision
def country(request, code):
    """Events involving one country, and the countries it most often deals with."""
    found = queries.country_by_code(code)
    if code != found.iso_alpha2:
        return _canonical(request, reverse("timeline:country", args=[found.iso_alpha2]))
    return _without_empty_parameters(request) or _listing_page(
        request,
        "timeline/country.html",
        {"country": found},
        fixed={"country": [found.iso_alpha2]},
        reads_more=lambda listing: {"partners": queries.partner_counts(listing, found)},
    )


@conditional_on_revision
def relation(request, pair):
    """The bilateral relation: a summary, agreements and quotes, then every shared event."""
    first, second = queries.relation_countries(pair)
    canonical = f"{first.iso_alpha2}-{second.iso_alpha2}"
    if pair != canonical:
        return _canonical(request, reverse("timeline:relation", args=[canonical]))
    response = _without_empty_parameters(request)
    if response:
        return response

    def summary(listing):
        # The summary counts the listed events: the page's filters apply to it too.
        found = relation_summary(first, second, events=listing.queryset, filters=listing.filters)
        return {
            "summary": found,
            "agreements": list(found.agreements),
            "statements": found.statements[:STATEMENTS_SHOWN],
        }

    context = {"first": first, "second": second, "summary": None, "agreements": []}
    fixed = {"country": [first.iso_alpha2, second.iso_alpha2]}
    return _listing_page(request, "timeline/relation.html", context, fixed, reads_more=summary)


@conditional_on_revision
def official(request, slug):
    """The posts an official held, and the events they took part in."""
    person = queries.official_with_posts(slug)
    return _without_empty_parameters(request) or _listing_page(
        request, "timeline/official.html", {"official": person}, fixed={"official": [slug]}
    )


@conditional_on_revision
def event(request, ref):
    """One event, by public id or slug: the permalink."""
    return render(request, "timeline/event.html", {"event": queries.event_entry(ref)})


@conditional_on_revision
def agreement(request, public_id):
    """One agreement and its lifecycle."""
    found = queries.agreement_with_lifecycle(public_id)
    return render(
        request,
        "timeline/agreement.html",
        {"agreement": found, "lifecycle": queries.lifecycle(found)},
    )


def _picture_page(request, template, current, draw):
    """A picture of the filtered events (the list's filters, the list's form): `draw`
    (listing) gives what the template draws, or raises PictureError for a bad choice."""
    response = _without_empty_parameters(request)
    if response:
        return response
    listing = queries.filtered_events(request.GET)
    context = {"listing": listing, "current_view": current}
    if not listing.errors:
        try:
            context.update(draw(listing))
        except queries.PictureError as error:
            listing.errors[error.parameter] = [str(error)]
    context["form"] = filter_form(listing)
    return render(request, template, context, status=400 if listing.errors else 200)


@conditional_on_revision
def visual(request):
    """The filtered events across time, in lanes by type or by country pair."""
    return _picture_page(
        request,
        "timeline/visual.html",
        "timeline:visual",
        lambda listing: {"picture": queries.visual_timeline(listing, request.GET.get("group"))},
    )


@conditional_on_revision
def network(request):
    """Who met whom: countries and officials joined by the filtered meetings."""
    return _picture_page(request, "timeline/network.html", "timeline:network", queries.who_met_whom)


@conditional_on_revision
def places(request):
    """Where: the filtered events that have coordinates, per place, on a world map."""
    return _picture_page(request, "timeline/map.html", "timeline:map", queries.event_map)
