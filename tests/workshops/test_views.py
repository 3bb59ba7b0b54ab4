"""A trainer creates a workshop, prints the login cards, moves participants, purges."""

import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim.models import RegionLevel
from tests.factories import RegionFactory, authenticate
from tests.workshops.conftest import enter, make_workshop
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(db):
    return RegionFactory(code="33.13", name="Kab. Karanganyar", level=RegionLevel.DISTRICT)


def create(client, world, district, **participants):
    client.force_login(world.trainer)
    data = {
        "title": "Pelatihan Admin Medsos",
        "date": "2026-03-14",
        "place": "Aula Diskominfo",
        "region": district.pk,
        "trainers": [world.trainer.pk],
        "names": "",
        "count": "",
    }
    data.update(participants)
    return client.post("/admin/pelatihan/baru/", data)


def test_creating_a_workshop_shows_printable_cards_once(client, world, district):
    response = create(client, world, district, names="Sri Wahyuni\nJoko Susilo, 0813 2222")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    workshop = Workshop.objects.get()
    assert html.count("data-login-card") == 2
    assert html.count("<svg") >= 2 and "ws-qr" in html  # the QR code, inline
    assert "http://testserver/admin/login/" in html
    # Seen by the trainer on screen, not printed on the cards.
    assert "minta peserta masuk per baris" in html
    assert html.index("data-pacing-hint") < html.index('class="cards"')
    usernames = re.findall(r"data-username>([^<]+)<", html)
    passwords = re.findall(r"data-password>([^<]+)<", html)
    assert usernames == [f"ws{workshop.pk}-peserta-001", f"ws{workshop.pk}-peserta-002"]
    assert authenticate(username=usernames[1], password=passwords[1]) is not None
    csv_href = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', html).group(1)
    csv_text = unquote(csv_href.replace("&amp;", "&"))
    assert passwords[0] in csv_text and "Sri Wahyuni" in csv_text
    # The passwords are not stored: the workshop's page never shows them again.
    detail = client.get(f"/admin/pelatihan/{workshop.pk}/").content.decode()
    assert passwords[0] not in detail and usernames[0] in detail


def test_participants_from_a_csv_or_a_count(client, world, district):
    upload = SimpleUploadedFile(
        "peserta.csv", b"nama;hp\nAni;0812\nBudi;\nCitra;\n", content_type="text/csv"
    )
    create(client, world, district, csv_file=upload)
    assert list(Workshop.objects.get().participants.values_list("full_name", flat=True)) == [
        "Ani",
        "Budi",
        "Citra",
    ]
    response = create(client, world, district, count="5")
    assert response.content.decode().count("data-login-card") == 5


def test_a_workshop_needs_participants(client, world, district):
    response = create(client, world, district)
    assert response.status_code == 200 and not Workshop.objects.exists()
    assert "data-workshop-form" in response.content.decode()


def test_new_passwords_for_those_who_have_not_signed_in(client, world, workshop):
    first = workshop.participants.first()
    first.user.member_profile.must_change_password = False
    first.user.member_profile.save()
    client.force_login(world.trainer)
    response = client.post(f"/admin/pelatihan/{workshop.pk}/sandi/", {})
    html = response.content.decode()
    assert html.count("data-login-card") == 2 and first.username not in html
    old = workshop.credentials[1]
    assert authenticate(username=old.participant.username, password=old.password) is None


def test_add_participants_later(client, world, workshop):
    client.force_login(world.trainer)
    response = client.post(f"/admin/pelatihan/{workshop.pk}/peserta/", {"names": "Dewi"})
    assert response.content.decode().count("data-login-card") == 1
    assert workshop.participants.last().username == f"ws{workshop.pk}-peserta-004"


def test_move_view_moves_only_the_ticked_participants(client, world, workshop):
    first, second, _third = workshop.participants.all()
    client.force_login(world.trainer)
    page = client.get(f"/admin/pelatihan/{workshop.pk}/pindah/").content.decode()
    assert workshop.sandbox.name not in page.split("data-move-form")[1]  # real groups only
    client.post(
        f"/admin/pelatihan/{workshop.pk}/pindah/",
        {
            "move": [first.pk],
            f"group-{first.pk}": world.group_a.pk,
            f"group-{second.pk}": world.group_b.pk,
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.moved_at and first.home_group == world.group_a
    assert second.moved_at is None
    assert first.user.groups.filter(pk=world.group_a.member_group_id).exists()


def test_participant_sees_exercises_and_starts_one(client, world, workshop):
    from tests.workshops.conftest import enter

    user = enter(workshop.participants.first().user)
    client.force_login(user)
    page = client.get("/admin/latihan/").content.decode()
    assert page.count("data-exercise=") == 5
    assert "For the trainer" not in page
    response = client.post("/admin/latihan/hoaks-vaksin/mulai/")
    assert response.status_code == 302 and "/edit/" in response.url
    client.force_login(world.member)
    assert client.get("/admin/latihan/").status_code in (302, 403)


def _queries(client, addresses):
    for address in addresses:  # warm up: the first admin request per session costs more
        assert client.get(address).status_code == 200, address
    with CaptureQueriesContext(connection) as queries:
        for address in addresses:
            client.get(address)
    return len(queries)


def test_workshop_pages_take_the_same_queries_for_3_or_12_participants(client, world):
    client.force_login(world.trainer)
    counts = []
    for size in (3, 12):
        workshop, _credentials = make_workshop(world, count=size, title=f"Pelatihan {size}")
        for participant in workshop.participants.all()[:2]:
            enter(participant.user)
        counts.append(
            _queries(
                client,
                [
                    "/admin/pelatihan/",
                    f"/admin/pelatihan/{workshop.pk}/",
                    f"/admin/pelatihan/{workshop.pk}/pindah/",
                    f"/admin/pelatihan/{workshop.pk}/papan.json",
                    f"/admin/pelatihan/{workshop.pk}/hapus-sandbox/",
                ],
            )
        )
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"nama\nAni\x00Budi\n", "Ini bukan berkas teks CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00 spreadsheet", "Ini bukan berkas teks CSV"),
        (b"\xff\xd8\xff\xe0 a photo", "UTF-8"),
    ],
    ids=["nul-byte", "xlsx-renamed", "jpeg-renamed"],
)
def test_a_file_that_is_not_a_csv_text_gets_a_message(client, world, district, data, message):
    upload = SimpleUploadedFile("peserta.csv", data, content_type="text/csv")

    response = create(client, world, district, csv_file=upload)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Workshop.objects.exists()
