"""The post a participant held on the event's date, and the country a participant stands
for when the editor named none.

A person is not their job: an official's posts come from their tenures. A participant's
post follows the tenures and the event's date unless an editor chose one (post_chosen);
its country, when left empty, is the post's, else the official's or organization's own.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from django.db.models import F

from events.models import Participant, Post, Tenure


class HeldTenure(NamedTuple):
    start_earliest: date | None
    end_latest: date | None
    post_id: int
    post_country_id: int | None


def tenure_covers(start_earliest: date | None, end_latest: date | None, day: date) -> bool:
    """Whether a tenure covers `day`: a fuzzy start counts from its earliest possible day
    and a fuzzy end to its latest; an unknown side is open (an ongoing tenure has no end)."""
    return (start_earliest is None or start_earliest <= day) and (
        end_latest is None or end_latest >= day
    )


def post_held(tenures: Iterable[HeldTenure], day: date, country_id: int | None):
    """The tenure (of `tenures`, most recently started first) covering `day`: among
    several, the first for `country_id` if given, else the first. None when none covers it."""
    covering = [t for t in tenures if tenure_covers(t.start_earliest, t.end_latest, day)]
    if country_id is not None:
        covering = [t for t in covering if t.post_country_id == country_id] or covering
    return covering[0] if covering else None


def tenures_of(official_ids: Iterable[int]) -> dict[int, list[HeldTenure]]:
    """Each official's tenures, most recently started first (as post_held() wants them)."""
    found = defaultdict(list)
    rows = (
        Tenure.objects.filter(official_id__in=set(official_ids))
        .order_by("official_id", F("start_earliest").desc(nulls_last=True), "-pk")
        .values_list("official_id", "start_earliest", "end_latest", "post_id", "post__country_id")
    )
    for official_id, *tenure in rows:
        found[official_id].append(HeldTenure(*tenure))
    return found


def refresh_participants(event_ids: Iterable[int]) -> int:
    """Re-derive the post and, where empty, the country of the participants of these
    events; returns how many rows changed."""
    rows = list(
        Participant.objects.filter(event_id__in=set(event_ids)).values(
            "pk",
            "official_id",
            "country_id",
            "post_id",
            "post_chosen",
            "event__date_start",
            "official__country_id",
            "organization__country_id",
        )
    )
    tenures = tenures_of(row["official_id"] for row in rows if row["official_id"])
    # The country of each post in play: those the tenures hold, and the chosen ones.
    post_countries: dict[int, int | None] = {}
    for held in tenures.values():
        post_countries.update((t.post_id, t.post_country_id) for t in held)
    chosen_posts = {row["post_id"] for row in rows if row["post_chosen"] and row["post_id"]}
    if chosen_posts - set(post_countries):
        post_countries.update(
            Post.objects.filter(pk__in=chosen_posts - set(post_countries)).values_list(
                "pk", "country_id"
            )
        )
    changed = []
    for row in rows:
        post_id, country_id, chosen = row["post_id"], row["country_id"], row["post_chosen"]
        if chosen and post_id is None:
            chosen = False  # a chosen post that was deleted: follow the tenures again
        if row["official_id"] and not chosen:
            held = post_held(
                tenures.get(row["official_id"], ()), row["event__date_start"], country_id
            )
            post_id = held.post_id if held else None
        if country_id is None:
            country_id = (
                (post_countries.get(post_id) if post_id else None)
                or row["official__country_id"]
                or row["organization__country_id"]
            )
        if (post_id, country_id, chosen) != (row["post_id"], row["country_id"], row["post_chosen"]):
            changed.append(
                Participant(
                    pk=row["pk"], post_id=post_id, country_id=country_id, post_chosen=chosen
                )
            )
    Participant.objects.bulk_update(changed, ["post", "country", "post_chosen"], batch_size=500)
    return len(changed)
