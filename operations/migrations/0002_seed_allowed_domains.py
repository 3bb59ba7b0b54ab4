"""Seed the scan's allow-list and let editors keep it."""

from django.db import migrations

# Government, the national KIM registry, and the social networks groups and share links use.
DOMAINS = {
    "go.id": "Government sites",
    "kim.id": "The national KIM registry",
    "desa.id": "Village governments",
    "facebook.com": "Social network",
    "instagram.com": "Social network",
    "x.com": "Social network",
    "twitter.com": "Social network",
    "tiktok.com": "Social network",
    "youtube.com": "Social network",
    "youtu.be": "Social network",
    "t.me": "Social network (Telegram)",
    "telegram.me": "Social network (Telegram)",
    "wa.me": "Social network (WhatsApp)",
    "whatsapp.com": "Social network (WhatsApp)",
}
CODENAMES = ["add_alloweddomain", "change_alloweddomain", "delete_alloweddomain",
             "view_alloweddomain"]
ROLES = ["Diskominfo editor", "Administrator"]


def seed(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    AllowedDomain = apps.get_model("operations", "AllowedDomain")
    for domain, note in DOMAINS.items():
        AllowedDomain.objects.get_or_create(domain=domain, defaults={"note": note})

    app_config = apps.get_app_config("operations")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="operations", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_scheduler_and_link_allow_list"),
        ("kim", "0004_roles"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
