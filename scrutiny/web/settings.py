"""Django settings, read from the environment.

    DATABASE_URL      sqlite:////srv/scrutiny/db.sqlite3 or postgres://user@host/db
                      (default: SQLite file var/scrutiny.sqlite3 under SCRUTINY_HOME,
                      which defaults to the repository root)
    SECRET_KEY        required in production; a fixed development key otherwise
    DEBUG             "1" / "true" to turn on Django's debug pages (off by default)
    ALLOWED_HOSTS     comma-separated host names (default: local addresses only)
    CONN_MAX_AGE      seconds to keep database connections open (default 60)
"""
from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

WEB_DIR = Path(__file__).resolve().parent
_REPO = WEB_DIR.parents[1]


def _home() -> Path:
    if os.environ.get("SCRUTINY_HOME"):
        return Path(os.environ["SCRUTINY_HOME"]).expanduser().resolve()
    if (_REPO / "pyproject.toml").exists():        # a checkout (editable install)
        return _REPO
    return Path.cwd()


def _flag(name: str, default: bool = False) -> bool:
    v = os.environ.get(name)
    return default if v is None else v.strip().lower() in ("1", "true", "yes", "on")


HOME = _home()
VAR_DIR = HOME / "var"
DEFAULT_SQLITE = VAR_DIR / "scrutiny.sqlite3"

DEV_SECRET_KEY = "scrutiny-development-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY") or os.environ.get("DJANGO_SECRET_KEY") or DEV_SECRET_KEY
DEBUG = _flag("DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get(
    "ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
                        if o.strip()]
if _flag("SECURE_COOKIES"):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "scrutiny.web.record",
    "scrutiny.web.actions",
    "scrutiny.web.performance",
    "scrutiny.web.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "scrutiny.web.urls"
WSGI_APPLICATION = "scrutiny.web.wsgi.application"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [WEB_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]


def database_config(url: str | None) -> dict:
    """One DATABASES entry from a URL (None: the default SQLite file)."""
    if not url:
        url = f"sqlite:///{DEFAULT_SQLITE}"
    cfg = dj_database_url.parse(url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
                                conn_health_checks=True)
    if cfg["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the portal read while an ingest writes; IMMEDIATE takes the write lock
        # when a transaction starts, so two writers queue instead of deadlocking.
        cfg["CONN_MAX_AGE"] = 0
        cfg.setdefault("OPTIONS", {}).update({
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        })
    return cfg


DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/officers/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = os.environ.get("STATIC_ROOT") or None   # only for `scrutiny manage collectstatic`
# Serve static files straight from the package (no collectstatic step needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
