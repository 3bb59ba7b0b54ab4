"""Settings shared by every environment; deployment values come from the environment."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "admin_i18n",
    "home",
    "kim",
    "signin",
    "workshops",
    "photos",
    "demo",
    "crossposting",
    "pagecache",
    "benchdata",
    "complaints",
    "operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After Wagtail: its ready() must have connected the e-mail notifiers this app replaces.
    "moderation",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Its Indonesian catalogue translates the relative times in Wagtail's workflow status.
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost but for the above: every response gets its headers, static files and page
    # cache hits included, and cached pages are stored without them.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for readers on slow connections (whitenoise compresses static files
    # itself); cached pages come compressed from the page cache, which it then leaves alone.
    # Documents keep their bytes and length: Wagtail sends them with a Content-Encoding.
    "django.middleware.gzip.GZipMiddleware",
    # Outside the page cache, so cached pages answer If-None-Match/If-Modified-Since too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the session and locale middleware: a cached page is served without their work,
    # and stored with the headers they add.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kim.middleware.FirstPasswordMiddleware",
    # After the temporary password is replaced: enrol in or verify the second factor.
    "signin.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in (signin/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

# A SQLite file under var/ by default, so a fresh clone runs with no database server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the task worker write to one file. SQLite's default journal lets a
    # writer block every reader, and a transaction that reads before it writes cannot take
    # the write lock while another holds it: it fails at once with "database is locked",
    # whatever the timeout. So: WAL (readers never wait for the writer), transactions that
    # take the write lock when they begin (they queue instead of failing), and 20 s of
    # waiting for it. synchronous=NORMAL is safe with WAL (a power cut loses at most the
    # last transactions, never the file).
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
if IS_POSTGRES and env_bool("DB_PREPARED_STATEMENTS", True):
    # psycopg prepares a statement once a connection has run it 5 times, and PostgreSQL then
    # keeps its plan: planning a listing's query (ten joined tables) took 15 ms, running it
    # 1 ms. Needs the parameters bound server-side. Switch it off behind a connection pooler
    # in transaction mode (PgBouncer before 1.21), which cannot keep prepared statements.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "server_side_binding": True,
        "prepare_threshold": 5,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Indexes may include extra columns (kim_post_category) for PostgreSQL; SQLite leaves them out.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Pages, fragments (articles, cards) and renditions each in a cache of their own, sized for
# a district of 10,000 posts (README, Caching): one kind of entry cannot evict another.
PAGECACHE_MAX_ENTRIES = int(os.environ.get("PAGECACHE_MAX_ENTRIES", "20000"))
PAGECACHE_FRAGMENT_MAX_ENTRIES = int(os.environ.get("PAGECACHE_FRAGMENT_MAX_ENTRIES", "20000"))
CACHE_MAX_ENTRIES = int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))
_CACHE_SIZES = {
    "default": CACHE_MAX_ENTRIES,
    "pages": PAGECACHE_MAX_ENTRIES,
    "fragments": PAGECACHE_FRAGMENT_MAX_ENTRIES,
    "renditions": CACHE_MAX_ENTRIES,
}
# Without Redis: one local-memory cache per alias in each process.
LOCAL_CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"portal-{alias}",
        "OPTIONS": {"MAX_ENTRIES": size},
    }
    for alias, size in _CACHE_SIZES.items()
}
REDIS_URL = os.environ.get("REDIS_URL", "")
# With Redis: pages, and as many fragments and remembered values, each process also keeps
# in its own memory (0: none; about 4 KB a page, 1 to 8 KB a fragment), and the seconds a
# process trusts the cache generations it last read from Redis.
PAGECACHE_LOCAL_ENTRIES = int(os.environ.get("PAGECACHE_LOCAL_ENTRIES", "5000"))
PAGECACHE_GENERATION_CHECK = float(os.environ.get("PAGECACHE_GENERATION_CHECK", "1"))
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "portal")
if REDIS_URL:
    # One Redis, one key prefix per alias (several portals, or a test run, may share one
    # Redis: each needs its own CACHE_KEY_PREFIX). Redis's maxmemory and eviction policy
    # bound them together. While Redis is unreachable the portal runs uncached
    # (pagecache/backends.py); a short timeout keeps a dead Redis from holding up pages.
    CACHES = {
        alias: {
            "BACKEND": "pagecache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX if alias == "default" else f"{CACHE_KEY_PREFIX}:{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
        for alias in _CACHE_SIZES
    }
    if PAGECACHE_LOCAL_ENTRIES:
        # In front of Redis, the pages, fragments and generation.remember's values each
        # process read last (pagecache/stores.py): a hit there costs no round trip. Their
        # keys hold the generations, read from Redis at most PAGECACHE_GENERATION_CHECK
        # seconds before, so publications reach them within that.
        for alias in ("default", "pages", "fragments"):
            CACHES[f"{alias}-local"] = {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"portal-{alias}-local",
                "OPTIONS": {"MAX_ENTRIES": PAGECACHE_LOCAL_ENTRIES},
            }
else:
    CACHES = LOCAL_CACHES

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The worker's scheduler (manage.py run_worker, operations/scheduler.py): seconds between its
# runs (scheduled posts go live within this), and hours between the periodic jobs (0: off).
SCHEDULER_INTERVAL = float(os.environ.get("SCHEDULER_INTERVAL", "60"))
# Management commands the worker's scheduler runs, with the hours between runs.
SCHEDULED_COMMANDS = [("complaints_daily", 24)]
SCAN_PUBLIC_PAGES_EVERY_HOURS = float(os.environ.get("SCAN_PUBLIC_PAGES_EVERY_HOURS", "24"))
BACKUP_EVERY_HOURS = float(os.environ.get("BACKUP_EVERY_HOURS", "0"))
# Domains the public-page scan accepts besides the editors' allow-list (admin, Snippets).
SCAN_ALLOWED_DOMAINS = env_list("SCAN_ALLOWED_DOMAINS")
# Backups (manage.py backup / restore): where they go and how many are kept.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "7"))

# Full-page cache for anonymous readers (pagecache/): seconds a page stays in the cache above,
# and the max-age browsers and proxies are told. Publishing invalidates at once either way.
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
PAGECACHE_TIMEOUT = int(os.environ.get("PAGECACHE_TIMEOUT", "600"))
PAGECACHE_MAX_AGE = int(os.environ.get("PAGECACHE_MAX_AGE", "60"))
# Parts of pages kept per revision of their content (pagecache/fragments.py).
PAGECACHE_FRAGMENTS = env_bool("PAGECACHE_FRAGMENTS", True)
PAGECACHE_FRAGMENT_TIMEOUT = int(os.environ.get("PAGECACHE_FRAGMENT_TIMEOUT", "86400"))
# Without Redis, the processes on this machine share the cache generation through this file.
_database_name = str(DATABASES["default"]["NAME"]).replace("/", "_")
PAGECACHE_GENERATION_FILE = Path(
    os.environ.get("PAGECACHE_GENERATION_FILE")
    or Path(tempfile.gettempdir()) / f"portal-pagecache-{_database_name}"
)
# Optional reverse-proxy cache in front (docs/deploy/nginx.conf): Wagtail purges a page's
# address there when it is published or unpublished.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# django-axes first: it refuses a locked-out account or address before any password is
# checked. Then Django's model backend, which checks temporary passwords without re-hashing them.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "kim.backends.MemberBackend"]

# Sign-in throttling (django-axes, signin/handlers.py): an account is locked after
# SIGNIN_ACCOUNT_FAILURES wrong passwords, an address (a workshop room shares one) after
# SIGNIN_ADDRESS_FAILURES, each for SIGNIN_LOCKOUT_MINUTES after the last failure, unless a
# group admin or an editor unlocks it first (Admin > Sign-in lockouts).
SIGNIN_ACCOUNT_FAILURES = int(os.environ.get("SIGNIN_ACCOUNT_FAILURES", "5"))
SIGNIN_ADDRESS_FAILURES = int(os.environ.get("SIGNIN_ADDRESS_FAILURES", "50"))
AXES_FAILURE_LIMIT = SIGNIN_ACCOUNT_FAILURES
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_LOCKOUT_MINUTES", "30")))
AXES_HANDLER = "signin.handlers.SignInAttemptHandler"
AXES_LOCKOUT_CALLABLE = "signin.lockout.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "signin.handlers.attempted_username"
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False  # no banner at every start; failures and lockouts are still logged
# Reverse proxies in front (docs/deploy/nginx.conf: 1): the client's address is then the one
# the outermost of them appended to X-Forwarded-For (signin/addresses.py); 0: the connection's.
SIGNIN_PROXY_COUNT = int(os.environ.get("SIGNIN_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "signin.addresses.client_address"
# A second factor (TOTP with recovery codes, django-otp) is required of everyone who can
# publish, approve or manage accounts (signin/second_factor.py); members may enrol.
OTP_TOTP_ISSUER = os.environ.get("SITE_NAME", "Portal KIM")
WAGTAILADMIN_USER_LOGIN_FORM = "signin.forms.LoginForm"
# Temporary passwords (new members, resets) stop working after this many days; workshop
# participants' ones at the end of the workshop's day.
TEMPORARY_PASSWORD_DAYS = int(os.environ.get("TEMPORARY_PASSWORD_DAYS", "7"))

# Passwords in Argon2id (kim/hashers.py); Django's other hashers read older hashes, which are
# upgraded at sign-in; the last is for members' temporary passwords.
PASSWORD_HASHERS = [
    "kim.hashers.MemberPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "kim.hashers.TemporaryPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian is the default language; English is available on /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# admin_i18n is listed as well because Wagtail's JavaScript catalogue view reads only
# wagtail.admin's locale folder and LOCALE_PATHS, not every installed app.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "admin_i18n" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "portal.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
# Uploads on S3-compatible object storage (django-storages) when a bucket is named, so that
# app servers keep no files of their own and can be added or replaced freely. Credentials come
# from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. URLs are signed by default (a private
# bucket: documents stay behind Wagtail's serve view); AWS_QUERYSTRING_AUTH=false for a bucket
# or AWS_S3_CUSTOM_DOMAIN that serves images publicly.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
        },
    }

# Uploads: never more than 10 MB, and never served as anything but inert files.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_MODEL = "photos.Photo"
# Every admin upload (single, multiple, chooser) goes through this form: a broken photo is
# refused with a message instead of failing later at each rendition.
WAGTAILIMAGES_IMAGE_FORM_BASE = "photos.forms.PhotoForm"
# Refused from the file's header, before any decoding: 40 megapixels is more than any phone
# camera gives (a 48 MP sensor saves 12 MP by default), and decoding one takes about 160 MB.
# A 345 KB PNG can claim 11,000 x 11,000 pixels: decoding it took 13 s and 1.1 GB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Portal KIM")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Review requests go to the editors whose role and page permissions let them act on a post
# (moderation.notifications); an account is not one of them for being a superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would learn who uses the admin (a hash of their e-mail) and
# the admin's CSP loads images only from the portal.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's responsive wrapper sets an inline style, which the public pages' CSP refuses;
# portal.css gives embedded players their 16:9 shape instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# What a reviewer approved is what gets published: edits during moderation need re-approval.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Posts and group pages go live only this way, once both reviews approved (moderation/publishing).
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.publishing.publish_reviewed"
MODERATION_TARGET_HOURS = int(os.environ.get("MODERATION_TARGET_HOURS", "24"))

# Complaints (Aduan): the public form, its throttle, working-day targets and data retention.
COMPLAINTS_PUBLIC_FORM = os.environ.get("COMPLAINTS_PUBLIC_FORM", "true").lower() == "true"
COMPLAINTS_FORM_LIMIT = int(os.environ.get("COMPLAINTS_FORM_LIMIT", "5"))  # per address per hour
COMPLAINTS_DISKOMINFO_EMAIL = os.environ.get("COMPLAINTS_DISKOMINFO_EMAIL", "")
COMPLAINTS_ERASE_AFTER_MONTHS = int(os.environ.get("COMPLAINTS_ERASE_AFTER_MONTHS", "12"))
# Working days to verify and to answer, per kind of complaint.
COMPLAINTS_TARGETS = {
    kind: {
        "verify": int(os.environ.get("COMPLAINTS_VERIFY_DAYS", "3")),
        "answer": int(os.environ.get("COMPLAINTS_ANSWER_DAYS", "5")),
    }
    for kind in ("aduan", "pertanyaan", "aspirasi", "laporan_hoaks")
}

# PostgreSQL ships an Indonesian snowball stemmer; SQLite's FTS5 has none.
_SEARCH_CONFIG = {"SEARCH_CONFIG": "indonesian"} if IS_POSTGRES else {}
WAGTAILSEARCH_BACKENDS = {
    # The admin's search, and the public site search on SQLite (on PostgreSQL it reads
    # its own stored vectors, home/search.py).
    "default": {"BACKEND": "wagtail.search.backends.database", **_SEARCH_CONFIG},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal-kim@localhost")


# --- Content-Security-Policy (django-csp; portal/csp.py) --------------------------------
# Public pages run only the portal's own scripts and styles, from files: no inline script,
# no style attribute, nothing from another host but photos from the media host and players
# of the video sites an editor may embed.
def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


CSP_MEDIA_SOURCES = [
    origin
    for origin in (
        _origin(MEDIA_URL),
        _origin(os.environ.get("AWS_S3_ENDPOINT_URL", "")),
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else None,
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com" if AWS_STORAGE_BUCKET_NAME else None,
    )
    if origin
]
# Video players an embed block may show (Wagtail's oEmbed finders): their iframes only.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com,"
    "https://www.facebook.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_SOURCES],
        "media-src": [SELF, *CSP_MEDIA_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Wagtail's preview shows pages in a frame of the admin, on the same origin.
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
# The Wagtail admin's policy (portal/csp.py), the narrowest the admin works under (found by
# tests/browser/test_content_security_policy.py, which walks it with the policy on). Wagtail
# 8 still runs inline scripts whose text differs per field and page (InlinePanel, the date
# and time widgets: without them a post's sources cannot be added), its focal-point cropper
# (Jcrop) sets inline event handlers, and its editor's bundle inserts <style> elements and
# style attributes: neither a nonce nor hashes can cover those, so scripts and styles need
# 'unsafe-inline', and images blob: (upload previews). The rest stays as strict as the
# public pages': nothing from another host, no plugins, no <base>, forms post only here,
# framed only by the portal itself.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_SOURCES],
    },
}
CSP_ADMIN_PREFIXES = ("/admin/",)
# Powerful browser features no page of the portal uses (a file input needs no camera
# permission: the phone's camera is offered by the file picker).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

PORTAL_POSTS_PER_PAGE = 12
PORTAL_DISTRICT_NAME = os.environ.get("DISTRICT_NAME", _("the district"))
# The office credited with district-wide messages (narasi tunggal) on every page and feed.
PORTAL_OFFICE_NAME = os.environ.get("OFFICE_NAME", "Diskominfo")

# --- Cross-posting (crossposting app) --------------------------------------------------
# Each network's API address and version live here so that tests and the benchmark can
# point the clients at fake servers on 127.0.0.1.
CROSSPOSTING_GRAPH_API_URL = os.environ.get(
    "CROSSPOSTING_GRAPH_API_URL", "https://graph.facebook.com"
).rstrip("/")
CROSSPOSTING_GRAPH_API_VERSION = os.environ.get("CROSSPOSTING_GRAPH_API_VERSION", "v25.0")
# Instagram professional accounts linked to a Facebook Page use the same Graph API host.
CROSSPOSTING_INSTAGRAM_API_URL = os.environ.get(
    "CROSSPOSTING_INSTAGRAM_API_URL", CROSSPOSTING_GRAPH_API_URL
).rstrip("/")
CROSSPOSTING_X_API_URL = os.environ.get("CROSSPOSTING_X_API_URL", "https://api.x.com").rstrip("/")
CROSSPOSTING_TELEGRAM_API_URL = os.environ.get(
    "CROSSPOSTING_TELEGRAM_API_URL", "https://api.telegram.org"
).rstrip("/")
# Seconds to wait for a connection and for an answer; a request that times out after it was
# sent may have been accepted, so the worker checks before it sends again.
CROSSPOSTING_CONNECT_TIMEOUT = float(os.environ.get("CROSSPOSTING_CONNECT_TIMEOUT", "5"))
CROSSPOSTING_READ_TIMEOUT = float(os.environ.get("CROSSPOSTING_READ_TIMEOUT", "30"))
# Retries: exponential backoff from the base delay, with jitter, capped; after the last
# attempt a delivery is dead-lettered and waits for someone to press "Retry".
CROSSPOSTING_MAX_ATTEMPTS = int(os.environ.get("CROSSPOSTING_MAX_ATTEMPTS", "6"))
CROSSPOSTING_RETRY_BASE_DELAY = float(os.environ.get("CROSSPOSTING_RETRY_BASE_DELAY", "30"))
CROSSPOSTING_RETRY_MAX_DELAY = float(os.environ.get("CROSSPOSTING_RETRY_MAX_DELAY", "3600"))
# The delivery worker: requests in flight at once in one worker process, and the most it may
# post per account a minute and per network a second (one worker process; divide by the
# number of worker processes when running several).
CROSSPOSTING_WORKER_THREADS = int(os.environ.get("CROSSPOSTING_WORKER_THREADS", "16"))
CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE = int(
    os.environ.get("CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE", "20")
)
CROSSPOSTING_NETWORK_POSTS_PER_SECOND = int(
    os.environ.get("CROSSPOSTING_NETWORK_POSTS_PER_SECOND", "25")
)
# After a request went unanswered, the look-up for its copy waits the connect and read
# timeouts plus this margin (seconds), so the lost request can no longer land.
CROSSPOSTING_LOOKUP_MARGIN = float(os.environ.get("CROSSPOSTING_LOOKUP_MARGIN", "30"))
# A claim's lease (seconds); 0 derives it from the timeouts. A worker run stops claiming
# after CROSSPOSTING_WORKER_RUN_SECONDS and queues a follow-up; a sweep every
# CROSSPOSTING_SWEEP_INTERVAL seconds closes task rows left RUNNING by a killed worker.
CROSSPOSTING_LEASE_SECONDS = float(os.environ.get("CROSSPOSTING_LEASE_SECONDS", "0"))
CROSSPOSTING_WORKER_RUN_SECONDS = float(os.environ.get("CROSSPOSTING_WORKER_RUN_SECONDS", "300"))
CROSSPOSTING_SWEEP_INTERVAL = float(os.environ.get("CROSSPOSTING_SWEEP_INTERVAL", "300"))
# Fernet key that encrypts social-account credentials at rest. Generate one with
#   python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
# Only the development and test settings may fall back to a fixed, published key; any other
# (production) refuses to store or read credentials until the key is set.
CROSSPOSTING_ENCRYPTION_KEY = os.environ.get("CROSSPOSTING_ENCRYPTION_KEY", "")
CROSSPOSTING_DEV_KEY_ALLOWED = os.environ.get("DJANGO_SETTINGS_MODULE", "") in {
    "portal.settings.dev",
    "portal.settings.test",
}
