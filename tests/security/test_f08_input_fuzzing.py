# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 8: a mobile of `¹²³` gave HTTP 500 on the public message form (`str.isdigit` says
yes, `int` says no). Every parser of outside input is fuzzed with hypothesis: it answers or
refuses with its own error, never crashes; and the pages answer such input with a message."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.services import phone
from central.services.events import InvalidEvent, parse_event
from central.services.ical import import_calendar
from central.services.rosters import ImportRefused, parse_roster
from central.services.schedules import parse_schedules
from kiosk.domain.contact import Problem, check_name, check_phone, check_text, normalise_phone
from kiosk.domain.mobile import InvalidMobile, last_four, parse_mobile
from kiosk.domain.reception import InvalidRule, ReceptionDay
from kiosk.domain.snapshot import InvalidSnapshot, schedule_from_document, snapshot_from_document
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code
from tests.central.phone_fixtures import STATION
from tests.helpers.phone import Phone

# Digits of every kind: ASCII, full-width, superscripts, circled, other scripts' digits.
DIGITS = "0123456789０１２３４５６７８９¹²³⁴⁵⁶⁷⁸⁹⁰①②③١٢٣४५६"
digit_text = st.text(alphabet=DIGITS + " -+()\u3000\x00\u202e", max_size=20)
any_text = st.text(max_size=60)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.one_of(digit_text, any_text))
def test_a_mobile_is_eleven_ascii_digits_or_refused(text):
    try:
        mobile = parse_mobile(text)
    except InvalidMobile:
        return
    assert re.fullmatch(r"1[3-9][0-9]{9}", mobile)
    assert last_four(mobile) == mobile[-4:]


def test_superscript_digits_are_not_a_mobile():
    with pytest.raises(InvalidMobile):
        parse_mobile("¹³⁸¹²³⁴⁵⁶⁷⁸")
    assert parse_mobile("１３８ １２３４ ５６７８") == "13812345678"  # full-width still counts


@FUZZ
@given(st.one_of(digit_text, any_text), st.booleans())
def test_phone_and_text_checks_answer_with_a_problem(text, landline):
    assert check_phone(text, landline=landline) in (None, *Problem)
    assert isinstance(normalise_phone(text), str)
    assert check_text(text) in (None, *Problem)
    assert check_name(text) in (None, *Problem)


@FUZZ
@given(st.one_of(st.text(alphabet="23456789ABCDEFGHJKLMNPQRSTUVWXYZ-¹ ", max_size=14), any_text))
def test_a_tracking_code_parses_or_is_refused(text):
    try:
        code = parse_tracking_code(text)
    except InvalidTrackingCode:
        return
    assert code.isascii() and code.isalnum()


DAY = ReceptionDay(
    day=date(2030, 1, 7),
    start=time(9),
    end=time(11),
    place="一楼",
    deputy_ids=("demo-01",),
    schedule_id="s1",
    title="接待日",
    theme="",
)
form_field = st.one_of(digit_text, any_text, st.sampled_from(["yes", "s1/2030-01-07", "交通出行"]))
forms = st.dictionaries(
    st.sampled_from(["category", "text", "block", "name", "mobile", "consent", "day", "topic"]),
    form_field,
)


@FUZZ
@given(forms)
def test_phone_forms_are_checked_never_crash(form):
    for checked in (phone.check_message(form, ["交通出行"]), phone.check_appointment(form, [DAY])):
        if not checked.errors:
            assert re.fullmatch(r"1[3-9][0-9]{9}", checked.mobile)
            for value in checked.values.values():
                assert check_text(value or "x", 10_000) in (None, Problem.TOO_LONG)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "uuid": st.one_of(st.uuids().map(str), any_text),
            "kind": st.sampled_from(["appeal", "appointment", "sign_in", "x"]),
            "created_at": st.one_of(
                st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()), any_text
            ),
            "body": json_values,
        },
    )
    | json_values
)
def test_a_kiosk_event_parses_or_is_invalid(raw):
    with contextlib.suppress(InvalidEvent):
        parse_event(raw)


