# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central station edit|photo`, `rule ...`, `notice ...`: the console's publishing
services from the command line, refusals in the console's words, audited as "cli"."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, text


def test_a_station_is_published_from_the_command_line(central, new_station, tmp_path):
    station = new_station()
    assert (
        "changed kind, hours"
        in central.cli(
            "station", "edit", station, "--kind", "home", "--hours", "周一至周五 9:00-17:00"
        ).stdout
    )
    first = central.cli(
        "rule", "add", "--station", station, "--title", "接待制度", "--body", "每月15日"
    )
    second = central.cli(
        "rule", "add", "--station", station, "--title", "学习制度", "--body", "季度"
    )
    second_id = re.search(r"rule (\w+)", second.stdout)[1]
    moved = central.cli("rule", "move", second_id, "up", "--station", station).stdout
    assert moved.index("学习制度") < moved.index("接待制度")
    first_id = re.search(r"rule (\w+)", first.stdout)[1]
    central.cli("rule", "delete", first_id, "--station", station)
    assert "接待制度" not in central.cli("rule", "list", "--station", station).stdout

    empty = central.cli(
        "notice", "add", "--station", station, "--title", " ", "--body", "x", ok=False
    )
    assert empty.returncode == 1 and "Please fill in “Title”." in empty.stderr
    backwards = central.cli(
        "notice", "add", "--station", station, "--title", "停电", "--body", "x",
        "--from", "2026-12-10", "--until", "2026-12-01", ok=False,
    )  # fmt: skip
    assert "stop before it starts" in backwards.stderr
    added = central.cli(
        "notice", "add", "--station", station, "--title", "停电通知", "--body", "周六停电",
        "--from", "2026-01-01",
    )  # fmt: skip
    notice_id = re.search(r"notice (\w+)", added.stdout)[1]
    assert re.search(
        rf"\[{notice_id}\] 2026-01-01 – … showing\s+停电通知",
        central.cli("notice", "list", "--station", station).stdout,
    )
    central.cli("notice", "delete", notice_id, "--station", station)

    not_a_picture = tmp_path / "photo.jpg"
    not_a_picture.write_text("just text")
    refused = central.cli("station", "photo", station, str(not_a_picture), ok=False)
    assert "not a JPG, PNG or WebP picture" in refused.stderr
    listed = central.cli("category", "list").stdout
    assert "1. 交通出行" in listed
    taken = central.cli("category", "add", "交通出行", ok=False)
    assert "“交通出行” is on the list already." in taken.stderr
    nowhere = central.cli("rule", "list", "--station", "no-such-station", ok=False)
    assert "no station no-such-station" in nowhere.stderr

    engine = create_engine(f"sqlite:///{central.data_dir / 'central.sqlite3'}")
    with engine.connect() as connection:
        actions = [
            row[0]
            for row in connection.execute(
                text("SELECT action FROM audit_entry WHERE target = :s AND login = 'cli'"),
                {"s": station},
            )
        ]
    engine.dispose()
    assert actions == [
        "station.profile", "rule.add", "rule.add", "rule.move", "rule.delete", "notice.add",
        "notice.delete",
    ]  # fmt: skip
