# SPDX-License-Identifier: GPL-3.0-or-later
"""What changed between two snapshot documents, and applying it (docs/sync-api.md, deltas).

A kiosk that keeps the document it last pulled names its cursor; the server answers with the
changes since that document instead of the whole one: top-level parts set again, and the
long lists (deputies, schedules, appeals, appointments) patched item by item by their ids.
Applying a delta must give exactly the server's document: the result's hash is checked
against the new cursor (the hash of the whole document), and anything that does not match
is refused, so the kiosk pulls the whole document instead. Both sides use this module.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

# The lists patched item by item, and the field naming each item.
KEYED_LISTS = {
    "deputies": "id",
    "schedules": "id",
    "appeals": "tracking_code",
    "appointments": "code",
}
_MISSING = object()


class InvalidDelta(ValueError):
    """The delta does not apply to this document or does not give the promised one."""


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_hash(document: dict[str, Any]) -> str:
    """SHA-256 of the canonical document without its cursor: equal content, equal hash."""
    content = {key: value for key, value in document.items() if key != "cursor"}
    return hashlib.sha256(canonical_json(content).encode()).hexdigest()


def snapshot_delta(base: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The changes that turn `base` into `new` (both whole documents with their cursors)."""
    changed: dict[str, Any] = {}
    lists: dict[str, Any] = {}
    for key, value in new.items():
        if key == "cursor":
            continue
        old = base.get(key, _MISSING)
        if old == value:
            continue
        if key in KEYED_LISTS and isinstance(old, list) and isinstance(value, list):
            patch = _list_patch(old, value, KEYED_LISTS[key])
            if patch is not None:
                lists[key] = patch
                continue
        changed[key] = value
    return {
        "delta_from": base["cursor"],
        "cursor": new["cursor"],
        "set": changed,
        "drop": sorted(key for key in base if key not in new),
        "lists": lists,
    }


def apply_snapshot_delta(base: dict[str, Any], delta: Any) -> dict[str, Any]:
    """The document `delta` makes of `base`; InvalidDelta unless it is exactly the one whose
    hash the delta names."""
    try:
        if delta["delta_from"] != base.get("cursor"):
            raise InvalidDelta("the delta is from another document than the one kept")
        dropped = set(delta["drop"])
        document = {key: value for key, value in base.items() if key not in dropped}
        document.update(delta["set"])
        for key, patch in delta["lists"].items():
            document[key] = _apply_list(base[key], patch, KEYED_LISTS[key])
        document["cursor"] = delta["cursor"]
    except InvalidDelta:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise InvalidDelta(f"malformed delta: {error!r}") from None
    if not isinstance(document["cursor"], str) or document_hash(document) != document["cursor"]:
        raise InvalidDelta("the delta does not give the document its cursor names")
    return document


def _ids(items: list[Any], id_key: str) -> list[str] | None:
    ids = [item.get(id_key) if isinstance(item, dict) else None for item in items]
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        return None
    return ids  # type: ignore[return-value]


def _list_patch(old: list[Any], new: list[Any], id_key: str) -> dict[str, Any] | None:
    """Removed ids and changed or new items; None when that cannot rebuild `new` in its
    order (a list reordered: the whole list is sent instead)."""
    old_ids, new_ids = _ids(old, id_key), _ids(new, id_key)
    if old_ids is None or new_ids is None:
        return None
    by_id = dict(zip(old_ids, old, strict=True))
    kept = set(new_ids)
    patch = {
        "removed": [i for i in old_ids if i not in kept],
        "changed": [
            item for i, item in zip(new_ids, new, strict=True) if by_id.get(i, _MISSING) != item
        ],
    }
    return patch if _apply_list(old, patch, id_key) == new else None


def _apply_list(old: list[Any], patch: dict[str, Any], id_key: str) -> list[Any]:
    """Old items in their order, less the removed ones, changed ones replaced in place, and
    new ones after them in the order given."""
    removed = set(patch["removed"])
    changed = {item[id_key]: item for item in patch["changed"]}
    result, present = [], set()
    for item in old:
        i = item[id_key]
        if i in removed:
            continue
        result.append(changed.get(i, item))
        present.add(i)
    result.extend(item for i, item in changed.items() if i not in present)
    return result
