# SPDX-License-Identifier: GPL-3.0-or-later
"""Sending one notice through its channel (docs/notifications.md): 企业微信 and 钉钉 group
robots (JSON over HTTPS; 钉钉's signed variant), an SMS gateway over HTTP (each government
has its own provider: method, headers, body template and success rule are configuration),
and e-mail over SMTP with STARTTLS.

A failure raises DeliveryFailed whose message is kept in the notice's attempts and shown in
the console: it says what went wrong (status, error code, refused, timeout) and never holds
an address, a mobile or the message itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import smtplib
import ssl
import string
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import quote, quote_plus

import requests

from central.services.notifications import ChannelSpec, Message

TIMEOUT = 10.0
ERROR_TEXT = 120


class DeliveryFailed(Exception):
    """Not delivered; the message is safe to keep and show (no personal data)."""


def deliver(
    channel: ChannelSpec,
    message: Message,
    recipients: list[str],
    *,
    now: datetime,
    timeout: float = TIMEOUT,
) -> None:
    """Send `message` through `channel` to `recipients` (for SMS and mail); raise
    DeliveryFailed if the receiving end did not take it."""
    if channel.kind == "webhook_wecom":
        _wecom(channel, message, timeout)
    elif channel.kind == "webhook_dingtalk":
        _dingtalk(channel, message, now, timeout)
    elif channel.kind == "sms_gateway":
        for mobile in recipients:
            _sms(channel, message, mobile, timeout)
    elif channel.kind == "email":
        _email(channel, message, recipients, now, timeout)
    else:
        raise DeliveryFailed(f"unknown channel kind {channel.kind}")


# -- Group robots -----------------------------------------------------------------------------


def wecom_body(message: Message) -> dict[str, Any]:
    lines = [f"**【{message.title}】**{message.body}"]
    lines += [f"> {line}" for line in message.lines]
    lines.append(f"[在工作台处理]({message.link})")
    return {"msgtype": "markdown", "markdown": {"content": "\n".join(lines)}}


def dingtalk_body(message: Message) -> dict[str, Any]:
    # DingTalk's markdown breaks lines only at a blank line or two trailing spaces.
    lines = [f"#### 【{message.title}】", message.body]
    lines += [f"- {line}" for line in message.lines]
    lines.append(f"[在工作台处理]({message.link})")
    return {
        "msgtype": "markdown",
        "markdown": {"title": f"【{message.title}】", "text": "\n\n".join(lines)},
    }


def dingtalk_signature(secret: str, timestamp_ms: int) -> str:
    """钉钉's signed robots: base64(HMAC-SHA256(secret, "timestamp\\nsecret")), as sent."""
    to_sign = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _wecom(channel: ChannelSpec, message: Message, timeout: float) -> None:
    _robot_post(channel.target, wecom_body(message), timeout)


def _dingtalk(channel: ChannelSpec, message: Message, now: datetime, timeout: float) -> None:
    url = channel.target
    if channel.secret:
        timestamp = int(now.timestamp() * 1000)
        sign = quote_plus(dingtalk_signature(channel.secret, timestamp))
        url += ("&" if "?" in url else "?") + f"timestamp={timestamp}&sign={sign}"
    _robot_post(url, dingtalk_body(message), timeout)


def _robot_post(url: str, body: dict[str, Any], timeout: float) -> None:
    answer = _http("POST", url, timeout, json=body)
    try:
        result = answer.json()
    except ValueError:
        raise DeliveryFailed(f"HTTP {answer.status_code}: the answer is not JSON") from None
    errcode = result.get("errcode", 0) if isinstance(result, dict) else 0
    if errcode != 0:
        errmsg = str(result.get("errmsg", ""))[:ERROR_TEXT]
        raise DeliveryFailed(f"errcode {errcode}: {errmsg}")


def _http(method: str, url: str, timeout: float, **kwargs: Any) -> requests.Response:
    try:
        answer = requests.request(method, url, timeout=timeout, **kwargs)
    except requests.Timeout:
        raise DeliveryFailed(f"no answer within {timeout:g} s") from None
    except requests.ConnectionError:
        raise DeliveryFailed("cannot connect") from None
    except requests.RequestException as error:
        raise DeliveryFailed(f"HTTP error ({type(error).__name__})") from None
    if not 200 <= answer.status_code < 300:
        raise DeliveryFailed(f"HTTP {answer.status_code}")
    return answer


