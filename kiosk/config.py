# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's configuration: a TOML file, then environment variables, then the command line.

The file lives in the platform's config folder (see `default_config_path`) unless `--config`
names another. Example::

    data_dir = "/var/lib/station-kiosk"
    language = "zh_CN"            # zh_CN, zh_TW or en
    time_zone = "Asia/Shanghai"   # every time a visitor reads is in the station's zone
    idle_timeout_seconds = 90     # no touch this long: "still there?"
    idle_prompt_seconds = 15      # no answer this long: the form is wiped, home shows

    [window]
    fullscreen = true
    width = 1920                  # used when not fullscreen
    height = 1080
    hide_cursor = true            # default: hidden when fullscreen (a touchscreen has no mouse)

    [admin]
    pin_hash = "$argon2id$..."    # set with `kiosk --set-admin-pin`; never the PIN itself

    [deputy]
    console_idle_seconds = 300    # a duty deputy's console left untouched this long signs out
    closing_time = "18:00"        # signed-in deputies are signed out at this time every day

    [server]
    url = "https://central.example.org"
    ca_bundle = "/etc/station-kiosk/ca.pem"   # optional: verify the server with this CA bundle
    allow_plain_http = false                  # plain HTTP is for servers on this machine only

    [sync]                        # the sync's rhythm (defaults suit a station)
    poll_seconds = 60             # between syncs while all is well
    first_retry_seconds = 2       # after a failure; doubling with each failure in a row...
    longest_wait_seconds = 300    # ...up to this

    [printer]                     # a receipt printer (ESC/POS; docs/printer.md)
    kind = "network"              # none (default), network, usb, serial or file
    host = "192.168.1.50"         # network: the printer's address...
    port = 9100                   # ...and port
    device = "/dev/usb/lp0"       # file: a device (a USB printer through usblp); serial: the port
    baudrate = 9600               # serial
    usb_vendor = 0x0416           # usb: vendor and product id (lsusb)
    usb_product = 0x5011
    paper_mm = 80                 # 80 or 58 mm paper
    timeout_seconds = 10          # a printer that does not answer in this time has failed

A wrong file stops the kiosk with one message naming the file, the key and what is wrong.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "station-kiosk"
LANGUAGES = ("zh_CN", "zh_TW", "en")
PRINTER_KINDS = ("none", "network", "usb", "serial", "file")


