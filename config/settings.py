"""Settings for every environment, read from the environment (DJANGO_-prefixed variables and
DATABASE_URL), so that development, CI and production differ only in what they are given."""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.logging import configuration as logging_configuration
from config.release import code_digest

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A developer's .env is optional; the environment always wins over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# Without DEBUG (production, `make serve`), the key must come from the environment.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production settings need a secret key.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "events",
    "extraction",
    "importing",
    "timeline",
    "access",
]

MIDDLEWARE = [
    "config.middleware.HealthCheckMiddleware",
    # Before anything that answers (a 400, a redirect): those answers carry the CORS
    # headers too, so a dashboard on another site can read the error.
    "corsheaders.middleware.CorsMiddleware",
    # The API's rate-limit headers, on every answer a throttle counted (or read).
    "access.ratelimit.RateLimitHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.RejectNullCharactersMiddleware",
    # Static files from the app server itself, compressed and cached: no CDN, no nginx needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.ReadAccessMiddleware",
    # A request reads from one replica: its ETag and its page from the same data.
    "config.routers.PinReplicaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records which user made each change in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    # The timeline's pages (timeline/jinja2/): Jinja2 renders a listing several times
    # faster than Django's engine (timeline/jinja.py).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "timeline.jinja.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Reuse connections but check them first, so a database restart costs one failed check,
# not a failed request. SQLite's too (each thread has its own): a new one parses the whole
# schema and starts with a cold page cache: about 1 ms of a 10 ms page at a million events.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# --- SQLite under concurrent writers -------------------------------------------------
# WAL: readers never block the writer, nor it them. A write transaction starts with BEGIN
# IMMEDIATE, taking the write lock at once: a DEFERRED one that read first and then wants
# to write cannot wait for the lock (SQLite refuses at once, "database is locked", to avoid
# a deadlock), while BEGIN IMMEDIATE waits, up to the busy timeout, for the writer before
# it. synchronous=NORMAL is durable in WAL mode except for the last commits on a power loss.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite_options.setdefault("init_command", "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL")
    _sqlite_options.setdefault("transaction_mode", "IMMEDIATE")
    # Seconds a statement waits for the write lock before "database is locked" (a 503).
    _sqlite_options.setdefault("timeout", env.int("DJANGO_SQLITE_BUSY_TIMEOUT", default=20))

# Read replicas (comma-separated URLs): reads go to them, writes to the primary; see
# config/routers.py. Tests read the primary (MIRROR): replication is the database's job.
for number, url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[])):
    replica = env.db_url_config(url)
    replica.update(CONN_MAX_AGE=DATABASES["default"]["CONN_MAX_AGE"], CONN_HEALTH_CHECKS=True)
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{number}"] = replica
DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]

# Seed data (countries, the seed article) lives at the top level, beside the apps.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The release: ETags and cache keys carry it, so a deploy never has clients keep what the
# code before it made. A digest of the code unless the deploy names it (a git commit).
RELEASE = env.str("DJANGO_RELEASE", default="") or code_digest(BASE_DIR)

# The shared cache (Redis: DJANGO_CACHE_URL=redis://127.0.0.1:6379/1) holds rate-limit
# counts common to every worker; the in-process default suits one developer. Pages are not
# kept on the server (see docs/caching.md). A cache that is away never fails a request:
# django-redis answers as if empty and logs it (throttles then let requests through), and
# /healthz says "degraded".
CACHES = {"default": env.cache_url("DJANGO_CACHE_URL", default="locmemcache://")}
CACHES["default"]["KEY_PREFIX"] = RELEASE
# What the edge (edge.conditional) makes ETags and Last-Modified of: one indexed row.
EDGE_REVISION = "events.selectors.revision"
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            # A Redis that is away must cost a request little: fail fast, not hang.
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
            "IGNORE_EXCEPTIONS": True,
        }
    )
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "edge.cache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production (after collectstatic); plain names while
        # developing and testing, which need no collectstatic.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Security. Behind a proxy that terminates TLS, keep the redirect on and set
# DJANGO_SECURE_PROXY_SSL_HEADER=true so requests it forwarded count as secure; set
# DJANGO_SECURE_SSL_REDIRECT=false only for a plain-HTTP trial on loopback.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool(
    "DJANGO_SECURE_COOKIES", default=not DEBUG and SECURE_SSL_REDIRECT
)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
# --- HSTS scope ----------------------------------------------------------------------
# includeSubDomains and preload bind every host under this domain, for as long as browsers
# remember (preload lists: months to undo), so they are a decision, not a default.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# check --deploy warns about each while it is off; off is the documented choice.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every asset is served from this site; nothing may load from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

LOGIN_URL = "admin:login"

# Reads (timeline pages and API) are open unless DJANGO_READ_REQUIRES_LOGIN is set; API
# writes need an editor, by session (with CSRF) or by a write token ("Authorization: Token
# <key>", see access.models.ApiToken).
READ_REQUIRES_LOGIN = env.bool("DJANGO_READ_REQUIRES_LOGIN", default=False)

