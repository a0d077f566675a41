# SPDX-License-Identifier: GPL-3.0-or-later
"""Secrets: device tokens, enrolment codes, deputies' PINs and the server's sealing key."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

from kiosk.domain import pins
from kiosk.domain.private_files import private_folder
from kiosk.domain.tracking import ALPHABET

ENROLMENT_CODE_LENGTH = 12  # 60 bits, typed by a technician once, valid a week
_CODE_SEPARATORS = str.maketrans("", "", " -\u3000")


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the server stores of a token or code: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_enrolment_code() -> str:
    """'K7QM-4XPD-8ZRT': the tracking-code alphabet (no 0/O/1/I), in groups of four."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(ENROLMENT_CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_enrolment_code(text: str) -> str:
    return text.translate(_CODE_SEPARATORS).upper()


def hash_pin(pin: str) -> str:
    """An argon2id hash of a deputy's PIN (kiosk.domain.pins: 6-8 digits, costs measured for
    an offline search of hours per deputy); ValueError otherwise."""
    return pins.hash_pin(pin)


def load_server_key(path: Path) -> PrivateKey:
    """The server's X25519 key, generated on first use into `path` (mode 0600)."""
    try:
        return PrivateKey(path.read_bytes())
    except FileNotFoundError:
        pass
    private_folder(path.parent)
    key = PrivateKey.generate()
    # Written whole under a name of its own, then linked in place: link fails if the name
    # exists, so of several processes starting at once (serve --workers, two instances on
    # one folder) one key wins, and no process ever reads a half-written file.
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(bytes(key))
        file.flush()
        os.fsync(file.fileno())
    try:
        os.link(draft, path)
    except FileExistsError:
        return PrivateKey(path.read_bytes())
    finally:
        draft.unlink()
    return key


def public_key_text(key: PrivateKey) -> str:
    return base64.b64encode(bytes(key.public_key)).decode()


class UnsealError(ValueError):
    """Sealed personal data that cannot be opened or read; the message says why."""


def open_sealed(key: PrivateKey, sealed: str) -> Any:
    """The JSON value a kiosk sealed with the server's public key."""
    try:
        box = base64.b64decode(sealed, validate=True)
    except ValueError:
        raise UnsealError("sealed: not base64") from None
    try:
        plain = SealedBox(key).decrypt(box)
    except CryptoError:
        raise UnsealError("sealed: cannot be opened with this server's key") from None
    try:
        return json.loads(plain.decode("utf-8"))
    except ValueError:
        raise UnsealError("sealed: the opened content is not JSON") from None
