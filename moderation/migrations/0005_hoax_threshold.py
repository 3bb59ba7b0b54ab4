"""Lower the debunked-claim threshold to 55%, the middle of the gap measured in the tests.

Paraphrases of the seeded claims scored 0.61 and up, posts on the same topics 0.49 at most.
A threshold an editor has already changed is left alone.
"""

from django.db import migrations


def lower(apps, schema_editor):
    FlagPolicy = apps.get_model("moderation", "FlagPolicy")
    FlagPolicy.objects.filter(code="hoax_match", threshold=60).update(threshold=55)


def restore(apps, schema_editor):
    FlagPolicy = apps.get_model("moderation", "FlagPolicy")
    FlagPolicy.objects.filter(code="hoax_match", threshold=55).update(threshold=60)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_moderation_workflow")]

    operations = [migrations.RunPython(lower, restore)]
