"""/health/: 200 when the database answers and is migrated, 503 with the reason when not."""

import pytest
from django.db import OperationalError, connections

from quotedb import health


@pytest.fixture(autouse=True)
def _fresh_migrations_check(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied_at", None)


def test_healthy_service_answers_200_without_authentication(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "migrations": True}
    assert "no-cache" in response["Cache-Control"]


def test_plain_http_probe_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/").status_code == 200


def test_unreachable_database_answers_503(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connections["default"], "cursor", refuse)
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": False, "migrations": False}


def test_unapplied_migrations_answer_503(client, db, monkeypatch):
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)]
    )

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["migrations"] is False


def test_repeated_probes_cost_one_query(client, db, django_assert_num_queries):
    client.get("/health/")

    with django_assert_num_queries(1):
        assert client.get("/health/").status_code == 200
