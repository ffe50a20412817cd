"""Settings for benchmark runs: the project's settings plus the hand-written baseline view.

Throttling is off: DRF keeps one timestamp per request in the throttle history, which at
benchmark rates measures the throttle, not the list.
"""

from quotedb.settings import *  # noqa: F403
from quotedb.settings import REST_FRAMEWORK

ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
LOGGING = {"version": 1, "disable_existing_loggers": False}
STATIC_ROOT = None  # nothing is collected for benchmark runs
