# SPDX-License-Identifier: GPL-3.0-or-later
"""朗读: the screen's main content read aloud in Mandarin (issue 16 §1).

The kiosk's read-aloud goes to Qt's mock engine here (the speech daemon can hang without an
audio device); one test makes espeak-ng's Mandarin voice say a sentence into a WAV file."""

import array
import shutil
import subprocess
import wave

import pytest

from kiosk.ui.speech import spelled_out


@pytest.fixture
def mock_speech(monkeypatch):
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "mock")


def test_the_deputy_page_reads_name_level_constituency_and_days(make_kiosk, mock_speech, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("findDeputyButton")
    visitor.tap("deputy_demo-02")
    visitor.tap("readAloudButton")
    said = kiosk.backends.speech.last_text
    assert said.startswith("周晓喆")
    assert "省人大代表" in said and "青禾街道第二选区" in said and "12月" in said
    visitor.screenshot("deputy-read-aloud")


def test_a_receipt_reads_its_code_character_by_character_and_the_reply_date(
    make_kiosk, mock_speech
):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("callbackHomeButton")
    visitor.tap("category_4")
    for digit in "13800001234":
        visitor.tap(f"key_{digit}")
    visitor.tap("nextButton")
    visitor.tap("consentButton")
    code = visitor.text("receiptCode")
    visitor.tap("readAloudButton")
    said = kiosk.backends.speech.last_text
    assert spelled_out(code) in said and "11月26日" in said


def test_each_form_step_reads_its_question(make_kiosk, mock_speech):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("readAloudButton")
    assert kiosk.backends.speech.last_text == "您要反映哪方面的问题？"


def _said(kiosk) -> str:
    kiosk.visitor.tap("readAloudButton")
    return kiosk.backends.speech.last_text


def test_home_reads_the_station_who_is_on_duty_and_the_next_reception_days(
    make_kiosk, mock_speech, size
):
    kiosk = make_kiosk(size)
    said = _said(kiosk)
    assert said.startswith("青禾街道人大代表联络站")
    # Monday the 23rd: 赵珺瑶 and 孙昇 are on duty; Friday's themed reception comes next.
    assert "今日值班" in said and "赵珺瑶" in said and "孙昇" in said
    assert "近期接待日" in said and "优化营商环境" in said
    kiosk.visitor.screenshot("home-read-aloud")


def test_home_reads_in_the_visitors_language(make_kiosk, mock_speech):
    kiosk = make_kiosk()
    kiosk.visitor.tap("language_en")
    said = _said(kiosk)
    assert "On duty today" in said and "赵珺瑶" in said


def test_the_directory_reads_the_deputies_it_shows(make_kiosk, mock_speech, size):
    kiosk = make_kiosk(size)
    kiosk.visitor.tap("findDeputyButton")
    said = _said(kiosk)
    assert "林嘉禾" in said and "郑玥" in said and "青禾街道第八选区" in said
    kiosk.visitor.tap("level_provincial")
    said = _said(kiosk)
    assert "周晓喆" in said and "林嘉禾" not in said
    assert "省人大代表" in said


def test_the_schedule_reads_the_chosen_day_and_its_receptions(make_kiosk, mock_speech, size):
    kiosk = make_kiosk(size)
    visitor = kiosk.visitor
    visitor.tap("scheduleButton")
    visitor.tap("day_2026-11-27")
    said = _said(kiosk)
    assert said.startswith("11月27日") and "优化营商环境" in said
    visitor.tap("day_2026-11-24")
    assert _said(kiosk) == "11月24日 星期二。这一天没有安排接待。"
    visitor.tap("listView")
    said = _said(kiosk)
    assert "11月23日" in said and "11月27日" in said
    visitor.screenshot("schedule-read-aloud")


def test_station_information_reads_address_hours_and_phone(make_kiosk, mock_speech, size):
    kiosk = make_kiosk(size)
    kiosk.visitor.tap("stationInfoButton")
    said = _said(kiosk)
    station = kiosk.backends.station
    assert said.startswith("青禾街道人大代表联络站")
    assert station.address in said and station.hours in said
    assert spelled_out(station.phone) in said  # digit by digit
    kiosk.visitor.screenshot("station-info-read-aloud")


def test_progress_reads_what_to_type_then_the_state_of_the_matter(make_kiosk, mock_speech):
    from tests.ui.test_progress import _call_me_back, _look_up

    kiosk = make_kiosk()
    code = _call_me_back(kiosk, "13700005555")
    kiosk.visitor.finish_receipt()
    kiosk.visitor.tap("progressButton")
    assert "查询码" in _said(kiosk)
    kiosk.visitor.tap("homeButton")
    _look_up(kiosk, code, "5555")
    said = _said(kiosk)
    assert spelled_out(code[:3] + "-" + code[3:6] + "-" + code[6:]) in said
    assert "等待发送" in said


def test_without_a_speech_engine_the_button_says_read_aloud_is_unavailable(make_kiosk, monkeypatch):
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "none-installed")
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    visitor.tap("appealButton")
    visitor.tap("readAloudButton")
    assert visitor.text("readAloudButton") == "朗读不可用"
    assert not visitor.find("readAloudButton").isEnabled()


