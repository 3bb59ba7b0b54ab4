"""The complaint desk in the Wagtail admin: intake, the queues, one complaint, reports."""

import csv
import os
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import forms, permissions, services
from .charts import bar_chart
from .factcheck import fact_check_create
from .models import Agency, Channel, Complaint, Kind, Status
from .precheck import complaint_flags
from .replies import channel_reply
from .reports import JAKARTA, complaint_report, complaints_in_range, is_overdue
from .targets import annotate_lateness, deadlines
from .workdays import WorkingCalendar

PAGE_SIZE = 30


def intake(request):
    if not permissions.can_log(request.user):
        raise PermissionDenied
    form = forms.IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        complaint = services.complaint_log(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Logged as %(reference)s. Thank you: triage will verify it.")
            % {"reference": complaint.reference},
        )
        return redirect("complaints_intake")
    return render(
        request,
        "complaints/admin/intake.html",
        {"page_title": _("Log a complaint"), "header_icon": "mail", "form": form},
    )


SCOPES = {
    "triage": _("Triage queue"),
    "desk": _("Agency desk"),
    "mine": _("Logged by me"),
    "all": _("All complaints"),
    "approve": _("Answers to publish"),
}


def complaint_list(request, scope):
    user = request.user
    queryset = Complaint.objects.select_related("agency", "region")
    if scope in ("triage", "all"):
        if not permissions.is_triage(user):
            raise PermissionDenied
        if scope == "triage":
            queryset = queryset.filter(status__in=[Status.NEW, Status.VERIFIED])
    elif scope == "desk":
        queryset = queryset.for_agency_officer(user)
    elif scope == "mine":
        queryset = queryset.filter(logged_by=user)
    elif scope == "approve":
        if not permissions.can_approve_public(user):
            raise PermissionDenied
        queryset = queryset.filter(first_response_at__isnull=False, published_at__isnull=True)
    else:
        raise Http404
    status = request.GET.get("status")
    if status in Status.values:
        queryset = queryset.filter(status=status)
    elif scope == "desk":
        queryset = queryset.open()
    page = Paginator(queryset.order_by("received_at"), PAGE_SIZE).get_page(request.GET.get("p"))
    annotate_lateness(page.object_list)
    return render(
        request,
        "complaints/admin/list.html",
        {
            "page_title": SCOPES[scope],
            "header_icon": "list-ul",
            "scope": scope,
            "page": page,
            "statuses": Status.choices,
            "status": status,
            "is_triage": permissions.is_triage(user),
        },
    )


def _visible_complaint(request, pk):
    complaint = get_object_or_404(Complaint.objects.select_related("agency", "region"), pk=pk)
    if not permissions.can_view(request.user, complaint):
        raise Http404
    return complaint


def detail(request, pk, contact=None, bound=None):
    complaint = _visible_complaint(request, pk)
    user = request.user
    triage = permissions.is_triage(user)
    officer = permissions.is_officer_of(user, complaint.agency)
    calendar = WorkingCalendar()
    bound = bound or {}
    context = {
        "page_title": complaint.reference,
        "page_subtitle": complaint.get_kind_display(),
        "header_icon": "mail",
        "complaint": complaint,
        "answers": complaint.answers.select_related("author", "agency"),
        "duplicates": complaint.duplicates.all(),
        "deadlines": deadlines(complaint, calendar=calendar),
        "overdue": is_overdue(
            complaint, as_of=timezone.now().astimezone(JAKARTA).date(), calendar=calendar
        ),
        "is_triage": triage,
        "is_officer": officer,
        "can_answer": permissions.can_answer(user, complaint),
        "can_view_contact": permissions.can_view_contact(user, complaint),
        "can_publish": permissions.can_approve_public(user),
        "is_logger": complaint.logged_by_id == user.pk,
        "contact": contact,
        "reply": channel_reply(complaint),
    }
    if triage:
        context.update(
            contact_views=complaint.contact_views.select_related("user")[:50],
            flags=complaint_flags(complaint.text),
            verify_form=bound.get("verify")
            or forms.VerifyForm(initial={"kind": complaint.kind, "subject": complaint.subject}),
            route_form=bound.get("route") or forms.RouteForm(initial={"agency": complaint.agency}),
            lapor_form=bound.get("lapor")
            or forms.LaporForm(
                initial={
                    "tracking": complaint.lapor_tracking,
                    "lapor_status": complaint.lapor_status or "terkirim",
                }
            ),
            merge_form=bound.get("merge") or forms.MergeForm(),
            link_form=bound.get("link") or forms.LinkAnswerForm(),
            reject_form=bound.get("reject") or forms.RejectForm(),
        )
    if context["can_answer"]:
        context.update(
            answer_form=bound.get("answer") or forms.AnswerForm(),
            send_back_form=bound.get("send_back") or forms.SendBackForm(),
        )
    if context["can_publish"] and complaint.kind == Kind.HOAX_REPORT:
        if not complaint.fact_check_page_id:
            context["fact_check_form"] = bound.get("fact_check") or forms.FactCheckForm(
                initial={"title": _("[HOAX] %(subject)s") % {"subject": complaint.subject}}
            )
    if context["can_publish"]:
        context["publish_form"] = bound.get("publish") or forms.PublishForm(
            initial={"question": complaint.public_question or complaint.text}
        )
    return render(request, "complaints/admin/detail.html", context)


