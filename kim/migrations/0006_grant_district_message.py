from django.db import migrations

ROLES = ["Diskominfo editor", "Administrator"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("kim")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="kim",
                                        codename="mark_district_message")
    for group in apps.get_model("auth.Group").objects.filter(name__in=ROLES):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("kim", "0005_post_district_message")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
