"""Throttling of anonymous readers, with the rate read from settings at request time."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousReaderThrottle(AnonRateThrottle):
    """AnonRateThrottle whose rate follows settings changes (DRF caches it at import time).

    A throttled client gets 429 with a Retry-After header, set by DRF from `wait()`.
    """

    def get_rate(self) -> str | None:
        return settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)
