"""Django settings for hoptac, read from the environment (docs/configuration.md lists each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hoptac.lib.env import (
    email_settings,
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_str,
    env_timezone,
    env_url,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("HOPTAC_VAR_DIR", str(BASE_DIR.parent / "var")))

# Off unless explicitly on: `make run`, `make test` and the test suite set DEBUG=1.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR, debug=DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
if not DEBUG and "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS='*' is refused when DEBUG is off: name the hosts")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "hoptac.localities",
    "hoptac.accounts",
    "hoptac.partnerships",
    "hoptac.investments",
    "hoptac.grants",
    "hoptac.activities",
    "hoptac.documents",
    "hoptac.reports",
    "hoptac.reminders",
    "hoptac.web",
    "hoptac.api",
    "django_tasks",
    "django_tasks_db",
    "hoptac.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hoptac.lib.locale.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hoptac.documents.uploads.UploadSizeMiddleware",  # 413 before the CSRF check reads a body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hoptac.lib.logging.RequestContextMiddleware",
    "hoptac.lib.middleware.QueryGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hoptac.urls"
WSGI_APPLICATION = "hoptac.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# SQLite under var/ by default (created on first use); PostgreSQL through DATABASE_URL.
_default_db = f"sqlite:///{VAR_DIR / 'hoptac.sqlite3'}"
try:
    _db = dj_database_url.parse(
        env_str("DATABASE_URL", _default_db),
        conn_max_age=env_int("HOPTAC_DB_CONN_MAX_AGE", 60, minimum=0),
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    # IMMEDIATE: a transaction takes the write lock when it begins, so it waits its turn
    # (timeout) instead of failing when a deferred read upgrades to a write; WAL lets readers
    # go on while one writer writes.
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_float("HOPTAC_SQLITE_TIMEOUT", 20.0, low=0.0, high=600.0),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DATABASES = {"default": _db}
IS_POSTGRES = _db["ENGINE"].endswith("postgresql")
# ICU collation on PostgreSQL so that Vietnamese sorts right (Đ after D, not after Y).
NAME_COLLATION = "vi-x-icu" if IS_POSTGRES else None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django's rules with Vietnamese messages; at least 12 characters.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "hoptac.accounts.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "hoptac.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "hoptac.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "hoptac.accounts.passwords.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked username and address first
    "django.contrib.auth.backends.ModelBackend",
]
# Logins: a username at one address is locked for 15 minutes after 5 failures (django-axes;
# each attempt is a row, shown in the admin, and a line in the log).
AXES_FAILURE_LIMIT = env_int("HOPTAC_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("HOPTAC_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Idle sessions end: the cookie lives this long after the last request.
SESSION_COOKIE_AGE = env_int("HOPTAC_SESSION_IDLE_MINUTES", 120, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = True
# The JSON API: requests a minute per token (or per address without a valid one).
HOPTAC_API_RATE = env_str("HOPTAC_API_RATE", "600/min")
# Days an API token issued by `hoptac api_token` stays valid unless --days says otherwise.
HOPTAC_API_TOKEN_DAYS = env_int("HOPTAC_API_TOKEN_DAYS", 365, minimum=1)
# Mail (password reset, reminders): EMAIL_URL, e.g. smtp://user:pass@host:587?tls=1; console in DEBUG.
_email = email_settings(env_str("EMAIL_URL", "console://" if DEBUG else ""))
HOPTAC_EMAIL_CONFIGURED = _email.configured
EMAIL_BACKEND = _email.backend
EMAIL_HOST, EMAIL_PORT = _email.host, _email.port
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email.user, _email.password
EMAIL_USE_TLS, EMAIL_USE_SSL = _email.tls, _email.ssl
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "hoptac <noreply@localhost>")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:dashboard"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# dd/mm/yyyy on every page and in every date input (hoptac/formats/).
FORMAT_MODULE_PATH = ["hoptac.formats"]
TIME_ZONE = env_timezone("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = VAR_DIR / "media"

# Uploads: the document size limit (bytes) and Django's in-memory limits that follow it.
HOPTAC_MAX_DOCUMENT_BYTES = env_int("HOPTAC_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = HOPTAC_MAX_DOCUMENT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# One upload request (all its files): a larger body is answered 413 before it is read.
HOPTAC_MAX_UPLOAD_BYTES = env_int("HOPTAC_MAX_UPLOAD_BYTES", 50 * 1024 * 1024, minimum=1024)
# Readers (hoptac.extraction.Limits): text cap, what a DOCX/XLSX may expand to, OCR of scans.
HOPTAC_MAX_TEXT_CHARS = env_int("HOPTAC_MAX_TEXT_CHARS", 1_000_000, minimum=1000)
HOPTAC_MAX_UNZIPPED_BYTES = env_int(
    "HOPTAC_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024, minimum=1024 * 1024
)
HOPTAC_MAX_ZIP_RATIO = env_int("HOPTAC_MAX_ZIP_RATIO", 100, minimum=2)
HOPTAC_OCR = env_bool("HOPTAC_OCR", True)
HOPTAC_OCR_LANGUAGES = env_str("HOPTAC_OCR_LANGUAGES", "vie")
HOPTAC_OCR_PAGE_SECONDS = env_int("HOPTAC_OCR_PAGE_SECONDS", 60, minimum=1)
HOPTAC_OCR_DOCUMENT_SECONDS = env_int("HOPTAC_OCR_DOCUMENT_SECONDS", 600, minimum=1)
# Facts at or above this confidence are accepted by `hoptac ingest --auto-accept`.
HOPTAC_AUTO_ACCEPT_THRESHOLD = env_float("HOPTAC_AUTO_ACCEPT_THRESHOLD", 0.8, low=0.0, high=1.0)
# Follow-up: an open commitment not updated for this many days is "chưa cập nhật N ngày".
HOPTAC_STALE_DAYS = env_int("HOPTAC_STALE_DAYS", 90, minimum=1)
# The site's address as officials reach it, for the links in reminder e-mails.
HOPTAC_SITE_URL = env_url("HOPTAC_SITE_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS in production: redirect plain HTTP, and tell browsers to use HTTPS only (HSTS).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Behind a reverse proxy that ends TLS: the header it sets, e.g. X-Forwarded-Proto.
_proxy_header = env_str("SECURE_PROXY_SSL_HEADER", "")
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
# Content-Security-Policy (django-csp): scripts and styles from our own static files only;
# style attributes stay allowed (progress bars, chart tooltips).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# GET requests: at most this many parameters and this many characters in one value.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
HOPTAC_MAX_QUERY_VALUE_CHARS = env_int("HOPTAC_MAX_QUERY_VALUE_CHARS", 2000, minimum=100)

# --- Production: background jobs, logging, error reporting (docs/deploy.md) ---------------
# Jobs (uploads, imports, reports, XLSX exports, reindex) go to the database queue that
# `hoptac worker` runs; "immediate" runs them inside the request (tests, development).
HOPTAC_TASKS = env_choice("HOPTAC_TASKS", "immediate" if DEBUG else "database",
                          ["database", "immediate"])  # fmt: skip
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if HOPTAC_TASKS == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# A load balancer probes /healthz on each server directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# One JSON object per line (request id, user, and the fields a call adds) or plain text.
LOG_FORMAT = env_choice("LOG_FORMAT", "json", ["json", "text"])
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "hoptac.lib.logging.ContextFilter"}},
    "formatters": {
        "json": {"()": "hoptac.lib.logging.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # Our own lines (every write, job and refusal) at INFO unless told otherwise.
    "loggers": {"hoptac": {"level": env_str("HOPTAC_LOG_LEVEL", "INFO")}},
}
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from hoptac.lib.sentry import sentry_init

    sentry_init(SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", "production"))