schedule_documents = st.fixed_dictionaries(
    {},
    optional={
        "id": any_text,
        "rrule": st.one_of(
            any_text,
            st.sampled_from(
                [
                    "DTSTART:20300107T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO",
                    "DTSTART:²⁰³⁰0107\nRRULE:FREQ=DAILY",
                    "DTSTART:20300107\nRRULE:FREQ=MINUTELY",
                ]
            ),
        ),
        "start": st.one_of(any_text, st.just("09:00")),
        "end": st.one_of(any_text, st.just("11:00")),
        "place": any_text,
        "deputy_ids": json_values,
        "per_occurrence": json_values,
    },
)


@FUZZ
@given(st.one_of(schedule_documents, json_values))
def test_schedules_and_snapshots_parse_or_are_refused(document):
    for parse in (schedule_from_document, snapshot_from_document):
        with contextlib.suppress(InvalidSnapshot, InvalidRule):
            parse(document)
    rows = [(1, document)]
    for parse_rows in (
        lambda: parse_schedules(rows, {"demo-01"}),
        lambda: parse_roster(rows, None),
    ):
        with contextlib.suppress(ImportRefused):
            parse_rows()


ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}@x\r\n"
    "DTSTART;TZID=Asia/Shanghai:{start}\r\nDTEND;TZID=Asia/Shanghai:{end}\r\n"
    "RRULE:{rule}\r\nLOCATION:{place}\r\nX-KIOSK-PER-OCCURRENCE:{per}\r\n"
    "X-KIOSK-DEPUTIES:demo-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "uid": st.one_of(st.just("s1"), any_text),
            "start": st.one_of(st.just("20300107T090000"), digit_text, any_text),
            "end": st.one_of(st.just("20300107T110000"), digit_text, any_text),
            "rule": st.one_of(st.just("FREQ=WEEKLY;BYDAY=MO"), any_text),
            "place": any_text,
            "per": st.one_of(digit_text, st.just("9" * 5000), any_text),
        }
    )
    | any_text
)
def test_an_ics_file_imports_or_is_refused_line_by_line(fields):
    text = ICS.format(**fields) if isinstance(fields, dict) else fields
    with contextlib.suppress(ImportRefused):
        import_calendar(text, {"demo-01"})


def test_json_imports_with_huge_numbers_are_refused():
    rows = [(1, json.loads('{"id": "s1", "per_occurrence": 1' + "0" * 30 + "}"))]
    with pytest.raises(ImportRefused):
        parse_schedules(rows, {"demo-01"})


# --- over HTTP: the pages answer with a message, never a 500 --------------------------------


@pytest.mark.parametrize("mobile", ["¹³⁸¹²³⁴⁵⁶⁷⁸", "①③⑧12345678", "138１２３４５６７８\x00"])
def test_the_message_form_explains_an_odd_mobile(phone_station, mobile):
    visitor = Phone(phone_station.url)
    visitor.get("/d/demo-01")
    fields = {"category": "交通出行", "text": "路灯坏了", "name": "王", "consent": "yes"}
    answer = visitor.submit("/d/demo-01", fields | {"mobile": mobile})
    assert answer.status_code == 400, visitor.text
    assert "手机号应为11位数字" in visitor.text


@pytest.mark.parametrize("digits", ["¹²³⁴", "١٢٣٤", "12\x003"])
def test_the_progress_page_explains_odd_digits(phone_station, digits):
    visitor = Phone(phone_station.url)
    visitor.get("/p/222222222")
    assert visitor.submit("/p/222222222", {"last4": digits}).status_code == 400
    assert "请输入4位数字" in visitor.text


def test_an_odd_rating_access_is_refused_not_a_crash(phone_station):
    visitor = Phone(phone_station.url)
    visitor.get("/p/222222222")
    answer = visitor.submit("/p/222222222/rate", {"rating": "satisfied"}, access="¹²³.00")
    assert answer.status_code == 403


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(forms)
def test_the_forms_over_http_never_answer_500(phone_station, form):
    visitor = Phone(phone_station.url)
    visitor.get("/d/demo-01")
    assert visitor.submit("/d/demo-01", form).status_code in (200, 400, 429)
    visitor.get(f"/a/{STATION}?deputy=demo-01")
    assert visitor.submit(f"/a/{STATION}", form | {"deputy": "demo-01"}).status_code in (
        200,
        400,
        429,
    )
