"""Instagram professional accounts through the Instagram Graph API (content publishing).

Publishing takes two calls: POST /{ig-user-id}/media (image_url, caption) makes a container,
then POST /{ig-user-id}/media_publish (creation_id) publishes it. Instagram fetches the image
itself from the portal's public address, so the photo must be a public JPEG with an aspect
ratio between 4:5 and 1.91:1 (the worker sends such a rendition). The container id is saved
on the delivery before the second call, so a retry never makes a second container for the
same delivery: it reads the container's status_code (FINISHED: publish it; PUBLISHED: find
the media among the account's media by this delivery's marked link in its caption, paging
back to the attempt's start; EXPIRED after 24 hours: make a new one; ERROR: give up). A
container still IN_PROGRESS is kept and published on a later attempt. The media's permalink
is read after publishing, and a failed read leaves it empty: the post is published either
way. Instagram's API cannot delete media:
unpublishing a post leaves its Instagram copy, to be removed by hand in the app.
"""

import logging

from django.conf import settings

from .base import (
    Client,
    LookupIncomplete,
    Outgoing,
    PermanentError,
    RateLimited,
    RemotePost,
    TransientError,
)
from .graph import graph_lookup, graph_url, raise_for_graph_error

logger = logging.getLogger(__name__)

LOOKUP_LIMIT = 100
# Code 9 with subcode 2207042: the account's 24-hour publishing limit is reached.
PUBLISHING_LIMIT_CODE = 9


class InstagramClient(Client):
    network = "instagram"
    supports_lookup = True
    supports_delete = False

    def _url(self, *parts):
        return graph_url(settings.CROSSPOSTING_INSTAGRAM_API_URL, *parts)

    @property
    def token(self):
        return self.credentials.get("access_token", "")

    def _call(self, method, *parts, **kwargs):
        response = self.request(method, self._url(*parts), **kwargs)
        body = (
            response.json()
            if response.headers.get("Content-Type", "").startswith("application/json")
            else {}
        )
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict) and error.get("code") == PUBLISHING_LIMIT_CODE:
            raise RateLimited(
                f"Instagram publishing limit: {error.get('message', '')}",
                status=response.status_code,
                retry_after=3600,
            )
        return raise_for_graph_error(response)

    def publish(self, outgoing: Outgoing, *, container_id="", save_progress=None, since=None):
        if not outgoing.image:
            raise PermanentError("Instagram posts need a photo, and this post has none.")
        ig_user = self.account.remote_id
        if container_id:
            status = self.container_status(container_id)
            if status == "PUBLISHED":
                found = self.find_existing(outgoing, since=since)
                if found:
                    return found
                raise LookupIncomplete(
                    "Instagram says the container was published, but the post was not found "
                    "among the account's media; check the account."
                )
            if status == "IN_PROGRESS":
                raise TransientError("Instagram is still processing the photo.")
            if status in ("EXPIRED", "ERROR"):
                if status == "ERROR":
                    raise PermanentError("Instagram could not process the photo.")
                container_id = ""
        if not container_id:
            body = self._call(
                "POST",
                ig_user,
                "media",
                data={
                    "image_url": outgoing.image.url,
                    "caption": outgoing.text,
                    "access_token": self.token,
                },
            )
            container_id = body["id"]
            if save_progress:
                save_progress(container_id=container_id)
            status = self.container_status(container_id)
            if status == "IN_PROGRESS":
                raise TransientError("Instagram is still processing the photo.")
            if status == "ERROR":
                raise PermanentError("Instagram could not process the photo.")
        body = self._call(
            "POST",
            ig_user,
            "media_publish",
            data={"creation_id": container_id, "access_token": self.token},
        )
        media_id = body["id"]
        return RemotePost(id=media_id, url=self.permalink(media_id))

    def container_status(self, container_id):
        body = self._call(
            "GET", container_id, params={"fields": "status_code", "access_token": self.token}
        )
        return body.get("status_code", "")

    def permalink(self, media_id):
        """The media's address, or "" when it cannot be read: the media is published anyway."""
        try:
            body = self._call(
                "GET", media_id, params={"fields": "permalink", "access_token": self.token}
            )
        except Exception:  # noqa: BLE001 (any failure here must not undo a publication)
            logger.warning("Could not read the permalink of Instagram media %s", media_id)
            return ""
        return body.get("permalink", "") if isinstance(body, dict) else ""

    def find_existing(self, outgoing: Outgoing, *, since=None):
        params = {
            "fields": "id,caption,permalink,timestamp",
            "limit": LOOKUP_LIMIT,
            "access_token": self.token,
        }
        if since:
            params["since"] = int(since.timestamp()) - 300
        return graph_lookup(
            self,
            self._url(self.account.remote_id, "media"),
            params,
            since=since,
            text_field="caption",
            time_field="timestamp",
            outgoing=outgoing,
            url_of=lambda item: item.get("permalink", ""),
        )

    @staticmethod
    def remote_id_from(value):
        """Instagram's addresses hold a shortcode, not the media id: keep only plain ids."""
        value = value.strip()
        return value if value.isdigit() else ""

    def delete(self, remote_id):
        raise PermanentError("Instagram's API cannot delete posts: remove it in the app.")
