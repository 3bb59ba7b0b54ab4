from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, register_converter
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from complaints.public_views import AnswerSitemap
from home import feeds, views
from home.converters import RegionCodeConverter
from kim.views import MemberAccountView
from moderation.views import WorkflowReportView

from .health import healthz

register_converter(RegionCodeConverter, "region_code")

urlpatterns = [
    # Before Wagtail's admin URLs, so that it answers /admin/account/ in their place.
    path(
        "admin/account/",
        require_admin_access(MemberAccountView.as_view()),
        name="wagtailadmin_account",
    ),
    # Before Wagtail's, so that they answer the workflow report (its filter and page size).
    path(
        "admin/reports/workflow/",
        never_cache(require_admin_access(WorkflowReportView.as_view())),
        name="moderation_workflow_report",
    ),
    path(
        "admin/reports/workflow/results/",
        never_cache(require_admin_access(WorkflowReportView.as_view(results_only=True))),
        name="moderation_workflow_report_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, {"extra": {"tanggapan": AnswerSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("cari/", views.search, name="search"),
    path("kategori/<slug:slug>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("wilayah/<region_code:code>/", views.region, name="region"),
    path("feed/rss/", feeds.LatestPostsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    path("feed/kelompok/<slug:slug>/rss/", feeds.GroupPostsFeed(), name="group_feed_rss"),
    path("feed/kelompok/<slug:slug>/atom/", feeds.GroupPostsAtomFeed(), name="group_feed_atom"),
    path("", include("complaints.urls")),
    # Wagtail's page view, in front of the same pattern in wagtail_urls; not for Wagtail's
    # own /_util/ addresses there (the page password and login forms post to them).
    re_path(
        r"^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^"),
        views.serve,
        name="wagtail_serve",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
