from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")
    GroupDirectoryPage = apps.get_model("kim.GroupDirectoryPage")

    # Replace Wagtail's placeholder welcome page with the portal's home and group directory.
    Page.objects.filter(depth=2, url_path="/home/").delete()
    locale = Locale.objects.get_or_create(language_code="id")[0]
    home_type = ContentType.objects.get_or_create(model="homepage", app_label="home")[0]
    directory_type = ContentType.objects.get_or_create(
        model="groupdirectorypage", app_label="kim"
    )[0]
    home = HomePage.objects.create(
        title="Portal KIM", draft_title="Portal KIM", slug="home", content_type=home_type,
        path="00010001", depth=2, numchild=1, url_path="/home/", locale=locale,
        intro="Berita terverifikasi dari Kelompok Informasi Masyarakat dan komunitas mitra.",
    )
    GroupDirectoryPage.objects.create(
        title="Kelompok", draft_title="Kelompok", slug="kelompok", content_type=directory_type,
        path="000100010001", depth=3, numchild=0, url_path="/home/kelompok/", locale=locale,
        intro="Kelompok Informasi Masyarakat dan komunitas media sosial mitra.",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id,
                  "site_name": "Portal KIM"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("wagtailcore.Page").objects.filter(depth__gte=2, url_path__startswith="/home/").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("kim", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
