# SPDX-License-Identifier: GPL-3.0-or-later
"""The admin PIN's hash in the configuration file, and the growing lockout."""

import tomllib
from datetime import datetime, timedelta

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.store.admin_pin import AdminPin, hash_pin, wait_after, write_pin_hash


def test_the_wait_grows_from_the_fourth_wrong_pin_and_is_capped():
    assert [wait_after(n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 240, 480]
    assert wait_after(30) == 3600


def test_set_admin_pin_keeps_the_rest_of_the_file_and_replaces_an_old_hash(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('language = "zh_CN"\n\n[window]\nfullscreen = true\n', encoding="utf-8")
    write_pin_hash(path, hash_pin("135790"))
    write_pin_hash(path, second := hash_pin("246801"))
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    assert table == {
        "language": "zh_CN",
        "window": {"fullscreen": True},
        "admin": {"pin_hash": second},
    }
    config = load_config(path, environ={})
    now = datetime(2026, 11, 23, 9, 0)
    pin = AdminPin(config.admin_pin_hash, tmp_path / "lockout.json", lambda: now)
    assert pin.try_pin("246801").accepted
    assert not pin.try_pin("135790").accepted


def test_a_pin_that_is_not_a_hash_is_refused_by_the_configuration(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[admin]\npin_hash = "1234"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="argon2id"):
        load_config(path, environ={})


def test_the_lockout_is_kept_in_its_file_and_ends(tmp_path):
    clock = [datetime(2026, 11, 23, 9, 0)]
    state = tmp_path / "lockout.json"
    pin = AdminPin(hash_pin("135790"), state, lambda: clock[0])
    for _ in range(3):
        attempt = pin.try_pin("000000")
    assert attempt.locked_seconds == 30
    again = AdminPin(hash_pin("135790"), state, lambda: clock[0])  # a restart
    assert not again.try_pin("135790").accepted
    clock[0] += timedelta(seconds=31)
    assert again.try_pin("135790").accepted
    assert again.locked_seconds() == 0
