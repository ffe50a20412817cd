"""Writes on speakers that touch many rows: merging two records of the same speaker into one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import bulk_update_with_history, get_history_manager_for_model

from speakers.models import Alias, Role, SlugRedirect, Speaker
from speakers.names import normalize_name

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

# Fields of the survivor that the other speaker fills in when the survivor leaves them empty.
FILLABLE_FIELDS = ("description", "country", "wikidata_id")
MERGE_PERMISSIONS = ("speakers.change_speaker", "speakers.delete_speaker")


@dataclass
class MergePreview:
    """What merging `other` into `survivor` moves, adds and drops: shown before and after."""

    survivor: Speaker
    other: Speaker
    moves: dict[str, int] = field(default_factory=dict)
    new_aliases: list[str] = field(default_factory=list)
    filled_fields: list[str] = field(default_factory=list)
    redirected_slugs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    singular: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        moved = ", ".join(
            f"{count} {label if count != 1 else self.singular.get(label, label)}"
            for label, count in self.moves.items()
            if count
        )
        parts = [f"moved {moved}" if moved else "nothing to move"]
        if self.new_aliases:
            parts.append("new aliases: " + ", ".join(self.new_aliases))
        if self.filled_fields:
            parts.append("filled in: " + ", ".join(self.filled_fields))
        if self.redirected_slugs:
            slugs = ", ".join(self.redirected_slugs)
            lead = "leads" if len(self.redirected_slugs) == 1 else "lead"
            parts.append(f"{slugs} now {lead} to {self.survivor.slug}")
        parts.extend(self.notes)
        return f"“{self.other.name}” into “{self.survivor.name}”: " + "; ".join(parts) + "."

    def count(self, *, label: str, singular: str, rows: int) -> None:
        self.moves[label] = rows
        self.singular[label] = singular


def _relation_labels(relation: models.ForeignObjectRel) -> tuple[str, str]:
    """ "quotes (speaker)", "roles (organization)": which rows, through which field."""
    meta, through = relation.related_model._meta, relation.field.verbose_name
    return f"{meta.verbose_name_plural} ({through})", f"{meta.verbose_name} ({through})"


def _merge_relations() -> list[models.ForeignObjectRel]:
    # Every model that points at Speaker, including ones in apps above this one (quotes,
    # outlets), found through the model registry so that speakers never imports them.
    return [
        relation
        for relation in Speaker._meta.related_objects
        if not relation.field.many_to_many and relation.related_model is not SlugRedirect
    ]


def _role_key(role: Role, *, keep: str) -> tuple:
    """Two roles are the same when they match on everything but the merged side."""
    other_side = role.organization_id if keep == "organization" else role.person_id
    return (role.normalized_title, other_side, role.start_on, role.end_on)


def _refuse_self_held_roles(survivor: Speaker, other: Speaker) -> None:
    linking = Role.objects.filter(
        models.Q(person=other, organization=survivor)
        | models.Q(person=survivor, organization=other)
    ).first()
    if linking is not None:
        raise ValidationError(
            f"“{linking.person}” holds the role “{linking.title}” in “{linking.organization}”; "
            "merging them would make a speaker hold a role in itself. Delete that role first."
        )


def _alias_plan(survivor: Speaker, other: Speaker) -> tuple[list[Alias], list[Alias], list[str]]:
    """The other's aliases to move, those that duplicate one of the survivor's, and new names."""
    known = set(survivor.aliases.values_list("normalized", flat=True))
    to_move, duplicates = [], []
    for alias in other.aliases.all():
        if alias.normalized in known:
            duplicates.append(alias)
        else:
            to_move.append(alias)
            known.add(alias.normalized)
    normalized_name = normalize_name(other.name)
    new_names = [other.name] if normalized_name and normalized_name not in known else []
    return to_move, duplicates, new_names


def _roles_plan(survivor: Speaker, other: Speaker) -> dict[str, tuple[list[Role], list[Role]]]:
    """Per side ("person", "organization"): the other's roles to move, and exact duplicates."""
    plan = {}
    for side in ("person", "organization"):
        keep = "organization" if side == "person" else "person"
        existing = {_role_key(role, keep=keep) for role in Role.objects.filter(**{side: survivor})}
        to_move, duplicates = [], []
        for role in Role.objects.filter(**{side: other}).order_by("pk"):
            key = _role_key(role, keep=keep)
            (duplicates if key in existing else to_move).append(role)
            existing.add(key)
        plan[side] = (to_move, duplicates)
    return plan


def speakers_merge_preview(*, survivor: Speaker, other: Speaker) -> MergePreview:
    """What speakers_merge would do, without changing anything (for a confirmation page)."""
    if survivor.pk == other.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    _refuse_self_held_roles(survivor, other)
    preview = MergePreview(survivor=survivor, other=other)

    for relation in _merge_relations():
        if relation.related_model in (Alias, Role):
            continue
        label, singular = _relation_labels(relation)
        if relation.one_to_one:
            linked = relation.related_model._base_manager.filter(**{relation.field.name: other})
            if not linked.exists():
                continue
            if relation.related_model._base_manager.filter(
                **{relation.field.name: survivor}
            ).exists():
                preview.notes.append(f"the {singular} link of “{other.name}” is dropped")
            else:
                preview.count(label=label, singular=singular, rows=1)
            continue
        rows = relation.related_model._base_manager.filter(**{relation.field.name: other})
        preview.count(label=label, singular=singular, rows=rows.count())

    aliases_to_move, duplicate_aliases, new_names = _alias_plan(survivor, other)
    preview.count(label="aliases", singular="alias", rows=len(aliases_to_move))
    preview.new_aliases = new_names
    if duplicate_aliases:
        preview.notes.append(
            "aliases already known to the survivor dropped: "
            + ", ".join(alias.name for alias in duplicate_aliases)
        )

    for side, (to_move, duplicates) in _roles_plan(survivor, other).items():
        preview.count(label=f"roles ({side})", singular=f"role ({side})", rows=len(to_move))
        if duplicates:
            plural = "s" if len(duplicates) != 1 else ""
            preview.notes.append(f"{len(duplicates)} duplicate role{plural} ({side}) dropped")

    preview.redirected_slugs = [
        other.slug,
        *other.slug_redirects.values_list("old_slug", flat=True),
    ]
    preview.filled_fields = [
        name for name in FILLABLE_FIELDS if not getattr(survivor, name) and getattr(other, name)
    ]
    return preview


