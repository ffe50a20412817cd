"""Bulk loading of Quotebank records: staging tables, then one set of upserts per batch.

PostgreSQL fills the staging tables with COPY; SQLite with executemany. The upserts are the
same SQL on both, so idempotence does not depend on the database: every row is keyed
(speakers by Wikidata id, outlets by domain, articles by URL, quotes by `import_key`) and
inserted with ON CONFLICT DO NOTHING, inside one transaction per batch.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connections

from quotedb.imports.quotebank import QuotebankRecord, SourceUrl
from quotedb.models import QuoteOrigin, QuoteStatus

EMPTY_BODY_HASH = hashlib.sha256(b"").hexdigest()

STAGING_TABLES = {
    "quotebank_staging_speaker": [
        ("qid", "text"),
        ("name", "text"),
        ("slug", "text"),
        ("normalized", "text"),
    ],
    "quotebank_staging_url": [
        ("url", "text"),
        ("domain", "text"),
        ("outlet_slug", "text"),
        ("title", "text"),
        ("published_on", "date"),
    ],
    "quotebank_staging_quote": [
        ("import_key", "text"),
        ("text", "text"),
        ("fingerprint", "text"),
        ("speaker_name", "text"),
        ("speaker_qid", "text"),
        ("said_on", "date"),
        ("confidence", "double precision"),
        ("url", "text"),
    ],
}

# Conflict targets repeat the partial unique indexes' predicates word for word, so both
# PostgreSQL and SQLite can infer the index. Rows go in key order, so batches loading side by
# side that add the same speaker or article wait for each other instead of deadlocking.
# "WHERE true" keeps SQLite from reading the ON CONFLICT as a join constraint.
INSERT_SPEAKERS = """
INSERT INTO speakers_speaker (name, slug, kind, description, country, wikidata_id,
                              normalized_name, is_proposed, created_at, updated_at)
SELECT s.name, s.slug, 'person', '', '', s.qid, s.normalized, %(proposed)s, %(now)s, %(now)s
FROM quotebank_staging_speaker s
WHERE NOT EXISTS (SELECT 1 FROM speakers_speaker e WHERE e.wikidata_id = s.qid)
ORDER BY s.qid
ON CONFLICT DO NOTHING
"""

INSERT_OUTLETS = """
INSERT INTO articles_outlet (name, slug, short_name, domain, country, language, speaker_id)
SELECT u.domain, MIN(u.outlet_slug), '', u.domain, '', '', NULL
FROM quotebank_staging_url u
WHERE NOT EXISTS (SELECT 1 FROM articles_outlet o WHERE o.domain = u.domain)
GROUP BY u.domain
ORDER BY u.domain
ON CONFLICT DO NOTHING
"""

MISSING_OUTLET_DOMAINS = """
SELECT DISTINCT u.domain FROM quotebank_staging_url u
WHERE NOT EXISTS (SELECT 1 FROM articles_outlet o WHERE o.domain = u.domain)
ORDER BY u.domain
"""

INSERT_ARTICLES = """
INSERT INTO articles_article (outlet_id, url, title, byline, dateline, published_on, language,
                              external_id, body, content_hash, retrieved_at, archive_url,
                              created_at, updated_at)
SELECT o.id, u.url, u.title, '', '', u.published_on, 'en', '', '', %(body_hash)s, NULL, '',
       %(now)s, %(now)s
FROM quotebank_staging_url u
LEFT JOIN articles_outlet o ON o.domain = u.domain AND NOT (o.domain = '')
WHERE NOT EXISTS (SELECT 1 FROM articles_article a WHERE a.url = u.url AND NOT (a.url = ''))
ORDER BY u.url
ON CONFLICT DO NOTHING
"""

INSERT_QUOTES = """
INSERT INTO quotedb_quote (text, kind, cue, speaker_id, speaker_mention, article_id, start, "end",
                           said_on, language, original_text, status, origin, confidence,
                           relayed_by_id, fingerprint, created_at, updated_at, created_by_id,
                           import_key)
SELECT q.text, 'direct', '', sp.id, q.speaker_name, a.id, NULL, NULL, q.said_on, 'en', '',
       %(status)s, %(origin)s, q.confidence, NULL, q.fingerprint, %(now)s, %(now)s, NULL,
       q.import_key
FROM quotebank_staging_quote q
JOIN articles_article a ON a.url = q.url AND NOT (a.url = '')
LEFT JOIN speakers_speaker sp ON sp.wikidata_id = q.speaker_qid AND NOT (sp.wikidata_id = '')
WHERE true
ORDER BY q.import_key
ON CONFLICT (import_key) WHERE NOT (import_key = '') DO NOTHING
"""


@dataclass
class BatchResult:
    quotes_added: int = 0
    speakers_added: int = 0
    outlets_added: int = 0
    articles_added: int = 0


@dataclass(frozen=True)
class StagedBatch:
    """A batch ready for the database: how many records it came from, rows per staging table,
    and (for PostgreSQL) those rows already in COPY's text format."""

    size: int
    rows: dict[str, list[tuple]]
    copy_data: dict[str, bytes] | None = None


# COPY's text format: backslash, newline, carriage return and tab escaped, NULL as \N. NUL
# characters cannot be stored in PostgreSQL text at all and are dropped.
_COPY_SPECIAL = re.compile("[\\\\\n\r\t\x00]")


