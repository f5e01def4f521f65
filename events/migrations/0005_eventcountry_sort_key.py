"""Copy each event's sort key onto its country links, for the per-country chronological
index: added nullable, filled from the events, then required."""

from django.db import migrations, models

SORT_FIELDS = ("date_start", "date_end", "date_precision", "title")


def copy_sort_keys(apps, schema_editor):
    EventCountry = apps.get_model("events", "EventCountry")
    Event = apps.get_model("events", "Event")
    event = Event.objects.filter(pk=models.OuterRef("event_id"))
    EventCountry.objects.update(
        **{name: models.Subquery(event.values(name)[:1]) for name in SORT_FIELDS}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_source_bylines"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventcountry",
            name="date_start",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="eventcountry",
            name="date_end",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="eventcountry",
            name="date_precision",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="eventcountry",
            name="title",
            field=models.CharField(editable=False, max_length=300, null=True),
        ),
        migrations.RunPython(copy_sort_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="eventcountry",
            name="date_start",
            field=models.DateField(editable=False),
        ),
        migrations.AlterField(
            model_name="eventcountry",
            name="date_end",
            field=models.DateField(editable=False),
        ),
        migrations.AlterField(
            model_name="eventcountry",
            name="date_precision",
            field=models.PositiveSmallIntegerField(editable=False),
        ),
        migrations.AlterField(
            model_name="eventcountry",
            name="title",
            field=models.CharField(editable=False, max_length=300),
        ),
        migrations.RemoveIndex(
            model_name="eventcountry",
            name="eventcountry_country_event",
        ),
        # The unique (event, country) and the chronological index cover what these served.
        migrations.AlterField(
            model_name="eventcountry",
            name="event",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.CASCADE,
                related_name="event_countries",
                to="events.event",
            ),
        ),
        migrations.AlterField(
            model_name="eventcountry",
            name="country",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.PROTECT,
                related_name="event_links",
                to="events.country",
            ),
        ),
        migrations.AddIndex(
            model_name="eventcountry",
            index=models.Index(
                fields=["country", "date_start", "date_precision", "date_end", "title", "event"],
                name="eventcountry_chronological",
            ),
        ),
    ]
