"""Pagination for the API: bounded page numbers for small lists, keyset cursors for quotes."""

import base64
import binascii
import datetime
import json
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


def _page_size(request, default: int) -> int:
    """`page_size` from the query, or a 400 naming it when it is not a number in range."""
    raw = request.query_params.get("page_size")
    if raw in (None, ""):
        return default
    cap = settings.QUOTEDB_MAX_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        raise ValidationError({"page_size": [f"Must be a whole number from 1 to {cap}."]}) from None
    if not 1 <= size <= cap:
        raise ValidationError({"page_size": [f"Must be a whole number from 1 to {cap}."]})
    return size


class BoundedPageNumberPagination(PageNumberPagination):
    """Page numbers for short lists (speakers, outlets, topics); page_size over the cap is a 400."""

    page_size_query_param = "page_size"

    def get_page_size(self, request):
        return _page_size(request, settings.REST_FRAMEWORK["PAGE_SIZE"])

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == "page_size":
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": settings.QUOTEDB_MAX_PAGE_SIZE,
                }
            if parameter["name"] == "page":
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters


@dataclass(frozen=True)
class KeysetOrdering:
    """One way to order quotes: a leading field and its direction, with the primary key last."""

    field: str
    descending: bool

    def order_by(self, reverse: bool = False) -> list:
        descending = self.descending != reverse
        key = F(self.field).desc() if descending else F(self.field).asc()
        pk = F("pk").desc() if descending else F("pk").asc()
        return [key, pk]

    def after(self, value, pk: int, reverse: bool = False) -> Q:
        """Rows strictly after (value, pk) in this ordering: a true keyset condition."""
        descending = self.descending != reverse
        op, bound = ("lt", "lte") if descending else ("gt", "gte")
        # The redundant bound on the leading column lets PostgreSQL start an index range at the
        # cursor instead of filtering every row before it (page 10,000 costs what page 1 does).
        return Q(**{f"{self.field}__{bound}": value}) & (
            Q(**{f"{self.field}__{op}": value}) | Q(**{self.field: value, f"pk__{op}": pk})
        )


class KeysetCursorPagination(BasePagination):
    """Cursor pagination on (ordering field, id): stable while rows are added, and page 10,000
    costs what page 1 costs because no OFFSET is ever used. No COUNT(*) either.

    The view's filterset has already validated `ordering`; this class reads the same value.
    """

    cursor_query_param = "cursor"
    orderings = {
        "-said_on": KeysetOrdering("said_on", descending=True),
        "said_on": KeysetOrdering("said_on", descending=False),
        "-created": KeysetOrdering("created_at", descending=True),
        "created": KeysetOrdering("created_at", descending=False),
        "relevance": KeysetOrdering("relevance", descending=True),
    }
    default_ordering = "-said_on"
    search_param = "q"

    def ordering_name(self, request) -> str:
        """The ordering asked for; with a search and no ordering, the most relevant first."""
        name = request.query_params.get("ordering") or ""
        # The filter ignores a blank search (the form strips it), so blank is no search here.
        searching = bool((request.query_params.get(self.search_param) or "").strip())
        if not name and searching:
            return "relevance"
        if name == "relevance" and not searching:
            return self.default_ordering
        return name if name in self.orderings else self.default_ordering

    def decode_cursor(self, raw: str):
        try:
            data = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
            value, pk, is_reverse = data["v"], int(data["k"]), bool(data["r"])
            if data["o"] != self.ordering:
                raise ValueError("cursor made for another ordering")
            if self.ordering in ("-said_on", "said_on") and value is not None:
                value = datetime.date.fromisoformat(value)
            elif self.ordering in ("-created", "created"):
                value = datetime.datetime.fromisoformat(value)
            elif value is not None:
                value = float(value)
        except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError) as error:
            raise ValidationError(
                {self.cursor_query_param: ["Invalid cursor; use the next or previous link."]}
            ) from error
        return value, pk, is_reverse

    def encode_cursor(self, row, is_reverse: bool) -> str:
        # Rows are model instances, or dicts when a list is read with values().
        if isinstance(row, dict):
            value, pk = row[self.keyset.field], row["id"]
        else:
            value, pk = getattr(row, self.keyset.field), row.pk
        if isinstance(value, datetime.date | datetime.datetime):
            value = value.isoformat()
        data = {"o": self.ordering, "v": value, "k": pk, "r": is_reverse}
        raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii")

    def paginate_queryset(self, queryset, request, view=None, fetch=None):
        """The page's rows. `fetch(queryset, order_field, descending)` reads the ordered,
        sliced queryset (list() of it when not given)."""
        self.request = request
        self.page_size = _page_size(request, settings.REST_FRAMEWORK["PAGE_SIZE"])
        self.ordering = self.ordering_name(request)
        self.keyset = self.orderings[self.ordering]
        raw_cursor = request.query_params.get(self.cursor_query_param)
        is_reverse = False
        if raw_cursor:
            value, pk, is_reverse = self.decode_cursor(raw_cursor)
            queryset = queryset.filter(self.keyset.after(value, pk, reverse=is_reverse))
        queryset = queryset.order_by(*self.keyset.order_by(reverse=is_reverse))[
            : self.page_size + 1
        ]
        if fetch is None:
            rows = list(queryset)
        else:
            rows = fetch(queryset, self.keyset.field, self.keyset.descending != is_reverse)
        has_more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if is_reverse:
            rows.reverse()
        # Going forward, a cursor means there was a page before; going back, the page we came
        # from is after us.
        self.has_next = has_more if not is_reverse else True
        self.has_previous = bool(raw_cursor) if not is_reverse else has_more
        self.rows = rows
        return rows

    def _link(self, row, is_reverse: bool) -> str:
        url = self.request.build_absolute_uri()
        cursor = self.encode_cursor(row, is_reverse)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.rows:
            return None
        return self._link(self.rows[-1], is_reverse=False)

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        if not self.rows:
            return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        return self._link(self.rows[0], is_reverse=True)

    def get_paginated_response(self, data):
        return Response(
            OrderedDict(
                [
                    ("next", self.get_next_link()),
                    ("previous", self.get_previous_link()),
                    ("results", data),
                ]
            )
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Quotes per page, 1 to {settings.QUOTEDB_MAX_PAGE_SIZE}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": settings.QUOTEDB_MAX_PAGE_SIZE,
                },
                "example": 25,
            },
        ]
