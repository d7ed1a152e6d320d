"""Django settings. Everything that differs between machines comes from the environment.

- `DATABASE_URL`: any URL dj-database-url understands; default SQLite at var/ehcp.sqlite3.
- `SECRET_KEY`: required in production; a development default otherwise.
- `EHCP_DEBUG=1`: Django's debug mode (never in production).
- `EHCP_SECURE_COOKIES=0`: allow session cookies over plain http (the local demo only).
- `EHCP_ALLOWED_HOSTS`: comma-separated host names.
- `EHCP_CACHE_URL`: a Redis URL (`redis://host:6379/0`) for a cache that every server process
  shares: production sets it. Sign-in throttling then counts failures across processes,
  sessions are read from the cache (and written through to the database) and the signed-in
  member is kept there for a minute. Without it, each process keeps its own memory cache and
  sessions and members are read from the database on every request.
- `EHCP_DB_PREPARE=0`: no prepared statements on PostgreSQL (for a transaction-mode pooler).
- `EHCP_IDLE_TIMEOUT_SECONDS`: sign a member out after this long without a request (1,800).
- `EHCP_EMAIL_BACKEND`, `EHCP_EMAIL_HOST`, `EHCP_EMAIL_PORT`, `EHCP_EMAIL_HOST_USER`,
  `EHCP_EMAIL_HOST_PASSWORD`, `EHCP_EMAIL_USE_TLS=1`, `EHCP_FROM_EMAIL`: how invitations and
  password reset emails are sent (default: printed on the console).
- `EHCP_OIDC=1`: single sign-on with the council's identity provider (OpenID Connect), with
  `EHCP_OIDC_CLIENT_ID`, `EHCP_OIDC_CLIENT_SECRET`, `EHCP_OIDC_AUTHORIZATION_URL`,
  `EHCP_OIDC_TOKEN_URL`, `EHCP_OIDC_USERINFO_URL`, `EHCP_OIDC_JWKS_URL` and
  `EHCP_OIDC_SIGN_ALGO` (default RS256).
- `EHCP_STATS_STORE`: the DuckDB statistics store the public statistics pages read (the same
  variable `ehcp stats` uses); default var/stats.duckdb.
- `EHCP_FORECAST_SCENARIOS_IN_REQUEST=1`: run a forecast page's scenario (about half a CPU
  second) while the visitor waits; off by default, when the job queue works it out and the
  page shows it once it is ready (ADR 0030).
- `EHCP_SITE_URL`: the address the digests link to, e.g. `https://ehcp.example.gov.uk`.
- `EHCP_JOB_RESULTS_DAYS`: how long finished background jobs and their files are kept (30).
- `EHCP_NOTIFY_API_KEY`, `EHCP_NOTIFY_DAILY_TEMPLATE_ID`, `EHCP_NOTIFY_WEEKLY_TEMPLATE_ID`:
  send the digests through GOV.UK Notify (production); without a key they go through
  Django's email backend (`EHCP_EMAIL_BACKEND`, the console by default).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext

# Lets Django's generic classes be subscripted at run time (`Paginator[Any]`), as the types
# from django-stubs are.
django_stubs_ext.monkeypatch()

REPO_ROOT = Path(__file__).resolve().parents[4]
VAR_DIR = Path(os.environ.get("EHCP_VAR_DIR", REPO_ROOT / "var"))
NODE_MODULES = REPO_ROOT / "node_modules"

DEV_SECRET_KEY = "dev-only-not-secret-8f1c2e0b5d6a4e7f9b3c"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = os.environ.get("EHCP_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("EHCP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    # WhiteNoise serves the static files, under `runserver` too (see STORAGES).
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Trigram lookups for search on PostgreSQL (docs/adr/0022); nothing on SQLite.
    "django.contrib.postgres",
    "ehcp.web.organisations",
    "ehcp.web.people",
    "ehcp.web.cases",
    "ehcp.web.audit",
    "ehcp.web.accounts",
    "ehcp.web.frontend",
    "ehcp.web.statistics",
    "ehcp.web.check",
    "ehcp.web.advocacy",
    "ehcp.web.reminders",
    "ehcp.web.demo",
    "ehcp.web.jobs",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ehcp.web.accounts.middleware.SignedInUserMiddleware",
    "ehcp.web.accounts.middleware.IdleTimeoutMiddleware",
    "ehcp.web.accounts.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ehcp.web.config.middleware.FormEncodingMiddleware",
]

ROOT_URLCONF = "ehcp.web.config.urls"
WSGI_APPLICATION = "ehcp.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ehcp.web.accounts.context.membership",
            ],
        },
    },
    {
        # Only for the templates in an app's `jinja2` directory: the case timeline (ADR 0010).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "ehcp.web.frontend.jinja2.environment"},
    },
]

# A kept connection is checked before a request reuses it, so a database restart or a
# dropped connection costs a reconnect, not a server error (tests/web/test_faults.py).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'ehcp.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each write transaction takes the write lock when it begins, and a second writer waits
    # for it (up to 20 s) instead of failing: simultaneous requests on the demo both succeed.
    # Write-ahead logging lets pages read while the worker writes (a long import, say).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL"}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server let psycopg prepare a query the fifth time a connection
    # runs it, so PostgreSQL plans each of the app's queries once per connection rather than
    # on every request (planning cost more than running most of them). Django turns prepared
    # statements off by default for the sake of transaction-mode connection poolers, which
    # this deployment does not use (EHCP_DB_PREPARE=0 turns them off again).
    if os.environ.get("EHCP_DB_PREPARE", "1") != "0":
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options |= {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Django's backend, reading the user with their membership in one query, kept in a shared
# cache for a minute (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["ehcp.web.accounts.backends.MemberBackend"]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "dashboard"
# Password reset and invitation links stop working after this long (and once used).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
# A signed-in member who makes no request for this long is signed out (ADR 0021).
EHCP_IDLE_TIMEOUT_SECONDS = int(os.environ.get("EHCP_IDLE_TIMEOUT_SECONDS") or 30 * 60)
# The name authenticator apps show beside the code (django-otp's TOTP devices).
OTP_TOTP_ISSUER = "Open EHCP"

# Single sign-on with the council's identity provider (OpenID Connect; ADR 0021), when
# `EHCP_OIDC=1`. The provider's endpoints, this service's client id and secret and the ID
# token's signing algorithm come from the environment (Entra ID: RS256 with its JWKS).
EHCP_OIDC = os.environ.get("EHCP_OIDC") == "1"
if EHCP_OIDC:
    AUTHENTICATION_BACKENDS = [
        *AUTHENTICATION_BACKENDS,
        "ehcp.web.accounts.oidc.CouncilOIDCBackend",
    ]
OIDC_RP_CLIENT_ID = os.environ.get("EHCP_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("EHCP_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("EHCP_OIDC_AUTHORIZATION_URL", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("EHCP_OIDC_TOKEN_URL", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("EHCP_OIDC_USERINFO_URL", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("EHCP_OIDC_JWKS_URL") or None
OIDC_RP_SIGN_ALGO = os.environ.get("EHCP_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email"
# Only members an administrator has invited may sign in this way.
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc-callback"
LOGIN_REDIRECT_URL_FAILURE = "/sign-in/?single-sign-on=failed"
OIDC_TIMEOUT = 10

# Invitations and password resets. Production sets an SMTP server (Django's EMAIL_* settings
# from the environment); locally the messages are printed on the console.
EMAIL_BACKEND = os.environ.get(
    "EHCP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EHCP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EHCP_EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EHCP_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EHCP_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EHCP_EMAIL_USE_TLS") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("EHCP_FROM_EMAIL", "Open EHCP <no-reply@localhost>")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed file names, so each can be cached for ever (WhiteNoise sends far-future headers
    # for them); `manage.py ehcp_assets` runs `collectstatic` to write them and the manifest.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# `manage.py ehcp_assets` copies GOV.UK Frontend here from node_modules (see frontend/assets.py).
GOVUK_ASSETS_DIR = VAR_DIR / "govuk-frontend"
STATICFILES_DIRS = [("govuk", GOVUK_ASSETS_DIR)]
# Uploaded documents live outside every static or public directory and are served only
# through a view that checks the user may see the case.
DOCUMENTS_ROOT = VAR_DIR / "documents"
# DfE's published EHC plan statistics (`ehcp stats import --store PATH`), read-only here.
STATS_STORE = Path(os.environ.get("EHCP_STATS_STORE") or VAR_DIR / "stats.duckdb")
# Background jobs (docs/adr/0023): files an import reads or a job writes, outside every static
# directory, served only through a permission-checked view and removed with the job.
JOBS_ROOT = VAR_DIR / "jobs"
FORECAST_SCENARIOS_IN_REQUEST = os.environ.get("EHCP_FORECAST_SCENARIOS_IN_REQUEST") == "1"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SECURE_COOKIES = os.environ.get("EHCP_SECURE_COOKIES", "1") != "0"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
# Over HTTPS (behind the reverse proxy, which says so in X-Forwarded-Proto), browsers are
# told to use nothing else for a year.
if SECURE_COOKIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # A plain http request is sent to https, except the proxy's health check.
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# django-csp: only this site's own scripts, styles, fonts and images; no framing.
SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "script-src": [SELF],
        "style-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": ["'none'"],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    }
}

# Sign-in throttling: this many failures for one account or one address within the window
# locks sign-in for that account or address until the window passes.
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
CACHE_URL = os.environ.get("EHCP_CACHE_URL", "")
# Whether every server process sees the same cache (what may be kept there depends on it).
SHARED_CACHE = bool(CACHE_URL)
LOCAL_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"}
if SHARED_CACHE:
    # Only with a shared cache: a per-process cache would keep a signed-out session alive in
    # the other processes.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
        },
        # Each process's own, for what may be a few minutes stale (see cases.queries).
        "local": LOCAL_CACHE,
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": LOCAL_CACHE | {"LOCATION": "default"}, "local": LOCAL_CACHE}

# What the worker's progress and lease are written to: every process must see it, and a
# long import's transaction must not hide it, so not the database. Redis where there is one;
# otherwise files on this machine (the demo's web server and worker share them).
CACHES["jobs"] = (
    CACHES["default"]
    if SHARED_CACHE
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "jobs"),
    }
)

# The queue (docs/adr/0023): jobs are rows in the database, taken by `manage.py ehcp_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOB_RESULTS_DAYS = int(os.environ.get("EHCP_JOB_RESULTS_DAYS") or 30)
# A running job's worker renews its lease every LEASE_SECONDS / 4; a job whose lease has run
# out (its worker was killed) is marked failed and may be tried again.
JOB_LEASE_SECONDS = int(os.environ.get("EHCP_JOB_LEASE_SECONDS") or 120)
# What the worker starts on its own: name, when (a time of day, on every day or one weekday,
# in England's time), the task and its arguments.
JOB_SCHEDULE = [
    {"name": "nightly-refresh", "at": "00:15", "task": "ehcp.web.cases.background.refresh_cases"},
    {
        "name": "daily-digests",
        "at": "07:00",
        "task": "ehcp.web.reminders.background.digests",
        "kwargs": {"kind": "daily"},
    },
    {
        "name": "weekly-digests",
        "at": "07:15",
        "weekday": 0,
        "task": "ehcp.web.reminders.background.digests",
        "kwargs": {"kind": "weekly"},
    },
    {"name": "prune-jobs", "at": "03:00", "task": "ehcp.web.jobs.tasks.prune"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "ehcp.web.config.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Advocacy organisations: a closed case is flagged for review this many months after closure.
EHCP_RETENTION_MONTHS = int(os.environ.get("EHCP_RETENTION_MONTHS") or 12)

# Digests (ehcp.web.reminders): GOV.UK Notify in production, Django's email backend otherwise.
EHCP_SITE_URL = os.environ.get("EHCP_SITE_URL", "http://127.0.0.1:8000")
NOTIFY_API_KEY = os.environ.get("EHCP_NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get(
    "EHCP_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
)
NOTIFY_DAILY_DIGEST_TEMPLATE_ID = os.environ.get("EHCP_NOTIFY_DAILY_TEMPLATE_ID", "")
NOTIFY_WEEKLY_DIGEST_TEMPLATE_ID = os.environ.get("EHCP_NOTIFY_WEEKLY_TEMPLATE_ID", "")
EMAIL_BACKEND = os.environ.get(
    "EHCP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("EHCP_FROM_EMAIL", "no-reply@open-ehcp.invalid")
