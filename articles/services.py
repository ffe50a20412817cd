"""Writes on articles: ingesting one idempotently, and storing the quotes extraction proposes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify

from articles.attribution import (
    Attribution,
    Gazetteer,
    GazetteerEntry,
    ResolvedSpeaker,
    RoleSpec,
    extract,
)
from articles.ingestion import ParsedArticle
from articles.models import Article, Outlet

# Extraction is the one place where articles write quotes: the engine reads an article and the
# result belongs to quotedb. Imported here, not the other way round, so quotedb stays unaware
# of how quotes are found.
from quotedb.models import Quote, QuoteOrigin, QuoteStatus
from speakers.models import Role, SlugRedirect, Speaker, SpeakerKind
from speakers.names import normalize_name

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

#: History reasons extraction writes; a quote with any other history row was touched by a person.
PROPOSED_BY_EXTRACTION = "Proposed by extraction"
REFRESHED_BY_EXTRACTION = "Refreshed by extraction"
EXTRACTION_REASONS = (PROPOSED_BY_EXTRACTION, REFRESHED_BY_EXTRACTION)
# A relaying source is nearly always a medium ("..., Press TV reported").
RELAY_KIND = SpeakerKind.MEDIA


# --- outlets ----------------------------------------------------------------------------------


def outlet_find_or_create(
    *, short_name: str = "", domain: str = "", name: str = ""
) -> Outlet | None:
    """The outlet an article names: by the short name of its dateline ("MNA"), else by web
    domain (created when new, named after the site), else by publisher name (created when new).
    A short name alone never creates an outlet: "AP" is too little to name one by."""
    if short_name:
        outlet = Outlet.objects.filter(short_name__iexact=short_name).first()
        if outlet is not None:
            return outlet
    domain = domain.lower().removeprefix("www.")
    if domain:
        labels = domain.split(".")
        # en.mehrnews.com is found under en.mehrnews.com or mehrnews.com, the longest first.
        suffixes = [".".join(labels[i:]) for i in range(len(labels) - 1)]
        by_domain = {o.domain: o for o in Outlet.objects.filter(domain__in=suffixes)}
        for suffix in suffixes:
            if suffix in by_domain:
                return by_domain[suffix]
        outlet = Outlet(name=(name or domain)[:200], domain=domain)
        outlet.slug = _unique_slug(Outlet, outlet.name)
        outlet.full_clean()
        outlet.save()
        return outlet
    if name:
        outlet = Outlet.objects.filter(
            Q(name__iexact=name) | Q(short_name__iexact=name) | Q(slug=slugify(name))
        ).first()
        if outlet is None:
            outlet = Outlet(name=name[:200])
            outlet.slug = _unique_slug(Outlet, name)
            outlet.full_clean()
            outlet.save()
        return outlet
    return None


# --- ingestion --------------------------------------------------------------------------------


def article_ingest(
    *,
    title: str,
    body: str,
    outlet: Outlet | None = None,
    url: str = "",
    external_id: str = "",
    published_on: datetime.date | None = None,
    dateline: str = "",
    byline: str = "",
    language: str = "",
    retrieved_at: datetime.datetime | None = None,
) -> Article:
    """Store an article, or update the one already stored: the same URL, the same outlet and
    outlet id, or the same body (unless its URL, outlet or id says it is another article, as
    with one wire story printed by several outlets). Given values replace stored ones; empty
    ones leave them. The body of an article that has quotes is never changed, because their
    offsets index into it: that is a ValidationError on "body"."""
    with transaction.atomic():
        article = _article_matching(
            url=url, outlet=outlet, external_id=external_id, body=body
        ) or Article(body=body)
        if article.pk is not None and article.body != body:
            if article.quotes.filter(start__isnull=False).exists():
                raise ValidationError(
                    {
                        "body": f"Article #{article.pk} is already stored with a different text "
                        "and has quotes whose offsets index into it; the text was not replaced."
                    }
                )
            article.body = body
        article.title = title.strip()[:500] or article.title
        fields = {
            "outlet": outlet,
            "url": url,
            "external_id": external_id,
            "published_on": published_on,
            "dateline": dateline,
            "byline": byline,
            "language": language,
            "retrieved_at": retrieved_at,
        }
        for name, value in fields.items():
            if value not in (None, ""):
                setattr(article, name, value)
        article.full_clean(exclude=["content_hash"])
        article.save()
        return article


def article_ingest_parsed(*, parsed: ParsedArticle, outlet: Outlet | None = None) -> Article:
    """Store a parsed article; `outlet` (when given) wins over the outlet the source names."""
    with transaction.atomic():
        if outlet is None:
            outlet = outlet_find_or_create(
                short_name=parsed.outlet_short_name,
                domain=parsed.outlet_domain,
                name=parsed.outlet_name,
            )
        return article_ingest(
            title=parsed.title,
            body=parsed.body,
            outlet=outlet,
            url=parsed.url,
            external_id=parsed.external_id,
            published_on=parsed.published_on,
            dateline=parsed.dateline,
            byline=parsed.byline,
            language=parsed.language,
        )


def _article_matching(
    *, url: str, outlet: Outlet | None, external_id: str, body: str
) -> Article | None:
    locked = Article.objects.select_for_update(of=("self",))
    by_url = locked.filter(url=url).first() if url else None
    by_id = (
        locked.filter(outlet=outlet, external_id=external_id).first()
        if outlet is not None and external_id
        else None
    )
    if by_url is not None and by_id is not None and by_url.pk != by_id.pk:
        raise ValidationError(
            {
                "url": f"The URL is article #{by_url.pk}'s, but the outlet id {external_id} is "
                f"article #{by_id.pk}'s."
            }
        )
    if by_url or by_id:
        return by_url or by_id
    same_text = locked.filter(content_hash=Article.hash_body(body)).order_by("pk")
    if url:
        same_text = same_text.filter(Q(url="") | Q(url=url))
    if outlet is not None:
        same_text = same_text.filter(Q(outlet=outlet) | Q(outlet__isnull=True))
    if external_id:
        same_text = same_text.filter(Q(external_id="") | Q(external_id=external_id))
    return same_text.first()


# --- the gazetteer ----------------------------------------------------------------------------


def gazetteer_build(*, on: datetime.date | None = None) -> Gazetteer:
    """Confirmed people as the engine's gazetteer: names, aliases and roles with their
    organisations' names and aliases; with `on`, only the roles held that day.

    Organisations, media and groups are left out: given one as an entry, the engine credits
    "The spokesman of the Supreme National Security Council (SNSC) Kayvan Khosravi" to the
    council, the longest name inside the mention. They are matched after extraction instead, by
    the name the engine suggests ("SNSC", "Press TV") against names, aliases and outlets.
    """
    return _known_speakers(on=on)[0]


def _known_speakers(*, on: datetime.date | None) -> tuple[Gazetteer, dict[str, int]]:
    """The gazetteer and, for each canonical name in it, the speaker's id."""
    roles = Role.objects.select_related("organization").prefetch_related("organization__aliases")
    if on is not None:
        roles = roles.held_on(on)
    # Proposed speakers are the engine's own guesses: feeding them back would let one wrong
    # guess spread; they are still found by name once extraction suggests the same name.
    speakers = (
        Speaker.objects.filter(is_proposed=False, kind=SpeakerKind.PERSON)
        .prefetch_related("aliases", Prefetch("held_roles", queryset=roles))
        .order_by("pk")
    )
    entries: list[GazetteerEntry] = []
    ids: dict[str, int] = {}
    for speaker in speakers:
        entries.append(
            GazetteerEntry(
                canonical_name=speaker.name,
                kind=speaker.kind,
                aliases=tuple(alias.name for alias in speaker.aliases.all()),
                roles=tuple(
                    RoleSpec(
                        title=role.title,
                        organization=role.organization.name,
                        organization_aliases=tuple(
                            alias.name for alias in role.organization.aliases.all()
                        ),
                        start=role.start_on,
                        end=role.end_on,
                    )
                    for role in speaker.held_roles.all()
                ),
            )
        )
        ids.setdefault(speaker.name, speaker.pk)
    return Gazetteer(entries), ids


