"""One DRF renderer per report format, all reading the API's quote shape (QuoteSerializer data).

Every renderer accepts what a quote endpoint returns: a page ({"next", "previous",
"results"}), a bare list, or one quote. Report views add "title", "description" and
"link" to the page, and a "note" to each quote of a curated list.
"""

import base64
import csv
import datetime
import hashlib
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from django.template.loader import get_template, render_to_string
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.xmlutils import SimplerXMLGenerator
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.urls import remove_query_param

# --- shared helpers: the one place each value is made safe for output -----------------------

LINKABLE_SCHEMES = {"http", "https"}
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
# Characters a URL may keep as they are; everything else (spaces, quotes, angle brackets,
# backticks) is percent-encoded so the URL cannot break out of an attribute or a Markdown link.
URL_SAFE_CHARACTERS = ":/?#[]@!$&()*+,;=%~-._"
# Code points XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, newline
# and carriage return, lone surrogates, and U+FFFE/U+FFFF. Quotes imported from scraped pages
# do hold them now and then; a feed drops them rather than failing.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_url(url: object) -> str | None:
    """The URL when it is http(s) with a host, percent-encoded; None for anything else
    (javascript:, data:, relative or malformed URLs are never linked, in any format)."""
    if not isinstance(url, str) or not url.strip():
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINKABLE_SCHEMES or not parts.hostname:
        return None
    return percent_encode(candidate, safe=URL_SAFE_CHARACTERS)


def quote_url(quote: dict) -> str | None:
    """The quote's canonical API URL (DRF carries ?format= into links; a citation must not)."""
    url = safe_url(quote.get("url"))
    return remove_query_param(url, "format") if url else None


def wikidata_url(wikidata_id: object) -> str | None:
    if isinstance(wikidata_id, str) and WIKIDATA_ID.match(wikidata_id):
        return f"https://www.wikidata.org/wiki/{wikidata_id}"
    return None


def parse_date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def human_date(value: object) -> str:
    """25 March 2023: unambiguous in every locale a report is read in."""
    day = parse_date(value)
    return f"{day.day} {day:%B %Y}" if day else ""


def speaker_name(quote: dict) -> str:
    speaker = quote.get("speaker") or {}
    return speaker.get("name") or quote.get("speaker_mention") or "Unknown speaker"


def speaker_role(quote: dict) -> str:
    return (quote.get("speaker") or {}).get("role") or ""


def one_line(text: object) -> str:
    return " ".join(str(text or "").split())


def quotes_and_meta(data: object) -> tuple[list[dict], dict]:
    """(quotes, everything else) from a page, a list or a single quote."""
    if isinstance(data, dict) and "results" in data:
        return list(data["results"] or []), {k: v for k, v in data.items() if k != "results"}
    if isinstance(data, list):
        return data, {}
    if isinstance(data, dict) and "text" in data:
        return [data], {}
    return [], {}


KIND_LABELS = {"direct": "Verbatim", "indirect": "Paraphrase", "mixed": "Partly verbatim"}


def quote_summary(quote: dict, *, length: int = 90) -> str:
    """A one-line title: Kayvan Khosravi: “Any pretext …”."""
    text = one_line(quote.get("text"))
    if len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    if quote.get("kind") == "direct":
        return f"{speaker_name(quote)}: “{text}”"
    return f"{speaker_name(quote)} (paraphrase): {text}"


def quote_attribution(quote: dict) -> str:
    """Speaker, role, date and source as plain text (escaped by whoever outputs it)."""
    article = quote.get("article") or {}
    parts = [speaker_name(quote)]
    if role := speaker_role(quote):
        parts.append(role)
    if said_on := human_date(quote.get("said_on")):
        parts.append(said_on)
    source = ", ".join(p for p in [article.get("outlet"), article.get("title")] if p)
    attribution = ", ".join(parts)
    return f"{attribution} — {source}" if source else attribution


# --- html -----------------------------------------------------------------------------------

