"""The public side: residents' complaint form and the published answers ("Tanggapan")."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import services
from .forms import PublicComplaintForm
from .models import Channel, Complaint

THROTTLE_SECONDS = 3600


def _client_address(request):
    # Behind the reverse proxy, the first X-Forwarded-For address is the resident's.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def _throttled(request):
    """Count this address's submissions in the cache; True past the hourly limit."""
    key = f"complaints:form:{_client_address(request)}"
    cache.add(key, 0, THROTTLE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, THROTTLE_SECONDS)
        count = 1
    return count > settings.COMPLAINTS_FORM_LIMIT


@never_cache
def complaint_form(request):
    if not settings.COMPLAINTS_PUBLIC_FORM:
        raise Http404
    form = PublicComplaintForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST":
        if _throttled(request):
            context["error"] = _(
                "Too many complaints were sent from your connection in the last hour. "
                "Please try again later."
            )
            return render(request, "complaints/public_form.html", context, status=429)
        if form.is_bot:
            # Answer as if it worked, so the bot learns nothing.
            return render(request, "complaints/public_thanks.html", {"reference": None})
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("website")
            complaint = services.complaint_log(user=None, channel=Channel.WEB, **data)
            return render(
                request, "complaints/public_thanks.html", {"reference": complaint.reference}
            )
    return render(request, "complaints/public_form.html", context)


def _published():
    return Complaint.objects.published().select_related("agency").order_by("-published_at")


def answer_list(request):
    # Printable characters only: PostgreSQL refuses NUL in a query's text.
    query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()[:100]
    answers = _published()
    if query:
        answers = answers.filter(
            Q(public_question__icontains=query)
            | Q(subject__icontains=query)
            | Q(answers__text__icontains=query, answers__internal=False)
        ).distinct()
    page = Paginator(answers, 20).get_page(request.GET.get("p"))
    return render(
        request, "complaints/answer_list.html", {"page_obj": page, "items": page, "query": query}
    )


def answer_detail(request, reference):
    if not reference.isprintable():  # no stored reference holds NUL or control characters
        raise Http404
    complaint = get_object_or_404(_published(), reference=reference)
    return render(
        request,
        "complaints/answer_detail.html",
        {"complaint": complaint, "answer": complaint.public_answer},
    )


class AnswerSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return _published()

    def location(self, item):
        return reverse("complaints_public_detail", args=[item.reference])

    def lastmod(self, item):
        return item.published_at
