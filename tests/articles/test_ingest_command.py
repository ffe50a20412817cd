"""`manage.py ingest`: .txt, .html and .jsonl files in, one article each, bad files reported."""

import datetime
import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from articles.ingestion.datelines import dateline_at_start
from articles.models import Article, Outlet
from quotedb.models import Quote
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Minister promises new port | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-05-02T08:30:00Z">
<link rel="canonical" href="https://www.harbourtimes.example/news/2024/new-port">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Minister promises new port</h1>
<p>The transport minister said on Thursday that "the new port will open next year, whatever
the weather", speaking to reporters at the harbour.</p>
<p>She added that the works would employ four hundred people from the region and that the
budget had already been approved by parliament.</p>
<p>Local fishermen said they feared the works would drive the fish away from the bay.</p>
</article>
<footer>Copyright 2024 Harbour Times. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


def ingest(*args: str) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _set_file_date(path: Path, day: datetime.date) -> None:
    stamp = datetime.datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (stamp, stamp))


def test_text_file_gives_title_dateline_date_outlet_and_news_code(seed_file):
    mna = OutletFactory(name="Mehr News Agency", short_name="MNA")
    ingest(str(seed_file), "--year", "2023", "--no-extract")
    article = Article.objects.get()
    assert article.title == "Iran reacts to US allegations after recent attacks in Syria"
    assert article.dateline == "TEHRAN"
    assert article.published_on == datetime.date(2023, 3, 25)
    assert article.outlet == mna
    assert article.external_id == "198808"
    assert article.body.startswith("TEHRAN, Mar. 25 (MNA) – An Iranian security official")
    assert article.body.endswith("the media reported from Syria.")
    for furniture in ("News Code", "Your Comment", "You are replying to", "captcha"):
        assert furniture not in article.body


def test_a_dateline_without_year_takes_the_latest_such_day_on_or_before_the_file_date(seed_file):
    _set_file_date(seed_file, datetime.date(2024, 1, 10))
    ingest(str(seed_file), "--no-extract")
    assert Article.objects.get().published_on == datetime.date(2023, 3, 25)
    _set_file_date(seed_file, datetime.date(2024, 6, 1))
    ingest(str(seed_file), "--no-extract")
    assert Article.objects.get().published_on == datetime.date(2024, 3, 25)


def test_datelines_are_read_in_their_common_forms():
    tehran = dateline_at_start("TEHRAN, Mar. 25 (MNA) – An Iranian official said")
    assert (tehran.place, tehran.month, tehran.day, tehran.outlet_short_name) == (
        "TEHRAN",
        3,
        25,
        "MNA",
    )
    dated = dateline_at_start("NEW YORK, September 12, 2016 (AP) — Hillary Clinton")
    assert dated.date(reference=datetime.date(2000, 1, 1)) == datetime.date(2016, 9, 12)
    assert dateline_at_start("WASHINGTON — The president said").place == "WASHINGTON"
    assert dateline_at_start("An Iranian official said - twice - that it was not so") is None


def test_an_unknown_short_name_leaves_the_outlet_empty_and_outlet_option_wins(seed_file):
    ingest(str(seed_file), "--year", "2023", "--no-extract")
    assert Article.objects.get().outlet is None
    chosen = OutletFactory(slug="mehr", short_name="")
    ingest(str(seed_file), "--year", "2023", "--no-extract", "--outlet", "mehr")
    assert Article.objects.get().outlet == chosen


def test_an_unknown_outlet_option_is_one_readable_error(seed_file):
    with pytest.raises(CommandError, match="--outlet: no outlet with the slug 'nowhere'"):
        ingest(str(seed_file), "--outlet", "nowhere")


def test_html_file_gives_main_text_and_metadata_and_finds_or_creates_the_outlet(tmp_path):
    page = tmp_path / "port.html"
    page.write_text(PAGE, encoding="utf-8")
    ingest(str(page), "--no-extract")
    article = Article.objects.select_related("outlet").get()
    assert article.title == "Minister promises new port"
    assert article.published_on == datetime.date(2024, 5, 2)
    assert article.byline == "Jane Reporter"
    assert article.url == "https://www.harbourtimes.example/news/2024/new-port"
    assert article.outlet.name == "Harbour Times"
    assert article.outlet.domain == "harbourtimes.example"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The transport minister said on Thursday")
    assert len(paragraphs) == 3
    assert "Sport" not in article.body and "Copyright" not in article.body

    other = tmp_path / "other.html"
    other.write_text(PAGE.replace("new-port", "second-port"), encoding="utf-8")
    ingest(str(other), "--no-extract")
    assert Outlet.objects.count() == 1  # found again by its domain
    assert Article.objects.count() == 2


