"""The dashboard panel that tells an admin their complaints have answers to post back."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .models import Complaint, Status


class PostBackPanel(Component):
    name = "complaints_post_back"
    order = 90
    template_name = "complaints/panels/post_back.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        items = (
            Complaint.objects.filter(
                logged_by=self.user,
                posted_back_at__isnull=True,
                status__in=[Status.ANSWERED, Status.RESOLVED],
                first_response_at__isnull=False,
            )
            .select_related("agency")
            .order_by("-first_response_at")[:10]
        )
        return {"items": items, "title": _("Answers to post back on your channel")}

    def render_html(self, parent_context=None):
        if not self.user.is_authenticated:
            return ""
        context = self.get_context_data(parent_context)
        context["items"] = list(context["items"])
        if not context["items"]:
            return ""
        return render_to_string(self.template_name, context)
