"""Sign-in that checks a member's temporary password without re-hashing it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .hashers import TemporaryPasswordHasher


class MemberBackend(ModelBackend):
    """Django's model backend, except for accounts that still hold a temporary password.

    Django re-hashes any password not stored with the default hasher at its next sign-in. For
    a temporary password that costs a full-strength hash for a password the member replaces a
    minute later, and a workshop of 150 people signs in at once; the replacement is hashed at
    full strength anyway. A temporary password past its expiry is refused.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist:
            return super().authenticate(request, username=username, password=password)
        hasher = TemporaryPasswordHasher()
        if not user.password.startswith(f"{hasher.algorithm}$"):
            return super().authenticate(request, username=username, password=password)
        if (
            hasher.verify(password, user.password)
            and self.user_can_authenticate(user)
            and not temporary_password_expired(user)
        ):
            return user
        return None


def temporary_password_expired(user):
    """Whether the user's temporary password is past its expiry (kim.services)."""
    profile = getattr(user, "member_profile", None)
    return profile is not None and profile.temporary_password_expired()
