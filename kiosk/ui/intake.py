# SPDX-License-Identifier: GPL-3.0-or-later
"""`IntakeForm` for QML: what a visitor is filling in (an appeal, a call-back request or an
appointment request), checked field by field, saved durably, and the receipt.

The form lives only in memory until the visitor submits; `clear()` (on "walked away" and on
every new start) drops it. Saving is one short SQLite transaction on the GUI thread: the
appeal or appointment, its sealed personal part and its outbox event together, and the
receipt is shown only after the commit (DESIGN.md §5).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QThreadPool, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain.appeals import DEFAULT_CATEGORIES, Appeal, phrases_for
from kiosk.domain.appointments import Appointment
from kiosk.domain.contact import (
    TEXT_LIMIT,
    Problem,
    check_name,
    check_phone,
    check_place,
    check_text,
    check_topic,
    normalise_phone,
)
from kiosk.domain.deadlines import reply_due
from kiosk.domain.mobile import last_four
from kiosk.domain.station import StationSnapshot
from kiosk.domain.stationtime import attach_zone
from kiosk.domain.tracking import contact_check, display
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import full_date_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

KINDS = ("appeal", "callback", "appointment")
# Fields the visitor types or picks; all of them go on `clear()`.
_EMPTY = {
    "kind": "appeal",
    "category": "",
    "text": "",
    "block": "",
    "deputyId": "",
    "deputyName": "",
    "name": "",
    "phone": "",
    "topic": "",
    "day": "",
    "dayText": "",
    "scheduleId": "",
    "consent": False,
}
_PROBLEMS = ("category", "text", "block", "name", "phone", "topic", "day", "submit")
_RECEIPT = {
    "code": "",
    "codeDisplay": "",
    "progressUrl": "",
    "replyBy": "",
    "receiptKind": "",
    "deputyName": "",  # an appointment's: with whom, on which day and at what time
    "dayText": "",
}


def _local_offset(now: datetime) -> datetime:
    """Event times carry the UTC offset (docs/sync-api.md); the clock gives the station's time."""
    from kiosk.ui.dates import station_zone_in_use

    return attach_zone(now, station_zone_in_use())


