"""Password hashes: members' own passwords, and the temporary ones they replace at first login."""

from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher


class MemberPasswordHasher(Argon2PasswordHasher):
    """Argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane.

    OWASP's password storage guide counts this as strong as PBKDF2-SHA256 with 600,000
    rounds, and stronger against graphics-card cracking, for a tenth of the CPU time of
    Django's PBKDF2 default (1,000,000 rounds, about 0.3 s here). In a workshop 150 members
    choose their password within a minute; at 0.3 s each the last waited half a minute.
    Hashes made with other settings or hashers are upgraded at the member's next sign-in.
    """

    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


class TemporaryPasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with fewer rounds, for the random temporary passwords of new members only.

    A temporary password is random (about 59 bits) and replaced at first login, when the new
    one is hashed by the default hasher at full strength. Fewer rounds let a trainer create 150
    accounts in seconds; kim.backends.MemberBackend checks it at sign-in without re-hashing it.
    """

    algorithm = "pbkdf2_sha256_temporary"
    iterations = 20_000
