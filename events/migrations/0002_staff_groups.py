"""Create the Editors and Analysts groups with their permissions on the domain records."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from events.permissions import ANALYSTS, EDITORS, sync_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # groups can be given them in this migration.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps, using=schema_editor.connection.alias)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=[EDITORS, ANALYSTS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
