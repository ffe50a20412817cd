"""The demo data: what `load_demo` stores, and that loading it again changes nothing."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

import quotedb.demo
from articles.models import Article, Outlet
from quotedb.demo import DEMO_FILE, demo_load
from quotedb.models import Quote, QuoteOrigin, QuoteStatus, QuoteTopic, Topic
from speakers.models import Alias, Role, Speaker, SpeakerKind
from tests.factories import ArticleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

MODELS = [Outlet, Speaker, Alias, Role, Topic, Article, Quote, QuoteTopic]
SAID_ON = datetime.date(2023, 3, 25)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    load_demo()


def test_loading_the_demo_twice_changes_nothing():
    first = load_demo()
    after_first = row_counts()
    history_after_first = Quote.history.count()
    second = load_demo()
    assert row_counts() == after_first
    assert Quote.history.count() == history_after_first
    assert first.startswith("Demo data: created 2 outlets, 8 speakers,")
    assert "10 quotes" in first
    assert second.startswith("Demo data: created nothing; already present 2 outlets,")


def test_loading_the_demo_leaves_curators_edits_alone(demo):
    quote = Quote.objects.get(speaker__slug="joe-biden", kind="mixed")
    Quote.objects.filter(pk=quote.pk).update(status=QuoteStatus.REJECTED, cue="stated")
    load_demo()
    quote.refresh_from_db()
    assert (quote.status, quote.cue) == (QuoteStatus.REJECTED, "stated")


def test_khosravi_has_four_quotes_and_biden_two(demo):
    assert Quote.objects.filter(speaker__slug="kayvan-khosravi").count() == 4
    assert Quote.objects.filter(speaker__slug="joe-biden").count() == 2


def test_the_ten_attributions_are_approved_hand_entered_quotes_said_on_the_day(demo):
    quotes = Quote.objects.all()
    assert quotes.count() == 10
    assert set(quotes.values_list("status", "origin", "said_on")) == {
        (QuoteStatus.APPROVED, QuoteOrigin.MANUAL, SAID_ON)
    }
    assert not quotes.filter(speaker__isnull=True).exists()


def test_every_quote_points_at_its_own_words_in_the_article_body(demo):
    for quote in Quote.objects.select_related("article"):
        assert quote.article.body[quote.start : quote.end] == quote.text
        quote.full_clean()


def test_the_article_body_leaves_out_the_title_and_the_page_furniture(demo):
    article = Article.objects.get(outlet__slug="mehr-news-agency", external_id="198808")
    assert article.title == "Iran reacts to US allegations after recent attacks in Syria"
    assert (article.dateline, article.published_on, article.language) == ("TEHRAN", SAID_ON, "en")
    assert article.body.startswith("TEHRAN, Mar. 25 (MNA) – An Iranian security official")
    assert article.body.endswith("the media reported from Syria.")
    for junk in ("News Code", "Your Comment", "captcha"):
        assert junk not in article.body


def test_every_quote_has_topics_and_isil_is_what_khosravi_raised(demo):
    assert not Quote.objects.annotate(n=Count("topics")).filter(n=0).exists()
    assert set(Topic.objects.values_list("slug", flat=True)) == {
        "syria",
        "iran-us-relations",
        "isil",
    }
    isil = Quote.objects.filter(topics__slug="isil")
    assert set(isil.values_list("speaker__slug", flat=True)) == {"kayvan-khosravi"}
    assert isil.count() == 2


def test_the_snsc_spokesman_on_the_day_is_khosravi(demo):
    snsc = Speaker.objects.named("SNSC").get()
    assert snsc.slug == "supreme-national-security-council"
    assert snsc.kind == SpeakerKind.ORGANIZATION
    holders = Speaker.objects.holding(title="spokesman", organization=snsc, on=SAID_ON)
    assert list(holders.values_list("slug", flat=True)) == ["kayvan-khosravi"]


def test_biden_was_president_on_the_day_and_not_after_his_term(demo):
    united_states = Speaker.objects.get(slug="united-states")
    on_the_day = Speaker.objects.holding(title="President", organization=united_states, on=SAID_ON)
    assert list(on_the_day.values_list("slug", flat=True)) == ["joe-biden"]
    after = Speaker.objects.holding(
        title="President", organization=united_states, on=datetime.date(2025, 6, 1)
    )
    assert not after.exists()


def test_speakers_are_found_by_their_aliases(demo):
    assert Speaker.objects.named("Keyvan Khosravi").get().slug == "kayvan-khosravi"
    assert Speaker.objects.named("khosravi").get().slug == "kayvan-khosravi"
    assert Speaker.objects.named("Joseph R. Biden Jr.").get().slug == "joe-biden"
    assert Speaker.objects.get(slug="joe-biden").wikidata_id == "Q6279"


def test_press_tv_is_both_a_speaker_and_an_outlet(demo):
    press_tv = Speaker.objects.get(slug="press-tv")
    assert press_tv.kind == SpeakerKind.MEDIA
    assert press_tv.outlet.name == "Press TV"
    assert Quote.objects.get(speaker=press_tv).cue == "reported"
    mna = Outlet.objects.get(slug="mehr-news-agency")
    assert (mna.short_name, mna.domain, mna.country, mna.language) == (
        "MNA",
        "en.mehrnews.com",
        "IR",
        "en",
    )


def test_unnamed_sources_keep_the_mention_as_printed(demo):
    mentions = dict(
        Quote.objects.filter(speaker__kind__in=[SpeakerKind.GROUP, SpeakerKind.MEDIA])
        .exclude(speaker__slug="press-tv")
        .values_list("speaker__slug", "speaker_mention")
    )
    assert mentions == {
        "american-officials": "the American officials",
        "local-media-in-syria": "local media in Syria",
        "the-media": "the media",
    }


def test_a_speaker_merged_away_is_not_created_again(demo):
    """After a merge the old slug redirects; the demo must follow it, not re-create the speaker."""
    khosravi = Speaker.objects.get(slug="kayvan-khosravi")
    khosravi.slug = "keyvan-khosravi"
    khosravi.save()
    khosravi.slug_redirects.create(old_slug="kayvan-khosravi")
    counts = row_counts()
    load_demo()
    assert row_counts() == counts


def test_an_existing_article_with_another_text_stops_the_load_with_one_clear_line():
    outlet = Outlet.objects.create(name="Mehr News Agency", slug="mehr-news-agency")
    ArticleFactory(outlet=outlet, external_id="198808", body="Another text altogether.")
    with pytest.raises(CommandError, match="different text"):
        load_demo()
    assert not Speaker.objects.exists(), "all or nothing: the speakers were rolled back too"


def test_a_speaker_already_entered_under_another_slug_is_found_by_wikidata_id():
    SpeakerFactory(name="Joseph Biden", slug="biden", wikidata_id="Q6279")
    load_demo()
    assert Quote.objects.filter(speaker__slug="biden").count() == 2
    assert not Speaker.objects.filter(slug="joe-biden").exists()


def test_the_demo_data_lives_inside_the_package():
    package = Path(quotedb.demo.__file__).resolve().parent
    assert DEMO_FILE.parent == package
    assert (package / "mna-198808.txt").is_file()


def test_the_demo_loads_without_the_shared_seed_folder(monkeypatch, tmp_path):
    """Nothing may read ../shared at run time: every file the loader opens is in the package."""
    opened: list[Path] = []
    real_read_text = Path.read_text

    def recording_read_text(self, *args, **kwargs):
        opened.append(self.resolve())
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", recording_read_text)
    monkeypatch.chdir(tmp_path)
    summary = demo_load()
    assert summary.created["quote"] == 10
    package = Path(quotedb.demo.__file__).resolve().parent
    assert opened and all(path.is_relative_to(package) for path in opened)
