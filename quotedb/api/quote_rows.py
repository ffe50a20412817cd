"""Quote lists read as plain rows: the list representation without model instances.

Lists are most of the API's traffic, and building five model instances per quote (quote,
speaker, article, outlet, relaying speaker) plus prefetched topics and roles was most of a
list request's time. This reads the same data with values() and builds exactly what
QuoteSerializer.to_representation builds (a test keeps them identical).

On PostgreSQL a page is one query (PAGE_SQL): topics come as an array subquery and the role
held on the day as a scalar subquery. Elsewhere (SQLite) topics and roles take one query each.
"""

import datetime
from collections import defaultdict

from django.db import connections
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from quotedb.models import QuoteTopic
from speakers.models import Role

QUOTE_COLUMNS = (
    "id",
    "text",
    "kind",
    "cue",
    "speaker_mention",
    "said_on",
    "start",
    "end",
    "language",
    "original_text",
    "status",
    "origin",
    "confidence",
    "created_at",
    "updated_at",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "speaker__wikidata_id",
    "article_id",
    "article__title",
    "article__url",
    "article__published_on",
    "article__external_id",
    "article__outlet__name",
    "article__outlet__slug",
    "relayed_by_id",
    "relayed_by__slug",
    "relayed_by__name",
)


def _timestamp(value: datetime.datetime | None, zone) -> str | None:
    """What DRF's DateTimeField writes (ISO 8601 in the current time zone, UTC as "Z"),
    without building a field per call: it was a tenth of a list request."""
    if value is None:
        return None
    if timezone.is_aware(value):
        value = value.astimezone(zone)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def quote_rows_queryset(queryset):
    """`queryset` (filtered, ordered, paged) as rows of the columns a list shows."""
    columns = list(QUOTE_COLUMNS)
    if "relevance" in queryset.query.annotations:
        columns.append("relevance")
    return queryset.values(*columns, "article__body")


# One page of quotes on PostgreSQL: the FilterSet's query picks the page's ids (a narrow query,
# cheap to build), and this fixed statement fetches their rows around it. Building the wide
# projection with its joins and subqueries through the ORM took longer than PostgreSQL takes
# to run the whole page. Column names are those quote_rows_queryset() gives.
PAGE_SQL = """
SELECT
    q.id, q.text, q.kind, q.cue, q.speaker_mention, q.said_on, q.start, q."end", q.language,
    q.original_text, q.status, q.origin, q.confidence, q.created_at, q.updated_at,
    q.speaker_id, s.slug AS speaker__slug, s.name AS speaker__name, s.kind AS speaker__kind,
    s.wikidata_id AS speaker__wikidata_id,
    q.article_id, a.title AS article__title, a.url AS article__url,
    a.published_on AS article__published_on, a.external_id AS article__external_id,
    a.body AS article__body, o.name AS article__outlet__name, o.slug AS article__outlet__slug,
    q.relayed_by_id, r.slug AS relayed_by__slug, r.name AS relayed_by__name,
    ARRAY(
        SELECT t.slug FROM quotedb_quotetopic qt
        CROSS JOIN LATERAL (
            -- OFFSET 0 keeps this a lookup by primary key per topic: flattened into a join,
            -- the planner hashes the whole topic table again for every quote.
            SELECT t.slug, t.name FROM quotedb_topic t WHERE t.id = qt.topic_id OFFSET 0
        ) t
        WHERE qt.quote_id = q.id ORDER BY t.name, qt.topic_id
    ) AS topic_slugs,
    (
        SELECT role.title || ', ' || org.name
        FROM speakers_role role JOIN speakers_speaker org ON org.id = role.organization_id
        WHERE role.person_id = q.speaker_id
            AND (role.start_on IS NULL OR role.start_on <= q.said_on)
            AND (role.end_on IS NULL OR role.end_on >= q.said_on)
        ORDER BY role.start_on DESC NULLS LAST, role.id
        LIMIT 1
    ) AS role_label{extra_columns}
FROM ({page}) AS page
JOIN quotedb_quote q ON q.id = page.id
JOIN articles_article a ON a.id = q.article_id
LEFT JOIN articles_outlet o ON o.id = a.outlet_id
LEFT JOIN speakers_speaker s ON s.id = q.speaker_id
LEFT JOIN speakers_speaker r ON r.id = q.relayed_by_id
ORDER BY page.{order_field} {direction}, page.id {direction}
"""


