// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Kiosk

// A large touch button: a title and an optional second line. No hover, one tap.
AbstractButton {
    id: button
    property string subtitle: ""
    property bool primary: false
    property bool selected: false
    property bool marked: false  // the current one of a set of choices: outlined in red
    property int titleSize: Theme.headingSize

    implicitHeight: Math.max(Theme.touch, column.implicitHeight + 32)
    implicitWidth: Math.max(Theme.touch * 2, column.implicitWidth + 56)
    focusPolicy: Qt.NoFocus
    opacity: enabled ? 1 : 0.45

    background: Rectangle {
        radius: Theme.radius
        color: button.primary || button.selected ? (button.down ? Theme.redDark : Theme.red)
                                                 : (button.down ? Theme.tint : Theme.surface)
        border.color: button.primary || button.selected ? Theme.redDark : button.marked ? Theme.red : Theme.line
        border.width: button.marked ? 5 : 2
    }

    contentItem: Item {
        Column {
            id: column
            anchors.centerIn: parent
            spacing: 4
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(implicitWidth, button.availableWidth)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: button.text
                font.pixelSize: button.titleSize
                font.bold: true
                color: button.primary || button.selected ? "white" : button.marked ? Theme.red : Theme.text
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(implicitWidth, button.availableWidth)
                visible: button.subtitle.length > 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: button.subtitle
                font.pixelSize: Theme.smallSize
                color: button.primary || button.selected ? Theme.paleText : Theme.muted
            }
        }
    }
}
