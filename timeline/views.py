"""The analysts' pages. Views stay thin: the queries live on Event.objects."""

from itertools import groupby

from django.shortcuts import render

from events.models import Event


def index(request):
    """Every event, newest first, grouped by year."""
    events = Event.objects.with_details().newest_first()
    years = [
        (year, list(group)) for year, group in groupby(events, key=lambda e: e.date_start.year)
    ]
    return render(request, "timeline/index.html", {"years": years, "count": len(events)})
