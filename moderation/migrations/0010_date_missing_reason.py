"""Offer "no date" among the accuracy reasons: a change request says what to fix."""

from django.db import migrations

TEXT = "Tanggal, waktu, atau tempat kejadian tidak disebutkan"


def add_reason(apps, schema_editor):
    ReviewReason = apps.get_model("moderation", "ReviewReason")
    last = ReviewReason.objects.filter(stage="accuracy").order_by("-sort_order").first()
    ReviewReason.objects.get_or_create(
        stage="accuracy",
        text=TEXT,
        defaults={"sort_order": last.sort_order + 1 if last else 0},
    )


def remove_reason(apps, schema_editor):
    apps.get_model("moderation", "ReviewReason").objects.filter(text=TEXT).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0009_hidden_text_flag")]

    operations = [migrations.RunPython(add_reason, remove_reason)]
