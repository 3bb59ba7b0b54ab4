"""Photos uploaded through the Wagtail admin keep no location data, in originals or renditions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from photos.models import Photo

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112
RENDITION_SPECS = ["fill-400x300", "format-webp", "format-png", "width-200", "original"]


def phone_photo(*, size=(80, 60), orientation=None):
    """Return a JPEG as a phone writes it: make, model, GPS position and maybe an orientation.

    The left half is red and the right half blue, so a rotation shows in the pixels.
    """
    exif = Image.Exif()
    exif[MAKE] = "Samsung"
    exif[MODEL] = "Galaxy A14"
    if orientation:
        exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update(
        {1: "S", 2: (7.0, 42.0, 30.0), 3: "E", 4: (110.0, 36.0, 12.0), 5: 0, 6: 150.0}
    )
    image = Image.new("RGB", size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def assert_no_metadata(file):
    """Check a stored image file has no EXIF at all, so no GPS, make or model."""
    file.open("rb")
    try:
        with Image.open(file) as image:
            image.load()
            assert "exif" not in image.info
            assert not image.getexif().get_ifd(GPS_IFD)
            assert not image.getexif()
            return image.size
    finally:
        file.close()


def test_phone_photo_fixture_really_carries_gps():
    with Image.open(io.BytesIO(phone_photo())) as image:
        assert "exif" in image.info
        assert image.getexif().get_ifd(GPS_IFD)[1] == "S"
        assert image.getexif()[MAKE] == "Samsung"


def upload_single(client, data, name="kerja-bakti.jpg"):
    response = client.post(
        "/admin/images/add/",
        {"title": "Kerja bakti", "file": SimpleUploadedFile(name, data, "image/jpeg")},
    )
    assert response.status_code == 302, response.context["form"].errors
    return Photo.objects.get(title="Kerja bakti")


def upload_multiple(client, data, name="kerja-bakti.jpg"):
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data, "image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"], payload
    return Photo.objects.get(pk=payload["image_id"])


UPLOADS = [
    pytest.param(upload_single, id="add-view"),
    pytest.param(upload_multiple, id="multiple-add-view"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("upload", UPLOADS)
def test_uploaded_original_keeps_no_gps(admin_client, upload):
    photo = upload(admin_client, phone_photo())

    assert assert_no_metadata(photo.file) == (80, 60)
    assert photo.file_size == photo.file.size
    assert photo.get_file_hash()


@pytest.mark.django_db
@pytest.mark.parametrize("upload", UPLOADS)
def test_renditions_of_an_upload_keep_no_gps(admin_client, upload):
    photo = upload(admin_client, phone_photo())

    for spec in RENDITION_SPECS:
        assert_no_metadata(photo.get_rendition(spec).file)


@pytest.mark.django_db
@pytest.mark.parametrize("upload", UPLOADS)
def test_orientation_is_applied_to_the_pixels(admin_client, upload):
    # Stored as 80x60 with orientation 6: the phone was held upright, so it shows as 60x80.
    photo = upload(admin_client, phone_photo(size=(80, 60), orientation=6))

    size = assert_no_metadata(photo.file)
    assert size == (60, 80)
    assert (photo.width, photo.height) == size
    photo.file.open("rb")
    with Image.open(photo.file) as image:
        # Turned a quarter clockwise: the left (red) half is now on top.
        top, bottom = image.convert("RGB").getpixel((30, 10)), image.getpixel((30, 70))
    photo.file.close()
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60
    rendition = photo.get_rendition("width-30")
    assert (rendition.width, rendition.height) == (30, 40)


@pytest.mark.django_db
def test_photo_saved_in_code_is_stripped_too():
    from wagtail.models import Collection

    photo = Photo(
        title="Dari skrip",
        collection=Collection.get_first_root_node(),
        file=SimpleUploadedFile("skrip.jpg", phone_photo(), "image/jpeg"),
    )
    photo.save()

    assert_no_metadata(photo.file)
