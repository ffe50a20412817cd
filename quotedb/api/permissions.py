"""API permission rules: anyone may read, writes need the model permission."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class ReadAnyoneWriteWithModelPermission(DjangoModelPermissions):
    """Reads are open (querysets decide what is visible); writes need add/change/delete perms.

    Staff pass too, so that "staff can do everything" holds without granting each permission.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if user.is_staff:
            return True
        return super().has_permission(request, view)
