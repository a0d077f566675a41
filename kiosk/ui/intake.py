# SPDX-License-Identifier: GPL-3.0-or-later
"""`IntakeForm` for QML: what a visitor is filling in (an appeal, a call-back request or an
appointment request), checked field by field, saved durably, and the receipt.

The form lives only in memory until the visitor submits; `clear()` (on "walked away" and on
every new start) drops it. Saving is kiosk.services.intake's (one transaction: the appeal
or appointment, its sealed personal part and its outbox event together), run off the GUI
thread (kiosk/ui/offthread.py); the receipt is shown only after the commit (DESIGN.md §5).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.domain import forms
from kiosk.domain.appeals import DEFAULT_CATEGORIES, phrases_for
from kiosk.domain.forms import LIMITS, FormKind, check_step, checked_steps, kind_of
from kiosk.domain.station import StationSnapshot
from kiosk.domain.tracking import display
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import full_date_text
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.services.intake import Intake, Receipt

log = logging.getLogger(__name__)

KINDS = tuple(FormKind)
# Fields the visitor types or picks; all of them go on `clear()`.
_EMPTY: dict[str, Any] = {
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


@QmlElement
@QmlSingleton
class IntakeForm(QObject):
    changed = Signal()
    problemsChanged = Signal()
    receiptChanged = Signal()
    choicesChanged = Signal()
    saved = Signal()  # something new waits in the outbox: the sync sends it at once
    checkKept = Signal(str)  # the contact check of this code is on disk
    submitted = Signal()  # saved: the receipt is there to show
    submittingChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._service: Intake | None = None
        self._submitting = False
        self._form = 0  # counts `clear`s: a save's answer belongs to the form it was made for
        self._off = OffThread(self)
        self._station_id = ""
        self._blocks: list[str] = []
        self._categories: list[str] = list(DEFAULT_CATEGORIES)
        self._phrases: dict = {}
        self._fields: dict[str, Any] = dict(_EMPTY)
        self._problems = dict.fromkeys(_PROBLEMS, "")
        self._receipt = dict(_RECEIPT)
        # Injected by app.py: is the data folder below the free-space floor (store/disk.py)?
        self.disk_low: Callable[[], bool] = lambda: False

    @staticmethod
    def create(engine) -> IntakeForm:
        return handed_over(engine.backends.intake)

    # --- wiring ----------------------------------------------------------------------------

    def use_service(self, service: Intake) -> None:
        """The database is open: the form saves through `service` from now on."""
        self._service = service
        self._read_categories()

    @property
    def ready(self) -> bool:
        return self._service is not None

    def show(self, snapshot: StationSnapshot | None) -> None:
        """The station's communities (from its deputies' linked blocks) for the "where" step."""
        self._station_id = snapshot.station.id if snapshot else ""
        blocks: dict[str, None] = {}
        for deputy in snapshot.deputies if snapshot else ():
            blocks.update(dict.fromkeys(deputy.blocks))
        self._blocks = list(blocks)
        if self._service is not None:
            self._read_categories()
        self.choicesChanged.emit()

    def _read_categories(self) -> None:
        assert self._service is not None
        self._categories, self._phrases = self._service.categories()
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
        self._fields["kind"] = kind_of(kind).value
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
        self._form += 1
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
        checks = check_step(self._fields["kind"], step, self._fields)
        for field, problem in checks.items():
            self._problems[field] = problem.value if problem else ""
        self.problemsChanged.emit()
        return not any(checks.values())

    @Slot(result=bool)
    def submit(self) -> bool:
        """Save durably, off the GUI thread: True when started (`submitting` meanwhile), and
        `submitted` follows once committed (the receipt may show), or `problems.submit`; False
        at once when the form is incomplete or cannot be saved here."""
        f = self._fields
        if self._submitting:
            return False
        if not all(self.check(step) for step in checked_steps(f["kind"])) or not f["consent"]:
            self._fail("incomplete")
            return False
        service = self._service
        if service is None:
            self._fail("not_ready")
            return False
        from kiosk.services.intake import AppealRequest, AppointmentRequest, NotSaved

        if f["kind"] == "appointment":
            asked = AppointmentRequest(
                f["deputyId"],
                date.fromisoformat(f["day"]),
                f["scheduleId"],
                f["name"],
                f["phone"],
                f["topic"],
            )
            work = lambda: service.submit_appointment(asked)  # noqa: E731
        else:
            request = AppealRequest(
                f["kind"],
                self._station_id,
                f["category"],
                f["phone"],
                text=f["text"],
                block=f["block"],
                deputy_id=f["deputyId"],
                name=f["name"],
            )
            work = lambda: service.submit_appeal(request)  # noqa: E731
        form = self._form  # a visitor's form: `clear` starts the next one's
        deputy, day = f["deputyName"], f["dayText"]

        def failed(error: Exception) -> None:
            self._set_submitting(False)
            if form == self._form:  # what was typed is still there: say why, keep it
                self._fail(error.reason if isinstance(error, NotSaved) else "database")

        self._problems["submit"] = ""
        self.problemsChanged.emit()
        self._set_submitting(True)
        saved = lambda receipt: self._saved(form, receipt, deputy, day)  # noqa: E731
        self._off.run(work, saved, failed, WAITED_FOR, (NotSaved,))
        return True

    def _set_submitting(self, submitting: bool) -> None:
        self._submitting = submitting
        self.submittingChanged.emit()

    def _saved(self, form: int, receipt: Receipt, deputy: str, day: str) -> None:
        """Committed (GUI thread): the receipt, unless the visitor walked away meanwhile (what
        they submitted is kept and sent all the same; nothing of it is shown to the next)."""
        self._set_submitting(False)
        if form == self._form:
            appointment = receipt.kind == "appointment"
            self._receipt = {
                "code": receipt.code,
                "codeDisplay": display(receipt.code),
                "progressUrl": receipt.progress_url,
                "replyBy": full_date_text(receipt.reply_by) if receipt.reply_by else "",
                "receiptKind": receipt.kind,
                "deputyName": deputy if appointment else "",
                "dayText": day if appointment else "",
            }
            self.receiptChanged.emit()
        self.saved.emit()
        # The receipt's contact check (argon2id, about a second: the receipt does not wait);
        # `checkKept` says when it is on disk.
        service = self._service
        assert service is not None
        self._off.run(
            lambda: service.keep_contact_check(receipt),
            lambda _: self.checkKept.emit(receipt.code),
            slow=True,  # never ahead of, nor in the way of, what a visitor waits for
        )
        if form == self._form:
            self.submitted.emit()

    def _fail(self, reason: str) -> None:
        self._problems["submit"] = reason
        self.problemsChanged.emit()

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

    # A submission is being saved (off the GUI thread): the submit button waits.
    submitting = Property(bool, lambda self: self._submitting, notify=submittingChanged)

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
    textLimit = Property(int, lambda self: LIMITS["text"], constant=True)
    # The longest each field may be (text, block, name, topic, phone: kiosk.domain.forms).
    limits = Property(dict, lambda self: dict(LIMITS), constant=True)
    # The current kind's steps, in order (kiosk.domain.forms.FLOWS).
    flow = Property(list, lambda self: list(forms.flow(self._fields["kind"])), notify=changed)
