// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Kiosk

// A deputy in the directory grid: photo, name, highest level, constituency. Tap to open.
AbstractButton {
    id: card
    required property string key
    required property string name
    required property var levels
    required property string constituency
    required property string photo

    focusPolicy: Qt.NoFocus
    // Name and level: a line each; the constituency: up to two.
    readonly property real wordsHeight: Math.ceil((Theme.headingSize + 3 * Theme.smallSize) * 1.45) + 12
    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.tint : Theme.surface
        border.color: Theme.line
        border.width: 2
    }
    contentItem: Column {
        spacing: 6
        // The photo takes what the words leave: names stay readable in a short row (the
        // keyboard up) as in a tall one.
        DeputyPhoto {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.max(0, Math.min(card.availableWidth,
                                        (card.availableHeight - card.wordsHeight - 6) * 3 / 4))
            source: card.photo
            name: card.name
        }
        Column {
        id: words
        width: parent.width
        spacing: 6
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.name
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.levels.length > 0 ? Labels.levelShort(card.levels[0]) : ""
            font.pixelSize: Theme.smallSize
            color: Theme.red
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: card.constituency
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            wrapMode: Text.Wrap
        }
        }
    }
    padding: 16
}
