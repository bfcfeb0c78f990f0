"""Django settings for hoptac, read from the environment (docs/configuration.md lists each)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hoptac.lib.env import (
    env_bool,
    env_choice,
    env_email_url,
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

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = secret_key(VAR_DIR, debug=DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "simple_history",
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
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hoptac.lib.locale.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hoptac.documents.uploads.UploadSizeMiddleware",  # 413 before the CSRF check reads a body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hoptac.lib.logging.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
    _db = dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_max_age=60)
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;"}
DATABASES = {"default": _db}
IS_POSTGRES = _db["ENGINE"].endswith("postgresql")
# ICU collation on PostgreSQL so that Vietnamese sorts right (Đ after D, not after Y).
NAME_COLLATION = "vi-x-icu" if IS_POSTGRES else None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
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
# Mail (reminders): smtp://user:pass@host:587?tls=1, console:// (the default) or dummy://.
_mail = env_email_url("EMAIL_URL", "console://")
EMAIL_BACKEND = _mail["backend"]
EMAIL_HOST, EMAIL_PORT = _mail["host"], _mail["port"]
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _mail["user"], _mail["password"]
EMAIL_USE_TLS, EMAIL_USE_SSL = _mail["tls"], _mail["ssl"]
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "hoptac <hoptac@localhost>")

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

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
    from hoptac.lib.errors import sentry_init

    sentry_init(SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", "production"))
