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