# Scoped by the .qdb-quotes class so the snippet never restyles the page it is pasted into.
SNIPPET_CSS = (
    ".qdb-quotes{font-family:Georgia,'Times New Roman',serif;color:#1f2328;max-width:44rem;"
    "line-height:1.45}"
    ".qdb-quotes .qdb-heading{font:600 1.15rem/1.3 system-ui,sans-serif;margin:0 0 .35rem}"
    ".qdb-quotes .qdb-description{font:.9rem/1.4 system-ui,sans-serif;color:#57606a;"
    "margin:0 0 1rem}"
    ".qdb-quotes .qdb-quote{margin:0 0 1rem;padding:.7rem 1rem;border-left:4px solid #1f6feb;"
    "background:#f6f8fa;border-radius:0 6px 6px 0}"
    ".qdb-quotes .qdb-indirect,.qdb-quotes .qdb-mixed{border-left:4px dashed #8c959f;"
    "background:#fbfbfc}"
    ".qdb-quotes blockquote{margin:0;font-size:1.05rem}"
    ".qdb-quotes blockquote p{margin:0}"
    ".qdb-quotes .qdb-label{display:inline-block;font:600 .68rem/1.5 system-ui,sans-serif;"
    "text-transform:uppercase;letter-spacing:.04em;color:#57606a;border:1px solid #d0d7de;"
    "border-radius:3px;padding:0 .3rem;margin-right:.4rem;vertical-align:.1em}"
    ".qdb-quotes figcaption{margin-top:.45rem;font:.84rem/1.4 system-ui,sans-serif;color:#57606a}"
    ".qdb-quotes .qdb-speaker{color:#1f2328}"
    ".qdb-quotes .qdb-note{margin:.45rem 0 0;font:italic .84rem/1.4 system-ui,sans-serif}"
    ".qdb-quotes a{color:#0969da}"
    ".qdb-quotes .qdb-empty,.qdb-quotes .qdb-error{font:.9rem system-ui,sans-serif;color:#57606a}"
)
# For the Content-Security-Policy of embed pages: this exact stylesheet and nothing else.
SNIPPET_CSS_HASH = "'sha256-{}'".format(
    base64.b64encode(hashlib.sha256(SNIPPET_CSS.encode("utf-8")).digest()).decode("ascii")
)


def html_item(quote: dict) -> dict:
    article = quote.get("article") or {}
    return {
        "id": quote.get("id"),
        "text": quote.get("text") or "",
        "kind": quote.get("kind") if quote.get("kind") in KIND_LABELS else "direct",
        "kind_label": KIND_LABELS.get(quote.get("kind"), ""),
        "speaker": speaker_name(quote),
        "role": speaker_role(quote),
        "said_on": parse_date(quote.get("said_on")),
        "said_on_display": human_date(quote.get("said_on")),
        "outlet": article.get("outlet") or "",
        "article_title": article.get("title") or "",
        "article_url": safe_url(article.get("url")),
        "relayed_by": (quote.get("relayed_by") or {}).get("name") or "",
        "note": quote.get("note") or "",
    }


def html_chunks(
    batches: Iterable[list[dict]], *, title: str = "", description: str = ""
) -> Iterator[str]:
    """The HTML snippet a batch of quotes at a time (see `render_html`)."""
    yield render_to_string(
        "reports/quotes_snippet_open.html",
        {"title": title, "description": description, "css": SNIPPET_CSS},
    )
    figure = get_template("reports/quote_figure.html")
    empty = True
    for batch in batches:
        yield "".join(figure.render({"quote": html_item(quote)}) for quote in batch)
        empty = empty and not batch
    if empty:
        yield '<p class="qdb-empty">No quotes match.</p>\n'
    yield "</div>\n"


def render_html(quotes: list[dict], *, title: str = "", description: str = "") -> str:
    """A self-contained snippet: scoped CSS, a figure per quote, no JavaScript."""
    # Each piece is the template engine's escaped output or fixed markup.
    return mark_safe("".join(html_chunks([quotes], title=title, description=description)))


# --- markdown -------------------------------------------------------------------------------

# Backslash-escaping these stops emphasis, links, images, raw HTML and autolinks: CommonMark
# lets any ASCII punctuation be escaped, so a quote can never become markup.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def markdown_escape(text: object) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_chunks(
    batches: Iterable[list[dict]], *, title: str = "", description: str = ""
) -> Iterator[str]:
    """The Markdown a batch of quotes at a time (see `render_markdown`): the quotes as they
    come, the footnotes, one per article, at the end."""
    lines: list[str] = []
    if title:
        lines += [f"## {markdown_escape(title)}", ""]
    if description:
        lines += [markdown_escape(description), ""]
    footnotes: dict[object, int] = {}
    footnote_lines: list[str] = []
    for batch in batches:
        for quote in batch:
            lines += _markdown_quote_lines(quote, footnotes, footnote_lines)
        yield "".join(f"{line}\n" for line in lines)
        lines = []
    if not footnotes:
        lines += ["*No quotes match.*", ""]
    yield "".join(f"{line}\n" for line in lines + footnote_lines)