# --- extraction -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What one extraction run did to an article's quotes.

    created    new proposed quotes
    refreshed  proposed quotes nobody has touched, updated (speaker, confidence, span)
    unchanged  proposed quotes nobody has touched, found again as they were
    kept       attributions left alone because a curator's quote is at or over that span
    """

    article: Article
    created: int = 0
    refreshed: int = 0
    unchanged: int = 0
    kept: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.refreshed} refreshed, {self.unchanged} unchanged, "
            f"{self.kept} kept as curated"
        )


def article_extract(*, article: Article, by: AbstractUser | None = None) -> ExtractionResult:
    """Run the attribution engine on the article and store what it finds as proposed quotes.

    Speakers resolve to known speakers (names, aliases, roles held on the publication date), or
    to new speakers marked as proposed. Quotes are keyed by article and span: running again adds
    no duplicates. A curator's work is never overwritten: a quote that is no longer proposed, was
    entered by hand, or has any history row not written by extraction is left as it is, and no
    new quote is proposed over its span (a curator who trimmed or rejected a quote has already
    decided about that statement). An untouched proposed quote is refreshed, and moved to the
    new span when the engine now reads an overlapping one. Proposed quotes the engine no longer
    finds stay for a curator to reject. `said_on` is the publication date, or today when the
    article has none.
    """
    if by is not None and not by.has_perm("quotedb.add_quote"):
        raise PermissionDenied(f"{by} lacks the permission quotedb.add_quote.")
    with transaction.atomic():
        article = Article.objects.select_for_update(of=("self",)).get(pk=article.pk)
        gazetteer, known_ids = _known_speakers(on=article.published_on)
        attributions = _distinct_spans(
            extract(article.body, published=article.published_on, gazetteer=gazetteer),
            body_length=len(article.body),
        )
        existing = list(Quote.objects.filter(article=article, start__isnull=False))
        touched = set(
            Quote.history.filter(article_id=article.pk)
            .exclude(history_change_reason__in=EXTRACTION_REASONS)
            .values_list("id", flat=True)
        )
        refreshable = [
            quote
            for quote in existing
            if quote.status == QuoteStatus.PROPOSED
            and quote.origin == QuoteOrigin.EXTRACTED
            and quote.pk not in touched
        ]
        curated = [quote for quote in existing if quote not in refreshable]
        speakers = _SpeakerResolver(known_ids, attributions)
        said_on = article.published_on or timezone.localdate()

        by_span = {(quote.start, quote.end): quote for quote in refreshable}
        matched: dict[int, Quote] = {}  # attribution index -> its existing quote
        kept = 0
        pending: list[int] = []
        for index, attribution in enumerate(attributions):
            span = (attribution.start, attribution.end)
            if any(_overlaps(span, (quote.start, quote.end)) for quote in curated):
                kept += 1
            elif span in by_span:
                matched[index] = by_span.pop(span)
            else:
                pending.append(index)
        # A proposed quote whose span the engine now reads differently moves to the new span.
        for index in pending:
            span = (attributions[index].start, attributions[index].end)
            overlapping = [q for q in by_span.values() if _overlaps(span, (q.start, q.end))]
            if overlapping:
                quote = max(overlapping, key=lambda q: _overlap_length(span, (q.start, q.end)))
                matched[index] = by_span.pop((quote.start, quote.end))

        created = refreshed = unchanged = 0
        for index in pending:
            if index in matched:
                continue
            quote = Quote(
                article=article,
                status=QuoteStatus.PROPOSED,
                origin=QuoteOrigin.EXTRACTED,
                language=article.language or "en",
                created_by=by,
            )
            _fill(quote, attributions[index], article=article, said_on=said_on, speakers=speakers)
            quote._history_user = by
            quote._change_reason = PROPOSED_BY_EXTRACTION
            quote.save()
            created += 1
        for index, quote in matched.items():
            before = _comparable(quote)
            _fill(quote, attributions[index], article=article, said_on=said_on, speakers=speakers)
            if _comparable(quote) == before:
                unchanged += 1
                continue
            quote._history_user = by
            quote._change_reason = REFRESHED_BY_EXTRACTION
            quote.save()
            refreshed += 1
        return ExtractionResult(
            article=article, created=created, refreshed=refreshed, unchanged=unchanged, kept=kept
        )


class _SpeakerResolver:
    """Speakers for the engine's names: known ones by id, others found (in one query per
    article, not one per name) or created as proposed."""

    def __init__(self, known_ids: dict[str, int], attributions: list[Attribution]) -> None:
        self.known_ids = known_ids
        # The kind of a relaying source, when it is also a speaker in the article.
        self.kinds = {
            a.speaker.canonical_name: a.speaker.kind for a in attributions if a.speaker is not None
        }
        names = {a.speaker.canonical_name for a in attributions if a.speaker is not None}
        names |= {a.relayed_by for a in attributions if a.relayed_by}
        self.by_key = _speakers_named(name for name in names if name not in known_ids)

    def speaker(self, resolved: ResolvedSpeaker | None) -> Speaker | None:
        if resolved is None:
            return None
        if resolved.is_known and resolved.canonical_name in self.known_ids:
            return Speaker(pk=self.known_ids[resolved.canonical_name])
        return self.named(resolved.canonical_name, kind=resolved.kind)

    def relay(self, name: str | None) -> Speaker | None:
        if not name:
            return None
        if name in self.known_ids:
            return Speaker(pk=self.known_ids[name])
        return self.named(name, kind=self.kinds.get(name, RELAY_KIND))

    def named(self, name: str, *, kind: str) -> Speaker | None:
        name = " ".join(name.split())[:200]
        key = normalize_name(name)
        if not key:
            return None
        speaker = self.by_key.get(key) or self.by_key.get(key.removeprefix("the "))
        if speaker is None:
            speaker = Speaker(name=name, kind=kind, is_proposed=True)
            speaker.slug = _unique_slug(Speaker, name)
            speaker._change_reason = PROPOSED_BY_EXTRACTION
            speaker.save()
            self.by_key[key] = speaker
        return speaker


def _speakers_named(names: Iterable[str]) -> dict[str, Speaker]:
    """Existing speakers by normalised name or alias ("the SNSC" also as "SNSC"), confirmed
    ones before proposed ones; then speakers that stand for an outlet, by the outlet's names."""
    keys = set()
    for name in names:
        key = normalize_name(name)
        keys |= {key, key.removeprefix("the ")}
    keys.discard("")
    found: dict[str, Speaker] = {}
    if not keys:
        return found
    candidates = (
        Speaker.objects.filter(Q(normalized_name__in=keys) | Q(aliases__normalized__in=keys))
        .distinct()
        .prefetch_related("aliases")
        .order_by("-is_proposed", "-pk")  # the last written wins: confirmed, then oldest
    )
    for speaker in candidates:
        for key in {speaker.normalized_name, *(a.normalized for a in speaker.aliases.all())}:
            if key in keys:
                found[key] = speaker
    # An outlet cited by name ("Mehr News Agency", "MNA") is the speaker that stands for it.
    for outlet in Outlet.objects.filter(speaker__isnull=False).select_related("speaker"):
        for key in (normalize_name(outlet.name), normalize_name(outlet.short_name)):
            if key in keys and key not in found:
                found[key] = outlet.speaker
    return found