def test_a_code_is_spelled_out_for_reading():
    assert spelled_out("K7Q-M4X-PD8") == "K 7 Q，M 4 X，P D 8"


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed")
def test_espeak_ng_says_chinese_in_its_mandarin_voice(tmp_path):
    out = tmp_path / "said.wav"
    subprocess.run(
        ["espeak-ng", "-v", "cmn", "-w", str(out), "您的查询码是 K 7 Q，三个工作日内答复。"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with wave.open(str(out)) as sound:
        assert sound.getsampwidth() == 2
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    samples = array.array("h", frames)
    loud = sum(1 for s in samples if abs(s) > 1000)
    assert seconds > 1.5  # a sentence, not a blip
    assert loud > len(samples) * 0.05  # speech, not silence


def test_in_portrait_a_long_title_goes_under_the_header_buttons_rather_than_shrink(make_kiosk):
    from tests.conftest import PORTRAIT

    kiosk = make_kiosk(PORTRAIT)
    visitor = kiosk.visitor
    visitor.tap("progressButton")
    title = visitor.find("screenTitle")
    back = visitor.find("backButton")
    assert title.y() < back.y() + back.height()  # 查询进度 fits beside the buttons
    visitor.tap("homeButton")
    visitor.tap("language_en")
    visitor.tap("largeTextButton")
    visitor.tap("progressButton")
    title, back = visitor.find("screenTitle"), visitor.find("backButton")
    assert title.y() >= back.y() + back.height()  # "Track progress" in 大字: a line of its own
    assert title.property("fontInfo").property("pixelSize").toInt() == 72  # at its full size
    visitor.screenshot("progress-title-below-en-large")


def test_english_is_read_in_an_english_voice_and_chinese_in_the_mandarin_one(make_kiosk):
    from PySide6.QtCore import QLocale

    kiosk = make_kiosk()
    speech = kiosk.backends.speech
    _said(kiosk)  # the engine starts at the first tap
    tts = speech._tts
    # Qt's mock engine has no Mandarin voice: a Norwegian one stands in for espeak-ng's cmn.
    tts.setLocale(QLocale("nb_NO"))
    speech._mandarin = tts.availableVoices()[0]
    _said(kiosk)
    assert tts.voice() == speech._mandarin
    kiosk.visitor.tap("language_en")
    _said(kiosk)
    assert tts.locale().language() == QLocale.Language.English
    kiosk.visitor.tap("language_zh_TW")  # 繁體 readers hear Mandarin too
    _said(kiosk)
    assert tts.voice() == speech._mandarin
