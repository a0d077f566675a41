# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central notify ...` against real receivers on 127.0.0.1: channels added and
tested (a WeCom robot, a signed DingTalk robot, an SMS gateway, SMTP with STARTTLS), the
notices waiting listed, and sent now. No server runs: the commands do it themselves."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime
from urllib.parse import parse_qs

from central.core.config import Settings
from central.core.db import open_database
from central.launch import central_command
from central.models import Appeal, AppealStep
from central.services import notifications
from kiosk.domain.tracking import check_character, display
from tests.helpers.receivers import HttpReceiver, SmtpReceiver

SECRET = "SECabcdef0123456789"


def test_channels_are_added_tested_and_their_notices_sent_now(tmp_path):
    data = tmp_path / "central"

    def cli(*args: str, ok: bool = True, stdin: str | None = None):
        result = central_command(data, *args, stdin=stdin)
        assert (result.returncode == 0) == ok, result.stderr
        return result

    cli("station", "create", "--id", "wc", "--kind", "station", "--name", "文昌联络站")
    with (
        HttpReceiver() as robot,
        HttpReceiver() as ding,
        HttpReceiver() as gateway,
        SmtpReceiver(tmp_path) as smtp,
    ):
        wrong = cli("notify", "channels", "add", "--kind", "webhook_wecom", "--station", "wc",
                    "--target", "qyapi/webhook", ok=False)  # fmt: skip
        assert "the target is the robot's or the gateway's http(s):// address" in wrong.stderr
        wrong = cli("notify", "channels", "add", "--kind", "email", "--station", "wc",
                    "--target", "staff@rd.example.cn", ok=False)  # fmt: skip
        assert "needs its SMTP server: --setting host=" in wrong.stderr
        wrong = cli("notify", "channels", "add", "--kind", "email", "--station", "nowhere",
                    "--target", "a@b.cn", ok=False)  # fmt: skip
        assert "no station nowhere" in wrong.stderr
        added = [
            cli("notify", "channels", "add", "--kind", "webhook_wecom", "--station", "wc",
                "--target", robot.url + "/send?key=ROBOTKEY", "--name", "站点群",
                "--quiet", ""),
            cli("notify", "channels", "add", "--kind", "webhook_dingtalk", "--station", "wc",
                "--target", ding.url + "/robot/send?access_token=TOKEN", "--secret-stdin",
                "--quiet", "", stdin=SECRET + "\n"),
            cli("notify", "channels", "add", "--kind", "sms_gateway", "--station", "wc",
                "--target", gateway.url + "/sms", "--secret-stdin",
                "--setting", "format=form",
                "--setting", "body=phone=$mobile&msg=$text&key=$secret",
                "--setting", "mobiles=13700000000", "--kinds", "assigned,test",
                stdin="gateway-key\n"),
            cli("notify", "channels", "add", "--kind", "email", "--station", "wc",
                "--target", "staff@rd.example.cn", "--setting", "host=127.0.0.1",
                "--setting", f"port={smtp.port}", "--setting", "from=notice@rd.example.cn",
                "--setting", f"cafile={smtp.cafile}", "--quiet", ""),
        ]  # fmt: skip
        assert [a.stdout.split()[1] for a in added] == ["1", "2", "3", "4"]
        listed = cli("notify", "channels", "list").stdout
        assert "站点群" in listed and "ROBOTKEY" not in listed and SECRET not in listed
        assert "[assigned,test; quiet 22:00-07:30]" in listed

        for n in ("1", "2", "3", "4"):
            tested = cli("notify", "channels", "test", n, "--public-url", "https://rd.cn")
            assert "test message delivered" in tested.stdout
        content = robot.wait_for(1)[0].json()["markdown"]["content"]
        assert content.startswith("**【测试消息】**文昌联络站的通知渠道测试")
        signed = ding.wait_for(1)[0]
        stamp = signed.query["timestamp"][0]
        digest = hmac.new(SECRET.encode(), f"{stamp}\n{SECRET}".encode(), hashlib.sha256)
        assert base64.b64decode(signed.query["sign"][0]) == digest.digest()
        sms = gateway.wait_for(1)[0]
        assert sms.headers["content-type"].startswith("application/x-www-form-urlencoded")
        form = parse_qs(sms.body.decode())
        assert form["phone"] == ["13700000000"] and form["key"] == ["gateway-key"]
        assert form["msg"][0].startswith("【测试消息】") and len(form["msg"][0]) <= 70
        mail = smtp.wait_for(1)[0]
        assert mail.tls and "【测试消息】" in mail.message["Subject"]

        # An appeal arrives while no worker runs: it waits, then goes with send-now.
        code = "K7QM4XPD" + check_character("K7QM4XPD")
        now = datetime.now(UTC)
        database = open_database(Settings(data_dir=data))
        with database.writer.begin() as session:
            appeal = Appeal(station_id="wc", tracking_code=code, category="环境卫生",
                            channel="kiosk", created_at=now, state="received",
                            contact_name="陈阿姨", contact_mobile="13800138000",
                            text="垃圾没人收", consent=True)  # fmt: skip
            appeal.steps.append(AppealStep(state="received", at=now, actor="kiosk"))
            session.add(appeal)
            notifications.appeal_received(session, appeal, now=now)
        database.writer.kw["bind"].dispose()
        pending = cli("notify", "pending").stdout
        assert pending.count("pending") == 3 and display(code) in pending  # no SMS: kinds
        sent = cli("notify", "send-now", "--public-url", "https://rd.cn").stdout
        assert sent == "sent 3; 0 not sent (notify pending says why)\n"
        link = "https://rd.cn/console/appeals/" + code
        assert link in smtp.wait_for(2)[1].text
        assert link in robot.wait_for(2)[1].json()["markdown"]["content"]
        assert display(code) in ding.wait_for(2)[1].json()["markdown"]["text"]
        assert "nothing waiting" in cli("notify", "pending").stdout
        assert "no notice 99" in cli("notify", "retry", "99", ok=False).stderr
        assert (
            "is not an e-mail address"
            in cli("notify", "email", "nobody", "not-an-address", ok=False).stderr
        )
