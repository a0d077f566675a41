// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Kiosk

// One reception in full: time and title, what changed, theme, place, invited departments and
// the deputies on duty (tap one to open their page). `entry` is a row of the Schedule backend.
Item {
    id: detail
    property var entry: ({})
    property bool showDay: false
    readonly property bool held: entry.status === "held" || entry.status === "moved"

    implicitHeight: column.implicitHeight + 28

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 2
        color: Theme.line
    }
    Column {
        id: column
        width: parent.width
        spacing: 8
        Grid {
            id: headingRow
            // In the month's list, the date leads each entry; above it where space is short.
            readonly property bool wide: detail.width > 1000
            width: parent.width
            columns: wide ? 2 : 1
            columnSpacing: 20
            rowSpacing: 4
            Text {
                id: dayText
                visible: detail.showDay
                text: detail.entry.day ?? ""
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.red
            }
            Text {
                id: heading
                width: parent.width
                       - (dayText.visible && headingRow.wide ? dayText.width + parent.columnSpacing : 0)
                text: [detail.entry.time ?? "", detail.entry.title ?? ""].join("  ")
                font.pixelSize: Theme.headingSize
                font.bold: true
                font.strikeout: !detail.held
                color: detail.held ? Theme.text : Theme.muted
                wrapMode: Text.WordWrap
            }
        }
        // What is different about this one: cancelled, moved, or on a holiday.
        Rectangle {
            objectName: "receptionNote"
            visible: note.text.length > 0
            width: Math.min(parent.width, note.implicitWidth + 28)
            height: note.implicitHeight + 12
            radius: 10
            color: detail.held ? Theme.warningBackground : Theme.cancelledBackground
            Text {
                id: note
                x: 14; y: 6
                width: Math.min(implicitWidth, column.width - 28)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: detail.held ? Theme.warning : Theme.text
                text: {
                    const e = detail.entry
                    const reason = (e.reason ?? "").length > 0 ? qsTr(": %1").arg(e.reason) : ""
                    switch (e.status) {
                    case "cancelled":
                        return qsTr("Cancelled") + reason
                    case "moved_away":
                        return e.movedForHoliday
                            ? qsTr("Moved to %1 because of %2").arg(e.movedTo).arg(e.holiday)
                            : qsTr("Moved to %1").arg(e.movedTo) + reason
                    case "moved":
                        if (e.movedForHoliday)
                            return qsTr("Moved here from %1 because of %2").arg(e.originalDay).arg(e.holiday)
                        return (e.originalDay === e.day || !e.originalDay
                                ? qsTr("New time") : qsTr("Moved here from %1").arg(e.originalDay)) + reason
                    }
                    return (e.holiday ?? "").length > 0
                        ? qsTr("Held although it is a public holiday (%1)").arg(e.holiday) : ""
                }
            }
        }
        Text {
            width: parent.width
            visible: (detail.entry.theme ?? "").length > 0
            text: qsTr("Theme: %1").arg(detail.entry.theme ?? "")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            width: parent.width
            visible: (detail.entry.place ?? "").length > 0
            text: qsTr("Place: %1").arg(detail.entry.place ?? "")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "invitedDepartments"
            width: parent.width
            visible: (detail.entry.invited ?? []).length > 0
            text: qsTr("Invited departments: %1").arg((detail.entry.invited ?? []).join("、"))
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Flow {
            width: parent.width
            visible: detail.held && (detail.entry.deputies ?? []).length > 0
            spacing: 16
            Repeater {
                model: detail.held ? (detail.entry.deputies ?? []) : []
                delegate: AbstractButton {
                    id: person
                    required property var modelData
                    objectName: "scheduleDeputy_" + modelData.key
                    width: 200
                    height: 100
                    focusPolicy: Qt.NoFocus
                    onClicked: Navigation.showDeputy(modelData.key)
                    background: Rectangle {
                        radius: Theme.radius
                        color: person.down ? Theme.tint : Theme.surface
                        border.color: Theme.line
                        border.width: 2
                    }
                    contentItem: Item {
                        DeputyPhoto {
                            id: face
                            x: 8; y: 8
                            width: 63
                            source: person.modelData.photo
                            name: person.modelData.name
                        }
                        Text {
                            anchors { left: face.right; leftMargin: 12; right: parent.right; rightMargin: 8
                                      verticalCenter: parent.verticalCenter }
                            text: person.modelData.name
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.text
                            // Shrinks to fit rather than cut a word short (issue 16 §1).
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: 16
                        }
                    }
                }
            }
        }
    }
}
