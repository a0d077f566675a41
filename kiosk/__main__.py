# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m kiosk`: start the kiosk."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from kiosk.config import LANGUAGES, ConfigError, default_config_path, load_config


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1080x1920") from None
    if not (320 <= width <= 10000 and 320 <= height <= 10000):
        raise argparse.ArgumentTypeError("width and height must be 320 to 10000 pixels")
    return width, height


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk", description="Station touchscreen kiosk")
    parser.add_argument("--config", type=Path, help="configuration file (TOML)")
    parser.add_argument("--demo", action="store_true", help="run with the fictional demo station")
    parser.add_argument("--data-dir", type=Path, help="folder for the database and logs")
    parser.add_argument("--language", choices=LANGUAGES)
    parser.add_argument("--server", metavar="URL", help="the central server (with --enrol)")
    parser.add_argument(
        "--enrol",
        metavar="CODE",
        help="enrol this kiosk with the central server using a one-time code, then exit",
    )
    parser.add_argument(
        "--set-admin-pin",
        action="store_true",
        help="ask for a new admin PIN and store its hash in the configuration file",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check configuration, database, fonts, translation and interface, then exit",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        type=Path,
        help="with --self-test: save the first frame of home as a PNG image",
    )
    parser.add_argument(
        "--journeys",
        metavar="DEPUTY_ID",
        help="against a test server: this deputy signs in and out and an appeal is sent, on the"
        " real screens, then exit (writes real records: never on a station in service)",
    )
    parser.add_argument(
        "--print-test-page",
        action="store_true",
        help="print a test page on the configured receipt printer ([printer]), then exit",
    )
    parser.add_argument(
        "--windowed",
        metavar="WIDTHxHEIGHT",
        type=_size,
        help="a window of this size instead of full screen, e.g. 1080x1920 for portrait",
    )
    return parser.parse_args(argv)


def has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def enrol_from_command_line(config, server_url: str, code: str) -> int:
    from kiosk.sync.client import NotEnrolled, Refused, Unreachable
    from kiosk.sync.enrolment import enrol

    if not server_url:
        print("请给出服务器地址。Give the server: --server https://...", file=sys.stderr)
        return 2
    try:
        enrolment = enrol(
            config.database_path,
            server_url,
            code,
            ca_bundle=config.server_ca_bundle,
            allow_plain_http=config.allow_plain_http,
        )
    except ValueError as error:
        print(f"服务器地址有误。Wrong server address: {error}", file=sys.stderr)
        return 2
    except Unreachable as error:
        print(f"连不上服务器。Cannot reach the server {server_url}: {error}", file=sys.stderr)
        return 1
    except (Refused, NotEnrolled) as error:
        print(f"服务器拒绝登记。The server refused: {error}", file=sys.stderr)
        return 1
    print(f"已登记。Enrolled: station {enrolment.station_id}, device {enrolment.device_id}")
    return 0


def config_description(named: Path | None) -> str:
    path = named or Path(os.environ.get("KIOSK_CONFIG", "") or default_config_path())
    if path.is_file():
        return f"read {path}"
    return f"no file at {path}: the defaults, environment and command line"


def set_admin_pin(named: Path | None) -> int:
    import getpass

    from kiosk.store.admin_pin import PIN_PATTERN, hash_pin, write_pin_hash

    path = named or Path(os.environ.get("KIOSK_CONFIG", "") or default_config_path())
    pin = getpass.getpass("新的管理密码（4-12位数字）New admin PIN (4-12 digits): ")
    if not PIN_PATTERN.fullmatch(pin):
        print("密码须为4到12位数字。The PIN must be 4 to 12 digits.", file=sys.stderr)
        return 2
    if getpass.getpass("再输入一次 Again: ") != pin:
        print("两次输入不一致，未更改。The two PINs differ; nothing changed.", file=sys.stderr)
        return 2
    try:
        write_pin_hash(path, hash_pin(pin))
    except OSError as error:
        print(f"无法写入 Cannot write {path}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"管理密码已设置。The admin PIN is set in {path} (restart the kiosk to use it).")
    return 0


def print_test_page(config) -> int:
    """Draw the test page with the kiosk's font (no screen needed) and send it, waiting."""
    from kiosk.printer import PrinterSettings, PrintFailed

    settings = PrinterSettings.from_config(config)
    if not settings.configured:
        print(
            "没有配置打印机。No receipt printer is configured: set [printer] kind in the "
            "configuration file (docs/printer.md).",
            file=sys.stderr,
        )
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime

    from PySide6.QtGui import QGuiApplication

    from kiosk.app import load_fonts
    from kiosk.store.station_read import read_station
    from kiosk.ui.printing import TEST_PAGE_CODE, blocks_of_test_page, print_blocks

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts and images need it)
    load_fonts()
    cached = read_station(config.database_path)
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    blocks = blocks_of_test_page(cached.station.name if cached else "", settings.describe(), when)
    try:
        print_blocks(settings, blocks, TEST_PAGE_CODE)
    except PrintFailed as failure:
        print(f"打印失败。The test page did not print ({settings.describe()}): {failure}")
        return 1
    print(f"测试页已发送。The test page was sent to {settings.describe()}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    overrides: dict[str, object] = {"demo": args.demo}
    if args.data_dir:
        overrides["data_dir"] = args.data_dir
    if args.language:
        overrides["language"] = args.language
    if args.windowed:
        overrides.update(fullscreen=False, width=args.windowed[0], height=args.windowed[1])
    try:
        config = load_config(args.config, overrides=overrides)
    except ConfigError as error:
        print(
            "配置有误，信息亭未启动。Configuration error, the kiosk did not start.\n"
            f"  where: {error.source}\n  setting: {error.key}\n  problem: {error.problem}",
            file=sys.stderr,
        )
        return 2
    if args.set_admin_pin:
        return set_admin_pin(args.config)
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(config, config_description(args.config), args.screenshot)
    if args.print_test_page:
        return print_test_page(config)
    if args.journeys:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.journeys import run_journeys

        return run_journeys(config, args.journeys)
    if args.enrol:
        return enrol_from_command_line(config, args.server or config.server_url, args.enrol)
    if not has_display():
        print(
            "没有显示器。No display to show the kiosk on.\n"
            "  On a machine without a screen run it under a virtual one:\n"
            "    xvfb-run -s '-screen 0 1920x1080x24' python -m kiosk --demo\n"
            "  or set QT_QPA_PLATFORM=offscreen to run without showing anything.",
            file=sys.stderr,
        )
        return 3

    # The collector waits until start-up is done (kiosk.app.settle_memory): what the imports
    # and QML make lives as long as the kiosk, and its passes over them cost start-up ~8 ms.
    gc.disable()
    from kiosk.app import run  # Qt is imported only once the configuration is good

    return run(config, sys.argv[:1])


if __name__ == "__main__":
    sys.exit(main())