@QmlElement
@QmlSingleton
class IntakeForm(QObject):
    changed = Signal()
    problemsChanged = Signal()
    receiptChanged = Signal()
    choicesChanged = Signal()
    saved = Signal()  # something new waits in the outbox: the sync sends it at once
    checkKept = Signal(str)  # from a thread: the contact check of this code is on disk

    def __init__(self, now: Callable[[], datetime], demo: bool, parent=None) -> None:
        super().__init__(parent)
        self._now = now
        self.demo = demo
        self._sessions: sessionmaker[Session] | None = None
        self._station_id = ""
        self._blocks: list[str] = []
        self._categories: list[str] = list(DEFAULT_CATEGORIES)
        self._phrases: dict = {}
        self._fields = dict(_EMPTY)
        self._problems = dict.fromkeys(_PROBLEMS, "")
        self._receipt = dict(_RECEIPT)
        # Injected by app.py: is the data folder below the free-space floor (store/disk.py)?
        self.disk_low: Callable[[], bool] = lambda: False
        self._to_check = ("", "")  # the code and last 4 digits of what was just saved

    @staticmethod
    def create(engine) -> IntakeForm:
        from kiosk.ui.station import handed_over

        return handed_over(engine.backends.intake)

    # --- wiring ----------------------------------------------------------------------------

    def use_database(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._read_categories()

    def show(self, snapshot: StationSnapshot | None) -> None:
        """The station's communities (from its deputies' linked blocks) for the "where" step."""
        self._station_id = snapshot.station.id if snapshot else ""
        blocks: dict[str, None] = {}
        for deputy in snapshot.deputies if snapshot else ():
            blocks.update(dict.fromkeys(deputy.blocks))
        self._blocks = list(blocks)
        if self._sessions is not None:
            self._read_categories()
        self.choicesChanged.emit()

    # The database side is imported where it is first used: SQLAlchemy (~0.5 s) stays off
    # the way to the first frame (docs/performance.md).
    def _read_categories(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from kiosk.store.sync_state import get_state

        assert self._sessions is not None
        try:
            with self._sessions() as session:
                pulled = get_state(session, "categories")
            names = json.loads(pulled) if pulled else []
        except (SQLAlchemyError, ValueError):
            log.exception("cannot read the appeal categories; using the default list")
            names = []
        names = (
            [n for n in names if isinstance(n, str) and n.strip()]
            if isinstance(names, list)
            else []
        )
        self._categories = names or list(DEFAULT_CATEGORIES)
        try:
            with self._sessions() as session:
                sent = json.loads(get_state(session, "category_phrases") or "{}")
        except (SQLAlchemyError, ValueError):
            sent = {}
        self._phrases = sent if isinstance(sent, dict) else {}
        self.choicesChanged.emit()

    # --- what QML calls --------------------------------------------------------------------

    @Slot(str, result=bool)
    def start(self, kind: str) -> bool:
        """A visitor starts a new form: nothing of the last one survives. False when the
        kiosk cannot keep what would be typed (its disk is below the free-space floor)."""
        self.clear()
        if self.disk_low():
            log.warning("a form was refused: the disk is nearly full")
            return False
        self._fields["kind"] = kind if kind in KINDS else "appeal"
        self.changed.emit()
        return True

    @Slot(str)
    def setKind(self, kind: str) -> None:  # noqa: N802 (QML name)
        """Switch path, keeping what was entered (a visitor who cannot type asks for a call)."""
        if kind in KINDS and kind != self._fields["kind"]:
            self._fields["kind"] = kind
            self.changed.emit()

    @Slot()
    def clear(self) -> None:
        self._fields = dict(_EMPTY)
        self._problems = dict.fromkeys(_PROBLEMS, "")
        self._receipt = dict(_RECEIPT)
        self.changed.emit()
        self.problemsChanged.emit()
        self.receiptChanged.emit()

    @Slot(str, "QVariant")
    def set(self, field: str, value: object) -> None:
        """Keep what the visitor typed or picked, exactly; its problem is checked on "next"."""
        if field not in _EMPTY or field == "kind":
            return
        if isinstance(_EMPTY[field], bool):
            value = bool(value)
        elif not isinstance(value, str):
            value = "" if value is None else str(value)
        if self._fields[field] != value:
            self._fields[field] = value
            self.changed.emit()
        if field in self._problems and self._problems[field]:
            self._problems[field] = ""
            self.problemsChanged.emit()

    @Slot(str, str)
    def chooseDeputy(self, deputy_id: str, name: str) -> None:  # noqa: N802 (QML name)
        self.set("deputyId", deputy_id)
        self.set("deputyName", name)

    @Slot(str, str, str)
    def chooseDay(self, schedule_id: str, day: str, text: str) -> None:  # noqa: N802 (QML name)
        """A reception day: its schedule and the date it is held on (YYYY-MM-DD)."""
        self.set("scheduleId", schedule_id)
        self.set("day", day)
        self.set("dayText", text)

    @Slot(str, result=bool)
    def check(self, step: str) -> bool:
        """Check the fields of one step; True when the visitor may go on."""
        f = self._fields
        checks: dict[str, Problem | None] = {}
        if step == "category":
            checks["category"] = None if f["category"] else Problem.EMPTY
        elif step == "text":
            checks["text"] = check_text(f["text"])
        elif step == "block":
            checks["block"] = check_place(f["block"])
        elif step == "contact":
            if f["kind"] != "callback":
                checks["name"] = check_name(f["name"])
            checks["phone"] = check_phone(f["phone"])
            if f["kind"] == "appointment":
                checks["topic"] = check_topic(f["topic"])
        elif step == "day":
            checks["day"] = None if f["day"] else Problem.EMPTY
        for field, problem in checks.items():
            self._problems[field] = problem.value if problem else ""
        self.problemsChanged.emit()
        return not any(checks.values())

    @Slot(result=bool)
    def submit(self) -> bool:
        """Save durably; True once committed (the receipt may show), else `problems.submit`."""
        from sqlalchemy.exc import SQLAlchemyError

        steps = {
            "appeal": ("category", "text", "block", "contact"),
            "callback": ("category", "contact"),
            "appointment": ("day", "contact"),
        }[self._fields["kind"]]
        if not all(self.check(step) for step in steps) or not self._fields["consent"]:
            self._fail("incomplete")
            return False
        if self._sessions is None:
            self._fail("not_ready")
            return False
        try:
            with self._sessions.begin() as session:
                key = self._sealing_key(session)
                if key is None:
                    self._fail("not_enrolled")
                    return False
                if self._fields["kind"] == "appointment":
                    receipt = self._save_appointment(session, key)
                else:
                    receipt = self._save_appeal(session, key)
        except SQLAlchemyError as error:
            # Only SQLite's own words: the statement's parameters could carry personal data.
            reason = str(getattr(error, "orig", None) or type(error).__name__)
            log.error("could not save a visitor's %s: %s", self._fields["kind"], reason)
            self._fail("disk_full" if "full" in reason else "database")
            return False
        self._receipt = receipt
        self.receiptChanged.emit()
        self.saved.emit()
        self._keep_check(*self._to_check)
        return True

    def _keep_check(self, code: str, last4: str) -> None:
        """Make the receipt's contact check on a pool thread (argon2id, about a second:
        the receipt does not wait) and store it; `checkKept` says when it is there."""
        sessions = self._sessions
        assert sessions is not None

        def work() -> None:
            from sqlalchemy.exc import SQLAlchemyError

            from kiosk.store.appeals import keep_contact_check

            check = contact_check(code, last4)
            try:
                with sessions.begin() as session:
                    keep_contact_check(session, code, check)
            except SQLAlchemyError as error:
                # Without it the receipt is still looked up, through the server.
                log.error("could not keep a contact check: %s", getattr(error, "orig", error))
            self.checkKept.emit(code)

        # On the pool: Kiosk.close waits for it before the objects it reports to go.
        from kiosk.ui.admin import _Task

        QThreadPool.globalInstance().start(_Task(work))

    def _fail(self, reason: str) -> None:
        self._problems["submit"] = reason
        self.problemsChanged.emit()

    def _sealing_key(self, session: Session) -> str | None:
        from sqlalchemy import select

        from kiosk.store.models import EnrolmentRow

        enrolled = session.scalar(select(EnrolmentRow.server_public_key))
        if enrolled:
            return enrolled
        if self.demo:
            from kiosk.demo import DEMO_SERVER_PUBLIC_KEY

            return DEMO_SERVER_PUBLIC_KEY
        return None

    def _progress_url(self, session: Session, code: str) -> str:
        from kiosk.store.sync_state import get_state

        link = ""
        try:
            links = json.loads(get_state(session, "links") or "{}")
            link = links.get("progress", "") if isinstance(links, dict) else ""
        except ValueError:
            pass
        if not isinstance(link, str) or "{code}" not in link:
            from kiosk.demo import DEMO_PROGRESS_LINK

            link = DEMO_PROGRESS_LINK
        return link.replace("{code}", code)

    def _save_appeal(self, session: Session, key: str) -> dict:
        from kiosk.store.appeals import record_appeal
        from kiosk.store.holidays import holiday_table
        from kiosk.store.sealing import seal

        f = self._fields
        callback = f["kind"] == "callback"
        created = _local_offset(self._now())
        appeal = Appeal.new(
            self._station_id,
            f["category"],
            created,
            block="" if callback else f["block"].strip(),
            target_deputy_id=(f["deputyId"] or None) if not callback else None,
            request="callback" if callback else "appeal",
        )
        personal = {
            "name": "" if callback else f["name"].strip(),
            "mobile": normalise_phone(f["phone"]),
            "text": "" if callback else f["text"].strip(),
            "address": "",
            "consent": True,
        }
        record_appeal(session, appeal, seal(key, personal))
        self._to_check = (appeal.tracking_code, last_four(f["phone"]))
        reply_by = reply_due(created.date(), holiday_table(session))
        return self._receipt_of(session, f["kind"], appeal.tracking_code, reply_by)

    def _save_appointment(self, session: Session, key: str) -> dict:
        from kiosk.store.appointments import record_appointment
        from kiosk.store.sealing import seal

        f = self._fields
        appointment = Appointment.new(
            f["deputyId"],
            date.fromisoformat(f["day"]),
            f["scheduleId"] or None,
            _local_offset(self._now()),
        )
        personal = {
            "name": f["name"].strip(),
            "mobile": normalise_phone(f["phone"]),
            "topic": f["topic"].strip(),
            "consent": True,
        }
        record_appointment(session, appointment, seal(key, personal))
        self._to_check = (appointment.code, last_four(f["phone"]))
        return self._receipt_of(session, "appointment", appointment.code, None)

    def _receipt_of(self, session: Session, kind: str, code: str, reply_by: date | None) -> dict:
        return {
            "code": code,
            "codeDisplay": display(code),
            "progressUrl": self._progress_url(session, code),
            "replyBy": full_date_text(reply_by) if reply_by else "",
            "receiptKind": kind,
            "deputyName": self._fields["deputyName"] if kind == "appointment" else "",
            "dayText": self._fields["dayText"] if kind == "appointment" else "",
        }

    # --- what QML reads ---------------------------------------------------------------------

    def _field(name: str):  # noqa: N805 (a helper used while building the class)
        return lambda self: self._fields[name]

    def _problem(name: str):  # noqa: N805
        return lambda self: self._problems[name]

    def _receipt_field(name: str):  # noqa: N805
        return lambda self: self._receipt[name]

    kind = Property(str, _field("kind"), notify=changed)
    category = Property(str, _field("category"), notify=changed)
    text = Property(str, _field("text"), notify=changed)
    block = Property(str, _field("block"), notify=changed)
    deputyId = Property(str, _field("deputyId"), notify=changed)
    deputyName = Property(str, _field("deputyName"), notify=changed)
    name = Property(str, _field("name"), notify=changed)
    phone = Property(str, _field("phone"), notify=changed)
    topic = Property(str, _field("topic"), notify=changed)
    day = Property(str, _field("day"), notify=changed)
    dayText = Property(str, _field("dayText"), notify=changed)
    scheduleId = Property(str, _field("scheduleId"), notify=changed)
    consent = Property(bool, _field("consent"), notify=changed)

    categoryProblem = Property(str, _problem("category"), notify=problemsChanged)
    textProblem = Property(str, _problem("text"), notify=problemsChanged)
    blockProblem = Property(str, _problem("block"), notify=problemsChanged)
    nameProblem = Property(str, _problem("name"), notify=problemsChanged)
    phoneProblem = Property(str, _problem("phone"), notify=problemsChanged)
    topicProblem = Property(str, _problem("topic"), notify=problemsChanged)
    dayProblem = Property(str, _problem("day"), notify=problemsChanged)
    submitProblem = Property(str, _problem("submit"), notify=problemsChanged)

    code = Property(str, _receipt_field("code"), notify=receiptChanged)
    codeDisplay = Property(str, _receipt_field("codeDisplay"), notify=receiptChanged)
    progressUrl = Property(str, _receipt_field("progressUrl"), notify=receiptChanged)
    replyBy = Property(str, _receipt_field("replyBy"), notify=receiptChanged)
    receiptKind = Property(str, _receipt_field("receiptKind"), notify=receiptChanged)
    receiptDeputy = Property(str, _receipt_field("deputyName"), notify=receiptChanged)
    receiptDay = Property(str, _receipt_field("dayText"), notify=receiptChanged)

    def _has_input(self) -> bool:
        return any(
            self._fields[name]
            for name in ("text", "block", "deputyId", "name", "phone", "topic", "day")
        )

    # Something typed or picked beyond the first choice: leaving would lose it.
    hasInput = Property(bool, _has_input, notify=changed)

    categories = Property("QVariantList", lambda self: self._categories, notify=choicesChanged)

    def _category_phrases(self) -> list[str]:
        return phrases_for(self._fields["category"], self._phrases)

    # The chosen category's common phrases (issue 16 §3).
    phrases = Property("QVariantList", _category_phrases, notify=changed)
    blocks = Property("QVariantList", lambda self: self._blocks, notify=choicesChanged)
    textLimit = Property(int, lambda self: TEXT_LIMIT, constant=True)
