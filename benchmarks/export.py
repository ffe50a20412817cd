"""export_quotes: time and peak memory per format, written a batch at a time (the command)
side by side with the same document built whole (serialise every quote, then render once,
as the command did before and as the API's renderers do for one page).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/quotedb_bench \\
        .venv/bin/python -m benchmarks.export [--formats csv,md,...]

Fill the database first with `python -m benchmarks.generate`. Each measurement runs in a
process of its own, so that its peak resident memory is its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["csv", "md", "html", "jsonld", "csl", "rss", "atom"]


def child(mode: str, fmt: str, output: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")
    django.setup()
    from django.core.management import call_command
    from django.http import QueryDict

    from quotedb.reports import selectors
    from quotedb.reports.renderers import RENDERERS_BY_FORMAT

    if mode == "stream":
        call_command("export_quotes", "--format", fmt, "--output", output)
        return
    base = selectors.UrlBase("http://localhost:8000")
    quotes = selectors.public_quotes_matching(QueryDict())
    data = {"results": selectors.quote_data(quotes, request=base), "link": base.base_url}
    text = RENDERERS_BY_FORMAT[fmt]().render(data, renderer_context={})
    Path(output).write_text(text, encoding="utf-8")


def measure(mode: str, fmt: str, output: str) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one export in a fresh process. A small wrapper
    process starts it and reports its child's peak, so earlier runs do not count."""
    script = (
        "import resource, subprocess, sys, time;"
        "started = time.perf_counter();"
        "subprocess.run([sys.executable, '-m', 'benchmarks.export', '--child', *sys.argv[1:]],"
        " check=True);"
        "print(time.perf_counter() - started,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, mode, fmt, output],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, kilobytes = result.stdout.split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FORMAT", "OUTPUT"))
    arguments = parser.parse_args(argv)
    if arguments.child:
        child(*arguments.child)
        return
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")
    django.setup()
    from quotedb.models import Quote

    count = Quote.objects.approved().count()
    print(f"export of {count:,} approved quotes, one process per run")
    print(f"{'format':8} {'batches: s':>11} {'peak MB':>8} {'whole: s':>9} {'peak MB':>8}  same")
    with tempfile.TemporaryDirectory() as directory:
        for fmt in arguments.formats.split(","):
            streamed = os.path.join(directory, f"streamed.{fmt}")
            whole = os.path.join(directory, f"whole.{fmt}")
            stream_seconds, stream_peak = measure("stream", fmt, streamed)
            whole_seconds, whole_peak = measure("whole", fmt, whole)
            same = Path(streamed).read_bytes() == Path(whole).read_bytes()
            print(
                f"{fmt:8} {stream_seconds:11.1f} {stream_peak:8.0f} {whole_seconds:9.1f} "
                f"{whole_peak:8.0f}  {'yes' if same else 'NO'}"
            )


if __name__ == "__main__":
    main()
