"""Side-by-side benchmarks at scale: API vs raw SQL, API vs a hand-written view under load,
page 1 vs page 10,000, import vs raw COPY.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/quotedb_bench \\
        .venv/bin/python -m benchmarks.run            # all parts; --parts a,c for some

Fill the database first with `python -m benchmarks.generate`. Part b starts gunicorn with
quotedb/gunicorn.conf.py and drives it with wrk (installed with apt-get when missing).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
# Production keeps connections open (a pool per process); without it every request would also
# pay for a new PostgreSQL connection.
os.environ.setdefault("DATABASE_POOL", "1")
ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def table(title: str, header: list[str], rows: list[list]) -> None:
    print(f"\n## {title}\n")
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    line = "| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    sys.stdout.flush()


def scenarios() -> dict[str, str]:
    """Query strings of the three filtered lists, chosen from the data like a reader would."""
    from django.db import connection

    with connection.cursor() as cursor:
        # A busy but not the busiest speaker (rank ~20 of 50k under Zipf).
        cursor.execute(
            "SELECT s.slug FROM speakers_speaker s JOIN quotedb_quote q ON q.speaker_id = s.id "
            "GROUP BY s.slug ORDER BY count(*) DESC OFFSET 20 LIMIT 1"
        )
        speaker = cursor.fetchone()[0]
        cursor.execute("SELECT slug FROM quotedb_topic WHERE parent_id IS NOT NULL ORDER BY id")
        topic = cursor.fetchone()[0]
    return {
        "speaker + dates": f"speaker={speaker}&said_after=2016-01-01&said_before=2022-12-31",
        "topic": f"topic={topic}",
        "full text": "q=nuclear%20sanctions",
        "no filter": "",
    }


def statements_of(client, url: str) -> list[str]:
    """The SQL statements one request runs (an execute wrapper sees every one of them)."""
    from django.db import connection

    seen: list[str] = []

    def record(execute, sql, params, many, context):
        seen.append(connection.ops.compose_sql(sql, params) if params else sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url)
    return seen


# --- (a) per-request server time: API vs its own SQL run raw ----------------------------------


def part_a(repeat: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client()
    rows = []
    for name, query in scenarios().items():
        url = f"/api/v1/quotes/?{query}"
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        statements = statements_of(client, url)
        api, raw, baseline = [], [], []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            api.append(time.perf_counter() - started)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
                    cursor.fetchall()
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            client.get(f"/bench/quotes/?{query}")
            baseline.append(time.perf_counter() - started)
        rows.append(
            [
                name,
                len(statements),
                f"{median_ms(api):.1f}",
                f"{p95_ms(api):.1f}",
                f"{median_ms(raw):.1f}",
                f"{median_ms(baseline):.1f}",
                f"{median_ms(api) / median_ms(raw):.1f}×",
            ]
        )
    table(
        f"(a) server time per request, median of {repeat} (in-process, ms)",
        ["quote list", "queries", "API", "API p95", "its SQL raw", "values()+orjson", "API/SQL"],
        rows,
    )


# --- (c) page 1 vs page 10,000 ----------------------------------------------------------------


def cursor_for_page(page: int, page_size: int = 25) -> str:
    """The cursor a reader holds after following `next` page-1 times (built, not walked)."""
    from quotedb.models import Quote

    row = (
        Quote.objects.approved()
        .order_by("-said_on", "-id")
        .values("said_on", "id")[(page - 1) * page_size - 1]
    )
    data = {"o": "-said_on", "v": row["said_on"].isoformat(), "k": row["id"], "r": False}
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()


def part_c(repeat: int) -> None:
    from django.test import Client

    client = Client()
    # The built cursor must agree with the API's own: page 3 by links equals page 3 by cursor.
    page = client.get("/api/v1/quotes/").json()
    page = client.get(page["next"]).json()
    by_links = client.get(page["next"]).json()["results"]
    by_cursor = client.get(f"/api/v1/quotes/?cursor={cursor_for_page(3)}").json()["results"]
    assert [q["id"] for q in by_links] == [q["id"] for q in by_cursor], "cursor format changed"

    rows = []
    for number in (1, 10_000):
        url = "/api/v1/quotes/" + ("" if number == 1 else f"?cursor={cursor_for_page(number)}")
        results = client.get(url).json()["results"]
        statement_count = len(statements_of(client, url))
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            samples.append(time.perf_counter() - started)
        rows.append(
            [
                f"page {number:,}",
                len(results),
                statement_count,
                f"{median_ms(samples):.1f}",
                f"{p95_ms(samples):.1f}",
            ]
        )
    ratio = float(rows[1][3]) / float(rows[0][3])
    rows.append(["page 10,000 / page 1", "", "", f"{ratio:.2f}×", ""])
    table(
        f"(c) keyset paging, median of {repeat} (ms)",
        ["request", "quotes", "queries", "median", "p95"],
        rows,
    )


# --- (b) throughput under load: gunicorn + wrk -------------------------------------------------


def ensure_wrk() -> str:
    if path := shutil.which("wrk"):
        return path
    print("installing wrk (apt-get install -y wrk)", flush=True)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, capture_output=True)
    return shutil.which("wrk")


def start_gunicorn(workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": str(threads),
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "-c",
            str(ROOT / "quotedb" / "gunicorn.conf.py"),
            "quotedb.wsgi",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


WRK_NUMBER = r"([\d.]+)(us|ms|s)"


def parse_wrk(output: str) -> tuple[float, float, float, int]:
    def millis(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = millis(*re.search(rf"50%\s+{WRK_NUMBER}", output).groups())
    p99 = millis(*re.search(rf"99%\s+{WRK_NUMBER}", output).groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0


def part_b(duration: int, connections: int, workers: int, threads: int) -> None:
    wrk = ensure_wrk()
    queries = scenarios()
    targets = [
        ("API list", "/api/v1/quotes/"),
        ("values()+orjson list", "/bench/quotes/"),
        ("API speaker + dates", f"/api/v1/quotes/?{queries['speaker + dates']}"),
        ("values()+orjson speaker + dates", f"/bench/quotes/?{queries['speaker + dates']}"),
        ("API full text", f"/api/v1/quotes/?{queries['full text']}"),
        ("values()+orjson full text", f"/bench/quotes/?{queries['full text']}"),
    ]
    server = start_gunicorn(workers, threads)
    rows, measured = [], {}
    try:
        # Warm every worker on every endpoint (URL resolver, first queries, pool connections,
        # prepared statements) before measuring any: measured cold, whichever endpoint came
        # first paid for the warm-up in its p99.
        for _, path in targets:
            url = f"http://127.0.0.1:{PORT}{path}"
            warm = [wrk, "-t2", f"-c{max(connections, 8)}", "-d4s", url]
            subprocess.run(warm, check=True, capture_output=True)
        for name, path in targets:
            url = f"http://127.0.0.1:{PORT}{path}"
            command = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rps, p50, p99, errors = parse_wrk(output)
            measured[name] = rps
            rows.append([name, f"{rps:.0f}", f"{p50:.1f}", f"{p99:.1f}", errors])
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    for api, base in [
        ("API list", "values()+orjson list"),
        ("API speaker + dates", "values()+orjson speaker + dates"),
        ("API full text", "values()+orjson full text"),
    ]:
        rows.append([f"{api} / hand-written", f"{measured[api] / measured[base]:.2f}×", "", "", ""])
    table(
        f"(b) gunicorn ({workers} workers × {threads} threads, gthread) under wrk "
        f"(-t2 -c{connections} -d{duration}s), same 2-core machine",
        ["endpoint", "requests/s", "p50 ms", "p99 ms", "non-2xx"],
        rows,
    )


# --- (d) import rows/s vs raw COPY of the same rows ------------------------------------------

QUOTE_COLUMNS = (
    'text, kind, cue, speaker_id, speaker_mention, article_id, start, "end", said_on, language, '
    "original_text, status, origin, confidence, relayed_by_id, fingerprint, created_at, "
    "updated_at, created_by_id, import_key"
)


def write_quotebank_file(path: Path, count: int) -> None:
    """Quotebank-format lines: known speakers (by QID) and new articles on known outlets."""
    import random

    import orjson

    from benchmarks.synthetic import TextMaker, ZipfSampler, random_day

    rng = random.Random(7)
    text = TextMaker(rng)
    speakers = ZipfSampler(50_000, 1.1, rng)
    first = __import__("datetime").date(2011, 1, 1)
    with path.open("wb") as file:
        for index in range(count):
            speaker_id = speakers.draw() + 1
            has_qid = speaker_id % 3 != 0
            day = random_day(rng, first, 15 * 365)
            urls = [
                f"https://outlet{rng.randint(1, 300)}.example/bench/{index}/{n}"
                for n in range(rng.choice([1, 1, 1, 2, 3]))
            ]
            probability = round(rng.uniform(0.4, 0.99), 4)
            record = {
                "quoteID": f"bench-{day}-{index:07d}",
                "quotation": text.sentence(),
                "speaker": f"Speaker {speaker_id}" if has_qid else "None",
                "qids": [f"Q{10_000_000 + speaker_id}"] if has_qid else [],
                "date": f"{day} 12:00:00",
                "numOccurrences": len(urls),
                "probas": [["Speaker", str(probability)], ["None", str(1 - probability)]],
                "urls": urls,
                "phase": "E",
            }
            file.write(orjson.dumps(record) + b"\n")


def delete_bench_rows(cursor, *, articles: bool) -> None:
    """Remove what a benchmark import added, and vacuum so every timed load starts from the
    same tables (no dead index entries left by the previous one)."""
    cursor.execute(
        "DELETE FROM quotedb_quotetopic WHERE quote_id IN "
        "(SELECT id FROM quotedb_quote WHERE import_key LIKE 'bench-%')"
    )
    cursor.execute("DELETE FROM quotedb_quote WHERE import_key LIKE 'bench-%'")
    if articles:
        cursor.execute("DELETE FROM articles_article WHERE url LIKE 'https://outlet%/bench/%'")
    cursor.execute("VACUUM quotedb_quote")
    cursor.execute("VACUUM articles_article")


def part_d(count: int, repeat: int = 3) -> None:
    from django.db import connection

    from quotedb.imports.services import quotebank_import

    workdir = Path(tempfile.mkdtemp(prefix="quotedb-bench-"))
    source = workdir / "quotebank-bench.json"
    write_quotebank_file(source, count)
    rows = []
    try:
        with connection.cursor() as cursor:
            delete_bench_rows(cursor, articles=True)

        started = time.perf_counter()
        first = quotebank_import(paths=[source])
        elapsed_first = time.perf_counter() - started
        rows.append(
            [
                "import_quotebank, new articles",
                first.quotes_added,
                f"{elapsed_first:.1f}",
                f"{first.quotes_added / elapsed_first:,.0f}",
            ]
        )

        # The same quote rows, exactly as the import stored them, for the raw COPY.
        buffer = workdir / "quotes.copy"
        with connection.cursor() as cursor, buffer.open("wb") as out:
            with cursor.copy(
                f"COPY (SELECT {QUOTE_COLUMNS} FROM quotedb_quote "
                "WHERE import_key LIKE 'bench-%') TO STDOUT"
            ) as copy:
                for data in copy:
                    out.write(data)
            delete_bench_rows(cursor, articles=False)

        # The two timed loads alternate, `repeat` times each, and the medians are compared:
        # single runs on this shared machine varied by a third.
        import_times, copy_times = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            again = quotebank_import(paths=[source])
            import_times.append(time.perf_counter() - started)
            with connection.cursor() as cursor:
                delete_bench_rows(cursor, articles=False)
            started = time.perf_counter()
            with (
                connection.cursor() as cursor,
                buffer.open("rb") as data,
                cursor.copy(f"COPY quotedb_quote ({QUOTE_COLUMNS}) FROM STDIN") as copy,
            ):
                while block := data.read(1 << 20):
                    copy.write(block)
            copy_times.append(time.perf_counter() - started)
            with connection.cursor() as cursor:
                delete_bench_rows(cursor, articles=False)
        elapsed_import = statistics.median(import_times)
        elapsed_copy = statistics.median(copy_times)
        runs = f", median of {repeat}" if repeat > 1 else ""
        rows.append(
            [
                f"import_quotebank, articles known{runs}",
                again.quotes_added,
                f"{elapsed_import:.1f}",
                f"{again.quotes_added / elapsed_import:,.0f}",
            ]
        )
        rows.append(
            [
                f"raw COPY of the same quote rows{runs}",
                again.quotes_added,
                f"{elapsed_copy:.1f}",
                f"{again.quotes_added / elapsed_copy:,.0f}",
            ]
        )
        rows.append(
            ["import / raw COPY (articles known)", "", "", f"{elapsed_copy / elapsed_import:.2f}×"]
        )
        # The import loads two batches at once by default; one at a time, for comparison.
        started = time.perf_counter()
        single = quotebank_import(paths=[source], workers=1)
        elapsed_single = time.perf_counter() - started
        rows.append(
            [
                "import_quotebank --workers 1, articles known",
                single.quotes_added,
                f"{elapsed_single:.1f}",
                f"{single.quotes_added / elapsed_single:,.0f}",
            ]
        )
        rows.append(
            ["import --workers 1 / raw COPY", "", "", f"{elapsed_copy / elapsed_single:.2f}×"]
        )
        with connection.cursor() as cursor:
            delete_bench_rows(cursor, articles=False)
        # The re-import below must find every quote present: load them once more.
        quotebank_import(paths=[source])

        started = time.perf_counter()
        rerun = quotebank_import(paths=[source])
        rows.append(
            [
                "re-import (all present)",
                rerun.quotes_added,
                f"{time.perf_counter() - started:.1f}",
                "",
            ]
        )
    finally:
        with connection.cursor() as cursor:
            delete_bench_rows(cursor, articles=True)
        shutil.rmtree(workdir, ignore_errors=True)
    table(
        f"(d) import of {count:,} Quotebank lines vs raw COPY (quote table at its full size)",
        ["load", "rows added", "seconds", "rows/s"],
        rows,
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="a,b,c,d")
    parser.add_argument("--repeat", type=int, default=50, help="requests per timing (a, c)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (b)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (b)")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (b)")
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads (b)")
    parser.add_argument("--import-rows", type=int, default=100_000, help="Quotebank lines (d)")
    parser.add_argument(
        "--import-repeat", type=int, default=3, help="timed loads of each kind, medians (d)"
    )
    args = parser.parse_args(argv)
    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("benchmarks need PostgreSQL: set DATABASE_URL=postgres://…")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM quotedb_quote")
        print(f"# QuoteDB benchmarks: {cursor.fetchone()[0]:,} quotes, {os.cpu_count()} cores")
    parts = set(args.parts.split(","))
    workers = args.workers or (os.cpu_count() or 1) * 2 + 1
    if "a" in parts:
        part_a(args.repeat)
    if "c" in parts:
        part_c(args.repeat)
    if "b" in parts:
        part_b(args.duration, args.connections, workers, args.threads)
    if "d" in parts:
        part_d(args.import_rows, repeat=args.import_repeat)


if __name__ == "__main__":
    main()
