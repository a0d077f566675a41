# SPDX-License-Identifier: GPL-3.0-or-later
import csv

import requests

from kiosk.domain.snapshot import snapshot_from_document


def _write_roster(path, rows):
    columns = [
        "id",
        "name",
        "levels",
        "constituency",
        "blocks",
        "phone",
        "occupation",
        "bio",
        "photo",
        "pinyin",
    ]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" for c in columns} | row)


def test_a_kiosk_pulls_its_snapshot_then_gets_304_until_something_changes(central, kiosk, tmp_path):
    first = kiosk.snapshot()
    assert first.status_code == 200
    etag = first.headers["ETag"]
    document = first.json()
    assert document["format"] == 1
    assert etag == f'"{document["cursor"]}"'
    assert document["station"]["id"] == kiosk.station_id
    assert document["deputies"] == [] and document["appeals"] == []
    assert "交通出行" in document["categories"]
    # Tappable phrases for each category (issue 16 §3).
    assert "路灯坏了" in document["category_phrases"]["交通出行"]
    assert document["holidays"] == []

    unchanged = kiosk.snapshot(etag)
    assert unchanged.status_code == 304
    assert unchanged.headers["ETag"] == etag
    assert unchanged.content == b""

    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "lin.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    roster = tmp_path / "roster.csv"
    _write_roster(
        roster,
        [
            {
                "id": "d1",
                "name": "林嘉禾",
                "levels": "city,national",
                "blocks": "文昌社区、禾丰社区",
                "photo": "lin.jpg",
            },
            {"id": "d2", "name": "周晓喆", "levels": "provincial", "blocks": "望江社区;滨江写字楼"},
            {"id": "d3", "name": "单雄信", "levels": "city"},
            {"id": "d4", "name": "罗晟", "levels": "city", "pinyin": "luo sheng"},
        ],
    )
    central.cli(
        "roster", "import", "--station", kiosk.station_id, str(roster), "--photos", str(photos)
    )

    changed = kiosk.snapshot(etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    document = changed.json()
    first_deputy, second_deputy, shan, luo = document["deputies"]
    # Pinyin for the kiosks' search, computed when the roster was saved (issue 16 §5).
    assert second_deputy["pinyin"] == ["zhou", "xiao", "zhe"]
    assert shan["pinyin"] == ["shan", "xiong", "xin"]  # the surname's reading
    assert luo["pinyin"] == ["luo", "sheng"]  # the roster's override
    assert first_deputy["name"] == "林嘉禾"
    assert first_deputy["levels"] == ["national", "city"]
    assert first_deputy["blocks"] == ["文昌社区", "禾丰社区"]
    assert second_deputy["blocks"] == ["望江社区", "滨江写字楼"]
    assert first_deputy["pin_hash"] is None and second_deputy["photo_url"] is None
    # The station/deputies/schedules part is the kiosk's own document.
    snapshot = snapshot_from_document(document)
    assert [d.id for d in snapshot.deputies] == ["d1", "d2", "d3", "d4"]
    assert snapshot.deputies[1].pinyin == ("zhou", "xiao", "zhe")

    photo = kiosk.get(first_deputy["photo_url"])
    assert photo.status_code == 200
    assert photo.content == (photos / "lin.jpg").read_bytes()
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert first_deputy["photo_url"].endswith(first_deputy["photo"])


def test_a_pin_reaches_the_kiosk_as_an_argon2id_hash(central, kiosk, tmp_path):
    roster = tmp_path / "roster.csv"
    _write_roster(roster, [{"id": "d1", "name": "王赟", "levels": "city"}])
    central.cli("roster", "import", "--station", kiosk.station_id, str(roster))
    central.cli("pin", "set", "--station", kiosk.station_id, "--deputy", "d1", stdin="246813\n")

    (deputy,) = kiosk.snapshot().json()["deputies"]
    assert deputy["pin_hash"].startswith("$argon2id$")
    assert "246813" not in deputy["pin_hash"]


def test_a_kiosk_cannot_read_another_station(central, new_kiosk, tmp_path):
    a, b = new_kiosk(), new_kiosk()
    assert a.snapshot(station_id=b.station_id).status_code == 403
    assert b.snapshot(station_id=a.station_id).status_code == 403
    assert a.snapshot(station_id="no-such-station").status_code == 403

    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "p.png").write_bytes(b"\x89PNG b's photo")
    roster = tmp_path / "roster.csv"
    _write_roster(roster, [{"id": "d1", "name": "许燊", "levels": "county", "photo": "p.png"}])
    central.cli("roster", "import", "--station", b.station_id, str(roster), "--photos", str(photos))
    photo_url = b.snapshot().json()["deputies"][0]["photo_url"]
    assert b.get(photo_url).status_code == 200
    assert a.get(photo_url).status_code == 404


def test_unknown_and_revoked_tokens_get_401(central, kiosk):
    url = f"{central.url}/api/v1/stations/{kiosk.station_id}/snapshot"
    assert requests.get(url, timeout=10).status_code == 401
    wrong = requests.get(url, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert wrong.status_code == 401
    assert kiosk.snapshot().status_code == 200

    result = central.cli("device", "revoke", kiosk.device_id)
    assert "revoked" in result.stdout
    assert kiosk.snapshot().status_code == 401
    assert kiosk.post_events([]).status_code == 401
