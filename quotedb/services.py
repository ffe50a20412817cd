"""Curators' writes on quotes: approve, reject, set status in bulk, add topics, change speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from quotedb.models import Quote, QuoteStatus, QuoteTopic, Topic
from speakers.models import Speaker

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
