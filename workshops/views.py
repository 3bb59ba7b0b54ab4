"""Admin views: workshops, login cards, the progress board, moves, purge, guides and monev."""

import csv
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import select_template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from kim.models import ContributorGroup

from . import cards, charts, exercises, guides, monev, progress, services
from .forms import (
    AddParticipantsForm,
    MonevFilterForm,
    PurgeForm,
    RegenerateForm,
    TrainersForm,
    WorkshopForm,
    real_groups,
)
from .models import Participant, Workshop
from .permissions import (
    can_create_workshops,
    can_run_workshop,
    can_see_monev,
    workshops_visible_to,
)


def _workshop(request, pk):
    workshop = get_object_or_404(Workshop.objects.select_related("sandbox__page"), pk=pk)
    if not can_run_workshop(request.user, workshop):
        raise PermissionDenied
    return workshop


def workshop_list(request):
    if not can_create_workshops(request.user):
        raise PermissionDenied
    workshops = workshops_visible_to(request.user).prefetch_related("trainers")
    return render(
        request,
        "workshops/workshop_list.html",
        {
            "page_title": _("Workshops"),
            "header_icon": "group",
            "workshops": workshops,
        },
    )


def workshop_create(request):
    if not can_create_workshops(request.user):
        raise PermissionDenied
    form = WorkshopForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        started = timezone.now()
        workshop, credentials = services.workshop_create(
            title=data["title"],
            date=data["date"],
            place=data["place"],
            region=data["region"],
            trainers=data["trainers"],
            entries=data["entries"],
            created_by=request.user,
        )
        seconds = (timezone.now() - started).total_seconds()
        return _cards(request, workshop, credentials, seconds=seconds)
    return render(
        request,
        "workshops/workshop_form.html",
        {
            "page_title": _("New workshop"),
            "header_icon": "plus",
            "form": form,
        },
    )


