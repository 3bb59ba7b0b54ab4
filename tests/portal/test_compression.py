"""Readers get rendered pages and feeds compressed; files keep their bytes and length."""

import gzip

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import home_page

pytestmark = pytest.mark.django_db


def test_pages_and_feeds_come_compressed_to_browsers(client):
    home_page()
    for address in ("/", "/feed/rss/"):
        response = client.get(address, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

        assert response["Content-Encoding"] == "gzip", address
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).startswith(b"<"), address


def test_clients_without_gzip_get_plain_pages(client):
    home_page()

    response = client.get("/")

    assert not response.has_header("Content-Encoding")
    assert b"<!DOCTYPE html>" in response.content


def test_documents_are_sent_as_they_are(client):
    text = b"Jadwal posyandu: Senin dan Kamis pagi. " * 20
    document = get_document_model().objects.create(
        title="Jadwal posyandu", file=ContentFile(text, name="jadwal.txt")
    )

    response = client.get(document.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response.get("Content-Encoding") != "gzip"
    assert response["Content-Length"] == str(len(text))
    assert b"".join(response.streaming_content) == text
