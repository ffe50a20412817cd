"""Who may do what: the "curator" and "reader" groups and their permissions."""

from django.contrib.auth.models import Group, Permission

CURATOR = "curator"
READER = "reader"

CURATED_MODELS = {
    "quotedb": ["quote", "topic", "quotetopic", "quotelist", "quotelistitem"],
    "speakers": ["speaker", "alias", "role", "slugredirect"],
    "articles": ["outlet", "article"],
}
CURATOR_EXTRA = [("quotedb", "approve_quote"), ("quotedb", "view_all_quotes")]


def groups_ensure() -> None:
    """Create or refresh the curator and reader groups from the current permissions."""
    curator, _ = Group.objects.get_or_create(name=CURATOR)
    reader, _ = Group.objects.get_or_create(name=READER)
    curator_perms, reader_perms = [], []
    for app_label, models in CURATED_MODELS.items():
        for model in models:
            for action in ("add", "change", "delete", "view"):
                perm = Permission.objects.filter(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ).first()
                if perm is None:
                    continue
                curator_perms.append(perm)
                if action == "view":
                    reader_perms.append(perm)
    for app_label, codename in CURATOR_EXTRA:
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            curator_perms.append(perm)
    curator.permissions.add(*curator_perms)
    reader.permissions.add(*reader_perms)


def groups_ensure_on_migrate(sender, **kwargs) -> None:
    groups_ensure()


def can_see_all_quotes(user) -> bool:
    """Curators and staff see proposed and rejected quotes; everyone else approved ones only."""
    return bool(
        user
        and user.is_authenticated
        and (user.is_staff or user.has_perm("quotedb.view_all_quotes"))
    )


def can_approve_quotes(user) -> bool:
    """Only the approve permission (curators, superusers) sets a review verdict; admin access
    alone does not."""
    return bool(user and user.is_authenticated and user.has_perm("quotedb.approve_quote"))
