"""API permission rules: anyone may read, writes need the model permission."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class ReadAnyoneWriteWithModelPermission(DjangoModelPermissions):
    """Reads are open (querysets decide what is visible); writes need add/change/delete perms.

    Being staff grants nothing here: it only opens the admin site, where the same permissions
    apply. Superusers hold every permission.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return super().has_permission(request, view)
