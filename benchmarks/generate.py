"""Fill a PostgreSQL database with synthetic quotes for benchmarks (1M quotes in a few minutes).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/quotedb_bench \\
        .venv/bin/python -m benchmarks.generate --quotes 1000000

Speakers' activity, topics and words all follow Zipf distributions over 15 years of days.
Everything is loaded with COPY; the quote table's search-vector trigger fills the tsvector.
The database is migrated first and emptied of quotes, articles, speakers and topics.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")

FIRST_DAY = datetime.date(2011, 1, 1)
DAYS = 15 * 365
QUOTES_PER_ARTICLE = 4
TOPIC_PARENTS = 10


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--outlets", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20260101)
    return parser.parse_args(argv)


def copy_rows(cursor, table: str, columns: list[str], rows) -> int:
    count = 0
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def main(argv=None) -> None:
    args = parse_args(argv)
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils.text import slugify

    from benchmarks.synthetic import (
        CUE_VERBS,
        TextMaker,
        ZipfSampler,
        random_day,
        speaker_names,
    )
    from quotedb.fingerprints import fingerprint
    from speakers.names import normalize_name

    if connection.vendor != "postgresql":
        sys.exit("benchmarks need PostgreSQL: set DATABASE_URL=postgres://…")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    now = datetime.datetime.now(datetime.UTC)

    def step(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f}s] {message}", flush=True)

    with connection.cursor() as cursor:
        step("emptying tables")
        cursor.execute(
            "TRUNCATE quotedb_quotetopic, quotedb_quotelistitem, quotedb_quote, "
            "quotedb_historicalquote, articles_article, articles_outlet, quotedb_topic, "
            "speakers_role, speakers_alias, speakers_slugredirect, speakers_speaker "
            "RESTART IDENTITY CASCADE"
        )
        cursor.execute("SET maintenance_work_mem = '512MB'")

        step(f"{args.topics} topics")
        topic_rows = []
        text = TextMaker(rng)
        topic_words = [w for w in text.words[200:] if w.isalpha()]
        rng.shuffle(topic_words)
        for topic_id in range(1, args.topics + 1):
            name = topic_words[topic_id].capitalize()
            parent = None if topic_id <= TOPIC_PARENTS else 1 + topic_id % TOPIC_PARENTS
            topic_rows.append((topic_id, name, f"{slugify(name)}-{topic_id}", parent, ""))
        copy_rows(
            cursor, "quotedb_topic", ["id", "name", "slug", "parent_id", "description"], topic_rows
        )

        step(f"{args.speakers} speakers")
        names = speaker_names(args.speakers, rng)

        def speakers():
            for speaker_id, name in enumerate(names, start=1):
                qid = f"Q{10_000_000 + speaker_id}" if speaker_id % 3 else ""
                yield (
                    speaker_id,
                    name,
                    f"{slugify(name)}-{speaker_id}",
                    "person",
                    "",
                    "",
                    qid,
                    normalize_name(name),
                    False,
                    now,
                    now,
                )

        copy_rows(
            cursor,
            "speakers_speaker",
            [
                "id",
                "name",
                "slug",
                "kind",
                "description",
                "country",
                "wikidata_id",
                "normalized_name",
                "is_proposed",
                "created_at",
                "updated_at",
            ],
            speakers(),
        )

        step(f"{args.outlets} outlets")
        outlets = [
            (i, f"Outlet {i}", f"outlet-{i}", "", f"outlet{i}.example", "", "en", None)
            for i in range(1, args.outlets + 1)
        ]
        copy_rows(
            cursor,
            "articles_outlet",
            ["id", "name", "slug", "short_name", "domain", "country", "language", "speaker_id"],
            outlets,
        )
        outlet_sampler = ZipfSampler(args.outlets, 0.9, rng)

        article_count = (args.quotes + QUOTES_PER_ARTICLE - 1) // QUOTES_PER_ARTICLE
        step(f"{article_count} articles")
        article_days = [random_day(rng, FIRST_DAY, DAYS) for _ in range(article_count)]

        speaker_sampler = ZipfSampler(args.speakers, 1.1, rng)
        statuses = ["approved"] * 90 + ["proposed"] * 8 + ["rejected"] * 2
        origins = ["extracted"] * 70 + ["manual"] * 20 + ["imported"] * 10
        # Reporting around the quotes: a pool of filler sentences makes bodies of a few KB.
        filler = [text.sentence(12, 30) for _ in range(5000)]
        quote_rows: list[tuple] = []

        def article_body(article_id: int, day) -> str:
            """A body of paragraphs, each carrying one quote; its rows go to quote_rows."""
            body = ""
            first = (article_id - 1) * QUOTES_PER_ARTICLE
            for quote_index in range(first, min(first + QUOTES_PER_ARTICLE, args.quotes)):
                speaker_id = speaker_sampler.draw() + 1
                name, cue, sentence = names[speaker_id - 1], rng.choice(CUE_VERBS), text.sentence()
                lead = " ".join(rng.choice(filler) for _ in range(rng.randint(2, 5)))
                body += f"{lead} “"
                start = len(body)
                body += f"{sentence}” {name} {cue}. {rng.choice(filler)}\n\n"
                quote_rows.append(
                    (
                        quote_index + 1,
                        sentence,
                        "direct",
                        cue,
                        speaker_id,
                        name,
                        article_id,
                        start,
                        start + len(sentence),
                        day,
                        "en",
                        "",
                        rng.choice(statuses),
                        rng.choice(origins),
                        round(rng.uniform(0.5, 1.0), 3),
                        None,
                        fingerprint(sentence),
                        now,
                        now,
                        None,
                        "",
                    )
                )
            return body.rstrip()

        def articles():
            for index, day in enumerate(article_days):
                article_id = index + 1
                outlet_id = outlet_sampler.draw() + 1
                url = f"https://outlet{outlet_id}.example/{day:%Y/%m/%d}/{article_id}"
                body = article_body(article_id, day)
                yield (
                    article_id,
                    outlet_id,
                    url,
                    text.sentence(5, 12).rstrip("."),
                    "",
                    "",
                    day,
                    "en",
                    "",
                    body,
                    hashlib.sha256(body.encode()).hexdigest(),
                    None,
                    "",
                    now,
                    now,
                )
                if article_id % 50_000 == 0:
                    step(f"  {article_id} articles")

        copy_rows(
            cursor,
            "articles_article",
            [
                "id",
                "outlet_id",
                "url",
                "title",
                "byline",
                "dateline",
                "published_on",
                "language",
                "external_id",
                "body",
                "content_hash",
                "retrieved_at",
                "archive_url",
                "created_at",
                "updated_at",
            ],
            articles(),
        )

        step(f"{args.quotes} quotes (the search-vector trigger runs per row)")

        copy_rows(
            cursor,
            "quotedb_quote",
            [
                "id",
                "text",
                "kind",
                "cue",
                "speaker_id",
                "speaker_mention",
                "article_id",
                "start",
                '"end"',
                "said_on",
                "language",
                "original_text",
                "status",
                "origin",
                "confidence",
                "relayed_by_id",
                "fingerprint",
                "created_at",
                "updated_at",
                "created_by_id",
                "import_key",
            ],
            quote_rows,
        )

        step("quote topics (1-3 per quote, Zipf over topics)")
        topic_sampler = ZipfSampler(args.topics, 1.0, rng)

        def quote_topics():
            for quote_id in range(1, args.quotes + 1):
                for topic_index in {topic_sampler.draw() for _ in range(rng.randint(1, 3))}:
                    yield (quote_id, topic_index + 1)

        copy_rows(cursor, "quotedb_quotetopic", ["quote_id", "topic_id"], quote_topics())

        for table in [
            "quotedb_topic",
            "speakers_speaker",
            "articles_outlet",
            "articles_article",
            "quotedb_quote",
            "quotedb_quotetopic",
        ]:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    step("VACUUM ANALYZE")
    connection.close()
    with connection.cursor() as cursor:
        for table in [
            "quotedb_quote",
            "quotedb_quotetopic",
            "articles_article",
            "speakers_speaker",
            "quotedb_topic",
            "articles_outlet",
        ]:
            cursor.execute(f"VACUUM ANALYZE {table}")
    step("done")


if __name__ == "__main__":
    main()