class ConfigError(Exception):
    """A configuration problem, said so that a technician can fix it."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.source = source
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class Config:
    data_dir: Path
    language: str = "zh_CN"
    idle_timeout_seconds: int = 90
    idle_prompt_seconds: int = 15
    fullscreen: bool = True
    width: int = 1920
    height: int = 1080
    server_url: str = ""
    server_ca_bundle: str = ""  # CA bundle (PEM) to verify the server with, instead of the system's
    allow_plain_http: bool = False  # plain HTTP to a server other than this machine
    hide_cursor: bool | None = None  # None: hidden when fullscreen
    admin_pin_hash: str = ""  # argon2id; empty: no admin PIN (demo mode has its own)
    demo: bool = False
    console_idle_seconds: int = 300
    closing_time: str = "18:00"  # HH:MM, local time
    time_zone: str = "Asia/Shanghai"  # the station's: what visitors read, whatever the PC's zone
    printer_kind: str = "none"  # a receipt printer: none, network, usb, serial or file
    printer_host: str = ""
    printer_port: int = 9100
    printer_device: str = ""
    printer_baudrate: int = 9600
    printer_usb_vendor: int = 0
    printer_usb_product: int = 0
    printer_paper_mm: int = 80
    printer_timeout_seconds: int = 10
    sync_poll_seconds: int = 60
    sync_first_retry_seconds: int = 2
    sync_longest_wait_seconds: int = 300

    @property
    def cursor_hidden(self) -> bool:
        return self.fullscreen if self.hide_cursor is None else self.hide_cursor

    @property
    def admin_lockout_path(self) -> Path:
        return self.data_dir / "admin-lockout.json"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "kiosk.sqlite3"

    @property
    def photo_dir(self) -> Path:
        return self.data_dir / "photos"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


def default_config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "kiosk.toml"


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)


# key in the file -> (field, type, check); the window table is flattened to window.width etc.
def _positive_size(value: int) -> str | None:
    return None if 320 <= value <= 10000 else "must be between 320 and 10000 pixels"


def _idle(value: int) -> str | None:
    return None if 15 <= value <= 3600 else "must be between 15 and 3600 seconds"


def _prompt(value: int) -> str | None:
    return None if 5 <= value <= 120 else "must be between 5 and 120 seconds"


def _console_idle(value: int) -> str | None:
    return None if 30 <= value <= 7200 else "must be between 30 and 7200 seconds"


def _clock_time(value: str) -> str | None:
    hours, _, minutes = value.partition(":")
    digits = len(hours) == 2 and len(minutes) == 2 and (hours + minutes).isdigit()
    if digits and int(hours) < 24 and int(minutes) < 60:
        return None
    return 'must be a time of day like "18:00"'


def _language(value: str) -> str | None:
    return None if value in LANGUAGES else f"must be one of {', '.join(LANGUAGES)}"


def _time_zone(value: str) -> str | None:
    from kiosk.domain.stationtime import is_known_zone

    return None if is_known_zone(value) else 'must be a time zone name like "Asia/Shanghai"'


def _url(value: str) -> str | None:
    if value and not value.startswith(("https://", "http://")):
        return "must start with https:// (or http:// for a server on this machine)"
    return None


def _argon2_hash(value: str) -> str | None:
    if value and not value.startswith("$argon2id$"):
        return "must be an argon2id hash: set it with kiosk --set-admin-pin"
    return None


def _printer_kind(value: str) -> str | None:
    return None if value in PRINTER_KINDS else f"must be one of {', '.join(PRINTER_KINDS)}"


def _port(value: int) -> str | None:
    return None if 1 <= value <= 65535 else "must be a port number, 1 to 65535"


def _paper(value: int) -> str | None:
    return None if value in (58, 80) else "must be 58 or 80 (mm)"


def _usb_id(value: int) -> str | None:
    return None if 0 < value <= 0xFFFF else "must be a USB id like 0x0416 (see lsusb)"


def _printer_timeout(value: int) -> str | None:
    return None if 1 <= value <= 120 else "must be between 1 and 120 seconds"


def _poll(value: int) -> str | None:
    return None if 10 <= value <= 3600 else "must be between 10 and 3600 seconds"


def _first_retry(value: int) -> str | None:
    return None if 1 <= value <= 60 else "must be between 1 and 60 seconds"


def _longest_wait(value: int) -> str | None:
    return None if 10 <= value <= 3600 else "must be between 10 and 3600 seconds"


def _baudrate(value: int) -> str | None:
    return None if 300 <= value <= 921600 else "must be a baud rate like 9600 or 115200"


# What each kind of printer needs: (setting, field) pairs that must be set.
_PRINTER_NEEDS = {
    "network": (("printer.host", "printer_host"),),
    "file": (("printer.device", "printer_device"),),
    "serial": (("printer.device", "printer_device"),),
    "usb": (
        ("printer.usb_vendor", "printer_usb_vendor"),
        ("printer.usb_product", "printer_usb_product"),
    ),
}


def _readable_file(value: str) -> str | None:
    return None if Path(value).expanduser().is_file() else "must name an existing file"


_KEYS: dict[str, tuple[str, type, Any]] = {
    "data_dir": ("data_dir", str, None),
    "language": ("language", str, _language),
    "time_zone": ("time_zone", str, _time_zone),
    "idle_timeout_seconds": ("idle_timeout_seconds", int, _idle),
    "idle_prompt_seconds": ("idle_prompt_seconds", int, _prompt),
    "window.fullscreen": ("fullscreen", bool, None),
    "window.width": ("width", int, _positive_size),
    "window.height": ("height", int, _positive_size),
    "deputy.console_idle_seconds": ("console_idle_seconds", int, _console_idle),
    "deputy.closing_time": ("closing_time", str, _clock_time),
    "window.hide_cursor": ("hide_cursor", bool, None),
    "admin.pin_hash": ("admin_pin_hash", str, _argon2_hash),
    "server.url": ("server_url", str, _url),
    "server.ca_bundle": ("server_ca_bundle", str, _readable_file),
    "server.allow_plain_http": ("allow_plain_http", bool, None),
    "sync.poll_seconds": ("sync_poll_seconds", int, _poll),
    "sync.first_retry_seconds": ("sync_first_retry_seconds", int, _first_retry),
    "sync.longest_wait_seconds": ("sync_longest_wait_seconds", int, _longest_wait),
    "printer.kind": ("printer_kind", str, _printer_kind),
    "printer.host": ("printer_host", str, None),
    "printer.port": ("printer_port", int, _port),
    "printer.device": ("printer_device", str, None),
    "printer.baudrate": ("printer_baudrate", int, _baudrate),
    "printer.usb_vendor": ("printer_usb_vendor", int, _usb_id),
    "printer.usb_product": ("printer_usb_product", int, _usb_id),
    "printer.paper_mm": ("printer_paper_mm", int, _paper),
    "printer.timeout_seconds": ("printer_timeout_seconds", int, _printer_timeout),
}

_ENVIRONMENT = {
    "KIOSK_DATA_DIR": "data_dir",
    "KIOSK_LANGUAGE": "language",
    "KIOSK_IDLE_TIMEOUT_SECONDS": "idle_timeout_seconds",
    "KIOSK_FULLSCREEN": "window.fullscreen",
    "KIOSK_SERVER_URL": "server.url",
}

_TYPE_NAMES = {str: "text in quotes", int: "a whole number", bool: "true or false"}


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _check(source: str, key: str, value: Any) -> tuple[str, Any]:
    if key not in _KEYS:
        known = ", ".join(_KEYS)
        raise ConfigError(source, key, f"unknown setting (known settings: {known})")
    field, kind, check = _KEYS[key]
    # bool is a subclass of int in Python; a number is not a yes/no and vice versa.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(source, key, f"must be {_TYPE_NAMES[kind]}, not {value!r}")
    if check is not None and (problem := check(value)):
        raise ConfigError(source, key, f"{problem} (it is {value!r})")
    if field == "data_dir":
        return field, Path(value).expanduser()
    if field == "server_ca_bundle":
        return field, str(Path(value).expanduser())
    return field, value


def _from_environment(name: str, key: str, text: str) -> Any:
    kind = _KEYS[key][1]
    if kind is bool:
        if text.lower() in ("1", "true", "yes"):
            return True
        if text.lower() in ("0", "false", "no"):
            return False
        raise ConfigError(
            f"environment variable {name}", key, f"must be true or false, not {text!r}"
        )
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise ConfigError(
                f"environment variable {name}", key, f"must be a whole number, not {text!r}"
            ) from None
    return text


def load_config(
    path: Path | None = None,
    *,
    environ: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> Config:
    """Read the config file (optional at its default place, required when named), then apply
    environment variables and `overrides` (already-typed values from the command line)."""
    environ = dict(os.environ if environ is None else environ)
    explicit = path is not None or "KIOSK_CONFIG" in environ
    if path is None:
        path = Path(environ.get("KIOSK_CONFIG", default_config_path()))
    values: dict[str, Any] = {}
    source = str(path)
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(source, "(file)", f"is not valid TOML: {error}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(source, "(file)", f"cannot be read: {error}") from None
        for key, value in _flatten(table).items():
            field, value = _check(source, key, value)
            values[field] = value
    elif explicit:
        raise ConfigError(source, "(file)", "does not exist")

    for name, key in _ENVIRONMENT.items():
        if name in environ:
            field, value = _check(
                f"environment variable {name}", key, _from_environment(name, key, environ[name])
            )
            values[field] = value
    for field, value in (overrides or {}).items():
        values[field] = value

    kind = values.get("printer_kind", "none")
    for key, field in _PRINTER_NEEDS.get(kind, ()):
        if not values.get(field):
            raise ConfigError(source, key, f'must be set for printer.kind = "{kind}"')

    if "data_dir" not in values:
        # The demo station never mixes with a real station's data.
        values["data_dir"] = default_data_dir() / ("demo" if values.get("demo") else "")
    return Config(**values)
