"""Background tasks: ingestion, extraction and Quotebank imports enqueue and run."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus

from articles.models import Article
from quotedb import tasks
from quotedb.models import Quote
from tests.factories import ArticleFactory, OutletFactory

SAMPLE = Path(__file__).parent.parent / "imports" / "data" / "quotebank-sample.json"
ARTICLE_TEXT = (
    "Iran reacts to US allegations\n\n"
    "TEHRAN, Mar. 25 (MNA) - The spokesman of the Supreme National Security Council said "
    '"Any pretext for attacking the bases will be immediately met with a reciprocal response."'
)


@pytest.fixture
def services():
    from quotedb import services

    return services


def test_ingest_article_task_stores_the_article(db, services):
    outlet = OutletFactory()

    result = tasks.ingest_article.enqueue(
        text=ARTICLE_TEXT, url="https://en.mehrnews.example/news/198808", outlet_id=outlet.pk
    )

    assert result.status == TaskResultStatus.SUCCESSFUL
    article = Article.objects.get(pk=result.return_value)
    assert article.url == "https://en.mehrnews.example/news/198808"
    assert article.outlet == outlet
    assert "reciprocal response" in article.body


def test_ingest_with_extract_runs_extraction_next(db, services, monkeypatch):
    extracted = []

    def fake_extract(*, article, by=None):
        extracted.append(article.pk)
        return type("Result", (), {"created": 1, "refreshed": 0, "unchanged": 0, "kept": 0})

    monkeypatch.setattr(services, "article_extract", fake_extract)

    result = tasks.ingest_article.enqueue(text=ARTICLE_TEXT, extract=True)

    assert extracted == [result.return_value]


def test_extract_quotes_task_runs_article_extract(db, services, monkeypatch, curator):
    article = ArticleFactory()
    calls = []

    class Result:
        created, refreshed, unchanged, kept = 2, 0, 1, 0

    def fake_extract(*, article, by=None):
        calls.append((article.pk, by))
        return Result()

    monkeypatch.setattr(services, "article_extract", fake_extract)

    result = tasks.extract_quotes.enqueue(article_id=article.pk, by_user_id=curator.pk)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"created": 2, "refreshed": 0, "unchanged": 1, "kept": 0}
    assert calls == [(article.pk, curator)]


def test_quotebank_import_task_imports_the_files(db):
    result = tasks.import_quotebank_files.enqueue(paths=[str(SAMPLE)])

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["quotes_added"] == Quote.objects.count() == 8


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_database_backend_stores_tasks_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    result = tasks.import_quotebank_files.enqueue(paths=[str(SAMPLE)])

    assert DBTaskResult.objects.filter(pk=result.id).exists()
    assert Quote.objects.count() == 0
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert Quote.objects.count() == 8
