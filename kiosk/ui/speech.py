# SPDX-License-Identifier: GPL-3.0-or-later
"""`ReadAloud` for QML: 朗读 reads a screen's main content in Mandarin (issue 16 §1).

Qt TextToSpeech over speech-dispatcher with espeak-ng's Mandarin voice where the station PC
has them (build/install-debian.sh installs them). espeak-ng's voice is listed under the "C"
locale, so it is chosen by name. The engine is created on the first 朗读, never at start;
where there is none the button says 朗读不可用. Tests use Qt's "mock" engine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.singletons import handed_over

log = logging.getLogger(__name__)

ENGINE = "speechd"
MANDARIN_VOICE_NAMES = ("mandarin", "cmn", "chinese")


def spelled_out(code: str) -> str:
    """A tracking code read character by character: 'K7Q-M4X' → 'K 7 Q, M 4 X'."""
    return "，".join(" ".join(group) for group in code.split("-"))


@QmlElement
@QmlSingleton
class ReadAloud(QObject):
    changed = Signal()

    def __init__(self, engine: str = "", parent=None) -> None:
        super().__init__(parent)
        self._engine_name = engine or os.environ.get("KIOSK_SPEECH_ENGINE", ENGINE)
        self._tts = None
        self._available: bool | None = None  # not known until the first 朗读
        self.last_text = ""
        # The visitor's language (Backends sets it to Reading's): English is read in an
        # English voice where the engine has one, Chinese (简 and 繁) in Mandarin.
        self.language: Callable[[], str] = lambda: "zh_CN"
        self._mandarin = None  # the Mandarin voice, once found

    @staticmethod
    def create(engine) -> ReadAloud:
        return handed_over(engine.backends.speech)

    def _engine(self):
        if self._available is None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._available = False
            if self._engine_name in QTextToSpeech.availableEngines():
                tts = QTextToSpeech(self._engine_name, self)
                if tts.state() != QTextToSpeech.State.Error:
                    self._mandarin = self._choose_mandarin(tts)
                    self._tts, self._available = tts, True
            if not self._available:
                log.warning("read-aloud unavailable (no %s speech engine)", self._engine_name)
            self.changed.emit()
        return self._tts

    @staticmethod
    def _choose_mandarin(tts):
        for voice in tts.availableVoices():
            if any(word in voice.name().casefold() for word in MANDARIN_VOICE_NAMES):
                tts.setVoice(voice)
                return voice
        return None

    def _choose_voice(self, tts) -> None:
        from PySide6.QtCore import QLocale

        if self.language() == "en":
            english = [
                locale
                for locale in tts.availableLocales()
                if locale.language() == QLocale.Language.English
            ]
            if english and tts.locale().language() != QLocale.Language.English:
                tts.setLocale(english[0])  # the engine's default voice for it
        elif self._mandarin is not None and tts.voice() != self._mandarin:
            tts.setVoice(self._mandarin)

    @Slot(str)
    def say(self, text: str) -> None:
        """Read `text` aloud (stopping what was being read)."""
        tts = self._engine()
        if tts is None:
            return
        self.last_text = text
        tts.stop()
        self._choose_voice(tts)
        tts.say(text)

    @Slot(str, result=str)
    def spell(self, code: str) -> str:
        return spelled_out(code)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    # Unknown until tried: the button offers 朗读 and says 朗读不可用 once it knows.
    available = Property(bool, lambda self: self._available is not False, notify=changed)
