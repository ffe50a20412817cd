"""export_quotes: the report formats from the command line, with readable errors."""

import csv
import io
import json
import os
import stat
import subprocess
import sys

import feedparser
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from quotedb.management.commands import export_quotes
from quotedb.models import Quote
from quotedb.reports import renderers, selectors
from quotedb.reports.renderers import RENDERERS_BY_FORMAT
from tests.factories import QuoteFactory, SpeakerFactory

BASE = "https://quotes.example.org"


def export(*args: str) -> str:
    out = io.StringIO()
    call_command("export_quotes", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_csv_of_a_speaker_and_topic(demo):
    rows = list(
        csv.DictReader(
            io.StringIO(
                export("--speaker", "kayvan-khosravi", "--topic", "syria", "--format", "csv")
            )
        )
    )
    expected = Quote.objects.approved().filter(speaker=demo["khosravi"]).about([demo["syria"].pk])
    assert sorted(int(row["id"]) for row in rows) == sorted(expected.values_list("pk", flat=True))


def test_date_range_and_base_url(demo):
    document = json.loads(
        export(
            "--said-after",
            "2023-03-01",
            "--said-before",
            "2023-03-31",
            "--format",
            "jsonld",
            "--base-url",
            "https://quotes.example.org",
        )
    )
    assert len(document["@graph"]) == Quote.objects.approved().count()
    assert document["@graph"][0]["url"].startswith("https://quotes.example.org/api/v1/quotes/")


def test_a_list_in_markdown(published_list):
    md = export("--list", published_list.slug, "--format", "md")
    assert md.startswith(f"## {published_list.title}") and "*Note:* Note 0" in md


def test_every_format_renders(demo, tmp_path):
    for fmt in ["html", "md", "csv", "jsonld", "csl", "rss", "atom"]:
        target = tmp_path / f"quotes.{fmt}"
        export("--speaker", "joe-biden", "--format", fmt, "--output", str(target))
        assert target.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "--said-after", "yesterday"], "said_after: Enter a valid date."),
        (["--format", "csv", "--kind", "shouted"], "kind: Select a valid choice."),
        (["--format", "md", "--list", "no-such-list"], "--list: no list has the slug"),
        (["--format", "md", "--list", "x", "--speaker", "y"], "--list cannot be combined"),
        (["--format", "csv", "--base-url", "ftp://x"], "--base-url must start with"),
    ],
)
def test_bad_arguments_are_one_readable_error(db, args, message):
    with pytest.raises(CommandError, match=message.replace(".", r"\.")) as error:
        call_command("export_quotes", *args)
    assert "\n" not in str(error.value)


def test_bad_arguments_exit_non_zero_without_a_traceback(db, tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "export_quotes", "--format", "csv", "--said-after", "soon"],
        capture_output=True,
        text=True,
        env={"QUOTEDB_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("said_after: Enter a valid date.")


def test_a_reader_closing_the_pipe_stops_the_export_quietly(demo, monkeypatch):
    """'export_quotes … | head': the write fails with a broken pipe; the command stops with
    exit status 1 and no traceback."""
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)

    class ClosedAfterOneWrite(io.StringIO):
        def write(self, text):
            if self.tell():
                raise BrokenPipeError(32, "Broken pipe")
            return super().write(text)

    with pytest.raises(SystemExit) as stopped:
        call_command(
            "export_quotes", "--format", "md", stdout=ClosedAfterOneWrite(), stderr=io.StringIO()
        )
    assert stopped.value.code == 1


def test_csv_written_in_batches_is_the_same_as_written_whole(demo, monkeypatch):
    whole = export("--format", "csv")
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    assert export("--format", "csv") == whole
    rows = list(csv.DictReader(io.StringIO(whole)))
    assert len(rows) == Quote.objects.approved().count() > 3


