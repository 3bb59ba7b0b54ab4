"""Take the publish right back from existing workshops' trainers.

A finished review publishes by itself now (moderation.publishing); trainers only review.
"""

from django.db import migrations


def revoke_publish(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workshop = apps.get_model("workshops", "Workshop")
    trainer_groups = Workshop.objects.exclude(trainer_group=None).values("trainer_group")
    GroupPagePermission.objects.filter(
        group__in=trainer_groups, permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workshops", "0002_trainer_group"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(revoke_publish, migrations.RunPython.noop)]
