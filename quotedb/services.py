"""Writes on quotes: approve, reject, set status in bulk, add topics, change speaker, and store
the quotes the attribution engine proposes for an article."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from articles.attribution import (
    Attribution,
    Gazetteer,
    GazetteerEntry,
    ResolvedSpeaker,
    RoleSpec,
    extract,
)
from articles.models import Article, Outlet
from articles.services import unique_slug
from quotedb.models import Quote, QuoteOrigin, QuoteStatus, QuoteTopic, Topic
from speakers.models import Role, Speaker, SpeakerKind
from speakers.names import normalize_name

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

APPROVE_PERMISSION = "quotedb.approve_quote"
CHANGE_PERMISSION = "quotedb.change_quote"
# Foreign keys the database checks itself; full_clean would spend a query per key per row.
_DATABASE_CHECKED_FIELDS = ["speaker", "relayed_by", "article", "created_by"]


def _require_permission(by: AbstractUser, permission: str) -> None:
    if not by.has_perm(permission):
        raise PermissionDenied(f"{by} lacks the permission {permission}.")


def _locked(quotes: Iterable[Quote] | QuerySet) -> list[Quote]:
    """The quotes as plain Quote rows, locked for this transaction.

    Always re-read as Quote: saving an instance of a proxy (the review queue's ProposedQuote)
    would not be recorded by simple_history, whose signals listen to Quote only.
    """
    if isinstance(quotes, QuerySet):
        keys = quotes.values("pk")
    else:
        keys = [quote.pk for quote in quotes]
    return list(
        Quote.objects.select_for_update(of=("self",))
        .select_related("article")
        .filter(pk__in=keys)
        .order_by("pk")
    )


def _save_with_history(quote: Quote, *, by: AbstractUser, reason: str, fields: list[str]) -> None:
    quote._history_user = by
    quote._change_reason = reason
    quote.save(update_fields=[*fields, "updated_at"])


def _check_approvable(quote: Quote) -> None:
    """An approved quote is public: it needs a speaker and offsets that match its article."""
    if quote.speaker_id is None:
        raise ValidationError(f"Quote #{quote.pk} has no speaker: give it one before approving.")
    try:
        quote.full_clean(
            exclude=_DATABASE_CHECKED_FIELDS, validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise ValidationError(f"Quote #{quote.pk}: {' '.join(error.messages)}") from error


def quotes_set_status(*, quotes: Iterable[Quote] | QuerySet, status: str, by: AbstractUser) -> int:
    """Give every quote `status`, one history record per changed quote; returns how many changed.

    All or nothing: when one quote cannot be approved (no speaker, bad offsets), none changes.
    """
    if status not in QuoteStatus.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    _require_permission(by, APPROVE_PERMISSION)
    label = QuoteStatus(status).label.lower()
    changed = 0
    with transaction.atomic():
        for quote in _locked(quotes):
            if quote.status == status:
                continue
            quote.status = status
            if status == QuoteStatus.APPROVED:
                _check_approvable(quote)
            _save_with_history(quote, by=by, reason=f"Status: {label}", fields=["status"])
            changed += 1
    return changed


def quote_approve(*, quote: Quote, by: AbstractUser) -> Quote:
    """Approve one quote: it becomes visible to anonymous readers."""
    quotes_set_status(quotes=[quote], status=QuoteStatus.APPROVED, by=by)
    quote.refresh_from_db()
    return quote


def quote_reject(*, quote: Quote, by: AbstractUser) -> Quote:
    """Reject one quote: it stays in the database (so extraction will not propose it again)."""
    quotes_set_status(quotes=[quote], status=QuoteStatus.REJECTED, by=by)
    quote.refresh_from_db()
    return quote


def quotes_add_topic(*, quotes: Iterable[Quote] | QuerySet, topic: Topic, by: AbstractUser) -> int:
    """Tag the quotes with `topic`; returns how many did not have it yet."""
    _require_permission(by, CHANGE_PERMISSION)
    with transaction.atomic():
        rows = _locked(quotes)
        tagged = set(
            QuoteTopic.objects.filter(topic=topic, quote__in=rows).values_list(
                "quote_id", flat=True
            )
        )
        untagged = [quote for quote in rows if quote.pk not in tagged]
        if not untagged:
            return 0
        QuoteTopic.objects.bulk_create([QuoteTopic(quote=quote, topic=topic) for quote in untagged])
        now = timezone.now()
        Quote.objects.filter(pk__in=[quote.pk for quote in untagged]).update(updated_at=now)
        for quote in untagged:
            quote.updated_at = now
        # Topics are not a tracked field, so the history row carries the change as its reason.
        Quote.history.bulk_history_create(
            untagged, update=True, default_user=by, default_change_reason=f"Topic added: {topic}"
        )
    return len(untagged)


def quotes_change_speaker(
    *, quotes: Iterable[Quote] | QuerySet, speaker: Speaker, by: AbstractUser
) -> int:
    """Credit the quotes to `speaker`; returns how many changed."""
    _require_permission(by, CHANGE_PERMISSION)
    changed = 0
    with transaction.atomic():
        for quote in _locked(quotes):
            if quote.speaker_id == speaker.pk:
                continue
            quote.speaker = speaker
            reason = f"Speaker: {speaker.name} ({speaker.slug})"
            _save_with_history(quote, by=by, reason=reason, fields=["speaker"])
            changed += 1
    return changed


def quote_change_speaker(*, quote: Quote, speaker: Speaker, by: AbstractUser) -> Quote:
    """Credit one quote to `speaker` (the review queue's one-step correction)."""
    quotes_change_speaker(quotes=[quote], speaker=speaker, by=by)
    quote.refresh_from_db()
    return quote


#: History reasons extraction writes; a quote with any other history row was touched by a person.
PROPOSED_BY_EXTRACTION = "Proposed by extraction"
REFRESHED_BY_EXTRACTION = "Refreshed by extraction"
EXTRACTION_REASONS = (PROPOSED_BY_EXTRACTION, REFRESHED_BY_EXTRACTION)
# A relaying source is nearly always a medium ("..., Press TV reported").
RELAY_KIND = SpeakerKind.MEDIA


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
            speaker.slug = unique_slug(Speaker, name)
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
