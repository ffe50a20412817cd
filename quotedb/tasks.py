"""Background work through Django's tasks framework: ingestion, extraction and imports.

In production the TASKS backend is django-tasks-db and `manage.py db_worker` runs the queue.
Arguments are plain JSON values (text, ids, paths) because the backend stores them.
"""

from __future__ import annotations

from pathlib import Path

from django.tasks import task
from django.utils import timezone


@task
def ingest_article(
    *,
    text: str = "",
    html: str = "",
    url: str = "",
    title: str = "",
    outlet_id: int | None = None,
    extract: bool = False,
) -> int:
    """Store an article from plain text or an HTML page (as POST /api/v1/articles/ does), and
    queue quote extraction for it when `extract`; the article's id."""
    from articles.ingestion import parse_html, parse_text
    from articles.models import Outlet
    from articles.services import article_ingest_parsed

    # A dateline without a year reads as the latest such day on or before today.
    today = timezone.localdate()
    if text.strip():
        parsed = parse_text(text, source="text", title=title, reference_date=today)
    else:
        parsed = parse_html(html, source="html", url=url, reference_date=today)
    if title:
        parsed.title = title
    if url:
        parsed.url = url
    outlet = Outlet.objects.get(pk=outlet_id) if outlet_id is not None else None
    article = article_ingest_parsed(parsed=parsed, outlet=outlet)
    if extract:
        extract_quotes.enqueue(article_id=article.pk)
    return article.pk


@task
def extract_quotes(*, article_id: int, by_user_id: int | None = None) -> dict[str, int]:
    """Run attribution over a stored article, proposing quotes; what it created or refreshed."""
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from quotedb.services import article_extract

    article = Article.objects.get(pk=article_id)
    by = get_user_model().objects.get(pk=by_user_id) if by_user_id is not None else None
    result = article_extract(article=article, by=by)
    return {
        "created": result.created,
        "refreshed": result.refreshed,
        "unchanged": result.unchanged,
        "kept": result.kept,
    }


@task
def import_quotebank_files(*, paths: list[str], approve: bool = False) -> dict[str, int]:
    """import_quotebank as a background job; the summary's counts."""
    from quotedb.imports.services import quotebank_import

    summary = quotebank_import(paths=[Path(path) for path in paths], approve=approve)
    return {
        "records_read": summary.records_read,
        "quotes_added": summary.quotes_added,
        "problem_count": summary.problem_count,
    }
