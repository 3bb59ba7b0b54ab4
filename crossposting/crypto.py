"""Encrypt social-account credentials at rest with Fernet, keyed from the environment."""

import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Published on purpose: development and test databases only. Never used by production settings.
DEV_KEY = "bW9ja2Rldi1vbmx5LWtleS1jcm9zc3Bvc3RpbmctMDA="


class CredentialsUnreadable(Exception):
    """The stored credentials were encrypted with another key."""


def _fernet():
    key = settings.CROSSPOSTING_ENCRYPTION_KEY
    if not key:
        if not settings.CROSSPOSTING_DEV_KEY_ALLOWED:
            raise ImproperlyConfigured(
                "CROSSPOSTING_ENCRYPTION_KEY is not set. Social-account credentials are "
                'encrypted with it: generate one with python -c "from cryptography.fernet '
                'import Fernet; print(Fernet.generate_key().decode())" and put it in the '
                "environment."
            )
        key = DEV_KEY
    try:
        return Fernet(key)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "CROSSPOSTING_ENCRYPTION_KEY is not a valid Fernet key (32 url-safe base64 bytes)."
        ) from error


def encrypt(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data, sort_keys=True).encode()).decode()


def decrypt(token: str) -> dict:
    if not token:
        return {}
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken as error:
        raise CredentialsUnreadable from error