# -- SMS gateway ------------------------------------------------------------------------------

# Placeholders: $mobile, $text, $secret. JSON bodies get the values JSON-escaped.
DEFAULT_SMS_BODY = '{"mobile": "$mobile", "text": "$text"}'


def sms_request(
    channel: ChannelSpec, message: Message, mobile: str
) -> tuple[str, dict[str, str], bytes]:
    """(method, headers, body) of the gateway request for one mobile, from the channel's
    settings: method, headers, body (template), format (json | form)."""
    settings = channel.settings
    form = settings.get("format", "json") == "form"
    values = {"mobile": mobile, "text": message.short(), "secret": channel.secret}

    def escaped(value: str) -> str:
        return quote(value, safe="") if form else json.dumps(value, ensure_ascii=False)[1:-1]

    template = string.Template(str(settings.get("body", DEFAULT_SMS_BODY)))
    body = template.safe_substitute({k: escaped(v) for k, v in values.items()})
    headers = {
        str(k): string.Template(str(v)).safe_substitute(secret=channel.secret)
        for k, v in dict(settings.get("headers", {})).items()
    }
    content_type = "application/x-www-form-urlencoded" if form else "application/json"
    headers.setdefault("Content-Type", content_type + "; charset=utf-8")
    return str(settings.get("method", "POST")).upper(), headers, body.encode()


def _sms(channel: ChannelSpec, message: Message, mobile: str, timeout: float) -> None:
    method, headers, body = sms_request(channel, message, mobile)
    answer = _http(method, channel.target, timeout, headers=headers, data=body)
    wanted = str(channel.settings.get("success_contains", ""))
    if wanted and wanted not in answer.text:
        raise DeliveryFailed(f"HTTP {answer.status_code}: the answer does not say {wanted!r}")


# -- E-mail -----------------------------------------------------------------------------------


def email_message(
    channel: ChannelSpec, message: Message, recipients: list[str], now: datetime
) -> EmailMessage:
    mail = EmailMessage()
    # The body's first clause: who and what, never cut in the middle of a date.
    mail["Subject"] = f"【{message.title}】{message.body.split('，')[0][:60]}"
    mail["From"] = str(channel.settings["from"])
    mail["To"] = ", ".join(recipients)
    mail["Date"] = formatdate(now.timestamp(), localtime=False)
    mail["Message-ID"] = make_msgid(domain=str(channel.settings["from"]).rpartition("@")[2])
    mail.set_content(message.full() + "\n\n（代表联络站系统自动发送，请勿回复）\n")
    return mail


def _email(
    channel: ChannelSpec, message: Message, recipients: list[str], now: datetime, timeout: float
) -> None:
    if not recipients:
        return
    settings = channel.settings
    host = str(settings["host"])
    tls = settings.get("tls", "starttls")
    port = int(settings.get("port", 465 if tls == "ssl" else 587))
    # A private CA (an office's own mail server) can be named; otherwise the system's.
    context = ssl.create_default_context(cafile=settings.get("cafile") or None)
    mail = email_message(channel, message, recipients, now)
    try:
        if tls == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            if tls == "starttls":
                client.starttls(context=context)
            if settings.get("username"):
                client.login(str(settings["username"]), channel.secret)
            refused = client.send_message(mail)
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryFailed(f"SMTP: {len(error.recipients)} recipient(s) refused") from None
    except smtplib.SMTPResponseException as error:
        raise DeliveryFailed(f"SMTP {error.smtp_code}") from None
    except smtplib.SMTPNotSupportedError:
        raise DeliveryFailed("SMTP: the server does not offer STARTTLS") from None
    except ssl.SSLError as error:
        raise DeliveryFailed(f"TLS: {error.reason or type(error).__name__}") from None
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(f"SMTP: {type(error).__name__}") from None
    if refused:
        raise DeliveryFailed(f"SMTP: {len(refused)} recipient(s) refused")
