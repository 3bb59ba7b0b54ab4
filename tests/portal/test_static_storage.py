"""Pages link static files by their hashed names, looked up in the manifest once."""

import json

import pytest

from portal.storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    manifest = {"paths": {"css/portal.css": "css/portal.4f1e2a.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_file_is_linked_by_its_hashed_name_every_time(storage):
    assert storage.url("css/portal.css") == "/static/css/portal.4f1e2a.css"
    assert storage.url("css/portal.css") == "/static/css/portal.4f1e2a.css"


def test_a_file_missing_from_the_manifest_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
