// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Kiosk

// Asks once before a tap would throw a visitor's work away (issue 16 §2): staying is the
// large, primary answer; leaving does what was asked.
Rectangle {
    id: dialog
    objectName: "askDialog"
    visible: false
    color: "#B3000000"
    property string title: ""
    property string detail: ""
    property string stayText: ""
    property string leaveText: ""
    property var onLeave: null

    function ask(title, detail, stayText, leaveText, onLeave) {
        dialog.title = title
        dialog.detail = detail
        dialog.stayText = stayText
        dialog.leaveText = leaveText
        dialog.onLeave = onLeave
        dialog.visible = true
    }
    function close() { dialog.visible = false; dialog.onLeave = null }

    MouseArea { anchors.fill: parent }  // nothing underneath answers while it asks
    Card {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1100)
        height: askColumn.implicitHeight + 2 * Theme.margin
        Column {
            id: askColumn
            width: parent.width
            spacing: Theme.spacing * 1.5
            Text {
                objectName: "askTitle"
                width: parent.width
                text: dialog.title
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "askDetail"
                width: parent.width
                visible: text.length > 0
                text: dialog.detail
                font.pixelSize: Theme.bodySize
                lineHeight: 1.2
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Grid {
                anchors.horizontalCenter: parent.horizontalCenter
                columns: dialog.width > dialog.height ? 2 : 1
                spacing: Theme.spacing
                readonly property real buttonWidth: columns === 2 ? (askColumn.width - spacing) / 2 : askColumn.width
                BigButton {
                    objectName: "askStay"
                    width: parent.buttonWidth
                    primary: true
                    text: dialog.stayText
                    onClicked: dialog.close()
                }
                BigButton {
                    objectName: "askLeave"
                    width: parent.buttonWidth
                    text: dialog.leaveText
                    onClicked: {
                        var leave = dialog.onLeave
                        dialog.close()
                        if (leave) leave()
                    }
                }
            }
        }
    }
}