def fetch_quote_rows(queryset, order_field: str, descending: bool) -> list[dict]:
    """The rows of `queryset` (filtered, ordered by `order_field` then id, and sliced to a
    page) with their topics and the speaker's role on the day: one query on PostgreSQL."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return list(quote_rows_queryset(queryset))
    page = queryset.values("id", order_field).query.get_compiler(connection=connection)
    page_sql, params = page.as_sql()
    sql = PAGE_SQL.format(
        page=page_sql,
        extra_columns=", page.relevance" if order_field == "relevance" else "",
        order_field=connection.ops.quote_name(order_field),
        direction="DESC" if descending else "ASC",
    )
    with _binding_cursor(connection) as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _binding_cursor(connection):
    """A cursor that sends parameters apart from the SQL, so that psycopg can prepare the
    statement: PostgreSQL then plans a page once per connection instead of on every request
    (planning took longer than running it). Django's own cursors bind on the client and are
    never prepared; this one still goes through Django's wrappers, so query logging and
    counting see it. Preparation follows OPTIONS["prepare_threshold"] (settings.py)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    connection.validate_thread_sharing()
    cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _role_label(roles: list[tuple], day: datetime.date) -> str | None:
    """The role held on `day`, as Speaker.role_on picks it: the latest start among those held,
    the first created among equals."""
    held = [
        role
        for role in roles
        if (role[2] is None or role[2] <= day) and (role[3] is None or day <= role[3])
    ]
    if not held:
        return None
    title, organization, *_ = min(
        held, key=lambda role: (-(role[2] or datetime.date.min).toordinal(), role[4])
    )
    return f"{title}, {organization}"


def quote_rows_represent(rows: list[dict], *, request=None) -> list[dict]:
    """The API representation of each row. Rows read on PostgreSQL carry their topics, role
    and paragraph; others get topics and roles in one query each."""
    in_sql = bool(rows) and "topic_slugs" in rows[0]
    topics: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[tuple]] = defaultdict(list)
    if rows and not in_sql:
        for quote_id, slug in (
            QuoteTopic.objects.filter(quote_id__in=[row["id"] for row in rows])
            .order_by("topic__name", "topic_id")
            .values_list("quote_id", "topic__slug")
        ):
            topics[quote_id].append(slug)
        if speaker_ids := {row["speaker_id"] for row in rows if row["speaker_id"] is not None}:
            for person_id, *role in Role.objects.filter(person_id__in=speaker_ids).values_list(
                "person_id", "title", "organization__name", "start_on", "end_on", "id"
            ):
                roles[person_id].append(tuple(role))
    zone = timezone.get_current_timezone()
    detail_path = reverse("api:quote-detail", kwargs={"pk": 0}).removesuffix("0/")
    base = request.build_absolute_uri(detail_path) if request is not None else detail_path
    represented = []
    for row in rows:
        said_on = row["said_on"]
        speaker = None
        if row["speaker_id"] is not None:
            if said_on is None:
                role = None
            elif in_sql:
                role = row["role_label"]
            else:
                role = _role_label(roles[row["speaker_id"]], said_on)
            speaker = {
                "id": row["speaker_id"],
                "slug": row["speaker__slug"],
                "name": row["speaker__name"],
                "kind": row["speaker__kind"],
                "wikidata_id": row["speaker__wikidata_id"],
                "role": role,
            }
        start, end = row["start"], row["end"]
        context = ""
        if start is not None:
            body = row["article__body"]
            paragraph_start, paragraph_end = Article.paragraph_bounds(body, start, end)
            context = body[paragraph_start:paragraph_end].strip()
        represented.append(
            {
                "id": row["id"],
                "url": f"{base}{row['id']}/",
                "text": row["text"],
                "kind": row["kind"],
                "cue": row["cue"],
                "speaker": speaker,
                "speaker_mention": row["speaker_mention"],
                "said_on": _iso(said_on),
                "article": {
                    "id": row["article_id"],
                    "title": row["article__title"],
                    "outlet": row["article__outlet__name"],
                    "outlet_slug": row["article__outlet__slug"],
                    "url": row["article__url"],
                    "published_on": _iso(row["article__published_on"]),
                    "external_id": row["article__external_id"],
                },
                "span": [start, end] if start is not None else None,
                "context": context,
                "topics": row["topic_slugs"] if in_sql else topics.get(row["id"], []),
                "language": row["language"],
                "original_text": row["original_text"],
                "relayed_by": (
                    {
                        "id": row["relayed_by_id"],
                        "slug": row["relayed_by__slug"],
                        "name": row["relayed_by__name"],
                    }
                    if row["relayed_by_id"] is not None
                    else None
                ),
                "status": row["status"],
                "origin": row["origin"],
                "confidence": row["confidence"],
                "created_at": _timestamp(row["created_at"], zone),
                "updated_at": _timestamp(row["updated_at"], zone),
            }
        )
    return represented