def _copy_field(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        if _COPY_SPECIAL.search(value) is None:
            return value  # nearly every value: nothing to escape
        return (
            value.replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
            .replace("\x00", "")
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value)


def copy_text(rows: list[tuple]) -> bytes:
    """`rows` as the data of COPY … FROM STDIN (text format)."""
    return "".join("\t".join(map(_copy_field, row)) + "\n" for row in rows).encode("utf-8")


def stage_batch(records: Sequence[QuotebankRecord], *, copy: bool = False) -> StagedBatch:
    """The batch as rows of each staging table, each key once (the first record wins), and
    with `copy` as COPY data too.

    Pure Python, no database: the importer runs it in a reader thread for the next batch while
    the database is busy with the current one, so the COPY formatting happens there as well.
    """
    speakers: dict[str, tuple] = {}
    urls: dict[str, tuple] = {}
    quotes: dict[str, tuple] = {}
    for record in records:
        if record.quote_id in quotes:
            continue
        if record.speaker_qid and record.speaker_qid not in speakers:
            speakers[record.speaker_qid] = (
                record.speaker_qid,
                record.speaker_name,
                record.speaker_slug,
                record.speaker_normalized,
            )
        for source in record.urls:
            known = urls.get(source.url)
            if known is None or known[4] > record.said_on:
                # An article is as old as the earliest quotation seen in it.
                urls[source.url] = (
                    source.url,
                    source.domain,
                    source.outlet_slug,
                    source.url[:500],
                    record.said_on,
                )
        quotes[record.quote_id] = (
            record.quote_id,
            record.text,
            record.fingerprint,
            record.speaker_name[:300],
            record.speaker_qid,
            record.said_on,
            record.confidence,
            record.urls[0].url,
        )
    rows = {
        "quotebank_staging_speaker": list(speakers.values()),
        "quotebank_staging_url": list(urls.values()),
        "quotebank_staging_quote": list(quotes.values()),
    }
    copy_data = (
        {table: copy_text(table_rows) for table, table_rows in rows.items()} if copy else None
    )
    return StagedBatch(size=len(records), rows=rows, copy_data=copy_data)


def _prepare_staging(cursor, vendor: str) -> None:
    if vendor == "postgresql":
        # Emptied by PostgreSQL when each batch's transaction commits (or rolls back), which
        # costs less than a TRUNCATE per table and batch; created once per connection.
        for table, columns in STAGING_TABLES.items():
            definition = ", ".join(f"{name} {kind}" for name, kind in columns)
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {table} ({definition}) ON COMMIT DELETE ROWS"
            )
        return
    for table, columns in STAGING_TABLES.items():
        definition = ", ".join(f"{name} {kind}" for name, kind in columns)
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {table} ({definition})")
        cursor.execute(f"DELETE FROM {table}")


def _fill_staging(cursor, vendor: str, table: str, batch: StagedBatch) -> None:
    columns = [name for name, _ in STAGING_TABLES[table]]
    rows = batch.rows[table]
    if vendor == "postgresql":
        # No ANALYZE afterwards: it cost more than the joins it would plan. Unanalysed, the
        # planner sizes temporary tables from their pages, which is enough for these joins.
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            if batch.copy_data is not None:
                copy.write(batch.copy_data[table])
            else:
                for row in rows:
                    copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(columns))
    cursor.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
        [tuple(_sqlite_value(value) for value in row) for row in rows],
    )


def _sqlite_value(value):
    # Django stores dates in SQLite as ISO text; the sqlite3 module's date adapter is deprecated.
    return value.isoformat() if isinstance(value, datetime.date) else value


def _add_outlets_with_clashing_slugs(cursor) -> int:
    """Outlets whose natural slug is taken (by a curator's outlet, or a look-alike domain)."""
    cursor.execute(MISSING_OUTLET_DOMAINS)
    added = 0
    for (domain,) in cursor.fetchall():
        suffix = hashlib.sha1(domain.encode()).hexdigest()[:8]
        slug = f"{SourceUrl(url='', domain=domain).outlet_slug[:190]}-{suffix}"
        cursor.execute(
            "INSERT INTO articles_outlet (name, slug, short_name, domain, country, language, "
            "speaker_id) VALUES (%s, %s, '', %s, '', '', NULL) ON CONFLICT DO NOTHING",
            [domain, slug, domain],
        )
        added += cursor.rowcount
    return added


def load_batch(batch: StagedBatch, *, approve: bool, using: str = "default") -> BatchResult:
    """Upsert one batch. The caller wraps it in a transaction: a batch lands whole or not at all."""
    connection = connections[using]
    vendor = connection.vendor
    if not connection.in_atomic_block:
        # Staging rows live until the transaction ends; outside one they would vanish at once.
        raise RuntimeError("load_batch must run inside transaction.atomic()")
    now = datetime.datetime.now(datetime.UTC)
    if vendor == "sqlite":
        now = now.replace(tzinfo=None)
    result = BatchResult()
    with connection.cursor() as cursor:
        _prepare_staging(cursor, vendor)
        for table in batch.rows:
            _fill_staging(cursor, vendor, table, batch)
        cursor.execute(INSERT_SPEAKERS, {"proposed": True, "now": now})
        result.speakers_added = cursor.rowcount
        cursor.execute(INSERT_OUTLETS)
        result.outlets_added = cursor.rowcount + _add_outlets_with_clashing_slugs(cursor)
        cursor.execute(INSERT_ARTICLES, {"body_hash": EMPTY_BODY_HASH, "now": now})
        result.articles_added = cursor.rowcount
        status = QuoteStatus.APPROVED if approve else QuoteStatus.PROPOSED
        cursor.execute(
            INSERT_QUOTES, {"status": status, "origin": QuoteOrigin.IMPORTED, "now": now}
        )
        result.quotes_added = cursor.rowcount
    return result
