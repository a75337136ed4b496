# The workspace roles as Django groups, and the old status "closed" read as "done".
from django.db import migrations

ROLES = ("viewer", "officer", "admin")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    Action = apps.get_model("actions", "Action")
    Action.objects.filter(status="closed").update(status="done")


def backwards(apps, schema_editor):
    Action = apps.get_model("actions", "Action")
    Action.objects.filter(status__in=("in_progress", "dropped")).update(status="open")


class Migration(migrations.Migration):

    dependencies = [
        ("actions", "0002_tracking"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
