"""Broken and oversized uploads get a clear Indonesian message, never a 500 or a long decode."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from photos.models import Photo

pytestmark = pytest.mark.django_db

BROKEN = "Gambar ini rusak atau tidak lengkap"
NOT_AN_IMAGE = "Unggah gambar yang valid"
TOO_MANY_PIXELS = "Berkas ini memiliki terlalu banyak piksel"


def noisy_jpeg(size=(640, 480)):
    """A photo-like JPEG (noise does not compress), so cutting it loses real image data."""
    out = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def truncated_jpeg():
    data = noisy_jpeg()
    return data[: len(data) // 2]


def huge_png(width=11_000, height=11_000):
    """A valid, black, 1-bit PNG of width x height: tiny on disk, 121 MP once decoded.

    Built chunk by chunk, so that making it decodes nothing either.
    """

    def chunk(kind, body):
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    row = b"\x00" + bytes((width + 7) // 8)  # filter "none", then the row's bits
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def add_single(client, data, name):
    return client.post(
        "/admin/images/add/",
        {"title": "Kerja bakti", "file": SimpleUploadedFile(name, data, "image/jpeg")},
    )


def add_multiple(client, data, name):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data, "image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def add_in_chooser(client, data, name):
    return client.post(
        "/admin/images/chooser/create/",
        {"image-chooser-upload-title": "Kerja bakti"}
        | {"image-chooser-upload-file": SimpleUploadedFile(name, data, "image/jpeg")},
    )


UPLOADS = [
    pytest.param(add_single, id="add-view"),
    pytest.param(add_multiple, id="multiple-add-view"),
    pytest.param(add_in_chooser, id="chooser-upload"),
]


def error_text(response):
    """The page or JSON fragment the upload answered with, which shows the form's errors."""
    assert response.status_code == 200
    if not response["Content-Type"].startswith("application/json"):
        return response.content.decode()
    payload = response.json()
    assert not payload.get("success") and payload.get("step") != "chosen", payload
    return payload.get("error_message", "") + payload.get("htmlFragment", "")


@pytest.mark.parametrize("upload", UPLOADS)
@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        pytest.param(truncated_jpeg(), "kerja-bakti.jpg", BROKEN, id="truncated-jpeg"),
        pytest.param(
            b"%PDF-1.4 not a photo" * 50, "kerja-bakti.jpg", NOT_AN_IMAGE, id="pdf-as-jpg"
        ),
        pytest.param(huge_png(), "peta.png", TOO_MANY_PIXELS, id="11000x11000-png"),
    ],
)
def test_bad_upload_is_refused_with_an_indonesian_message(
    admin_client, upload, data, name, message
):
    response = upload(admin_client, data, name)

    assert message in error_text(response)
    assert not Photo.objects.exists()


def test_too_many_pixels_are_refused_from_the_header_without_decoding(admin_client, monkeypatch):
    """The 345 KB PNG that took 13 s and 1.1 GB to decode is never decoded at all."""
    data = huge_png()
    assert len(data) < 400_000

    def decode(image):
        raise AssertionError(f"decoded a {image.size} image")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", decode)

    response = add_single(admin_client, data, "peta.png")

    assert TOO_MANY_PIXELS in error_text(response)


@pytest.mark.parametrize("upload", UPLOADS)
def test_a_whole_photo_is_still_accepted(admin_client, upload):
    response = upload(admin_client, noisy_jpeg(), "kerja-bakti.jpg")

    assert response.status_code in {200, 302}
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (640, 480)
