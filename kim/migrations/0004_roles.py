"""Create the portal's roles so that a fresh install has them.

Per-group rights (a group's own page subtree and media collection) are not here: they are
granted when a group is activated (kim.services.group_sync).
"""

from django.db import migrations

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
EDITOR_MODEL_PERMS = [
    ("kim", "add_category"), ("kim", "change_category"), ("kim", "delete_category"),
    ("kim", "view_category"),
    ("kim", "add_contributorgroup"), ("kim", "change_contributorgroup"),
    ("kim", "view_contributorgroup"),
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
ADMINISTRATOR_EXTRA_PERMS = [
    ("auth", "add_user"), ("auth", "change_user"), ("auth", "delete_user"),
    ("auth", "view_user"), ("auth", "add_group"), ("auth", "change_group"),
    ("auth", "view_group"), ("kim", "delete_contributorgroup"),
    ("wagtailcore", "add_site"), ("wagtailcore", "change_site"),
    ("wagtailcore", "add_workflow"), ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"), ("wagtailcore", "change_task"),
    ("wagtailredirects", "add_redirect"), ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
EDITOR_PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMINISTRATOR_PAGE_PERMS = EDITOR_PAGE_PERMS + ["bulk_delete_page"]
COLLECTION_PERMS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
]

ROLES = {
    "KIM member": {"perms": [ACCESS_ADMIN]},
    "Group admin": {"perms": [ACCESS_ADMIN]},
    "Trainer": {"perms": [ACCESS_ADMIN, ("kim", "view_contributorgroup")]},
    "Diskominfo editor": {
        "perms": [ACCESS_ADMIN, *EDITOR_MODEL_PERMS],
        "page_perms": EDITOR_PAGE_PERMS,
        "collection_perms": COLLECTION_PERMS,
    },
    "Administrator": {
        "perms": [ACCESS_ADMIN, *EDITOR_MODEL_PERMS, *ADMINISTRATOR_EXTRA_PERMS],
        "page_perms": ADMINISTRATOR_PAGE_PERMS,
        "collection_perms": COLLECTION_PERMS,
    },
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    # Wagtail's stock "Editors" and "Moderators" groups grant site-wide rights that no
    # portal role should inherit by accident.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    home = Page.objects.filter(depth=2).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[perm(*p) for p in spec["perms"]])
        if home:
            for codename in spec.get("page_perms", []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=perm("wagtailcore", codename)
                )
        if root_collection:
            for p in spec.get("collection_perms", []):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm(*p)
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kim", "0003_registry"),
        ("home", "0003_create_homepage"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
