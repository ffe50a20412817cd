"""The /health/ endpoint for load balancers: is the database reachable, are migrations applied."""

import time

from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Reading every migration file costs tens of milliseconds; once they are all applied they stay
# applied until the next deploy restarts the process, so a positive answer is kept a while.
MIGRATIONS_CHECK_SECONDS = 60.0
_migrations_applied_at: float | None = None


def _database_reachable(alias: str = "default") -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _migrations_applied(alias: str = "default") -> bool:
    global _migrations_applied_at
    now = time.monotonic()
    if (
        _migrations_applied_at is not None
        and now - _migrations_applied_at < MIGRATIONS_CHECK_SECONDS
    ):
        return True
    try:
        executor = MigrationExecutor(connections[alias])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return False
    if pending:
        return False
    _migrations_applied_at = now
    return True


@never_cache
@require_GET
def health(request):
    """200 when the service can answer, 503 (with what is wrong) when it cannot."""
    database = _database_reachable()
    migrations = database and _migrations_applied()
    healthy = database and migrations
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": database,
            "migrations": migrations,
        },
        status=200 if healthy else 503,
    )