def _fill(
    quote: Quote,
    attribution: Attribution,
    *,
    article: Article,
    said_on: datetime.date,
    speakers: _SpeakerResolver,
) -> None:
    body = article.body
    speaker = speakers.speaker(attribution.speaker)
    relay = speakers.relay(attribution.relayed_by)
    quote.start, quote.end = attribution.start, attribution.end
    quote.text = body[attribution.start : attribution.end]
    quote.kind = attribution.kind
    quote.cue = body[slice(*attribution.cue)].strip()[:100] if attribution.cue else ""
    quote.speaker_mention = (
        body[slice(*attribution.speaker_mention)].strip()[:300]
        if attribution.speaker_mention
        else ""
    )
    quote.speaker_id = speaker.pk if speaker else None
    quote.relayed_by_id = relay.pk if relay else None
    quote.confidence = round(min(1.0, max(0.0, float(attribution.confidence))), 3)
    quote.said_on = said_on


def _comparable(quote: Quote) -> tuple:
    return (
        quote.start,
        quote.end,
        quote.text,
        quote.kind,
        quote.cue,
        quote.speaker_mention,
        quote.speaker_id,
        quote.relayed_by_id,
        quote.confidence,
        quote.said_on,
    )


def _distinct_spans(attributions: Iterable[Attribution], *, body_length: int) -> list[Attribution]:
    """One attribution per span (the most confident), dropping any that fall outside the body."""
    best: dict[tuple[int, int], Attribution] = {}
    for attribution in attributions:
        span = (attribution.start, attribution.end)
        if not 0 <= attribution.start < attribution.end <= body_length:
            continue
        if span not in best or attribution.confidence > best[span].confidence:
            best[span] = attribution
    return sorted(best.values(), key=lambda a: (a.start, a.end))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def _overlap_length(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _unique_slug(model: type[Speaker] | type[Outlet], name: str) -> str:
    """A slug from `name` that no row (nor, for speakers, any redirect) uses yet."""
    base = (slugify(name) or model._meta.model_name)[:180]
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if model is Speaker:
        taken |= set(
            SlugRedirect.objects.filter(old_slug__startswith=base).values_list(
                "old_slug", flat=True
            )
        )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
