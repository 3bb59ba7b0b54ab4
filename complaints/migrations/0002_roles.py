"""Create the complaint desk's roles and give the editors the agency list and approvals.

Which agency an officer answers for is not here: it is the agency's list of officers.
"""

from django.db import migrations

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
ROLES = {
    "Complaint triage officer": [
        ACCESS_ADMIN,
        ("complaints", "triage_complaint"),
        ("complaints", "log_complaint"),
        ("complaints", "view_complaint_reports"),
        ("complaints", "view_complaint"),
        ("complaints", "change_complaint"),
        ("complaints", "view_agency"),
    ],
    "Agency officer": [ACCESS_ADMIN],
    "Agency head": [ACCESS_ADMIN, ("complaints", "view_complaint_reports")],
    "Community admin": [ACCESS_ADMIN, ("complaints", "log_complaint")],
}
EDITOR_PERMS = [
    ("complaints", "approve_public_answer"),
    ("complaints", "view_complaint_reports"),
    ("complaints", "add_agency"),
    ("complaints", "change_agency"),
    ("complaints", "view_agency"),
    ("complaints", "add_nonworkingday"),
    ("complaints", "change_nonworkingday"),
    ("complaints", "delete_nonworkingday"),
    ("complaints", "view_nonworkingday"),
]
EDITOR_GROUPS = ["Diskominfo editor", "Administrator"]


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(pairs):
        return [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in pairs
        ]

    for name, pairs in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms(pairs))
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*perms(EDITOR_PERMS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("kim", "0004_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
