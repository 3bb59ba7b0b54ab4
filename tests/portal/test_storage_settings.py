"""Uploads go to S3-compatible storage only when a bucket is configured."""

import json

from tests.portal.test_settings import production_env, run_django

SHOW_STORAGE = (
    "import json; from django.core.files.storage import storages; s = storages['default']; "
    "print(json.dumps({'class': type(s).__module__ + '.' + type(s).__name__, "
    "'bucket': getattr(s, 'bucket_name', None), 'endpoint': getattr(s, 'endpoint_url', None), "
    "'signed': getattr(s, 'querystring_auth', None)}))"
)


def storage(**env):
    result = run_django("shell", "-c", SHOW_STORAGE, **production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_uploads_stay_on_the_file_system_by_default():
    assert storage()["class"] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_a_bucket_name_moves_uploads_to_s3_compatible_storage():
    shown = storage(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )

    assert shown == {
        "class": "storages.backends.s3.S3Storage",
        "bucket": "portal-media",
        "endpoint": "http://127.0.0.1:9000",
        "signed": True,
    }


def test_public_bucket_urls_can_be_unsigned():
    shown = storage(AWS_STORAGE_BUCKET_NAME="portal-media", AWS_QUERYSTRING_AUTH="false")

    assert shown["signed"] is False
