"""OpenAPI post-processing: document the error responses every operation can give."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "What was wrong: `detail`, or one entry per parameter or field at fault.",
    "additionalProperties": True,
}

ERRORS = {
    "400": "Bad input; the body names each parameter or field at fault.",
    "401": "Authentication credentials were wrong.",
    "403": "You may not do this (writes need a token with the model permission).",
    "404": "Not found, or not visible to you.",
    "409": "The row is still referenced and cannot be deleted.",
    "429": "Too many requests; retry after the number of seconds in Retry-After.",
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular hook: add the errors each operation can return, where not documented."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            # 404 everywhere: unknown ids, and page numbers past the end of a list.
            codes = {"400", "401", "403", "404", "429"}
            if method == "delete":
                codes.add("409")
            responses = operation.setdefault("responses", {})
            for response in responses.values():
                for media_type, content in response.get("content", {}).items():
                    if media_type != "application/json" and not media_type.endswith("+json"):
                        continue
                    if media_type != "application/json":
                        # JSON-LD and CSL-JSON have their own vocabularies (docs/reports.md),
                        # not the shape of the JSON representation.
                        content["schema"] = {}
            # The server itself (gunicorn) answers 414 with an HTML page before Django sees a
            # request whose request line is over 4,094 bytes, e.g. a very long query string.
            responses.setdefault(
                "414",
                {"description": "The URL is longer than the server accepts (4,094 bytes)."},
            )
            for code in sorted(codes):
                responses.setdefault(
                    code,
                    {
                        "description": ERRORS[code],
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
