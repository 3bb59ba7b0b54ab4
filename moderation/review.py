"""What a reviewer sees next to the checklist: flags, sources and new outbound links."""

from dataclasses import dataclass

from .checks import post_input_from_page


@dataclass
class ReviewSummary:
    flags: list
    sources: list
    new_links: list


def review_summary(task_state):
    revision = task_state.revision
    post = revision.as_object()
    if not hasattr(post, "body"):
        return ReviewSummary(flags=getattr(task_state, "flags", []), sources=[], new_links=[])
    links = {link.url: link for link in post_input_from_page(revision).links}
    live_revision = getattr(post, "live_revision", None)
    if live_revision is not None and live_revision.pk != revision.pk:
        for link in post_input_from_page(live_revision).links:
            links.pop(link.url, None)
    return ReviewSummary(
        flags=getattr(task_state, "flags", []),
        sources=list(post.sources.all()) if hasattr(post, "sources") else [],
        new_links=list(links.values()),
    )