def _markdown_quote_lines(
    quote: dict, footnotes: dict[object, int], footnote_lines: list[str]
) -> list[str]:
    """A quote's block quote; its article joins the footnotes when first cited."""
    article = quote.get("article") or {}
    key = article.get("id", id(article))
    if key not in footnotes:
        footnotes[key] = len(footnotes) + 1
        source = [markdown_escape(article.get("outlet") or "")]
        if article.get("title"):
            source.append(f"“{markdown_escape(article['title'])}”")
        if published := human_date(article.get("published_on")):
            source.append(published)
        if url := safe_url(article.get("url")):
            source.append(f"<{url}>")
        citation = ", ".join(s for s in source if s) or "Source unknown"
        footnote_lines.append(f"[^{footnotes[key]}]: {citation}.")
    text = markdown_escape(quote.get("text"))
    if quote.get("kind") == "direct":
        body = f"“{text}”"
    else:
        body = f"*{KIND_LABELS.get(quote.get('kind'), 'Paraphrase')}:* {text}"
    attribution = [f"**{markdown_escape(speaker_name(quote))}**"]
    if role := speaker_role(quote):
        attribution.append(markdown_escape(role))
    if said_on := human_date(quote.get("said_on")):
        attribution.append(said_on)
    if relayed := (quote.get("relayed_by") or {}).get("name"):
        attribution.append(f"via {markdown_escape(relayed)}")
    lines = [f"> {body}[^{footnotes[key]}]", ">", f"> — {', '.join(attribution)}"]
    if quote.get("note"):
        lines += [">", f"> *Note:* {markdown_escape(quote['note'])}"]
    lines.append("")
    return lines


def render_markdown(quotes: list[dict], *, title: str = "", description: str = "") -> str:
    """Each quote as a block quote; the articles as footnotes, one per article."""
    return "".join(markdown_chunks([quotes], title=title, description=description))


# --- csv ------------------------------------------------------------------------------------

#: The CSV columns, in order. Stable: new columns are only ever added at the end.
CSV_COLUMNS = [
    "id",
    "said_on",
    "speaker",
    "speaker_slug",
    "speaker_role",
    "speaker_wikidata_id",
    "speaker_mention",
    "kind",
    "cue",
    "text",
    "original_text",
    "language",
    "topics",
    "outlet",
    "article_title",
    "article_url",
    "article_published_on",
    "article_external_id",
    "relayed_by",
    "status",
    "origin",
    "confidence",
    "note",
    "quote_url",
]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


def csv_row(quote: dict) -> dict:
    speaker = quote.get("speaker") or {}
    article = quote.get("article") or {}
    row = {
        "id": quote.get("id"),
        "said_on": quote.get("said_on"),
        "speaker": speaker.get("name"),
        "speaker_slug": speaker.get("slug"),
        "speaker_role": speaker.get("role"),
        "speaker_wikidata_id": speaker.get("wikidata_id"),
        "speaker_mention": quote.get("speaker_mention"),
        "kind": quote.get("kind"),
        "cue": quote.get("cue"),
        "text": quote.get("text"),
        "original_text": quote.get("original_text"),
        "language": quote.get("language"),
        "topics": ";".join(quote.get("topics") or []),
        "outlet": article.get("outlet"),
        "article_title": article.get("title"),
        "article_url": safe_url(article.get("url")),
        "article_published_on": article.get("published_on"),
        "article_external_id": article.get("external_id"),
        "relayed_by": (quote.get("relayed_by") or {}).get("name"),
        "status": quote.get("status"),
        "origin": quote.get("origin"),
        "confidence": quote.get("confidence"),
        "note": quote.get("note"),
        "quote_url": quote_url(quote),
    }
    return {column: csv_cell(row[column]) for column in CSV_COLUMNS}


def render_csv(quotes: list[dict], **_meta) -> str:
    return csv_text(quotes, header=True)