# Cross-origin reads of the API, for dashboards served from another site
# (django-cors-headers): only the origins listed (none by default), only under /api/.
# No credentials: a browser sends no session cookie cross-site; scripts send a token.
# "a, b" as well as "a,b": a space would make an origin that never matches.
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in env.list("DJANGO_CORS_ALLOWED_ORIGINS", default=[])
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/"
# Conditional requests (If-None-Match, If-Match) and what a script reads from the answer.
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "x-csrftoken",
    "x-requested-with",
]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Location",
    "Retry-After",
    "Content-Disposition",
    # access.ratelimit's: a dashboard in the browser can pace itself.
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
]
API_MAX_PAGE_SIZE = 500

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "access.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # 429 with Retry-After past these rates: anonymous clients by address, token clients by
    # token; editors in the browser are not limited.
    "DEFAULT_THROTTLE_CLASSES": [
        "access.throttling.AnonymousThrottle",
        "access.throttling.TokenThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("DJANGO_THROTTLE_ANON", default="120/min"),
        "token": env.str("DJANGO_THROTTLE_TOKEN", default="1200/min"),
        # The timeline's pages, and its text searches within them (access.throttling).
        "timeline": env.str("DJANGO_THROTTLE_TIMELINE", default="300/min"),
        "timeline_search": env.str("DJANGO_THROTTLE_TIMELINE_SEARCH", default="30/min"),
    },
    "DEFAULT_PERMISSION_CLASSES": ["events.api.permissions.ReadOpenWriteEditors"],
    "DEFAULT_PAGINATION_CLASS": "events.api.pagination.BoundedPageNumberPagination",
    # django-filter's, with query parameters the view does not read a 400.
    "DEFAULT_FILTER_BACKENDS": ["events.api.parameters.CheckedFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "events.api.schema.ApiSchema",
    # DRF's parsers, with JSON nested too deeply for the decoder a 400 (not a 500).
    "DEFAULT_PARSER_CLASSES": [
        "events.api.renderers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # DRF's, with an unknown `?format=` a 406 (DRF's is a 404).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "events.api.renderers.ContentNegotiation",
    "DEFAULT_RENDERER_CLASSES": [
        "events.api.renderers.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "PAGE_SIZE": 50,
    # Proxies in front of the app whose X-Forwarded-For to trust when throttling by address;
    # with none, a client could name any address it likes.
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # DRF's, with the rate-limit count read for answers given before the throttles run.
    "EXCEPTION_HANDLER": "access.ratelimit.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic Timeline API",
    "DESCRIPTION": (
        "Diplomatic events with fuzzy dates, the people and countries involved, agreements "
        "and their lifecycle, and the sources behind every fact. Reads are open; writes need "
        "an editor's session or token."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EventStatusEnum": "events.models.event.Event.Status",
        "AgreementStatusEnum": "events.models.agreements.AgreementStatus",
        "AgreementKindEnum": "events.models.agreements.Agreement.Kind",
        "OrganizationKindEnum": "events.models.people.Organization.Kind",
        # The event's type, as an event's `type` and a participant row's `event_type`.
        "TypeEnum": "events.event_types.EventType.choices",
    },
}

# --- Logging and error reports -------------------------------------------------------
# Everything to stderr (gunicorn's stream), each line with its request's id (the
# X-Request-ID header, config.middleware.RequestIdMiddleware); every 5xx with its traceback.
MIDDLEWARE.insert(0, "config.middleware.RequestIdMiddleware")
LOGGING = logging_configuration(
    level=env.str("DJANGO_LOG_LEVEL", default="INFO"),
    request_level=env.str("DJANGO_REQUEST_LOG_LEVEL", default="ERROR"),
)
# Errors are also mailed to ADMINS ("Ann <ann@example.org>,bob@example.org"), in production,
# through DJANGO_EMAIL_URL (smtp://user:password@host:587, smtp+tls://..., consolemail://).
ADMINS = getaddresses(env.list("DJANGO_ADMINS", default=[]))
SERVER_EMAIL = env.str("DJANGO_SERVER_EMAIL", default="timeline@localhost")
vars().update(env.email_url("DJANGO_EMAIL_URL", default="smtp://localhost:25"))

# --- Brute-force protection ----------------------------------------------------------
# Admin logins (django-axes): DJANGO_LOGIN_FAILURE_LIMIT failures from one address lock it
# out (429) for DJANGO_LOCKOUT_MINUTES; a success from it clears its count. Attempts and
# logins are listed in admin (Axes). Failed API tokens count against the address likewise
# (access.lockout), DJANGO_TOKEN_FAILURE_LIMIT of them. Both see the address as the rate
# limits do (DJANGO_NUM_PROXIES).
INSTALLED_APPS.append("axes")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
TOKEN_LOCKOUT_SECONDS = env.int("DJANGO_LOCKOUT_MINUTES", default=15) * 60
TOKEN_FAILURE_LIMIT = env.int("DJANGO_TOKEN_FAILURE_LIMIT", default=10)
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(seconds=TOKEN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "access.lockout.client_address"

# --- Idle staff sessions -------------------------------------------------------------
# A staff member's session ends after DJANGO_SESSION_IDLE_MINUTES without a request
# (access.sessions); otherwise a session lasts SESSION_COOKIE_AGE (two weeks) from its last write.
SESSION_IDLE_TIMEOUT = env.int("DJANGO_SESSION_IDLE_MINUTES", default=60) * 60
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "access.sessions.StaffIdleTimeoutMiddleware",
)
# The timeline's rate limits (DJANGO_THROTTLE_TIMELINE, _TIMELINE_SEARCH), by address as
# the API's anonymous one; after authentication, which exempts signed-in staff.
MIDDLEWARE.insert(
    MIDDLEWARE.index("access.sessions.StaffIdleTimeoutMiddleware") + 1,
    "access.throttling.TimelineRateLimitMiddleware",
)
