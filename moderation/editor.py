"""The page editor's panel that tells a returned post's author why it came back.

Imported by ``kim.models`` for the post's panels, so it imports the moderation models only
when it renders.
"""

from wagtail.admin.panels import Panel


class ReturnReasonsPanel(Panel):
    """At the top of the editor: the reasons a post was returned, until it is submitted again.

    Shown to the post's author only (its owner, or whoever submitted it): another member
    never reads an editor's notes on someone else's post.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "moderation/panels/return_reasons.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.status = None
            page = self.instance
            if page is not None and page.pk and self.request is not None:
                from .feedback import SubmissionState, is_author, submission_status

                if is_author(page, self.request.user):
                    status = submission_status(page)
                    if status.state == SubmissionState.RETURNED:
                        self.status = status

        def is_shown(self):
            return self.status is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["status"] = self.status
            return context
