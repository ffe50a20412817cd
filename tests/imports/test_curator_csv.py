"""Curators' CSV: stable columns, export then import round trip, updates, all-or-nothing errors."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from quotedb.imports.curator_csv import COLUMNS
from quotedb.models import Quote, QuoteStatus
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory, TopicFactory


def export_csv(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_quotes_csv", *args, stdout=out, stderr=err)
    return out.getvalue()


def import_csv(tmp_path, text: str) -> str:
    path = tmp_path / "quotes.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_quotes_csv", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def quotes(db):
    speaker = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi", wikidata_id="Q1")
    syria, iran = TopicFactory(slug="syria"), TopicFactory(slug="iran")
    article = ArticleFactory(url="https://en.mehrnews.example/news/198808")
    return [
        QuoteFactory(
            text='Any pretext, "quoted", will be met\nwith a response.',
            speaker=speaker,
            article=article,
            said_on=datetime.date(2023, 3, 25),
            topics=[syria, iran],
            confidence=0.75,
        ),
        QuoteFactory(speaker=None, speaker_mention="an official", status=QuoteStatus.PROPOSED),
    ]


def test_export_writes_the_documented_columns_in_order(quotes):
    text = export_csv()

    assert text.splitlines()[0] == ",".join(COLUMNS)
    first = rows(text)[0]
    assert first["speaker"] == "kayvan-khosravi"
    assert first["speaker_wikidata_id"] == "Q1"
    assert first["topics"] == "iran;syria"
    assert first["said_on"] == "2023-03-25"
    assert first["article_url"] == "https://en.mehrnews.example/news/198808"
    assert first["confidence"] == "0.75"


def test_export_filters_by_status(quotes):
    assert [row["status"] for row in rows(export_csv("--status", "proposed"))] == ["proposed"]


def test_round_trip_into_an_empty_database_reproduces_the_quotes(quotes, tmp_path):
    exported = export_csv()
    Quote.objects.all().delete()
    without_ids = io.StringIO()
    writer = csv.DictWriter(without_ids, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, "id": ""} for row in rows(exported))

    assert "2 quotes added" in import_csv(tmp_path, without_ids.getvalue())

    again = rows(export_csv())
    drop_id = [{k: v for k, v in row.items() if k != "id"} for row in rows(exported)]
    assert [{k: v for k, v in row.items() if k != "id"} for row in again] == drop_id


def test_importing_an_export_into_the_same_database_adds_nothing(quotes, tmp_path):
    exported = export_csv()

    out = import_csv(tmp_path, exported)

    assert "0 quotes added, 2 updated" in out
    assert Quote.objects.count() == 2
    assert export_csv() == exported


def test_edited_rows_update_their_quotes(quotes, tmp_path):
    edited = rows(export_csv())
    edited[1]["status"] = "approved"
    edited[1]["speaker"] = "kayvan-khosravi"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(edited)

    import_csv(tmp_path, buffer.getvalue())

    quote = Quote.objects.get(pk=quotes[1].pk)
    assert quote.status == QuoteStatus.APPROVED
    assert quote.speaker.slug == "kayvan-khosravi"


def test_new_rows_with_an_import_key_are_added_once(db, tmp_path):
    SpeakerFactory(slug="maria-lindqvist")
    text = (
        "text,speaker,article_url,said_on,import_key\n"
        "We will win.,maria-lindqvist,https://www.gazette.example/a,2020-01-02,gazette-1\n"
    )

    import_csv(tmp_path, text)
    out = import_csv(tmp_path, text)

    quote = Quote.objects.get()
    assert "0 quotes added, 1 updated" in out
    assert quote.article.outlet.domain == "gazette.example"
    assert quote.said_on == datetime.date(2020, 1, 2)
    assert quote.status == QuoteStatus.PROPOSED


def test_any_bad_row_is_reported_by_line_and_nothing_is_imported(db, tmp_path):
    article = ArticleFactory()
    text = (
        "text,speaker,article_id,said_on,kind,topics\n"
        f"Fine row.,,{article.pk},2020-01-01,direct,\n"
        f"Unknown speaker.,nobody-at-all,{article.pk},2020-01-01,direct,\n"
        f"Bad date.,,{article.pk},01/02/2020,direct,\n"
        f"Bad kind.,,{article.pk},2020-01-01,shouted,\n"
        f"Unknown topic.,,{article.pk},2020-01-01,direct,no-such-topic\n"
        ",,,2020-01-01,direct,\n"
    )
    path = tmp_path / "bad.csv"
    path.write_text(text)
    err = io.StringIO()

    with pytest.raises(CommandError, match="5 rows have errors; nothing was imported"):
        call_command("import_quotes_csv", str(path), stdout=io.StringIO(), stderr=err)

    assert Quote.objects.count() == 0
    messages = err.getvalue()
    assert "line 3: speaker: no speaker 'nobody-at-all'" in messages
    assert "line 4: said_on: '01/02/2020' is not a date" in messages
    assert "line 5: kind:" in messages
    assert "line 6: topics: no topic 'no-such-topic'" in messages
    assert "line 7: text: a quote needs its text" in messages


def test_unknown_columns_are_refused(db, tmp_path):
    with pytest.raises(CommandError, match="nothing was imported"):
        import_csv(tmp_path, "text,colour\nHello.,red\n")
