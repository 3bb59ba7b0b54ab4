import logging

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.listing import ExplorableIndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageLogEntry, Task, TaskState
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import CreateView, EditView

from . import views
from .models import Category, ContributorGroup, GroupPage, PostPage, Region
from .permissions import groups_managed_by, is_district_staff
from .services import group_sync

logger = logging.getLogger(__name__)

register_snippet(Category)


class RegionListFilter(admin.SimpleListFilter):
    level = None

    def lookups(self, request, model_admin):
        regions = Region.objects.filter(level=self.level)
        if self.level == "subdistrict":
            district = request.GET.get("kabupaten")
            if not district:
                return []
            regions = regions.filter(parent__code=district)
        else:
            regions = regions.filter(children__contributor_groups__isnull=False) | regions.filter(
                children__children__contributor_groups__isnull=False
            )
        return [(r.code, r.name) for r in regions.distinct().order_by("name")]

    def queryset(self, request, queryset):
        code = self.value()
        if not code:
            return queryset
        region = Region.objects.filter(code=code).first()
        return queryset.in_region(region) if region else queryset.none()


class DistrictFilter(RegionListFilter):
    title = _("district")
    parameter_name = "kabupaten"
    level = "district"


class SubdistrictFilter(RegionListFilter):
    title = _("sub-district")
    parameter_name = "kecamatan"
    level = "subdistrict"


class SyncMixin:
    """Save the registry record and bring its page, groups and rights in step, atomically."""

    def form_valid(self, form):
        was_new = form.instance.pk is None
        try:
            with transaction.atomic():
                response = super().form_valid(form)
                group_sync(group=self.instance, user=self.request.user)
        except Exception:
            # The transaction rolled back, so nothing half-made remains; keep what was typed.
            logger.exception("Could not set up contributor group %s", form.instance)
            if was_new:
                form.instance.pk = None
            messages.error(
                self.request,
                _(
                    "The group could not be saved: its page, members' rights or collection "
                    "could not be set up. Nothing was changed; please try again."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form))
        return response


class ContributorGroupCreateView(SyncMixin, CreateView):
    pass


class ContributorGroupEditView(SyncMixin, EditView):
    pass


class ContributorGroupAdmin(ModelAdmin):
    model = ContributorGroup
    menu_label = _("Group registry")
    menu_icon = "group"
    menu_order = 210
    add_to_settings_menu = False
    create_view_class = ContributorGroupCreateView
    edit_view_class = ContributorGroupEditView
    list_display = ("name", "kind", "region", "status", "kim_id_number", "decree_number")
    list_filter = (DistrictFilter, SubdistrictFilter, "kind", "status")
    search_fields = ("name", "kim_id_number", "decree_number", "chair", "region__name")
    list_export = (
        "name",
        "kind",
        "status",
        "region",
        "kim_id_number",
        "decree_number",
        "decree_date",
        "chair",
        "secretary",
        "treasurer",
        "contact_phone",
        "contact_email",
    )
    export_filename = "registri-kelompok"
    form_fields_exclude = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region")


modeladmin_register(ContributorGroupAdmin)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("kim/anggota/", views.member_groups, name="kim_member_groups"),
        path("kim/kelompok/<int:pk>/anggota/", views.member_list, name="kim_members"),
        path("kim/kelompok/<int:pk>/anggota/tambah/", views.member_add, name="kim_member_add"),
        path(
            "kim/kelompok/<int:pk>/anggota/<int:user_id>/sandi/",
            views.member_reset_password,
            name="kim_member_reset_password",
        ),
        path(
            "kim/kelompok/<int:pk>/anggota/<int:user_id>/aktif/",
            views.member_set_active,
            name="kim_member_set_active",
        ),
        path(
            "kim/kelompok/<int:pk>/anggota/<int:user_id>/pindah/",
            views.member_move,
            name="kim_member_move",
        ),
        path("kim/ganti-sandi/", views.first_password, name="kim_first_password"),
        path("kim/cakupan/", views.coverage, name="kim_coverage"),
    ]


class MembersMenuItem(MenuItem):
    def is_shown(self, request):
        return groups_managed_by(request.user).exists()


class DistrictStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_district_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    return MembersMenuItem(_("Members"), reverse("kim_member_groups"), icon_name="user", order=220)


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return DistrictStaffMenuItem(
        _("Coverage"), reverse("kim_coverage"), icon_name="site", order=230
    )


class ScopedPageFilterSet(PageFilterSet):
    """Offer as owners and editors only those of the pages listed.

    Wagtail's filters offer every user who owns or edited any page on the site: in a province
    that is thousands of checkboxes in every listing, each with a member's name, whichever
    group's pages are shown.
    """

    def __init__(self, *args, parent_page, **kwargs):
        super().__init__(*args, **kwargs)
        pages = Page.objects.child_of(parent_page)
        users = get_user_model().objects.order_by("first_name", "last_name", "username")
        self.filters["owner"].queryset = users.filter(pk__in=pages.values("owner_id"))
        self.filters["edited_by"].queryset = users.filter(
            pk__in=PageLogEntry.objects.filter(
                action="wagtail.edit", page__in=pages.values("pk")
            ).values("user_id")
        )


class ExplorerListingView(ExplorableIndexView):
    def get_filterset_kwargs(self):
        return super().get_filterset_kwargs() | {"parent_page": self.parent_page}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        share_specific_workflow_tasks(context["object_list"])
        return context


def share_specific_workflow_tasks(pages):
    """Fetch the listed pages' current review steps as their own types, all at once.

    Each row in review asks for its task state's and its task's own type (for the lock
    icon and the buttons): two queries per row otherwise.
    """
    states = [
        state
        for page in pages
        for state in getattr(page, "_current_workflow_states", ())[:1]
        if state.current_task_state_id
    ]
    if not states:
        return
    task_states = TaskState.objects.filter(
        pk__in={state.current_task_state_id for state in states}
    ).specific()
    task_states = {task_state.pk: task_state for task_state in task_states}
    tasks = Task.objects.filter(pk__in={task_state.task_id for task_state in task_states.values()})
    tasks = {task.pk: task for task in tasks.specific()}
    for state in states:
        task_state = task_states[state.current_task_state_id]
        task_state.task = tasks[task_state.task_id]
        state.current_task_state = task_state


class ExplorerViewSet(PageViewSet):
    """Pages listed in the explorer 25 at a time, as 50 take half a second to render."""

    index_view_class = ExplorerListingView
    filterset_class = ScopedPageFilterSet
    list_per_page = 25


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    # A group's posts, and the group directory.
    return [ExplorerViewSet(model=PostPage), ExplorerViewSet(model=GroupPage)]