def _cards(request, workshop, credentials, *, seconds=None):
    # The passwords exist only in this response: they are not stored and cannot be shown
    # again; printing the cards again means making new passwords.
    url = cards.login_url(request)
    csv_text = cards.cards_csv(workshop, credentials, url)
    response = render(
        request,
        "workshops/cards.html",
        {
            "workshop": workshop,
            "credentials": credentials,
            "login_url": url,
            "qr": cards.qr_svg(url),
            "seconds": seconds,
            "csv_href": "data:text/csv;charset=utf-8," + quote(csv_text),
            "csv_name": f"kartu-login-pelatihan-{workshop.pk}.csv",
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def workshop_detail(request, pk):
    workshop = _workshop(request, pk)
    participants = workshop.participants.select_related("home_group", "user")
    return render(
        request,
        "workshops/workshop_detail.html",
        {
            "page_title": workshop.title,
            "page_subtitle": _("Workshop"),
            "header_icon": "group",
            "workshop": workshop,
            "participants": participants,
            "add_form": AddParticipantsForm(),
            "regenerate_form": RegenerateForm(),
            "trainers_form": TrainersForm(initial={"trainers": list(workshop.trainers.all())}),
        },
    )


@require_POST
def participants_add(request, pk):
    workshop = _workshop(request, pk)
    form = AddParticipantsForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) or [_("Check the participants' list.")]:
            messages.error(request, error)
        return redirect("workshops_detail", pk=workshop.pk)
    try:
        credentials = services.participants_add(
            workshop=workshop, entries=form.cleaned_data["entries"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workshops_detail", pk=workshop.pk)
    return _cards(request, workshop, credentials)


@require_POST
def passwords_regenerate(request, pk):
    workshop = _workshop(request, pk)
    form = RegenerateForm(request.POST)
    form.is_valid()
    participants = Participant.objects.filter(workshop=workshop)
    if not form.cleaned_data.get("everyone"):
        participants = participants.filter(user__member_profile__must_change_password=True)
    chosen = request.POST.getlist("participant")
    if chosen:
        participants = participants.filter(pk__in=chosen)
    credentials = services.passwords_regenerate(workshop=workshop, participants=participants)
    if not credentials:
        messages.warning(request, _("No participant needed a new password."))
        return redirect("workshops_detail", pk=workshop.pk)
    return _cards(request, workshop, credentials)


@require_POST
def trainers_set(request, pk):
    workshop = _workshop(request, pk)
    form = TrainersForm(request.POST)
    if form.is_valid():
        services.workshop_set_trainers(workshop=workshop, trainers=form.cleaned_data["trainers"])
        messages.success(request, _("Trainers saved."))
    return redirect("workshops_detail", pk=workshop.pk)


def board(request, pk):
    workshop = _workshop(request, pk)
    return render(
        request,
        "workshops/board.html",
        {
            "page_title": workshop.title,
            "page_subtitle": _("Progress board"),
            "header_icon": "view",
            "workshop": workshop,
            "steps": progress.STEPS,
        },
    )


@never_cache
def board_data(request, pk):
    workshop = _workshop(request, pk)
    rows = progress.board(workshop)
    return JsonResponse(
        {
            "updated": timezone.localtime().strftime("%H:%M:%S"),
            "summary": progress.summary(rows),
            "participants": [row.as_dict() for row in rows],
        }
    )


def participants_move(request, pk):
    workshop = _workshop(request, pk)
    groups = list(real_groups().order_by("name"))
    participants = list(workshop.participants.in_sandbox().select_related("home_group"))
    if request.method == "POST":
        by_pk = {group.pk: group for group in groups}
        moved = 0
        for participant in participants:
            if str(participant.pk) not in request.POST.getlist("move"):
                continue
            group = by_pk.get(_int(request.POST.get(f"group-{participant.pk}")))
            if group is None:
                messages.error(
                    request, _("Choose a group for %(name)s.") % {"name": participant.full_name}
                )
                continue
            services.participant_move(participant=participant, to_group=group)
            moved += 1
        if moved:
            messages.success(
                request, _("%(n)d participant(s) moved to their group.") % {"n": moved}
            )
        return redirect("workshops_detail", pk=workshop.pk)
    return render(
        request,
        "workshops/move.html",
        {
            "page_title": _("Move participants to their groups"),
            "page_subtitle": workshop.title,
            "header_icon": "arrow-right",
            "workshop": workshop,
            "participants": participants,
            "groups": groups,
        },
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def purge(request, pk):
    workshop = _workshop(request, pk)
    if not workshop.is_open:
        messages.warning(request, _("This workshop's sandbox has already been purged."))
        return redirect("workshops_detail", pk=workshop.pk)
    form = PurgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.workshop_purge(workshop=workshop, user=request.user)
        messages.success(
            request,
            _(
                "Sandbox purged: %(pages)d pages, %(images)d photos, %(documents)d documents and "
                "%(accounts)d accounts deleted. Attendance and results are kept."
            )
            % vars(result),
        )
        return redirect("workshops_detail", pk=workshop.pk)
    sandbox = workshop.sandbox
    counts = {}
    if sandbox is not None and sandbox.page_id:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        counts = {
            "pages": sandbox.page.get_descendants().count(),
            "images": get_image_model().objects.filter(collection=sandbox.collection_id).count(),
            "documents": get_document_model()
            .objects.filter(collection=sandbox.collection_id)
            .count(),
            "accounts": workshop.participants.in_sandbox().count(),
            "moved": workshop.participants.filter(moved_at__isnull=False).count(),
        }
    return render(
        request,
        "workshops/purge.html",
        {
            "page_title": _("Purge the sandbox"),
            "page_subtitle": workshop.title,
            "header_icon": "bin",
            "workshop": workshop,
            "form": form,
            "counts": counts,
        },
    )


def _participation(user):
    return (
        Participant.objects.in_sandbox()
        .filter(user=user, workshop__status="open")
        .select_related("workshop__sandbox")
        .first()
    )


def exercise_list(request):
    participation = _participation(request.user)
    trainer_workshops = workshops_visible_to(request.user).open().exists()
    if participation is None and not trainer_workshops:
        raise PermissionDenied
    return render(
        request,
        "workshops/exercises.html",
        {
            "page_title": _("Exercises"),
            "header_icon": "edit",
            "exercises": exercises.EXERCISES,
            "intro": exercises.INTRO,
            "participation": participation,
            "is_trainer": bool(trainer_workshops),
        },
    )


@require_POST
def exercise_start(request, slug):
    exercise = exercises.BY_SLUG.get(slug)
    participation = _participation(request.user)
    if exercise is None or participation is None:
        raise Http404
    post = services.exercise_start(
        user=request.user, workshop=participation.workshop, exercise=exercise
    )
    return redirect("wagtailadmin_pages:edit", post.pk)


@login_required
def guide_list(request):
    return render(
        request,
        "workshops/guide_list.html",
        {
            "page_title": _("Guides"),
            "header_icon": "help",
            "guides": guides.GUIDES,
        },
    )


@login_required
def guide_detail(request, slug):
    guide = guides.BY_SLUG.get(slug)
    if guide is None:
        raise Http404
    return render(
        request,
        "workshops/guide_detail.html",
        {
            "page_title": guide.title,
            "page_subtitle": _("Guides"),
            "header_icon": "help",
            "guide": guide,
            "content_template": select_template([guide.template]).template.name,
            "guides": guides.GUIDES,
        },
    )


def _monev_filters(request):
    form = MonevFilterForm(request.GET or None)
    period = monev.Period.default()
    groups = ContributorGroup.objects.all()
    district = None
    if form.is_valid():
        data = form.cleaned_data
        period = monev.Period(data.get("start") or period.start, data.get("end") or period.end)
        district = data.get("kabupaten")
        if district is not None:
            groups = groups.in_region(district)
    return form, period, groups, district


def monev_report(request):
    if not can_see_monev(request.user):
        raise PermissionDenied
    form, period, groups, district = _monev_filters(request)
    report = monev.report(period=period, groups=groups)
    if request.GET.get("format") == "csv":
        return _monev_csv(report, level=request.GET.get("level", "group"))
    month_items = [
        (monev.month_label(m), report.total.posts_by_month.get(m, 0)) for m in report.months
    ]
    return render(
        request,
        "workshops/monev.html",
        {
            "page_title": _("Monitoring and evaluation"),
            "header_icon": "table",
            "form": form,
            "report": report,
            "district": district,
            "query": request.GET.urlencode(),
            "months_chart": charts.column_chart(month_items, title=_("Published posts per month")),
            "reasons_chart": charts.bar_chart(
                report.total.top_reasons(), title=_("Most common reasons for sending back")
            ),
            "flags_chart": charts.bar_chart(
                report.total.top_flags(), title=_("Most common pre-check flags")
            ),
        },
    )


def monev_group(request, pk):
    """One group's evidence pack: activity, timeliness and variety, e.g. for a KIM contest."""
    if not can_see_monev(request.user):
        raise PermissionDenied
    group = get_object_or_404(
        ContributorGroup.objects.select_related("region__parent"), pk=pk, is_training=False
    )
    form, period, _groups, _district = _monev_filters(request)
    report = monev.report(period=period, groups=ContributorGroup.objects.filter(pk=group.pk))
    if not report.groups:
        raise Http404
    stats = report.groups[0].stats
    month_items = [(monev.month_label(m), stats.posts_by_month.get(m, 0)) for m in report.months]
    return render(
        request,
        "workshops/monev_group.html",
        {
            "page_title": group.name,
            "page_subtitle": _("Evidence pack"),
            "header_icon": "doc-full",
            "group": group,
            "form": form,
            "report": report,
            "stats": stats,
            "months_chart": charts.column_chart(month_items, title=_("Published posts per month")),
            "categories_chart": charts.bar_chart(
                stats.categories.most_common(), title=_("Posts by category")
            ),
            "reasons_chart": charts.bar_chart(
                stats.top_reasons(), title=_("Most common reasons for sending back")
            ),
            "flags_chart": charts.bar_chart(
                stats.top_flags(), title=_("Most common pre-check flags")
            ),
        },
    )


def _monev_csv(report, *, level):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"monev-{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}-{level}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    months = report.months
    head = [_("Group"), _("Kind"), _("KIM.ID number")] if level == "group" else [_("Groups")]
    writer.writerow(
        [
            _("Sub-district"),
            *head,
            _("Published posts"),
            *[monev.month_label(m) for m in months],
            _("Active months"),
            _("Decided submissions"),
            _("Approval rate (%)"),
            _("Median review time (hours)"),
            _("Median days from event to post"),
            _("Most common reasons"),
            _("Most common pre-check flags"),
            _("Categories"),
            _("Last activity"),
            _("Workshops attended"),
        ]
    )
    if level == "group":
        lines = [
            (
                row.subdistrict,
                [row.group.name, row.group.get_kind_display(), row.group.kim_id_number],
                row.stats,
            )
            for row in report.groups
        ]
    else:
        lines = [(area.region, [area.groups], area.stats) for area in report.areas]
    for region, head_cells, stats in lines:
        writer.writerow(
            [
                region.name if region else _("District level"),
                *head_cells,
                stats.posts,
                *[stats.posts_by_month.get(m, 0) for m in months],
                stats.active_months,
                stats.decided,
                "" if stats.approval_rate is None else stats.approval_rate,
                "" if stats.median_review_hours is None else stats.median_review_hours,
                "" if stats.median_event_delay_days is None else stats.median_event_delay_days,
                "; ".join(f"{text} ({n})" for text, n in stats.top_reasons()),
                "; ".join(f"{text} ({n})" for text, n in stats.top_flags()),
                "; ".join(f"{text} ({n})" for text, n in stats.categories.most_common()),
                timezone.localtime(stats.last_activity).strftime("%Y-%m-%d %H:%M")
                if stats.last_activity
                else "",
                stats.workshops,
            ]
        )
    return response
