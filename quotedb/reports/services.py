"""Writes for curated lists: create a list, add quotes to it, keep its order tidy."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from quotedb.models import Quote, QuoteList, QuoteListItem


@transaction.atomic
def quote_list_create(*, title: str, owner: AbstractBaseUser, description: str = "") -> QuoteList:
    """A new unpublished list with a unique slug made from the title."""
    base = slugify(title)[:190] or "list"
    slug, n = base, 1
    while QuoteList.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    quote_list = QuoteList(title=title, slug=slug, owner=owner, description=description)
    quote_list.full_clean()
    quote_list.save()
    return quote_list


@transaction.atomic
def quote_list_add_quotes(*, quote_list: QuoteList, quotes: Iterable[Quote], note: str = "") -> int:
    """Append `quotes` to the end of the list, in the order given, skipping any already on it.
    Returns how many were added."""
    # Lock the list so two curators adding at once cannot hand out the same positions.
    QuoteList.objects.select_for_update().filter(pk=quote_list.pk).first()
    present = set(quote_list.items.values_list("quote_id", flat=True))
    last = quote_list.items.aggregate(last=Max("position"))["last"] or 0
    new_items = []
    for quote in quotes:
        if quote.pk in present:
            continue
        present.add(quote.pk)
        last += 1
        new_items.append(
            QuoteListItem(quote_list=quote_list, quote=quote, position=last, note=note)
        )
    QuoteListItem.objects.bulk_create(new_items)
    if new_items:
        quote_list.save(update_fields=["updated_at"])
    return len(new_items)


@transaction.atomic
def quote_list_renumber(*, quote_list: QuoteList) -> None:
    """Positions 1, 2, 3… in the current order, so gaps and ties from editing disappear."""
    items = list(quote_list.items.select_for_update().order_by("position", "id"))
    changed = []
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    QuoteListItem.objects.bulk_update(changed, ["position"])
