"""QuoteDB settings, read from the environment (one file for every deployment)."""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("QUOTEDB_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_number(name: str, default: float, *, whole: bool = True):
    """A number from the environment (int unless `whole=False`); a bad value stops start-up
    with a message naming the variable."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value) if whole else float(value)
    except ValueError:
        what = "a whole number" if whole else "a number"
        raise ImproperlyConfigured(f"{name} must be {what}, not {value!r}.") from None


def database_from_url(url: str, *, setting: str) -> dict:
    """DATABASES entry for a database URL; a URL Django cannot use stops start-up with a message
    naming the setting (and the scheme only: the URL may hold a password)."""
    try:
        return dj_database_url.parse(
            url,
            conn_max_age=env_number("DATABASE_CONN_MAX_AGE", 0),
            conn_health_checks=True,
        )
    except (ValueError, dj_database_url.UnknownSchemeError):
        scheme = url.split("://", 1)[0] if "://" in url else "(none)"
        raise ImproperlyConfigured(
            f"{setting}: cannot use a database URL with the scheme {scheme!r}; "
            "give postgres://user@host:port/name or sqlite:///path."
        ) from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, or a random key kept in var/ so sessions survive restarts.

    Nothing secret is ever committed: a fresh checkout makes its own key on first start.
    """
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "django_tasks_db",
    "speakers",
    "articles",
    "quotedb",
    "quotedb.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after security headers, before sessions and the database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "quotedb.routers.ReadYourWritesMiddleware",
    # Sends the Content-Security-Policy that report views declare with csp_override.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ETag on GET responses; a client that has the page gets 304 Not Modified, no body.
    "django.middleware.http.ConditionalGetMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "quotedb.urls"
WSGI_APPLICATION = "quotedb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "quotedb" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database (postgres://… in production).
DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{VAR_DIR / 'quotedb.sqlite3'}",
        setting="DATABASE_URL",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads or workers write at once (runserver, gunicorn, the task worker): take
    # the write lock when a transaction starts and wait for it, rather than failing with
    # "database is locked" when a read transaction tries to become a write; WAL lets readers
    # go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "quotedb",
    }
}

# --- Security: safe by default, relaxed only for local development over plain HTTP ---
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_number("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- API ---
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "quotedb.api.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["quotedb.api.permissions.ReadAnyoneWriteWithModelPermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["quotedb.api.throttling.AnonymousReaderThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("QUOTEDB_ANON_THROTTLE", "600/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "quotedb.api.pagination.BoundedPageNumberPagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "quotedb.api.exceptions.exception_handler",
}
QUOTEDB_MAX_PAGE_SIZE = 100
QUOTEDB_MAX_SEARCH_LENGTH = 200
# Quotes per response of /reports/quotes/ exports; a Link header continues past it.
QUOTEDB_EXPORT_MAX_ROWS = env_number("QUOTEDB_EXPORT_MAX_ROWS", 10000)

SPECTACULAR_SETTINGS = {
    "TITLE": "QuoteDB API",
    "DESCRIPTION": (
        "Attributed quotations: who said what, where, when, and who reported it. "
        "Anonymous readers see approved quotes only; writes need a token with model permissions."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "quotedb.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "QuoteKindEnum": "quotedb.models.QuoteKind",
        "QuoteStatusEnum": "quotedb.models.QuoteStatus",
        "QuoteOriginEnum": "quotedb.models.QuoteOrigin",
        "SpeakerKindEnum": "speakers.models.SpeakerKind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Scale: static files, connection pool, read replicas, background tasks ---
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]

# Hashed, pre-compressed static files served by whitenoise; the manifest needs
# `collectstatic`, which development and the test suite do not run.
if not DEBUG and not TESTING:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

# Without collectstatic (development, tests) whitenoise finds files in the apps instead.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if TESTING:
    STATIC_ROOT = None  # nothing collected: whitenoise would warn about a missing directory

# psycopg 3's pool inside each process (DATABASE_POOL=1). Django requires CONN_MAX_AGE = 0
# with a pool: the pool, not Django, keeps connections open.
if env_bool("DATABASE_POOL") and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_number("DATABASE_POOL_MIN_SIZE", 2),
        "max_size": env_number("DATABASE_POOL_MAX_SIZE", 8),
        "timeout": env_number("DATABASE_POOL_TIMEOUT", 10.0, whole=False),
    }

# Prepared statements on PostgreSQL: the quote list's page statement (quotedb/api/quote_rows.py)
# is prepared on its fifth use on a connection, so PostgreSQL stops planning it on every
# request; Django's own queries bind on the client and are never prepared. Set
# DATABASE_PREPARE_THRESHOLD=off behind a transaction-mode pooler (PgBouncer without
# max_prepared_statements), which cannot keep statements between transactions.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5").strip().lower()
    if _threshold in ("", "off", "none"):
        _threshold = None
    elif not _threshold.isdigit():
        raise ImproperlyConfigured(
            f"DATABASE_PREPARE_THRESHOLD must be a whole number or 'off', not {_threshold!r}."
        )
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        None if _threshold is None else int(_threshold)
    )
    if _threshold is not None:
        # Plan that statement once, with placeholders. Left to choose, PostgreSQL re-plans a
        # full-text page on every request (the plan for the actual terms looks cheaper, and is
        # the same in practice), and planning took as long as running it. Only prepared
        # statements are affected, and the page is the only one.
        _options = DATABASES["default"]["OPTIONS"]
        _options["options"] = (
            f"{_options.get('options', '')} -c plan_cache_mode=force_generic_plan".strip()
        )

# Read replicas (DATABASE_REPLICA_URLS, comma-separated): reads spread over them, writes go to
# "default", and a client that just wrote reads from "default" for a few seconds.
QUOTEDB_REPLICA_DATABASES = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = database_from_url(_url, setting="DATABASE_REPLICA_URLS")
    if "pool" in DATABASES["default"].get("OPTIONS", {}):
        DATABASES[_alias]["CONN_MAX_AGE"] = 0
        DATABASES[_alias]["CONN_HEALTH_CHECKS"] = False
        DATABASES[_alias].setdefault("OPTIONS", {})["pool"] = dict(
            DATABASES["default"]["OPTIONS"]["pool"]
        )
    if DATABASES[_alias]["ENGINE"].endswith("postgresql"):
        for _name in ("prepare_threshold", "options"):
            if _name in DATABASES["default"].get("OPTIONS", {}):
                DATABASES[_alias].setdefault("OPTIONS", {})[_name] = DATABASES["default"][
                    "OPTIONS"
                ][_name]
    # Tests read the primary's test database through the replica alias.
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    QUOTEDB_REPLICA_DATABASES.append(_alias)
DATABASE_ROUTERS = ["quotedb.routers.PrimaryReplicaRouter"]
QUOTEDB_READ_YOUR_WRITES_SECONDS = env_number("QUOTEDB_READ_YOUR_WRITES_SECONDS", 10)

# Background work (ingestion, extraction, imports): stored in the database and run by
# `manage.py db_worker`; tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "QUOTEDB_TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# Load balancers probe /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
