// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Kiosk

// One reception day in a list: date (and "today"/"tomorrow"), time, title and theme, who.
Item {
    id: item
    property string day: ""
    property string when: ""
    property string time: ""
    property string title: ""
    property string theme: ""
    property string place: ""
    property var deputies: []
    property string status: "held"  // held | moved (kiosk/ui/rows.py ReceptionRow)
    property string originalDay: ""  // the day it was moved from
    property bool showDeputies: true

    implicitHeight: column.implicitHeight + 24

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 2
        color: Theme.line
    }
    Column {
        id: column
        width: parent.width
        spacing: 4
        Row {
            spacing: 16
            Text {
                text: item.day
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
            Rectangle {
                visible: item.when.length > 0
                anchors.verticalCenter: parent.verticalCenter
                width: whenText.implicitWidth + 20; height: whenText.implicitHeight + 4
                radius: 8
                color: Theme.red
                Text {
                    id: whenText
                    anchors.centerIn: parent
                    text: Labels.whenText(item.when)
                    color: "white"
                    font.pixelSize: Theme.smallSize
                }
            }
            Text {
                text: item.time
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
        }
        // On a line of its own: beside the time it ran off the card (issue 16 §2).
        Text {
            objectName: "movedFrom"
            width: parent.width
            visible: item.status === "moved" && item.originalDay.length > 0
            text: qsTr("(moved from %1)").arg(item.originalDay)
            font.pixelSize: Theme.smallSize
            color: Theme.warning
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            text: item.theme.length > 0 ? qsTr("%1 · Theme: %2").arg(item.title).arg(item.theme)
                                        : item.title
            font.pixelSize: Theme.smallSize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            visible: item.showDeputies && item.deputies.length > 0
            text: qsTr("On duty: %1").arg(item.deputies.map(d => d.name).join("、"))
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            wrapMode: Text.Wrap
        }
    }
}
