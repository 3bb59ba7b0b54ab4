"""A cheaper hash for temporary passwords, which members must replace at first login."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class TemporaryPasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with fewer rounds, for the random temporary passwords of new members only.

    A temporary password is random (about 59 bits) and replaced at first login, when the new
    one is hashed by the default hasher at full strength. Fewer rounds let a trainer create 150
    accounts in seconds; kim.backends.MemberBackend checks it at sign-in without re-hashing it.
    """

    algorithm = "pbkdf2_sha256_temporary"
    iterations = 20_000
