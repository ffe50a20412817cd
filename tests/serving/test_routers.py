"""Read replicas: reads to a replica, writes to the primary, reads stick to the primary after a
client writes. Routing is tested outside test transactions (transaction=True): inside one,
every read rightly stays on the primary."""

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from quotedb import routers
from quotedb.models import Topic
from speakers.models import Speaker
from tests.factories import SpeakerFactory
from tests.serving.conftest import REPLICA


@pytest.fixture
def with_replica(settings):
    settings.QUOTEDB_REPLICA_DATABASES = [REPLICA]
    settings.ROOT_URLCONF = "tests.serving.urls"


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_reads_go_to_a_replica_and_writes_to_the_primary(with_replica):
    speaker = SpeakerFactory()

    assert speaker._state.db == "default"
    assert Speaker.objects.all().db == REPLICA


def test_without_replicas_everything_uses_the_primary(db, settings):
    settings.QUOTEDB_REPLICA_DATABASES = []

    assert Speaker.objects.all().db == "default"


def test_reads_inside_a_transaction_see_its_writes_on_the_primary(db, with_replica):
    with transaction.atomic():
        SpeakerFactory()
        assert Speaker.objects.all().db == "default"


def test_only_the_primary_is_migrated():
    router = routers.PrimaryReplicaRouter()

    assert router.allow_migrate("default", "quotedb")
    assert not router.allow_migrate(REPLICA, "quotedb")


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_a_replica_alias_reads_what_the_primary_wrote(with_replica):
    speaker = SpeakerFactory(name="Maria Lindqvist")

    with CaptureQueriesContext(connections[REPLICA]) as replica_queries:
        found = Speaker.objects.get(pk=speaker.pk)

    assert found.name == "Maria Lindqvist"
    assert found._state.db == REPLICA
    assert len(replica_queries) == 1


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_a_client_reads_from_the_primary_right_after_it_writes(client, with_replica, monkeypatch):
    assert client.get("/read/").json() == {"db": REPLICA}

    response = client.post("/write/")

    assert response.json() == {"db": "default", "wrote_to": "default"}
    assert routers.STICKY_COOKIE in response.cookies
    assert client.get("/read/").json() == {"db": "default"}

    later = routers.time.time() + 11  # QUOTEDB_READ_YOUR_WRITES_SECONDS is 10
    monkeypatch.setattr(routers.time, "time", lambda: later)
    assert client.get("/read/").json() == {"db": REPLICA}


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_other_clients_keep_reading_from_replicas(client, with_replica):
    from django.test import Client

    client.post("/write/")

    assert Client().get("/read/").json() == {"db": REPLICA}


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_a_forged_cookie_value_is_ignored(client, with_replica):
    client.cookies[routers.STICKY_COOKIE] = "not-a-time"

    assert client.get("/read/").json() == {"db": REPLICA}


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_writes_outside_requests_need_no_middleware(with_replica):
    Topic.objects.create(name="Outside", slug="outside")

    assert Topic.objects.all().db == REPLICA
