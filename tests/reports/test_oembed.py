"""oEmbed (https://oembed.com): a CMS embeds a QuoteDB list, quote or query by its URL."""

import html.parser
from urllib.parse import urlencode

import pytest
from django.urls import reverse

OEMBED = "/oembed"
BASE = "http://testserver"


class IframeFinder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.iframes: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.iframes.append(dict(attrs))


def iframes(markup: str) -> list[dict]:
    finder = IframeFinder()
    finder.feed(markup)
    return finder.iframes


def oembed(client, url: str, **params):
    return client.get(OEMBED, {"url": url, **params})


def assert_rich_oembed(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["type"] == "rich"
    assert data["version"] == "1.0"
    for required in ("html", "width", "height"):
        assert required in data
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    assert data["provider_name"] == "QuoteDB"
    frames = iframes(data["html"])
    assert len(frames) == 1
    assert frames[0]["width"] == str(data["width"])
    assert frames[0]["height"] == str(data["height"])
    assert frames[0]["src"].startswith(BASE + "/")
    return data


def test_a_published_list_embeds_as_an_iframe_of_its_embed_page(client, published_list):
    url = BASE + reverse("reports:list-detail", kwargs={"slug": published_list.slug})
    data = assert_rich_oembed(oembed(client, url))
    src = iframes(data["html"])[0]["src"]
    assert src == BASE + reverse("reports:embed-list", kwargs={"slug": published_list.slug})
    assert data["title"] == published_list.title
    assert client.get(src).status_code == 200


@pytest.mark.parametrize(
    "page",
    [
        "/reports/builder/?speaker=kayvan-khosravi&topic=syria",
        "/embed/quotes/?speaker=kayvan-khosravi&topic=syria",
        "/api/v1/quotes/?speaker=kayvan-khosravi&topic=syria&format=json",
    ],
)
def test_a_query_embeds_with_its_filters(client, demo, page):
    data = assert_rich_oembed(oembed(client, BASE + page))
    src = iframes(data["html"])[0]["src"]
    assert src == BASE + "/embed/quotes/?speaker=kayvan-khosravi&topic=syria"


def test_a_single_quote_and_a_speaker_timeline_embed(client, demo):
    quote = demo["khosravi"].quotes.first()
    data = assert_rich_oembed(oembed(client, BASE + f"/api/v1/quotes/{quote.pk}/"))
    assert iframes(data["html"])[0]["src"] == BASE + f"/embed/quotes/{quote.pk}/"
    data = assert_rich_oembed(oembed(client, BASE + "/speakers/kayvan-khosravi/"))
    assert iframes(data["html"])[0]["src"] == BASE + "/speakers/kayvan-khosravi/timeline.svg"


def test_maxwidth_and_maxheight_are_honoured(client, published_list):
    url = BASE + reverse("reports:embed-list", kwargs={"slug": published_list.slug})
    data = assert_rich_oembed(oembed(client, url, maxwidth=300, maxheight=120))
    assert data["width"] <= 300 and data["height"] <= 120
    roomy = assert_rich_oembed(oembed(client, url, maxwidth=5000, maxheight=5000))
    assert roomy["width"] == 600


def test_the_iframe_is_sandboxed_and_its_markup_escaped(client, demo):
    page = BASE + "/embed/quotes/?" + urlencode({"speaker": 'x"><script>alert(1)</script>'})
    data = assert_rich_oembed(oembed(client, page))
    assert "<script" not in data["html"]
    frame = iframes(data["html"])[0]
    assert "allow-scripts" not in frame["sandbox"]


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/no/such/page/",
        "http://testserver/admin/",
        "http://elsewhere.example/embed/lists/syria-march-2023/",
        "http://testserver/embed/lists/no-such-list/",
        "http://testserver/embed/quotes/999999/",
        "http://testserver/speakers/nobody/",
        "javascript:alert(1)",
        "http://testserver/embed/quotes/?said_after=yesterday",
    ],
)
def test_urls_that_cannot_be_embedded_are_404(client, published_list, url):
    assert oembed(client, url).status_code == 404


def test_xml_is_501_and_bad_parameters_400(client, published_list):
    url = BASE + reverse("reports:embed-list", kwargs={"slug": published_list.slug})
    assert oembed(client, url, format="xml").status_code == 501
    assert client.get(OEMBED).status_code == 400
    response = oembed(client, url, maxwidth="wide")
    assert response.status_code == 400 and "maxwidth" in response.json()["error"]


def test_pages_advertise_their_oembed_endpoint(client, demo):
    page = client.get("/reports/builder/?speaker=kayvan-khosravi").content.decode()
    assert 'type="application/json+oembed"' in page
