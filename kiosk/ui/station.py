# SPDX-License-Identifier: GPL-3.0-or-later
"""The station's data for QML: `Station` (who we are), `Roster` (deputies, reception days)
and `Clock` (today, now). They show a StationSnapshot; they never touch the database.

At a day change the day's rows (duty, next reception days, the calendar, the desk's figures)
are worked out on a pool thread and swapped in on the GUI thread in one go (`DayTurnover`):
for a large station that is a good part of a second the screens would otherwise freeze."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    Property,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlAnonymous, QmlElement, QmlSingleton

from kiosk.domain.deputies import Deputy, Level
from kiosk.domain.reception import ReceptionDay
from kiosk.domain.station import STATION_PHOTO_MARKER, StationSnapshot
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlElement)
from kiosk.ui.dates import day_text, full_date_text, time_range_text
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.offthread import WAITED_FOR, OffThread
from kiosk.ui.rows import NoticeRow, PersonRow, ReceptionRow, RuleRow, as_map
from kiosk.ui.singletons import handed_over

log = logging.getLogger(__name__)

UPCOMING_DAYS = 6
DEPUTY_UPCOMING_DAYS = 4


class DayTurnover(QObject):
    """Runs a day change's work on the thread pool and its swap on the GUI thread (the
    kiosk's one way off the GUI thread and back: kiosk/ui/offthread.py). A later start or a
    `cancel` (a new station arrived, shown at once) makes a result still under way stale: it
    is dropped. When the work fails (logged) the fallback turns the day on the GUI thread."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._off = OffThread(self)

    def start(self, work: Callable[[], Callable[[], None]], fallback: Callable[[], None]) -> None:
        self.cancel()
        # Ahead of queued receipts' contact checks (a second of argon2 each): the screens wait.
        self._off.run(work, lambda swap: swap(), lambda error: fallback(), WAITED_FOR)

    def cancel(self) -> None:
        self._off.forget()

    @property
    def busy(self) -> bool:
        """A day change is being worked out (its rows are not shown yet)."""
        return self._off.busy


@QmlElement
@QmlSingleton
class Clock(QObject):
    """The wall clock, injectable: tests and benchmarks pass a fixed `now`."""

    minuteChanged = Signal()
    dayChanged = Signal()  # the date shown changed (a new day, or its words in a new language)
    turned = Signal()  # the date moved on (not a relabel)

    def __init__(self, now: Callable[[], datetime], parent=None) -> None:
        super().__init__(parent)
        self._now = now
        self._shown = now().replace(second=0, microsecond=0)
        self._timer = QTimer(self, interval=1000)  # coarse: Qt's default timer type
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @staticmethod
    def create(engine) -> Clock:
        return handed_over(engine.backends.clock)

    def today(self) -> date:
        return self._shown.date()

    def relabel(self) -> None:
        self.minuteChanged.emit()
        self.dayChanged.emit()

    def _tick(self) -> None:
        now = self._now().replace(second=0, microsecond=0)
        if now != self._shown:
            day_changed = now.date() != self._shown.date()
            self._shown = now
            self.minuteChanged.emit()
            if day_changed:
                self.dayChanged.emit()
                self.turned.emit()

    def _time(self) -> str:
        return f"{self._shown:%H:%M}"

    def _date(self) -> str:
        return full_date_text(self._shown.date())

    time = Property(str, _time, notify=minuteChanged)
    date = Property(str, _date, notify=dayChanged)


