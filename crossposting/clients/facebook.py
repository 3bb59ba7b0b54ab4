"""Facebook Page posts through the Graph API, with the Page access token.

A text post is POST /{page-id}/feed (message, link); a post with a photo is
POST /{page-id}/photos (url: a public JPEG Facebook fetches, caption), which answers with the
photo's id and its feed `post_id`. After an uncertain outcome the client reads the Page's
posts (GET /{page-id}/feed, fields id,message,created_time, `since` the attempt began),
following `paging.next` back to the attempt's start however many posts lie in between, and
takes the one whose message holds this delivery's marked link; DELETE /{post-id} removes a
post when a post is unpublished.
"""

import re

from .base import Client, Outgoing, RemotePost
from .graph import graph_lookup, graph_url, raise_for_graph_error

LOOKUP_LIMIT = 100


class FacebookPageClient(Client):
    network = "facebook_page"
    supports_lookup = True
    supports_delete = True

    def _url(self, *parts):
        from django.conf import settings

        return graph_url(settings.CROSSPOSTING_GRAPH_API_URL, *parts)

    @property
    def token(self):
        return self.credentials.get("page_access_token", "")

    def publish(self, outgoing: Outgoing, *, container_id="", save_progress=None, since=None):
        page_id = self.account.remote_id
        if outgoing.image:
            data = {"url": outgoing.image.url, "caption": outgoing.text, "access_token": self.token}
            body = raise_for_graph_error(
                self.request("POST", self._url(page_id, "photos"), data=data)
            )
            post_id = body.get("post_id") or body["id"]
        else:
            data = {"message": outgoing.text, "link": outgoing.link, "access_token": self.token}
            body = raise_for_graph_error(
                self.request("POST", self._url(page_id, "feed"), data=data)
            )
            post_id = body["id"]
        return RemotePost(id=post_id, url=permalink(post_id))

    def find_existing(self, outgoing: Outgoing, *, since=None):
        params = {
            "fields": "id,message,created_time",
            "limit": LOOKUP_LIMIT,
            "access_token": self.token,
        }
        if since:
            params["since"] = int(since.timestamp()) - 300
        return graph_lookup(
            self,
            self._url(self.account.remote_id, "feed"),
            params,
            since=since,
            text_field="message",
            time_field="created_time",
            outgoing=outgoing,
            url_of=lambda item: permalink(item["id"]),
        )

    @staticmethod
    def remote_id_from(value):
        """A post id from what a person pastes: the id itself or the post's address."""
        value = value.strip()
        if re.fullmatch(r"\d+(_\d+)?", value):
            return value
        match = re.search(r"facebook\.com/(\d+_\d+|\d+/posts/\d+)", value)
        if match:
            return match.group(1).replace("/posts/", "_")
        return ""

    def delete(self, remote_id):
        raise_for_graph_error(
            self.request("DELETE", self._url(remote_id), params={"access_token": self.token})
        )


def permalink(post_id):
    return f"https://www.facebook.com/{post_id}"
