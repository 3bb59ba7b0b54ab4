"""Settings shared by every environment; deployment values come from the environment."""

import os
import tempfile
from pathlib import Path

import dj_database_url
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
    "workshops",
    "photos",
    "demo",
    "crossposting",
    "pagecache",
    "benchdata",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Its Indonesian catalogue translates the relative times in Wagtail's workflow status.
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "kim.middleware.FirstPasswordMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Several portals (or a test run) may share one Redis: each needs its own prefix.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

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

# Django's model backend, which checks temporary passwords without re-hashing them.
AUTHENTICATION_BACKENDS = ["kim.backends.MemberBackend"]

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
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Portal KIM")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# What a reviewer approved is what gets published: edits during moderation need re-approval.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
MODERATION_TARGET_HOURS = int(os.environ.get("MODERATION_TARGET_HOURS", "24"))

# PostgreSQL ships an Indonesian snowball stemmer; SQLite's FTS5 has none.
_SEARCH_CONFIG = {"SEARCH_CONFIG": "indonesian"} if IS_POSTGRES else {}
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", **_SEARCH_CONFIG},
    # The public site search: the same index entries and ranking, matched before the posts
    # (home/search.py). It only reads: the default backend keeps the entries up to date.
    "site": {"BACKEND": "home.search", "AUTO_UPDATE": False, **_SEARCH_CONFIG},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal-kim@localhost")

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