def test_jsonl_lines_keep_their_text_exactly_so_offsets_stay_valid(tmp_path):
    text = "Harbour plans.\r\n\r\n  The minister said “we will build it.”  \n"
    line = {
        "doc_id": "harbour_2024-05-02_plans",
        "text": text,
        "metadata": {"published": "2024-05-02", "title": "Harbour plans", "publisher": "gazette"},
    }
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    ingest(str(path), "--no-extract")
    article = Article.objects.select_related("outlet").get()
    assert article.body == text
    assert article.title == "Harbour plans"
    assert article.external_id == "harbour_2024-05-02_plans"
    assert article.published_on == datetime.date(2024, 5, 2)
    assert article.outlet.name == "gazette"


def test_ingesting_the_same_files_twice_updates_instead_of_duplicating(seed_file, tmp_path):
    OutletFactory(short_name="MNA")
    page = tmp_path / "port.html"
    page.write_text(PAGE, encoding="utf-8")
    first = ingest(str(seed_file), str(page), "--year", "2023")
    quotes = Quote.objects.count()
    second = ingest(str(seed_file), str(page), "--year", "2023")
    assert Article.objects.count() == 2
    assert Quote.objects.count() == quotes > 0
    assert "2 article(s) stored (2 new, 0 updated)" in first
    assert "2 article(s) stored (0 new, 2 updated) from 2 file(s); 0 quote(s) proposed." in second


def test_bad_files_are_reported_by_name_and_line_and_the_rest_ingested(seed_file, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    unknown = tmp_path / "notes.pdf"
    unknown.write_bytes(b"%PDF-1.4")
    binary = tmp_path / "latin.txt"
    binary.write_bytes("Titre\n\nCaf\xe9".encode("latin-1"))
    lines = tmp_path / "mixed.jsonl"
    lines.write_text('{"doc_id": "a", "text": "Fine.\\n\\nIt is."}\n{"doc_id": oops}\n')
    missing = tmp_path / "missing.txt"
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "ingest",
            str(seed_file),
            str(empty),
            str(unknown),
            str(binary),
            str(lines),
            str(missing),
            "--no-extract",
            stdout=out,
            stderr=err,
        )
    assert failure.value.returncode == 1
    errors = err.getvalue()
    assert f"{empty}: empty file" in errors
    assert f"{unknown}: unknown extension '.pdf'" in errors
    assert f"{binary}: not UTF-8 text" in errors
    assert f"{lines}:2: malformed JSON" in errors
    assert f"{missing}: cannot read" in errors
    assert "2 article(s) stored (2 new, 0 updated) from 6 file(s); 5 failed." in out.getvalue()
    assert Article.objects.count() == 2


def test_the_command_line_exits_non_zero_with_one_line_and_no_traceback(
    tmp_path, monkeypatch, capsys
):
    # run_from_argv closes every connection when it ends; the test's transaction needs its own.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "ingest", str(empty)])
    assert exit_.value.code == 1
    errors = capsys.readouterr().err
    assert errors.splitlines() == [f"CommandError: {empty}: empty file"]


def test_a_missing_file_alone_is_one_error_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    missing = tmp_path / "missing.txt"
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "ingest", str(missing)])
    assert exit_.value.code == 1
    errors = capsys.readouterr().err
    assert errors.splitlines() == [
        f"CommandError: {missing}: cannot read (No such file or directory)"
    ]


def test_the_demo_article_ingested_again_is_the_same_article_and_keeps_its_approved_quotes(
    seed_file,
):
    call_command("load_demo", stdout=StringIO())
    demo = Article.objects.get()
    approved = set(Quote.objects.values_list("pk", "status", "speaker_id", "start", "end"))
    out = ingest(str(seed_file), "--year", "2023")
    assert Article.objects.get().pk == demo.pk
    assert set(Quote.objects.values_list("pk", "status", "speaker_id", "start", "end")) == approved
    assert "1 article(s) stored (0 new, 1 updated) from 1 file(s); 0 quote(s) proposed." in out
