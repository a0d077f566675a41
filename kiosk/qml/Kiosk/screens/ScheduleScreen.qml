// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Reception days (接待日安排): a month calendar with holidays and make-up workdays, or the
// month as a list; tapping a day shows its receptions, themes, invited departments and who
// is on duty. Months change with large buttons (a swipe on the calendar works too).
ScreenFrame {
    id: screen
    objectName: "scheduleScreen"
    title: qsTr("Reception days")
    readonly property bool portrait: height > width
    property bool listMode: false
    // 朗读: the chosen day and its receptions, or, as a list, the month's reception days.
    readAloudWith: () => {
        if (screen.listMode)
            return Schedule.monthReceptions.count === 0
                ? qsTr("No reception day in this month.")
                : Labels.rows(Schedule.monthReceptions).map(Labels.receptionSpeech).join(qsTr("; "))
        var parts = [Schedule.selectedDay]
        if (Schedule.selectedKind.length > 0)
            parts.push(Schedule.selectedKind === "holiday"
                       ? qsTr("Public holiday: %1").arg(Schedule.selectedHoliday)
                       : qsTr("Make-up workday (%1)").arg(Schedule.selectedHoliday))
        parts.push(Schedule.selectedReceptions.count === 0
                   ? qsTr("No reception on this day.")
                   : Labels.rows(Schedule.selectedReceptions).map(r => Labels.receptionSpeech(
                         Object.assign({}, r, {day: ""}))).join(qsTr("; ")))
        return parts.join(qsTr(". "))
    }

    Component.onCompleted: Schedule.showToday()

    GridLayout {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        columns: screen.portrait ? 3 : 5
        columnSpacing: Theme.spacing
        rowSpacing: 16
        BigButton {
            objectName: "previousMonth"
            Layout.preferredWidth: 240
            text: qsTr("Previous month")
            titleSize: Theme.bodySize
            enabled: Schedule.canGoBack
            opacity: enabled ? 1 : 0.4
            onClicked: Schedule.previousMonth()
        }
        Text {
            objectName: "monthTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("%1-%2").arg(Schedule.year).arg(Schedule.month)
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
        }
        BigButton {
            objectName: "nextMonth"
            Layout.preferredWidth: 240
            text: qsTr("Next month")
            titleSize: Theme.bodySize
            enabled: Schedule.canGoForward
            opacity: enabled ? 1 : 0.4
            onClicked: Schedule.nextMonth()
        }
        BigButton {
            objectName: "thisMonth"
            Layout.preferredWidth: 200
            text: qsTr("This month")
            titleSize: Theme.bodySize
            enabled: !Schedule.showingThisMonth
            opacity: enabled ? 1 : 0.4
            onClicked: Schedule.showToday()
        }
        Row {
            Layout.columnSpan: screen.portrait ? 2 : 1
            Layout.alignment: Qt.AlignRight
            spacing: 12
            BigButton {
                objectName: "monthView"
                width: Math.max(180, implicitWidth)  // "Calendar" in 大字 broke mid-word
                text: qsTr("Calendar")
                titleSize: Theme.bodySize
                selected: !screen.listMode
                onClicked: screen.listMode = false
            }
            BigButton {
                objectName: "listView"
                width: Math.max(180, implicitWidth)  // "Calendar" in 大字 broke mid-word
                text: qsTr("List")
                titleSize: Theme.bodySize
                selected: screen.listMode
                onClicked: screen.listMode = true
            }
        }
    }

    // A year the holiday table does not cover: say so, never mark it silently wrong.
    Rectangle {
        id: banner
        objectName: "holidaysMissing"
        anchors { left: parent.left; right: parent.right; top: bar.bottom; topMargin: Theme.spacing }
        visible: Schedule.missingHolidayYear > 0
        height: visible ? bannerText.implicitHeight + 24 : 0
        radius: Theme.radius
        color: Theme.warningBackground
        border.color: Theme.gold
        border.width: 2
        Text {
            id: bannerText
            objectName: "holidaysMissingText"
            anchors { left: parent.left; right: parent.right; margins: 20; verticalCenter: parent.verticalCenter }
            text: qsTr("The %1 holiday arrangement has not been published yet: holidays and make-up workdays are not marked.")
                  .arg(Schedule.missingHolidayYear)
            font.pixelSize: Theme.smallSize
            color: Theme.warning
            wrapMode: Text.WordWrap
        }
    }

    Item {
        id: area
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: banner.visible ? banner.bottom : bar.bottom
            topMargin: Theme.spacing
        }

        // --- the month as a calendar, with the selected day beside (or below) it ---------
        Item {
            id: calendar
            objectName: "monthGrid"
            visible: !screen.listMode
            x: 0; y: 0
            width: screen.portrait ? area.width : Math.round(area.width * 0.58)
            height: screen.portrait ? Math.min(area.height * 0.62, 52 + 6 * 150) : area.height
            readonly property real cellWidth: width / 7
            readonly property real cellHeight: (height - weekdays.height - 8) / 6

            Row {
                id: weekdays
                width: parent.width
                height: 44
                Repeater {
                    // Monday first, as Chinese calendars are printed.
                    model: [1, 2, 3, 4, 5, 6, 7]
                    delegate: Text {
                        required property int modelData
                        width: calendar.cellWidth
                        horizontalAlignment: Text.AlignHCenter
                        text: Qt.locale().standaloneDayName(modelData % 7, Locale.ShortFormat)
                        font.pixelSize: Theme.smallSize
                        font.bold: true
                        color: modelData >= 6 ? Theme.red : Theme.muted
                    }
                }
            }
            Grid {
                id: cells
                anchors { top: weekdays.bottom; topMargin: 8 }
                columns: 7
                Repeater {
                    model: Schedule.days
                    delegate: AbstractButton {
                        id: cell
                        required property string key
                        required property int number
                        required property bool inMonth
                        required property bool today
                        required property bool selected
                        required property string holiday
                        required property string kind
                        required property int receptions
                        required property bool cancelled
                        required property bool onHoliday
                        objectName: "day_" + key
                        width: calendar.cellWidth
                        height: calendar.cellHeight
                        focusPolicy: Qt.NoFocus
                        onClicked: Schedule.selectDay(key)
                        background: Rectangle {
                            anchors.fill: parent
                            anchors.margins: 3
                            radius: 12
                            color: cell.selected ? Theme.red
                                 : cell.kind === "holiday" ? Theme.holidayCell
                                 : cell.down ? Theme.tint : Theme.surface
                            border.color: cell.today ? Theme.red : Theme.line
                            border.width: cell.today ? 4 : 1
                            opacity: cell.inMonth ? 1 : 0.45
                        }
                        contentItem: Item {
                            opacity: cell.inMonth ? 1 : 0.5
                            Text {
                                objectName: "dayNumber"
                                x: 14; y: 6
                                // Above the day's mark, never under it: 大字 in landscape
                                // leaves short cells, and the number shrinks to the room.
                                height: cell.height - 12 - (cell.receptions > 0 || cell.cancelled ? 46 : 0)
                                verticalAlignment: Text.AlignTop
                                fontSizeMode: Text.VerticalFit
                                minimumPixelSize: 20
                                text: cell.number
                                font.pixelSize: Theme.headingSize
                                font.bold: true
                                color: cell.selected ? "white" : Theme.text
                            }
                            // 休: a day off; 班: a worked weekend day (调休).
                            Rectangle {
                                visible: cell.kind.length > 0
                                anchors { right: parent.right; top: parent.top; margins: 10 }
                                width: 40; height: 40; radius: 8
                                color: cell.kind === "holiday" ? Theme.holiday : Theme.makeUp
                                Text {
                                    anchors.centerIn: parent
                                    text: cell.kind === "holiday" ? qsTr("Off") : qsTr("Work")
                                    color: "white"
                                    font.pixelSize: 26
                                    font.bold: true
                                }
                            }
                            Text {
                                visible: cell.holiday.length > 0
                                         && cell.height >= ((cell.receptions > 0 || cell.cancelled) ? 136 : 96)
                                anchors { left: parent.left; right: parent.right; leftMargin: 14; rightMargin: 8 }
                                y: 50
                                text: cell.kind === "holiday" ? cell.holiday : qsTr("Workday")
                                font.pixelSize: Theme.smallSize
                                color: cell.selected ? "white" : Theme.muted
                                // Shrinks to fit rather than cut a word short (issue 16 §1).
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: 16
                            }
                            Rectangle {
                                objectName: "mark_" + cell.key
                                visible: cell.receptions > 0 || cell.cancelled
                                anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                                          margins: 10 }
                                height: 36
                                radius: 8
                                color: cell.receptions === 0 ? Theme.markChanged
                                     : cell.onHoliday ? Theme.markOnHoliday
                                     : cell.selected ? "white" : Theme.red
                                Text {
                                    anchors.centerIn: parent
                                    width: parent.width - 8
                                    horizontalAlignment: Text.AlignHCenter
                                    text: cell.receptions > 0 ? qsTr("Reception") : qsTr("Changed")
                                    font.pixelSize: 26
                                    font.bold: true
                                    color: cell.selected && cell.receptions > 0 && !cell.onHoliday
                                           ? Theme.red : "white"
                                    // Shrinks to fit rather than cut a word short (issue 16 §1).
                                    fontSizeMode: Text.HorizontalFit
                                    minimumPixelSize: 16
                                }
                            }
                        }
                    }
                }
            }
            // A swipe changes the month too; the buttons above are the way that always works.
            DragHandler {
                id: swipe
                target: null
                xAxis.enabled: true
                yAxis.enabled: false
                onActiveChanged: {
                    if (active)
                        return
                    const dx = centroid.position.x - centroid.pressPosition.x
                    if (dx < -120) Schedule.nextMonth()
                    else if (dx > 120) Schedule.previousMonth()
                }
            }
        }

        Card {
            id: dayCard
            objectName: "dayCard"
            visible: !screen.listMode
            x: screen.portrait ? 0 : calendar.width + Theme.spacing
            y: screen.portrait ? calendar.height + Theme.spacing : 0
            width: area.width - x
            height: area.height - y
            title: Schedule.selectedIsToday ? qsTr("%1 (today)").arg(Schedule.selectedDay) : Schedule.selectedDay

            Text {
                id: dayKind
                objectName: "dayHoliday"
                width: parent.width
                visible: Schedule.selectedKind.length > 0
                text: Schedule.selectedKind === "holiday"
                      ? qsTr("Public holiday: %1").arg(Schedule.selectedHoliday)
                      : qsTr("Make-up workday (%1)").arg(Schedule.selectedHoliday)
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Schedule.selectedKind === "holiday" ? Theme.holiday : Theme.makeUp
            }
            Text {
                id: noneThatDay
                anchors { top: dayKind.visible ? dayKind.bottom : parent.top; topMargin: dayKind.visible ? 12 : 0 }
                width: parent.width
                visible: Schedule.selectedReceptions.count === 0
                text: qsTr("No reception on this day.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            ListView {
                id: dayList
                objectName: "dayReceptions"
                anchors {
                    left: parent.left; right: dayPages.visible ? dayPages.left : parent.right
                    rightMargin: dayPages.visible ? Theme.spacing : 0
                    top: dayKind.visible ? dayKind.bottom : parent.top
                    topMargin: dayKind.visible ? 12 : 0
                    bottom: parent.bottom
                }
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                spacing: 16
                model: Schedule.selectedReceptions
                delegate: ReceptionDetail {
                    required property var model
                    width: ListView.view.width
                    entry: model
                }
            }
            PageButtons {
                id: dayPages
                anchors { right: parent.right; bottom: parent.bottom }
                target: dayList
            }
        }

        // --- the month as a list -------------------------------------------------------------
        Card {
            id: listCard
            objectName: "monthList"
            visible: screen.listMode
            anchors.fill: parent

            Text {
                visible: Schedule.monthReceptions.count === 0
                width: parent.width
                text: qsTr("No reception day in this month.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            ListView {
                id: monthList
                objectName: "monthReceptions"
                anchors {
                    left: parent.left; top: parent.top; bottom: parent.bottom
                    right: listPages.visible ? listPages.left : parent.right
                    rightMargin: listPages.visible ? Theme.spacing : 0
                }
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                spacing: 16
                model: Schedule.monthReceptions
                delegate: ReceptionDetail {
                    required property var model
                    width: ListView.view.width
                    entry: model
                    showDay: true
                }
            }
            PageButtons {
                id: listPages
                anchors { right: parent.right; top: parent.top }
                target: monthList
            }
        }
    }
}