STREAMED_FORMATS = ["html", "md", "csv", "jsonld", "csl"]
ALL_FORMATS = [*STREAMED_FORMATS, "rss", "atom"]


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_every_format_written_in_batches_is_what_the_api_renders_whole(demo, monkeypatch, fmt):
    quotes = selectors.public_quotes_matching(QueryDict())
    data = {
        "results": selectors.quote_data(quotes, request=selectors.UrlBase(BASE)),
        "link": BASE,
    }
    whole = RENDERERS_BY_FORMAT[fmt]().render(data, renderer_context={})
    whole = whole.decode("utf-8") if isinstance(whole, bytes) else whole
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    # Feed items wait in a spooled file until the header can be written: make it roll over
    # to disk at once.
    monkeypatch.setattr(renderers, "FEED_SPOOL_BYTES", 10)
    assert export("--format", fmt, "--base-url", BASE) == whole
    assert len(data["results"]) > 3


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_an_export_matching_nothing_is_the_empty_document(db, fmt):
    renderer = RENDERERS_BY_FORMAT[fmt]()
    empty = renderer.render({"results": [], "link": BASE}, renderer_context={})
    assert export("--format", fmt, "--base-url", BASE) == empty
    if fmt in ("jsonld", "csl"):
        json.loads(empty)


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_streamed_formats_hold_one_batch_at_a_time(demo, monkeypatch, fmt):
    """The renderer has written a batch before the next one is read from the database."""
    # Seven quotes, each in an article of its own, which CSL-JSON cites once each.
    speaker = SpeakerFactory()
    QuoteFactory.create_batch(7, speaker=speaker)
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    events = []
    quote_data = selectors.quote_data

    def recording(quotes, *, request):
        events.append("read")
        return quote_data(quotes, request=request)

    class Recorder(io.StringIO):
        def write(self, text):
            if text:
                events.append("write")
            return super().write(text)

    monkeypatch.setattr(selectors, "quote_data", recording)
    call_command(
        "export_quotes",
        "--format",
        fmt,
        "--speaker",
        speaker.slug,
        stdout=Recorder(),
        stderr=io.StringIO(),
    )
    assert events.count("read") == 3
    # Every read but the first follows a write: no format gathers the batches.
    assert all(events[k - 1] == "write" for k, event in enumerate(events) if event == "read" and k)


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_queries_grow_with_the_batches_not_the_quotes(demo, monkeypatch, fmt):
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    for _round in range(3):
        batches = -(-Quote.objects.approved().count() // 3)
        with CaptureQueriesContext(connection) as queries:
            export("--format", fmt)
        # One query for the quotes with their speakers and articles, read a batch at a
        # time; then each batch's topics and speakers' roles.
        assert len(queries) == 1 + 2 * batches
        for _ in range(3):
            QuoteFactory(speaker=demo["biden"], topics=[demo["syria"]])


def test_an_output_file_is_written_whole_or_not_at_all(demo, tmp_path, monkeypatch):
    target = tmp_path / "quotes.csv"
    target.write_text("the previous export\n", encoding="utf-8")
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    calls = []
    quote_data = selectors.quote_data

    def failing_on_the_second_batch(quotes, *, request):
        calls.append(len(quotes))
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return quote_data(quotes, request=request)

    monkeypatch.setattr(selectors, "quote_data", failing_on_the_second_batch)
    with pytest.raises(RuntimeError):
        export("--format", "csv", "--output", str(target))
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [path.name for path in tmp_path.iterdir()] == ["quotes.csv"]
    monkeypatch.setattr(selectors, "quote_data", quote_data)
    export("--format", "csv", "--output", str(target))
    assert target.read_bytes().decode("utf-8") == export("--format", "csv")


def test_an_output_file_gets_ordinary_permissions_or_keeps_its_own(demo, tmp_path):
    target = tmp_path / "quotes.md"
    umask = os.umask(0o022)
    try:
        export("--format", "md", "--output", str(target))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        export("--format", "csv", "--output", str(target))
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_feed_holds_one_batch_of_quotes_and_parses(demo, monkeypatch, fmt):
    """Feed items are written a batch at a time to a spooled file, not gathered as quotes."""
    monkeypatch.setattr(export_quotes, "BATCH_SIZE", 3)
    held = []
    add_feed_item = renderers._add_feed_item

    def recording(feed, quote, *, link):
        held.append(len(feed.items))
        add_feed_item(feed, quote, link=link)

    monkeypatch.setattr(renderers, "_add_feed_item", recording)
    parsed = feedparser.parse(export("--format", fmt))
    assert max(held) < 3
    assert len(parsed.entries) == Quote.objects.approved().count() > 3
    assert not parsed.bozo