def private_file(request, pk, answer=None):
    """A screenshot or an answer's attachment, for those who may see the complaint."""
    complaint = _visible_complaint(request, pk)
    if answer is None:
        field = complaint.screenshot
    else:
        field = get_object_or_404(complaint.answers, pk=answer).attachment
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=False, filename=os.path.basename(field.name))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def show_contact(request, pk):
    complaint = _visible_complaint(request, pk)
    contact = services.contact_view(complaint=complaint, user=request.user)
    return detail(request, pk, contact=contact)


ACTIONS = {
    # name: (form class or None, service, keyword arguments from the form)
    "verify": (
        forms.VerifyForm,
        lambda c, u, d: services.complaint_verify(
            complaint=c, user=u, kind=d["kind"], subject=d["subject"], note=d["note"]
        ),
    ),
    "route": (
        forms.RouteForm,
        lambda c, u, d: services.complaint_route(
            complaint=c, user=u, agency=d["agency"], note=d["note"]
        ),
    ),
    "lapor": (
        forms.LaporForm,
        lambda c, u, d: services.complaint_forward_to_lapor(
            complaint=c, user=u, tracking=d["tracking"], lapor_status=d["lapor_status"]
        ),
    ),
    "merge": (
        forms.MergeForm,
        lambda c, u, d: services.complaint_merge(complaint=c, user=u, into=d["into"]),
    ),
    "link": (
        forms.LinkAnswerForm,
        lambda c, u, d: services.complaint_link_answer(
            complaint=c, user=u, answered_by=d["answered_by"]
        ),
    ),
    "reject": (
        forms.RejectForm,
        lambda c, u, d: services.complaint_reject(complaint=c, user=u, note=d["note"]),
    ),
    "answer": (
        forms.AnswerForm,
        lambda c, u, d: services.answer_add(
            complaint=c,
            user=u,
            text=d["text"],
            attachment=d["attachment"],
            resolves=d["resolves"],
        ),
    ),
    "send_back": (
        forms.SendBackForm,
        lambda c, u, d: services.complaint_send_back(complaint=c, user=u, reason=d["reason"]),
    ),
    "posted_back": (
        None,
        lambda c, u, d: services.complaint_mark_posted_back(complaint=c, user=u),
    ),
    "publish": (
        forms.PublishForm,
        lambda c, u, d: services.public_answer_publish(complaint=c, user=u, question=d["question"]),
    ),
    "fact_check": (
        forms.FactCheckForm,
        lambda c, u, d: fact_check_create(complaint=c, user=u, **d),
    ),
    "withdraw": (
        None,
        lambda c, u, d: services.public_answer_withdraw(complaint=c, user=u),
    ),
}