@QmlElement
@QmlSingleton
class Station(QObject):
    """Who this station is: name, kind, contact details, rules, notices, figures."""

    changed = Signal()

    def __init__(self, photo_dir: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self._photo_dir = photo_dir
        self._photo = ""
        self._snapshot: StationSnapshot | None = None
        self._rules = KeyedListModel(RuleRow, parent=self)
        self._notices = KeyedListModel(NoticeRow, parent=self)

    @staticmethod
    def create(engine) -> Station:
        return handed_over(engine.backends.station)

    def show(self, snapshot: StationSnapshot | None) -> None:
        self._snapshot = snapshot
        station = snapshot.station if snapshot else None
        self._rules.replace(
            {"key": f"{i}:{rule.title}", "title": rule.title, "body": rule.body}
            for i, rule in enumerate(station.rules if station else ())
        )
        self._notices.replace(
            {
                "key": notice.id,
                "title": notice.title,
                "body": notice.body,
                "date": day_text(notice.published_on),
            }
            for notice in (station.notices if station else ())
        )
        self._photo = self._read_photo()
        self.changed.emit()

    def _read_photo(self) -> str:
        """The station's own photo, as the sync worker left it (issue 15 §1), or ""."""
        if self._photo_dir is None:
            return ""
        try:
            name = (self._photo_dir / STATION_PHOTO_MARKER).read_text().strip()
        except OSError:
            return ""
        path = self._photo_dir / name if name and "/" not in name else None
        return QUrl.fromLocalFile(str(path)).toString() if path and path.is_file() else ""

    def _field(name: str, default=""):  # noqa: N805 (a helper used while building the class)
        def read(self: Station):
            station = self._snapshot.station if self._snapshot else None
            return getattr(station, name) if station else default

        return read

    def _ready(self) -> bool:
        return self._snapshot is not None

    def _kind(self) -> str:
        return self._snapshot.station.kind.value if self._snapshot else ""

    def _figure(name: str):  # noqa: N805
        def read(self: Station):
            return getattr(self._snapshot.station.figures, name) if self._snapshot else 0

        return read

    def _satisfaction(self) -> float:
        figures = self._snapshot.station.figures if self._snapshot else None
        return figures.satisfaction if figures and figures.satisfaction is not None else -1.0

    ready = Property(bool, _ready, notify=changed)
    kind = Property(str, _kind, notify=changed)
    name = Property(str, _field("name"), notify=changed)
    address = Property(str, _field("address"), notify=changed)
    hours = Property(str, _field("hours"), notify=changed)
    phone = Property(str, _field("phone"), notify=changed)
    intro = Property(str, _field("intro"), notify=changed)
    photo = Property(str, lambda self: self._photo, notify=changed)  # a file URL, or ""
    opinionsCollected = Property(int, _figure("opinions_collected"), notify=changed)
    problemsSolved = Property(int, _figure("problems_solved"), notify=changed)
    satisfaction = Property(float, _satisfaction, notify=changed)  # 0..1, or -1 if unknown
    rules = Property(KeyedListModel, lambda self: self._rules, constant=True)
    notices = Property(KeyedListModel, lambda self: self._notices, constant=True)


@QmlAnonymous  # a property's type QML knows (see KeyedListModel)
class DeputyFilter(QSortFilterProxyModel):
    """The directory's view of the roster: one level (or all) and a visitor's search text."""

    levelChanged = Signal()
    queryChanged = Signal()
    countChanged = Signal()

    def __init__(
        self, source: KeyedListModel, lookup: Callable[[str], Deputy | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._level = ""
        self._query = ""
        self.setSourceModel(source)
        for signal in (self.rowsInserted, self.rowsRemoved, self.modelReset, self.layoutChanged):
            signal.connect(self.countChanged)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        deputy = self._lookup(self.sourceModel().get(source_row)["key"])
        if deputy is None:
            return False
        if self._level and Level(self._level) not in deputy.levels:
            return False
        return deputy.matches(self._query)

    def _set(self, attribute: str, value: str, signal: Signal) -> None:
        if getattr(self, attribute) != value:
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange()
            signal.emit()
            self.countChanged.emit()

    def _set_level(self, level: str) -> None:
        if level and level not in tuple(Level):
            return  # QML passes only known levels; ignore anything else rather than fail
        self._set("_level", level, self.levelChanged)

    level = Property(str, lambda self: self._level, _set_level, notify=levelChanged)
    query = Property(
        str,
        lambda self: self._query,
        lambda self, q: self._set("_query", q, self.queryChanged),
        notify=queryChanged,
    )
    count = Property(int, lambda self: self.rowCount(), notify=countChanged)

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> dict:
        """The deputy shown at `row` (for 朗读), or an empty map."""
        if not 0 <= row < self.rowCount():
            return {}
        return self.sourceModel().get(self.mapToSource(self.index(row, 0)).row())


@dataclass(frozen=True)
class RosterDay:
    """A day's rows for the roster: made on any thread, shown on the GUI thread."""

    today: date
    duty_day: date | None  # today, or the next reception day; None when there is none
    duty: list[dict]
    upcoming: list[dict]


def person_row(deputy: Deputy, photo_dir: Path) -> dict:
    """A deputy as QML shows them (directory, duty tiles)."""
    path = photo_dir / deputy.photo if deputy.photo else None
    row = PersonRow(
        key=deputy.id,
        name=deputy.name,
        levels=[level.value for level in deputy.levels],
        constituency=deputy.constituency,
        blocks="、".join(deputy.blocks),
        photo=QUrl.fromLocalFile(str(path)).toString() if path and path.is_file() else "",
        occupation=deputy.occupation,
    )
    return as_map(row)


def reception_row(
    reception: ReceptionDay, snapshot: StationSnapshot | None, today: date, photo_dir: Path
) -> dict:
    """A reception as QML shows it (ReceptionDayItem, the schedule screen), seen `today`."""
    if reception.day == today:
        when = "today"
    elif reception.day == today + timedelta(days=1):
        when = "tomorrow"
    else:
        when = ""
    deputies = [snapshot.deputy(i) for i in reception.deputy_ids] if snapshot else []
    row = ReceptionRow(
        key=reception.key,
        scheduleId=reception.schedule_id,
        date=reception.day.isoformat(),
        day=day_text(reception.day),
        when=when,
        time=time_range_text(reception.start, reception.end),
        title=reception.title,
        theme=reception.theme,
        place=reception.place,
        deputies=[person_row(d, photo_dir) for d in deputies if d is not None],
        invited=list(reception.invited),
        # held | moved | cancelled | moved_away; QML words it (Labels.receptionNote).
        status=reception.status.value,
        originalDay=day_text(reception.original_day) if reception.original_day else "",
        movedTo=day_text(reception.moved_to) if reception.moved_to else "",
        reason=reception.reason,
        holiday=reception.holiday.name if reception.holiday else "",
        movedForHoliday=reception.moved_for_holiday,
    )
    return as_map(row)


@QmlElement
@QmlSingleton
class Roster(QObject):
    """Deputies and reception days: the directory, today's duty and the next reception days."""

    changed = Signal()

    def __init__(self, photo_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self._photo_dir = photo_dir
        self._snapshot: StationSnapshot | None = None
        self._today = date.min
        self._deputies = KeyedListModel(PersonRow, parent=self)
        self._directory = DeputyFilter(self._deputies, self._deputy, parent=self)
        # Today's receptions; on a day without, those of the next reception day.
        self._duty_receptions = KeyedListModel(ReceptionRow, parent=self)
        self._duty_day: date | None = None
        self._upcoming = KeyedListModel(ReceptionRow, parent=self)

    @staticmethod
    def create(engine) -> Roster:
        return handed_over(engine.backends.roster)

    def _deputy(self, deputy_id: str) -> Deputy | None:
        return self._snapshot.deputy(deputy_id) if self._snapshot else None

    def _person(self, deputy: Deputy) -> dict:
        return person_row(deputy, self._photo_dir)

    def reception_row(self, reception: ReceptionDay) -> dict:
        """A reception as QML shows it (ReceptionDayItem, the schedule screen)."""
        return reception_row(reception, self._snapshot, self._today, self._photo_dir)

    def show(self, snapshot: StationSnapshot | None, today: date) -> None:
        self._snapshot = snapshot
        self._deputies.replace(self._person(d) for d in (snapshot.deputies if snapshot else ()))
        self.show_day(today)

    def show_day(self, today: date) -> None:
        self.show_rows(self.day_rows(self._snapshot, today))

    def day_rows(self, snapshot: StationSnapshot | None, today: date) -> RosterDay:
        """The day's duty and next reception days as rows: any thread (it reads nothing of
        this object's but the photo folder)."""
        if snapshot is None:
            return RosterDay(today, None, [], [])
        coming = snapshot.upcoming_reception_days(today, 1)
        duty_day = coming[0].day if coming else None
        photos = self._photo_dir
        duty = snapshot.reception_days(duty_day, duty_day) if duty_day else []
        upcoming = snapshot.upcoming_reception_days(today + timedelta(days=1), UPCOMING_DAYS)
        return RosterDay(
            today,
            duty_day,
            [reception_row(r, snapshot, today, photos) for r in duty],
            [reception_row(r, snapshot, today, photos) for r in upcoming],
        )

    def show_rows(self, day: RosterDay) -> None:
        """Show rows made by `day_rows` (on the GUI thread)."""
        self._today = day.today
        self._duty_day = day.duty_day
        self._duty_receptions.replace(day.duty)
        self._upcoming.replace(day.upcoming)
        self.changed.emit()

    @Slot(str, result="QVariantMap")
    def deputy(self, deputy_id: str) -> dict:
        """Everything the deputy page shows, or an empty map for an unknown id."""
        deputy = self._deputy(deputy_id)
        if deputy is None:
            return {}
        upcoming = [
            r
            for r in self._snapshot.upcoming_reception_days(self._today, 200)
            if deputy.id in r.deputy_ids
        ][:DEPUTY_UPCOMING_DAYS]
        return {
            **self._person(deputy),
            "phone": deputy.phone,
            "bio": deputy.bio,
            "qrUrl": deputy.qr_url,
            "receptions": [self.reception_row(r) for r in upcoming],
        }

    @property
    def snapshot(self) -> StationSnapshot | None:
        return self._snapshot

    @property
    def photo_dir(self) -> Path:
        return self._photo_dir

    deputies = Property(KeyedListModel, lambda self: self._deputies, constant=True)
    directory = Property(DeputyFilter, lambda self: self._directory, constant=True)
    dutyReceptions = Property(KeyedListModel, lambda self: self._duty_receptions, constant=True)
    dutyIsToday = Property(bool, lambda self: self._duty_day == self._today, notify=changed)
    dutyDay = Property(
        str, lambda self: day_text(self._duty_day) if self._duty_day else "", notify=changed
    )
    upcoming = Property(KeyedListModel, lambda self: self._upcoming, constant=True)
