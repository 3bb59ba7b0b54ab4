"""Create the KIM moderation workflow, assign it to every group's subtree, seed reasons.

The workflow sits on the group directory, so groups activated later are covered too.
"""

from django.db import migrations

REASONS = {
    "accuracy": [
        "Sumber tidak disebutkan atau tidak dapat diperiksa",
        "Belum dikonfirmasi ke OPD atau sumber resmi",
        "Isi sesuai dengan hoaks yang sudah dibantah",
        "Judul atau isi menyesatkan",
        "Mengandung SARA, hinaan, atau ujaran kebencian",
        "Memuat data pribadi (NIK, nomor HP, alamat rumah)",
        "Foto tidak asli atau tanpa izin orang yang difoto",
        "Angka atau data tidak sesuai sumber",
    ],
    "usefulness": [
        "Kurang relevan bagi warga",
        "Informasi sudah kedaluwarsa",
        "Bahasa kurang jelas atau terlalu panjang",
        "Tidak jelas apa yang perlu dilakukan pembaca",
        "Judul tidak menggambarkan isi",
    ],
}
EDITOR_ROLES = ["Diskominfo editor", "Administrator"]
EDITOR_MODELS = ["wordrule", "debunkedclaim", "flagpolicy", "reviewreason"]


def create_workflow(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_label in ("moderation", "wagtailcore"):
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, verbosity=0)
        config.models_module = None

    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupDirectoryPage = apps.get_model("kim.GroupDirectoryPage")
    ReviewReason = apps.get_model("moderation.ReviewReason")

    editors = list(Group.objects.filter(name__in=EDITOR_ROLES))

    def make_task(model_name, name):
        model = apps.get_model("moderation", model_name)
        content_type = ContentType.objects.get_for_model(model)
        task, _ = model.objects.get_or_create(
            name=name, defaults={"content_type": content_type, "active": True}
        )
        if hasattr(task, "groups"):
            task.groups.add(*editors)
        return task

    tasks = [
        make_task("PreCheckTask", "Pemeriksaan otomatis"),
        make_task("AccuracyReviewTask", "Verifikasi akurasi"),
        make_task("UsefulnessReviewTask", "Uji manfaat"),
    ]
    workflow, _ = Workflow.objects.get_or_create(name="Moderasi KIM", defaults={"active": True})
    for order, task in enumerate(tasks):
        WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk,
                                           defaults={"sort_order": order})
    for directory in GroupDirectoryPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=directory.pk,
                                              defaults={"workflow": workflow})

    # Wagtail's stock "Moderators approval" names a group the portal removed; retire it.
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    WorkflowPage.objects.filter(workflow__name="Moderators approval").delete()

    for stage, texts in REASONS.items():
        for order, text in enumerate(texts):
            ReviewReason.objects.get_or_create(stage=stage, text=text,
                                               defaults={"sort_order": order})

    permissions = Permission.objects.filter(
        content_type__app_label="moderation",
        content_type__model__in=EDITOR_MODELS,
    ) | Permission.objects.filter(content_type__app_label="moderation",
                                  codename="view_flagdismissal")
    for group in editors:
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_workflow_tasks"),
        ("kim", "0004_roles"),
        ("home", "0003_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
