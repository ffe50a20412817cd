"""Quotebank import: what lands in the database, idempotence, malformed lines, bz2, resuming."""

import bz2
import datetime
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Outlet
from quotedb.imports import services
from quotedb.imports.quotebank import source_url
from quotedb.imports.services import quotebank_import
from quotedb.models import Quote, QuoteOrigin, QuoteStatus
from speakers.models import Speaker
from tests.factories import OutletFactory, SpeakerFactory

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "quotebank-sample.json"
MALFORMED = DATA / "quotebank-malformed.json"
SAMPLE_QUOTATIONS = 8


def run_import(*files, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(
        "import_quotebank", *map(str, files), "--no-progress", stdout=out, stderr=err, **options
    )
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_creates_quotes_with_speakers_articles_and_outlets():
    run_import(SAMPLE)

    assert Quote.objects.count() == SAMPLE_QUOTATIONS
    quote = Quote.objects.get(import_key="2020-01-28-000082")
    assert quote.text == "we are going to win this election because people want change"
    assert quote.origin == QuoteOrigin.IMPORTED
    assert quote.status == QuoteStatus.PROPOSED
    assert quote.confidence == pytest.approx(0.8741)
    assert quote.said_on == datetime.date(2020, 1, 28)
    assert quote.speaker.wikidata_id == "Q90000001"
    assert quote.speaker.name == "Maria Lindqvist"
    assert quote.speaker.is_proposed
    assert quote.speaker_mention == "Maria Lindqvist"
    assert quote.article.url == (
        "https://www.northgazette.example/politics/2020/01/28/lindqvist-rally"
    )
    assert quote.article.outlet.domain == "northgazette.example"
    assert quote.fingerprint  # echoes are found by fingerprint, so it must be set


@pytest.mark.django_db
def test_every_url_becomes_one_article_of_its_domains_outlet():
    run_import(SAMPLE)

    # 10 distinct URLs across the sample (one shared by two quotations), on 4 domains.
    assert Article.objects.count() == 10
    assert set(Outlet.objects.values_list("domain", flat=True)) == {
        "northgazette.example",
        "news.example.org",
        "coastal-times.example",
        "health.example.net",
    }
    shared = Article.objects.get(
        url="https://www.northgazette.example/politics/2020/01/28/lindqvist-rally"
    )
    assert shared.published_on == datetime.date(2020, 1, 28)


@pytest.mark.django_db
def test_speakers_are_matched_by_wikidata_id_and_unknown_ones_left_as_mentions():
    known = SpeakerFactory(name="Maria Lindqvist-Ek", wikidata_id="Q90000001")

    run_import(SAMPLE)

    assert set(Quote.objects.filter(speaker=known).values_list("import_key", flat=True)) == {
        "2020-01-28-000082",
        "2020-02-04-000019",
    }
    assert Speaker.objects.filter(wikidata_id="Q90000001").count() == 1
    # Several QIDs for one name: Quotebank's first guess is taken.
    assert Quote.objects.get(import_key="2020-01-29-001417").speaker.wikidata_id == "Q90000002"
    no_qid = Quote.objects.get(import_key="2020-02-12-000777")
    assert no_qid.speaker is None
    assert no_qid.speaker_mention == "Samir Haddad"
    unattributed = Quote.objects.get(import_key="2020-02-03-000311")
    assert unattributed.speaker is None
    assert unattributed.speaker_mention == ""
    assert Speaker.objects.get(wikidata_id="Q90000005").name == "Élodie Marchand"


@pytest.mark.django_db
def test_existing_outlet_is_reused_by_domain():
    outlet = OutletFactory(name="North Gazette", domain="northgazette.example")

    run_import(SAMPLE)

    assert Outlet.objects.filter(domain="northgazette.example").get() == outlet


@pytest.mark.django_db
def test_reimporting_the_same_file_adds_no_rows():
    run_import(SAMPLE)
    counts = (Quote.objects.count(), Speaker.objects.count(), Article.objects.count())

    out, _ = run_import(SAMPLE)

    assert (Quote.objects.count(), Speaker.objects.count(), Article.objects.count()) == counts
    assert "0 new quotes" in out
    assert f"{SAMPLE_QUOTATIONS} already present" in out


@pytest.mark.django_db
def test_approve_flag_imports_quotes_as_approved():
    run_import(SAMPLE, approve=True)

    assert Quote.objects.approved().count() == SAMPLE_QUOTATIONS


@pytest.mark.django_db
def test_malformed_lines_are_reported_with_file_and_line_and_skipped():
    out, err = run_import(MALFORMED)

    assert set(Quote.objects.values_list("import_key", flat=True)) == {
        "2020-03-01-000001",
        "2020-03-01-000006",
    }
    for line_number, reason in [
        (2, "not JSON"),
        (3, "quotation is missing"),
        (4, "date 'yesterday'"),
        (6, "not a JSON object"),
        (7, "no usable http(s) URL"),
    ]:
        assert f"{MALFORMED}:{line_number}: {reason}" in err
    assert ":5:" not in err  # a blank line is not a problem
    assert "5 malformed lines skipped" in out


@pytest.mark.django_db
def test_bz2_files_import_like_plain_ones(tmp_path):
    compressed = tmp_path / "quotes-2020.json.bz2"
    compressed.write_bytes(bz2.compress(SAMPLE.read_bytes()))

    run_import(compressed)
    run_import(SAMPLE)

    assert Quote.objects.count() == SAMPLE_QUOTATIONS


@pytest.mark.django_db
def test_several_files_in_one_run(tmp_path):
    copy = tmp_path / "again.json"
    shutil.copy(SAMPLE, copy)

    out, _ = run_import(SAMPLE, MALFORMED, copy)

    assert Quote.objects.count() == SAMPLE_QUOTATIONS + 2
    assert f"{SAMPLE_QUOTATIONS * 2 + 2} quotations read: {SAMPLE_QUOTATIONS + 2} new" in out


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_import_run_again_ends_with_every_quotation_once(monkeypatch):
    real_load_batch = services.load_batch
    calls = []

    def crash_on_third_batch(batch, **kwargs):
        calls.append(batch.size)
        if len(calls) == 3:
            raise KeyboardInterrupt("killed")
        return real_load_batch(batch, **kwargs)

    monkeypatch.setattr(services, "load_batch", crash_on_third_batch)
    with pytest.raises(KeyboardInterrupt):
        quotebank_import(paths=[SAMPLE], batch_size=3)
    # The two finished batches are committed; the interrupted one left nothing behind.
    assert Quote.objects.count() == 6

    monkeypatch.setattr(services, "load_batch", real_load_batch)
    summary = quotebank_import(paths=[SAMPLE], batch_size=3)

    assert summary.quotes_added == 2
    keys = list(Quote.objects.values_list("import_key", flat=True))
    assert len(keys) == len(set(keys)) == SAMPLE_QUOTATIONS
    assert Speaker.objects.filter(wikidata_id="Q90000001").count() == 1


@pytest.mark.django_db
def test_a_quotation_repeated_within_one_batch_is_stored_once(tmp_path):
    doubled = tmp_path / "doubled.json"
    doubled.write_bytes(SAMPLE.read_bytes() * 2)

    summary = quotebank_import(paths=[doubled], batch_size=100)

    assert summary.quotes_added == SAMPLE_QUOTATIONS
    assert Quote.objects.count() == SAMPLE_QUOTATIONS


@pytest.mark.django_db
def test_copy_path_fills_the_search_vector_on_postgres(postgres_only):
    run_import(SAMPLE)

    assert list(Quote.objects.search("hospitals winter").values_list("import_key", flat=True)) == [
        "2020-02-10-002230"
    ]
    out, _ = run_import(SAMPLE)
    assert "0 new quotes" in out


def test_missing_file_is_one_readable_error(tmp_path):
    with pytest.raises(CommandError, match=r"nowhere\.json: no such file"):
        call_command("import_quotebank", str(tmp_path / "nowhere.json"))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.Example.COM/news/1?id=2#top",
        "http://example.com",
        "http://example.com:8080/a",
        "https://sub.example.co.uk/path/with-dash_and~tilde",
        "HTTPS://Example.com/upper-scheme",
        "https://user:pass@example.com/private",
        "https://[2001:db8::1]/v6",
        "https://exämple.com/unicode-host",
        "https://example.com/ünïcode-path",
        " https://example.com/leading-space",
        "https://example.com/with space",
        "http:///no-host",
        "ftp://example.com/file",
        "https://example.com:99999999/port",
        "https://www./bare-www",
        "javascript:alert(1)",
    ],
)
def test_plain_url_shortcut_reads_the_same_host_as_urlsplit(url):
    """source_url reads common URLs without urlsplit; it must keep or drop exactly the URLs
    urlsplit would, with the same domain."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        expected = host.removeprefix("www.") if parts.scheme in ("http", "https") and host else None
    except ValueError:
        expected = None
    found = source_url(url)
    assert (found.domain if found else None) == expected


@pytest.mark.parametrize(
    "text",
    ["Plain ASCII, with 'quotes' and CAPS.", "Ünïcödé façade — “curly” ﬁ ligature", "ß STRASSE"],
)
def test_fingerprint_shortcut_for_ascii_matches_the_full_normalisation(text):
    import unicodedata

    from quotedb.fingerprints import _WORD, normalize_statement

    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    assert normalize_statement(text) == " ".join(_WORD.findall(folded))


@pytest.mark.django_db
def test_text_with_tabs_newlines_backslashes_and_nul_is_stored_as_read(tmp_path):
    """Staging rows go to PostgreSQL in COPY's text format, which escapes these characters;
    NUL, which PostgreSQL cannot store, is dropped."""
    import orjson

    record = {
        "quoteID": "2020-01-01-000001\x00",
        "quotation": "Tab\there,\nnew line, back\\slash \\N and \\t\r\nand a NUL\x00 gone",
        "speaker": "Ana\tMaria \\ Q",
        "qids": ["Q123"],
        "date": "2020-01-01 00:00:00",
        "numOccurrences": 1,
        "probas": [["Ana Maria", "0.9"]],
        "urls": ["https://example.org/a\\b?x=1\t"],
        "phase": "E",
    }
    source = tmp_path / "escapes.json"
    source.write_bytes(orjson.dumps(record) + b"\n")

    summary = quotebank_import(paths=[source])

    assert summary.quotes_added == 1
    quote = Quote.objects.select_related("speaker", "article").get()
    assert quote.text == "Tab\there,\nnew line, back\\slash \\N and \\t\r\nand a NUL gone"
    assert quote.import_key == "2020-01-01-000001"
    assert quote.speaker.name == "Ana\tMaria \\ Q"
    assert quote.speaker_mention == "Ana\tMaria \\ Q"
    assert quote.article.url == "https://example.org/a\\b?x=1\t"


def _snapshot() -> tuple:
    return (
        sorted(Quote.objects.values_list("import_key", "speaker__wikidata_id", "article__url")),
        sorted(Speaker.objects.values_list("wikidata_id", "slug")),
        sorted(Article.objects.values_list("url", "outlet__domain")),
    )


@pytest.mark.django_db(transaction=True)
def test_batches_loaded_side_by_side_give_what_one_at_a_time_gives(postgres_only, tmp_path):
    """Two loaders, batches of two lines sharing speakers and outlets across batches: the
    same rows as a sequential import, and a second run adds nothing."""
    doubled = tmp_path / "doubled.json"
    doubled.write_bytes(SAMPLE.read_bytes() * 3)

    summary = quotebank_import(paths=[doubled], batch_size=2, workers=2)

    assert summary.quotes_added == SAMPLE_QUOTATIONS
    assert summary.records_read == 3 * SAMPLE_QUOTATIONS
    parallel = _snapshot()
    assert quotebank_import(paths=[doubled], batch_size=2, workers=2).quotes_added == 0
    Quote.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    from articles.models import Outlet as OutletModel

    OutletModel.objects.all().delete()
    quotebank_import(paths=[SAMPLE], batch_size=100, workers=1)
    assert _snapshot() == parallel


@pytest.mark.django_db
def test_a_batch_aborted_by_a_deadlock_is_loaded_again(monkeypatch):
    from django.db import OperationalError

    class Deadlock(Exception):
        sqlstate = "40P01"

    real_load_batch = services.load_batch
    calls = []

    def deadlock_once(batch, **kwargs):
        calls.append(batch.size)
        if len(calls) == 1:
            raise OperationalError("deadlock detected") from Deadlock()
        return real_load_batch(batch, **kwargs)

    monkeypatch.setattr(services, "load_batch", deadlock_once)
    summary = quotebank_import(paths=[SAMPLE], batch_size=100)

    assert summary.quotes_added == SAMPLE_QUOTATIONS
    assert calls == [SAMPLE_QUOTATIONS, SAMPLE_QUOTATIONS]
