"""Teach the insult list two more contexts where its words are not insults.

"Setan" and "iblis" in a sermon or a pengajian ("godaan setan yang terkutuk"), and "babi" in
halal-food notices and customary feasts ("mengandung lemak babi", "bakar batu"). The words
are added to what an editor already has (none is removed), and taken out again only if
still there on the way back.
"""

from django.db import migrations

SERMON = ["godaan", "goda", "bisikan", "bisik", "terkutuk", "tipu daya", "penunggu"]
SERMON_TOPICS = [
    "pengajian", "ceramah", "khutbah", "tausiyah", "kajian", "zikir", "jamaah", "ustaz",
    "ustadz", "kiai", "pendeta", "ibadah", "ruqyah",
]
ADDED = {
    ("setan", "harmless_context"): SERMON,
    ("setan", "topic_context"): SERMON_TOPICS,
    ("iblis", "harmless_context"): SERMON,
    ("iblis", "topic_context"): SERMON_TOPICS,
    ("babi", "harmless_context"): [
        "lemak", "minyak", "gelatin", "unsur", "mengandung", "halal", "haram", "enzim",
        "bakar batu", "adat",
    ],
}


def _lines(value):
    return [line.strip() for line in value.splitlines() if line.strip()]


def add(apps, schema_editor):
    WordRule = apps.get_model("moderation", "WordRule")
    for (term, field), words in ADDED.items():
        for rule in WordRule.objects.filter(code="profanity", term=term):
            lines = _lines(getattr(rule, field))
            lines += [w for w in words if w not in lines]
            setattr(rule, field, "\n".join(lines))
            rule.save(update_fields=[field])


def remove(apps, schema_editor):
    WordRule = apps.get_model("moderation", "WordRule")
    for (term, field), words in ADDED.items():
        for rule in WordRule.objects.filter(code="profanity", term=term):
            setattr(rule, field, "\n".join(w for w in _lines(getattr(rule, field)) if w not in words))
            rule.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [("moderation", "0010_date_missing_reason")]

    operations = [migrations.RunPython(add, remove)]
