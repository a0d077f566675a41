# SPDX-License-Identifier: GPL-3.0-or-later
"""The admin PIN: an argon2id hash in the configuration file, and a lockout with a growing
delay whose state is kept in a file, so that restarting the kiosk does not reset it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.domain.hashing import hasher, make_hash, matches
from kiosk.domain.lockout import ADMIN_PIN
from kiosk.domain.pins import ADMIN_PIN_PATTERN, ADMIN_PIN_RULE

# Demo mode only, when no PIN is configured (documented in docs/deploy.md and README).
DEMO_ADMIN_PIN = "2580"
PIN_PATTERN = ADMIN_PIN_PATTERN
FREE_TRIES = ADMIN_PIN.tries  # the wrong PIN that starts the first wait


def hash_pin(pin: str) -> str:
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError(ADMIN_PIN_RULE)
    return make_hash(pin)  # argon2id with the library's recommended costs


def wait_after(failures: int) -> int:
    """Seconds locked after `failures` wrong PINs in a row (kiosk.domain.lockout.ADMIN_PIN)."""
    return int(ADMIN_PIN.wait_after(failures).total_seconds())


@dataclass(frozen=True)
class Attempt:
    accepted: bool
    locked_seconds: int  # > 0: locked (now or after this wrong PIN), try again after this
    tries_left: int  # wrong PINs left before a wait


class AdminPin:
    def __init__(
        self,
        pin_hash: str,
        state_path: Path,
        now: Callable[[], datetime],
        demo: bool = False,
    ) -> None:
        self._hash = pin_hash
        self._state_path = state_path
        self._now = now
        self._demo = demo

    @property
    def configured(self) -> bool:
        return bool(self._hash) or self._demo

    def _state(self) -> tuple[int, datetime | None]:
        try:
            state = json.loads(self._state_path.read_text(encoding="utf-8"))
            until = state.get("locked_until")
            return int(state["failures"]), datetime.fromisoformat(until) if until else None
        except (OSError, ValueError, KeyError, TypeError):
            return 0, None

    def _save(self, failures: int, until: datetime | None) -> None:
        self._state_path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._state_path.with_suffix(".part")
        state = {"failures": failures, "locked_until": until.isoformat() if until else None}
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, self._state_path)

    def locked_seconds(self) -> int:
        _, until = self._state()
        if until is None:
            return 0
        return max(0, int((until - self._now()).total_seconds() + 0.999))

    def try_pin(self, pin: str) -> Attempt:
        failures, _ = self._state()
        if (locked := self.locked_seconds()) > 0:
            return Attempt(False, locked, 0)
        if self._matches(pin):
            self._save(0, None)
            return Attempt(True, 0, FREE_TRIES)
        failures += 1
        wait = wait_after(failures)
        self._save(failures, self._now() + timedelta(seconds=wait) if wait else None)
        return Attempt(False, wait, ADMIN_PIN.tries_left(failures))

    def _matches(self, pin: str) -> bool:
        if not self._hash:
            import hmac  # at the first PIN typed, not at start-up (OpenSSL's hashes)

            return self._demo and hmac.compare_digest(pin.encode(), DEMO_ADMIN_PIN.encode())
        return matches(self._hash, pin, hasher())


def write_pin_hash(config_path: Path, pin_hash: str) -> None:
    """Set `[admin] pin_hash` in the TOML file, keeping everything else as it is."""
    lines = config_path.read_text(encoding="utf-8").splitlines() if config_path.exists() else []
    entry = f'pin_hash = "{pin_hash}"'
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "[admin]")
    except StopIteration:
        lines += ["", "[admin]", entry]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
            len(lines),
        )
        found = [i for i in range(start + 1, end) if lines[i].split("=")[0].strip() == "pin_hash"]
        if found:
            lines[found[0]] = entry
        else:
            lines.insert(start + 1, entry)
    config_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = config_path.with_name(config_path.name + ".part")
    temporary.write_text("\n".join(lines).lstrip("\n") + "\n", encoding="utf-8")
    if config_path.exists():
        os.chmod(temporary, config_path.stat().st_mode & 0o777)
    os.replace(temporary, config_path)
