"""The two staff groups, and what they may do with the domain records.

Editors create, change and delete every record of the `events` app, and nothing else: no
users or groups. Analysts only view. A migration creates the groups; every later `migrate`
grants them the permissions of models added since (see events.signals).
"""

EDITORS = "Editors"
ANALYSTS = "Analysts"


def sync_groups(apps, using="default"):
    """Create both groups if missing and give them exactly their permissions on the events
    app. Safe to run any number of times."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Historical models need no grants: viewing history is governed by the record's own.
    domain = (
        Permission.objects.using(using)
        .filter(content_type__app_label="events")
        .exclude(content_type__model__startswith="historical")
    )
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    analysts, _ = Group.objects.using(using).get_or_create(name=ANALYSTS)
    editors.permissions.add(*domain)
    analysts.permissions.add(*domain.filter(codename__startswith="view_"))
