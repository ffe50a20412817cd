"""Writes on articles: finding outlets and ingesting articles idempotently.

Storing the quotes the attribution engine proposes is `quotedb.services.article_extract`:
quotes belong to quotedb, which sits above articles.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.ingestion import ParsedArticle
from articles.models import Article, Outlet
from speakers.models import SlugRedirect, Speaker

if TYPE_CHECKING:
    pass


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
        outlet.slug = unique_slug(Outlet, outlet.name)
        outlet.full_clean()
        outlet.save()
        return outlet
    if name:
        outlet = Outlet.objects.filter(
            Q(name__iexact=name) | Q(short_name__iexact=name) | Q(slug=slugify(name))
        ).first()
        if outlet is None:
            outlet = Outlet(name=name[:200])
            outlet.slug = unique_slug(Outlet, name)
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


def unique_slug(model: type[Speaker] | type[Outlet], name: str) -> str:
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