def _is_historical(model: type[models.Model]) -> bool:
    try:
        get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return False
    return True


def _move_rows(
    *, relation: models.ForeignObjectRel, other: Speaker, survivor: Speaker, by, reason: str
) -> None:
    """Point every row of `relation` from `other` to `survivor`, recording history if kept."""
    model, field_name = relation.related_model, relation.field.name
    rows = model._base_manager.filter(**{field_name: other})
    if not _is_historical(model):
        rows.update(**{field_name: survivor})
        return
    auto_now = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    now = timezone.now()
    objects = list(rows.order_by("pk"))
    for row in objects:
        setattr(row, field_name, survivor)
        for name in auto_now:
            setattr(row, name, now)
    bulk_update_with_history(
        objects,
        model,
        [field_name, *auto_now],
        batch_size=500,
        default_user=by,
        default_change_reason=reason,
        manager=model._base_manager,
    )


def _save_with_history(instance: models.Model, *, by, reason: str, **kwargs) -> None:
    instance._history_user = by
    instance._change_reason = reason
    instance.save(**kwargs)


def _delete_with_history(instance: models.Model, *, by, reason: str) -> None:
    instance._history_user = by
    instance._change_reason = reason
    instance.delete()


def speakers_merge(*, survivor: Speaker, other: Speaker, by: AbstractUser) -> Speaker:
    """Fold `other` into `survivor` and delete it; returns the survivor as saved.

    Quotes (as speaker and as relaying source), roles (as person and as organization), aliases,
    the outlet link and old slugs move to the survivor; the other's name becomes an alias and its
    slug a redirect; empty fields of the survivor are filled from the other. All or nothing.
    """
    if survivor.pk == other.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    if not all(by.has_perm(permission) for permission in MERGE_PERMISSIONS):
        raise PermissionDenied("Merging speakers needs permission to change and delete speakers.")
    try:
        with transaction.atomic():
            return _merge(survivor=survivor, other=other, by=by)
    except IntegrityError as error:
        raise ValidationError(
            f"The merge was undone: the database refused it ({error})."
        ) from error


def _merge(*, survivor: Speaker, other: Speaker, by) -> Speaker:
    locked = {
        speaker.pk: speaker
        for speaker in Speaker.objects.select_for_update().filter(pk__in=[survivor.pk, other.pk])
    }
    if len(locked) != 2:
        raise ValidationError("One of the speakers to merge no longer exists.")
    survivor, other = locked[survivor.pk], locked[other.pk]
    _refuse_self_held_roles(survivor, other)
    reason = f"Merged {other.name} ({other.slug}) into {survivor.name} ({survivor.slug})"

    aliases_to_move, duplicate_aliases, new_names = _alias_plan(survivor, other)
    for alias in duplicate_aliases:
        _delete_with_history(alias, by=by, reason=reason)
    for alias in aliases_to_move:
        alias.speaker = survivor
        _save_with_history(alias, by=by, reason=reason)
    for name in new_names:
        _save_with_history(Alias(speaker=survivor, name=name), by=by, reason=reason)

    for side, (to_move, duplicates) in _roles_plan(survivor, other).items():
        for role in duplicates:
            _delete_with_history(role, by=by, reason=reason)
        for role in to_move:
            setattr(role, side, survivor)
            role.full_clean()
            _save_with_history(role, by=by, reason=reason)

    for relation in _merge_relations():
        if relation.related_model in (Alias, Role):
            continue
        if (
            relation.one_to_one
            and relation.related_model._base_manager.filter(
                **{relation.field.name: survivor}
            ).exists()
        ):
            # The survivor already has its own (an outlet it stands for): keep that one; the
            # other's link goes the way its on_delete says when the other is deleted.
            continue
        _move_rows(relation=relation, other=other, survivor=survivor, by=by, reason=reason)

    SlugRedirect.objects.filter(speaker=other).update(speaker=survivor)
    if other.slug != survivor.slug:
        SlugRedirect.objects.update_or_create(old_slug=other.slug, defaults={"speaker": survivor})

    for name in FILLABLE_FIELDS:
        if not getattr(survivor, name) and getattr(other, name):
            setattr(survivor, name, getattr(other, name))
    # A curator vouching for either record vouches for the merged one.
    survivor.is_proposed = survivor.is_proposed and other.is_proposed

    # Deleted before the survivor is saved: the Wikidata id is unique across speakers.
    _delete_with_history(other, by=by, reason=reason)
    survivor.full_clean()
    _save_with_history(survivor, by=by, reason=reason)
    return survivor
