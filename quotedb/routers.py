"""Read replicas: reads go to a random replica, writes to the primary, and a client that has
just written reads from the primary for a while so it sees its own writes."""

from __future__ import annotations

import contextvars
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

PRIMARY = "default"
STICKY_COOKIE = "quotedb_primary_until"


@dataclass
class _RequestState:
    on_primary: bool = False  # this request reads from the primary
    wrote: bool = False  # this request wrote: keep the client on the primary for a while


# Per request (and per thread or task): the middleware sets it, the router reads it.
_request_state: contextvars.ContextVar[_RequestState | None] = contextvars.ContextVar(
    "quotedb_request_state", default=None
)


def replica_aliases() -> list[str]:
    return list(getattr(settings, "QUOTEDB_REPLICA_DATABASES", []))


class PrimaryReplicaRouter:
    """Database router: writes and migrations on the primary, reads spread over replicas."""

    def db_for_read(self, model, **hints) -> str:
        replicas = replica_aliases()
        state = _request_state.get()
        if not replicas or (state is not None and (state.on_primary or state.wrote)):
            return PRIMARY
        # Inside a transaction on the primary, reads must see its uncommitted writes.
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return random.choice(replicas)

    def db_for_write(self, model, **hints) -> str:
        state = _request_state.get()
        if state is not None:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Replicas hold the same rows as the primary, so objects from any of them may relate.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == PRIMARY


class ReadYourWritesMiddleware:
    """Keeps a client's reads on the primary for QUOTEDB_READ_YOUR_WRITES_SECONDS after it
    writes (replicas lag behind), remembered in a cookie so every server and worker agrees."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = time.time()
        try:
            sticky_until = float(request.COOKIES.get(STICKY_COOKIE, "0"))
        except ValueError:
            sticky_until = 0.0
        # Unsafe methods write: everything they read should come from the primary too.
        on_primary = sticky_until > now or request.method not in ("GET", "HEAD", "OPTIONS")
        state = _RequestState(on_primary=on_primary)
        token = _request_state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _request_state.reset(token)
        if state.wrote and replica_aliases():
            seconds = settings.QUOTEDB_READ_YOUR_WRITES_SECONDS
            response.set_cookie(
                STICKY_COOKIE,
                f"{now + seconds:.3f}",
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