def csv_text(quotes: list[dict], *, header: bool) -> str:
    """CSV lines for these quotes, with the header line first when asked: an export written in
    batches is the concatenation of one call with the header and later ones without."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows(csv_row(quote) for quote in quotes)
    return buffer.getvalue()


# --- json-ld and csl-json -------------------------------------------------------------------

# Escaped like Django's json_script, so the output is also safe inside an HTML <script> block.
JSON_HTML_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).translate(JSON_HTML_ESCAPES)


def without_empty(node: dict) -> dict:
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def quotation_node(quote: dict) -> dict:
    """A schema.org Quotation: who said it (with Wikidata), when, and the article it rests on."""
    speaker = quote.get("speaker") or {}
    article = quote.get("article") or {}
    if speaker:
        is_person = speaker.get("kind", "person") == "person"
        creator = without_empty(
            {
                "@type": "Person" if is_person else "Organization",
                "name": speaker.get("name"),
                "sameAs": wikidata_url(speaker.get("wikidata_id")),
                "jobTitle": speaker.get("role") if is_person else None,
            }
        )
    else:
        is_person = True
        creator = without_empty({"@type": "Person", "name": quote.get("speaker_mention")})
    publisher = without_empty({"@type": "Organization", "name": article.get("outlet")})
    news_article = without_empty(
        {
            "@type": "NewsArticle",
            "headline": article.get("title"),
            "url": safe_url(article.get("url")),
            "datePublished": article.get("published_on"),
            "identifier": article.get("external_id"),
            "publisher": publisher if len(publisher) > 1 else None,
        }
    )
    url = quote_url(quote)
    return without_empty(
        {
            "@type": "Quotation",
            "@id": url,
            "url": url,
            "text": quote.get("text"),
            "genre": KIND_LABELS.get(quote.get("kind")),
            "creator": creator if len(creator) > 1 else None,
            "spokenByCharacter": creator if is_person and len(creator) > 1 else None,
            "dateCreated": quote.get("said_on"),
            "inLanguage": quote.get("language"),
            "keywords": quote.get("topics"),
            "isBasedOn": news_article if len(news_article) > 1 else None,
            "comment": quote.get("note"),
        }
    )


def render_jsonld(quotes: list[dict], *, title: str = "", description: str = "", link=None):
    document = {"@context": "https://schema.org"}
    if title:
        document.update(
            without_empty(
                {
                    "@type": "ItemList",
                    "name": title,
                    "description": description,
                    "url": safe_url(link),
                    "itemListElement": [
                        {"@type": "ListItem", "position": n, "item": quotation_node(quote)}
                        for n, quote in enumerate(quotes, start=1)
                    ],
                }
            )
        )
    else:
        document["@graph"] = [quotation_node(quote) for quote in quotes]
    return json_text(document)


def csl_items(quotes: list[dict]) -> list[dict]:
    """CSL-JSON for each cited article once, in order of first citation."""
    items: dict[object, dict] = {}
    for quote in quotes:
        article = quote.get("article") or {}
        if not article or article.get("id") in items:
            continue
        published = parse_date(article.get("published_on"))
        items[article.get("id")] = without_empty(
            {
                "id": f"quotedb-article-{article.get('id')}",
                "type": "article-newspaper",
                "title": article.get("title"),
                "container-title": article.get("outlet"),
                "issued": {"date-parts": [[published.year, published.month, published.day]]}
                if published
                else None,
                "URL": safe_url(article.get("url")),
                "number": article.get("external_id"),
            }
        )
    return list(items.values())


def render_csl(quotes: list[dict], **_meta) -> str:
    return json_text(csl_items(quotes))


def _json_array_chunks(nodes: Iterable[dict], *, depth: int) -> Iterator[str]:
    """The items of a JSON array, as `json_text` writes them `depth` levels deep: each item
    indented, separated by commas, the closing bracket on a line of its own."""
    indent = "  " * (depth + 1)
    first = True
    for node in nodes:
        item = json_text(node).replace("\n", "\n" + indent)
        yield ("\n" if first else ",\n") + indent + item
        first = False
    yield "]" if first else "\n" + "  " * depth + "]"


def jsonld_chunks(batches: Iterable[list[dict]]) -> Iterator[str]:
    """The JSON-LD graph a batch of quotes at a time, as `render_jsonld` writes it untitled."""
    yield '{\n  "@context": "https://schema.org",\n  "@graph": ['
    yield from _json_array_chunks(
        (quotation_node(quote) for batch in batches for quote in batch), depth=1
    )
    yield "\n}"


def csl_chunks(batches: Iterable[list[dict]]) -> Iterator[str]:
    """The CSL-JSON a batch of quotes at a time: each article once, when first cited."""
    seen: set[object] = set()

    def first_citations() -> Iterator[dict]:
        for batch in batches:
            fresh = []
            for quote in batch:
                article_id = (quote.get("article") or {}).get("id")
                if quote.get("article") and article_id not in seen:
                    seen.add(article_id)
                    fresh.append(quote)
            yield from csl_items(fresh)

    yield "["
    yield from _json_array_chunks(first_citations(), depth=0)


# --- rss and atom over any query ------------------------------------------------------------


def feed_description(quote: dict) -> str:
    """Plain text: feed readers show it as text, the feed generator escapes it as XML."""
    text = one_line(quote.get("text"))
    body = f"“{text}”" if quote.get("kind") == "direct" else f"(Paraphrase) {text}"
    return f"{body} — {quote_attribution(quote)}"


def xml_text(value: object) -> str:
    """`value` as text an XML 1.0 document can hold (see XML_ILLEGAL)."""
    return XML_ILLEGAL.sub("", str(value))


def _new_feed(feed_class, *, title: str, link: str, description: str):
    return feed_class(
        title=xml_text(title or "QuoteDB quotes"),
        link=safe_url(link) or "",
        description=xml_text(description or "Attributed quotes from QuoteDB."),
        language="en",
    )


def _add_feed_item(feed, quote: dict, *, link: str) -> None:
    said_on = parse_date(quote.get("said_on"))
    # Feed readers treat titles and descriptions as HTML: escape them as HTML here, and the
    # feed generator escapes the result again as XML.
    feed.add_item(
        title=xml_text(escape(quote_summary(quote))),
        link=safe_url((quote.get("article") or {}).get("url"))
        or quote_url(quote)
        or safe_url(link)
        or "",
        description=xml_text(escape(feed_description(quote))),
        unique_id=quote_url(quote) or f"quotedb-quote-{quote.get('id')}",
        pubdate=datetime.datetime.combine(said_on, datetime.time(), datetime.UTC)
        if said_on
        else None,
        author_name=xml_text(speaker_name(quote)),
        categories=[xml_text(topic) for topic in quote.get("topics") or ()],
    )


def render_feed(quotes: list[dict], *, feed_class, title: str, link: str, description: str):
    feed = _new_feed(feed_class, title=title, link=link, description=description)
    for quote in quotes:
        _add_feed_item(feed, quote, link=link)
    return feed.writeString("utf-8")


#: Items written in batches wait on disk beyond this size until the feed's header, which
#: carries the newest item's date, can be written before them.
FEED_SPOOL_BYTES = 8 * 1024 * 1024


def feed_chunks(
    batches: Iterable[list[dict]], *, feed_class, title: str, link: str, description: str
) -> Iterator[str]:
    """The feed `render_feed` writes, with the items written a batch at a time. The header
    needs the newest item's date, so the items wait in a spooled temporary file (in memory up
    to FEED_SPOOL_BYTES, on disk beyond) until every batch is read."""
    feed = _new_feed(feed_class, title=title, link=link, description=description)
    newest: datetime.datetime | None = None
    with tempfile.SpooledTemporaryFile(
        max_size=FEED_SPOOL_BYTES, mode="w+", encoding="utf-8"
    ) as items:
        for batch in batches:
            for quote in batch:
                _add_feed_item(feed, quote, link=link)
            for item in feed.items:
                for date in (item.get("updateddate"), item.get("pubdate")):
                    if date and (newest is None or date > newest):
                        newest = date
            written = io.StringIO()  # the XML writer takes a text stream, not a spooled file
            feed.write_items(SimplerXMLGenerator(written, "utf-8", short_empty_elements=True))
            items.write(written.getvalue())
            feed.items = []
        if newest is not None:
            feed.latest_post_date = lambda: newest
        # The document without items, cut where its items go: before the channel's (RSS) or
        # the feed's (Atom) closing tag.
        document = feed.writeString("utf-8")
        closing = "</feed>" if issubclass(feed_class, feedgenerator.Atom1Feed) else "</channel>"
        cut = document.rindex(closing)
        yield document[:cut]
        items.seek(0)
        while text := items.read(1 << 16):
            yield text
        yield document[cut:]


# --- the DRF renderers ----------------------------------------------------------------------


def error_text(data: object) -> str:
    """`field: message` lines from a DRF error body."""
    if isinstance(data, dict):
        lines = []
        for field, messages in data.items():
            messages = messages if isinstance(messages, list) else [messages]
            lines.append(f"{field}: {' '.join(str(m) for m in messages)}")
        return "\n".join(lines)
    return str(data)


class ReportRenderer(BaseRenderer):
    """Renders quotes with `render_quotes`; errors stay readable; pages link on in a Link
    header, since CSV, Markdown and the rest have no place for a next link."""

    charset = "utf-8"
    is_json = False

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        response = renderer_context.get("response")
        if response is not None and response.status_code >= 400:
            return self.render_error(data)
        quotes, meta = quotes_and_meta(data)
        if response is not None:
            links = [
                f'<{url}>; rel="{rel}"'
                for rel, key in (("next", "next"), ("prev", "previous"))
                if (url := safe_url(meta.get(key)))
            ]
            if links:
                response["Link"] = ", ".join(links)
        request = renderer_context.get("request")
        link = meta.get("link") or (
            remove_query_param(request.build_absolute_uri(), "format") if request else ""
        )
        return self.render_quotes(
            quotes,
            title=meta.get("title") or "",
            description=meta.get("description") or "",
            link=link,
        )

    def render_quotes(self, quotes, *, title, description, link) -> str:
        raise NotImplementedError

    def stream_quotes(
        self, batches: Iterable[list[dict]], *, title="", description="", link=""
    ) -> Iterator[str]:
        """The same text as `render_quotes` over all the batches, in pieces. Every format
        of the export command overrides this to write the quotes as they come; this fallback
        gathers the batches first."""
        quotes = [quote for batch in batches for quote in batch]
        yield self.render_quotes(quotes, title=title, description=description, link=link)

    def render_error(self, data) -> str:
        return json_text(data) if self.is_json else error_text(data) + "\n"


class QuoteHTMLRenderer(ReportRenderer):
    media_type = "text/html"
    format = "html"

    def render_quotes(self, quotes, *, title, description, link):
        return render_html(quotes, title=title, description=description)

    def stream_quotes(self, batches, *, title="", description="", link=""):
        return html_chunks(batches, title=title, description=description)

    def render_error(self, data):
        return f'<p class="qdb-error">{escape(error_text(data))}</p>\n'


class QuoteMarkdownRenderer(ReportRenderer):
    media_type = "text/markdown"
    format = "md"

    def render_quotes(self, quotes, *, title, description, link):
        return render_markdown(quotes, title=title, description=description)

    def stream_quotes(self, batches, *, title="", description="", link=""):
        return markdown_chunks(batches, title=title, description=description)


class QuoteCSVRenderer(ReportRenderer):
    media_type = "text/csv"
    format = "csv"

    def render_quotes(self, quotes, *, title, description, link):
        return render_csv(quotes)

    def stream_quotes(self, batches, *, title="", description="", link=""):
        yield csv_text([], header=True)
        for batch in batches:
            yield csv_text(batch, header=False)


class QuoteJSONLDRenderer(ReportRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
    is_json = True

    def render_quotes(self, quotes, *, title, description, link):
        return render_jsonld(quotes, title=title, description=description, link=link)

    def stream_quotes(self, batches, *, title="", description="", link=""):
        if title:  # a titled list is an ItemList, written whole
            return super().stream_quotes(batches, title=title, description=description, link=link)
        return jsonld_chunks(batches)


class QuoteCSLRenderer(ReportRenderer):
    media_type = "application/vnd.citationstyles.csl+json"
    format = "csl"
    is_json = True

    def render_quotes(self, quotes, *, title, description, link):
        return render_csl(quotes)

    def stream_quotes(self, batches, *, title="", description="", link=""):
        return csl_chunks(batches)


class FeedRenderer(ReportRenderer):
    """RSS or Atom, by `feed_class`."""

    feed_class: type[feedgenerator.SyndicationFeed]

    def render_quotes(self, quotes, *, title, description, link):
        return render_feed(
            quotes, feed_class=self.feed_class, title=title, link=link, description=description
        )

    def stream_quotes(self, batches, *, title="", description="", link=""):
        return feed_chunks(
            batches, feed_class=self.feed_class, title=title, link=link, description=description
        )


class QuoteRSSRenderer(FeedRenderer):
    media_type = "application/rss+xml"
    format = "rss"
    feed_class = feedgenerator.Rss201rev2Feed


class QuoteAtomRenderer(FeedRenderer):
    media_type = "application/atom+xml"
    format = "atom"
    feed_class = feedgenerator.Atom1Feed


#: Add these after the JSON and browsable renderers of any quote endpoint.
REPORT_RENDERERS = [
    QuoteHTMLRenderer,
    QuoteMarkdownRenderer,
    QuoteCSVRenderer,
    QuoteJSONLDRenderer,
    QuoteCSLRenderer,
    QuoteRSSRenderer,
    QuoteAtomRenderer,
]

#: Renderers by format name, for the export command and the report views.
RENDERERS_BY_FORMAT = {renderer.format: renderer for renderer in REPORT_RENDERERS}