@require_POST
def action(request, pk, name):
    if name not in ACTIONS:
        raise Http404
    complaint = _visible_complaint(request, pk)
    form_class, service = ACTIONS[name]
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return detail(request, pk, bound={name: form})
    try:
        service(complaint, request.user, form.cleaned_data if form else {})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("complaints_detail", pk)
    messages.success(request, _("Saved."))
    if not permissions.can_view(request.user, Complaint.objects.get(pk=pk)):
        # An agency that sent it back no longer sees it.
        return redirect("complaints_desk")
    return redirect("complaints_detail", pk)


def fact_checks(request):
    """Hoax reports waiting for the editors' fact check."""
    if not permissions.can_approve_public(request.user):
        raise PermissionDenied
    queryset = (
        Complaint.objects.filter(kind=Kind.HOAX_REPORT, fact_check_page__isnull=True)
        .exclude(status=Status.REJECTED)
        .order_by("received_at")
    )
    return render(
        request,
        "complaints/admin/fact_checks.html",
        {"page_title": _("Hoax reports to check"), "header_icon": "warning", "items": queryset},
    )


def _report_dates(request):
    today = timezone.now().astimezone(JAKARTA).date()

    def parse(name, default):
        try:
            return date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return default

    date_to = parse("to", today)
    date_from = parse(
        "from", date_to.replace(day=1) if "to" in request.GET else today.replace(day=1)
    )
    return date_from, date_to, parse("as_of", today)


def reports(request):
    if not permissions.can_see_reports(request.user):
        raise PermissionDenied
    date_from, date_to, as_of = _report_dates(request)
    report = complaint_report(date_from=date_from, date_to=date_to, as_of=as_of)
    if request.GET.get("format") == "csv":
        return _report_csv(report, date_from, date_to, as_of)
    calendar = WorkingCalendar()
    in_range = complaints_in_range(date_from=date_from, date_to=date_to).select_related("agency")
    overdue = [c for c in in_range.open() if is_overdue(c, as_of=as_of, calendar=calendar)]
    months = _by_month(in_range)
    labels = dict(Channel.choices)
    agency_names = dict(Agency.objects.values_list("slug", "name"))
    return render(
        request,
        "complaints/admin/reports.html",
        {
            "page_title": _("Complaint reports"),
            "header_icon": "doc-full",
            "report": report,
            "date_from": date_from,
            "date_to": date_to,
            "as_of": as_of,
            "overdue": overdue,
            "channel_chart": bar_chart(
                [(labels[k], v) for k, v in report["by_channel"].items()],
                title=_("By channel"),
            ),
            "kind_chart": bar_chart(
                [(Kind(k).label, v) for k, v in report["by_kind"].items()], title=_("By kind")
            ),
            "month_chart": bar_chart(months, title=_("By month")),
            "agency_rows": [
                {**row, "name": agency_names.get(row["agency"], row["agency"])}
                for row in report["agencies"]
            ],
            "status_rows": [(Status(k).label, v) for k, v in report["by_status"].items()],
            "share_percent": round(report["social_media_share"] * 100, 1),
        },
    )


def _by_month(queryset):
    counts = {}
    for received in queryset.values_list("received_at", flat=True):
        key = received.astimezone(JAKARTA).strftime("%Y-%m")
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


def _report_csv(report, date_from, date_to, as_of):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="aduan-{date_from:%Y%m%d}-{date_to:%Y%m%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["section", "key", "value"])
    writer.writerow(["range", "from", date_from.isoformat()])
    writer.writerow(["range", "to", date_to.isoformat()])
    writer.writerow(["range", "as_of", as_of.isoformat()])
    for key in ("received", "resolved", "in_progress", "social_media_share"):
        writer.writerow(["total", key, report[key]])
    for section in ("by_channel", "by_kind", "by_status"):
        for key, value in report[section].items():
            writer.writerow([section, key, value])
    writer.writerow([])
    columns = [
        "agency",
        "received",
        "resolved",
        "in_progress",
        "overdue",
        "median_first_response_hours",
        "median_resolution_hours",
    ]
    writer.writerow(columns)
    for row in report["agencies"]:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return response
