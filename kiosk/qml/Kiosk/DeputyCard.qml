// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A deputy in the directory grid: photo, name, highest level, constituency. Tap to open.
AbstractButton {
    id: card
    required property string key
    required property string name
    required property var levels
    required property string constituency
    required property string photo

    focusPolicy: Qt.NoFocus
    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.tint : Theme.surface
        border.color: Theme.line
        border.width: 2
    }
    contentItem: Column {
        spacing: 6
        DeputyPhoto {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(card.availableWidth, card.availableHeight * 0.5)
            source: card.photo
            name: card.name
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.name
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.levels.length > 0 ? Labels.levelShort(card.levels[0]) : ""
            font.pixelSize: Theme.smallSize
            color: Theme.red
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.constituency
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            elide: Text.ElideRight
        }
    }
    padding: 16
}
