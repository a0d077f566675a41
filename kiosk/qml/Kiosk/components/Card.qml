// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Kiosk

// A white panel with a heading; children go below the heading.
Rectangle {
    id: card
    property string title: ""
    default property alias content: body.data
    property alias body: body

    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.line
    border.width: 2

    Rectangle {
        id: accent
        visible: card.title.length > 0
        x: Theme.margin - 12; y: Theme.margin - 2
        width: 8; height: heading.height + 4
        radius: 4
        color: Theme.red
    }
    Text {
        id: heading
        visible: card.title.length > 0
        anchors { left: accent.right; leftMargin: 14; right: parent.right; rightMargin: Theme.margin }
        y: Theme.margin - 4
        text: card.title
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.text
        // Shrinks to fit rather than cut a word short (issue 16 §1).
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 16
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: card.title.length > 0 ? heading.bottom : parent.top
            margins: Theme.margin
            topMargin: card.title.length > 0 ? Theme.spacing : Theme.margin
        }
    }
}
