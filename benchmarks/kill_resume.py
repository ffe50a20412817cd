"""Crash-safety check for import_quotebank: kill -9 it at random moments, run it again, and
verify every quotation is stored exactly once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/quotedb_bench \\
        .venv/bin/python -m benchmarks.kill_resume --lines 200000 --kills 5
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")
ROOT = Path(__file__).resolve().parent.parent


def import_command(path: Path) -> list[str]:
    return [
        str(ROOT / ".venv" / "bin" / "python"),
        "manage.py",
        "import_quotebank",
        "--no-progress",
        "--batch-size",
        "2000",
        str(path),
    ]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    django.setup()
    from django.db import connection

    from benchmarks.run import delete_bench_rows, write_quotebank_file

    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="quotedb-kill-"))
    source = workdir / "quotebank.json"
    write_quotebank_file(source, args.lines)
    with connection.cursor() as cursor:
        delete_bench_rows(cursor, articles=True)

    def stored() -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*), count(DISTINCT import_key) FROM quotedb_quote "
                "WHERE import_key LIKE 'bench-%'"
            )
            return cursor.fetchone()

    try:
        for attempt in range(1, args.kills + 1):
            process = subprocess.Popen(import_command(source), cwd=ROOT, stdout=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.0, 6.0))
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            rows, distinct = stored()
            print(f"kill -9 #{attempt}: {rows:,} quotes stored ({distinct:,} distinct keys)")
            assert rows == distinct, "a quotation was stored twice"
        finished = subprocess.run(
            import_command(source), cwd=ROOT, check=True, capture_output=True, text=True
        )
        print(f"final run: {finished.stdout.strip()}")
        rows, distinct = stored()
        print(f"stored: {rows:,} quotes, {distinct:,} distinct keys, {args.lines:,} lines")
        assert rows == distinct == args.lines, "not every quotation exactly once"
        print("OK: every quotation exactly once")
    finally:
        with connection.cursor() as cursor:
            delete_bench_rows(cursor, articles=True)


if __name__ == "__main__":
    main()
