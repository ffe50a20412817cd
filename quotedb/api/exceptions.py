"""API error responses: every error a client can cause is JSON naming what was wrong."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, ProtectedError | RestrictedError):
        # Deleting a row that others still point at would lose data: refuse with 409.
        blocking = getattr(exc, "protected_objects", None) or exc.restricted_objects
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
        detail = (
            f"Still referenced by {', '.join(kinds)}; reassign or delete those first "
            "(speakers can be merged instead)."
        )
        return Response({"detail": detail}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        # A model's full_clean() error reached the view: report it as the 400 it is.
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)
