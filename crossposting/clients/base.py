"""What every network client shares: the message, the outcome, the error classes, HTTP."""

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import requests
from django.conf import settings
from requests.exceptions import ConnectionError as RequestsConnectionError
from requests.exceptions import ConnectTimeout, ReadTimeout
from urllib3.exceptions import NewConnectionError


@dataclass
class Image:
    """A JPEG rendition: the public URL networks fetch, and the file for networks that upload."""

    url: str
    open: object = field(repr=False)  # callable returning a binary file object
    width: int = 0
    height: int = 0


@dataclass
class Outgoing:
    """What to post: the text, the post's public address (also the marker we look for)."""

    text: str
    link: str
    image: Image | None = None
    # Remote IDs already recorded for this post and account, so a lookup for an earlier
    # round's post never claims it for a "post again".
    known_remote_ids: frozenset = frozenset()
    # This delivery's token inside `link` (?kim=...): the evidence a look-up looks for.
    marker: str = ""

    def is_ours(self, text):
        """Does a remote post's text (or expanded links) carry this delivery's marker?"""
        if not text:
            return False
        if self.marker:
            return self.link in text
        return self.link in text or text.strip() == self.text.strip()


@dataclass
class RemotePost:
    id: str
    url: str = ""


class DeliveryError(Exception):
    """The network did not take the post; the subclass says whether trying again may help."""

    retry = True
    uncertain = False

    def __init__(self, message, *, status=None, retry_after=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


class TransientError(DeliveryError):
    """Timeouts before sending, 5xx, a temporarily unavailable API: try again later."""


class RateLimited(TransientError):
    """Too many requests; `retry_after` (seconds) is the network's own hint when it gives one."""


class UncertainError(TransientError):
    """The request was sent but no answer came: the network may have posted it."""

    uncertain = True


class AuthError(DeliveryError):
    """Expired or revoked token, missing permission: the account must be reconnected."""

    retry = False


class PermanentError(DeliveryError):
    """The network refused this post for good (bad image, duplicate, too long)."""

    retry = False


class DuplicateContent(PermanentError):
    """The network refuses a text it already has (X): evidence that an earlier try landed."""


class LookupUnsupported(Exception):
    """The network's API cannot list recent posts, so an uncertain outcome cannot be checked."""


class LookupIncomplete(Exception):
    """The listing could not be read back to the attempt's start: a person must look."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# Pages a look-up reads at most (100 posts each) before handing the delivery to a person.
LOOKUP_MAX_PAGES = 50
# Allowance for the network's clock against ours when comparing creation times.
CLOCK_SKEW = timedelta(minutes=5)


def parse_time(value):
    """A network's timestamp (ISO 8601, "+0000" or "Z", or epoch seconds) as aware datetime."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC)
    text = str(value).replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-3] != ":":
        text = text[:-2] + ":" + text[-2:]
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def timeout():
    return (settings.CROSSPOSTING_CONNECT_TIMEOUT, settings.CROSSPOSTING_READ_TIMEOUT)


def rate_limit_reset_in(epoch_seconds, now=None):
    """Seconds until an epoch timestamp such as X's x-rate-limit-reset, never negative."""
    try:
        return max(0.0, float(epoch_seconds) - (now or time.time()))
    except (TypeError, ValueError):
        return None


class Client:
    """A network client bound to one account; subclasses implement the documented API."""

    network = ""
    supports_lookup = False
    supports_delete = False

    def __init__(self, account, *, session=None):
        self.account = account
        self.credentials = account.credentials
        self.session = session or requests.Session()

    def publish(
        self, outgoing: Outgoing, *, container_id="", save_progress=None, since=None
    ) -> RemotePost:
        raise NotImplementedError

    @staticmethod
    def remote_id_from(value):
        """The remote post's id from what a person pastes (its id or address), or ""."""
        return ""

    def find_existing(self, outgoing: Outgoing, *, since=None) -> RemotePost | None:
        """Return the post if it exists on the network, reading back to `since`.

        Raises LookupUnsupported where the API cannot list posts, and LookupIncomplete when
        the listing ends (or its page budget does) before reaching `since`.
        """
        raise LookupUnsupported

    def delete(self, remote_id):
        raise PermanentError(f"{self.network} posts cannot be deleted through its API.")

    def request(self, method, url, **kwargs):
        """Send one HTTP request, turning connection problems into delivery errors.

        A connect timeout or a refused connection means nothing reached the network; a read
        timeout or a dropped connection after sending leaves the outcome unknown.
        """
        kwargs.setdefault("timeout", timeout())
        try:
            return self.session.request(method, url, **kwargs)
        except ConnectTimeout as error:
            raise TransientError(f"Could not connect in time: {error}") from error
        except ReadTimeout as error:
            raise UncertainError(f"No answer in time after sending: {error}") from error
        except RequestsConnectionError as error:
            if _never_connected(error):
                raise TransientError(f"Could not connect: {error}") from error
            raise UncertainError(f"Connection dropped after sending: {error}") from error


def _never_connected(error):
    reason = error.args[0] if error.args else None
    reason = getattr(reason, "reason", reason)
    return isinstance(reason, NewConnectionError | ConnectionRefusedError)


def json_or_none(response):
    try:
        return response.json()
    except ValueError:
        return None
