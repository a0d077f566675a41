// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Kiosk

// A deputy's portrait at 3:4; without a photo, the surname on a tinted ground.
Rectangle {
    id: photo
    property string source: ""
    property string name: ""
    property bool present: false

    implicitWidth: 180
    implicitHeight: Math.round(width * 4 / 3)
    radius: 12
    color: Theme.tint
    clip: true

    Image {
        anchors.fill: parent
        visible: photo.source.length > 0
        source: photo.source
        sourceSize: Qt.size(photo.width, photo.height)
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
    }
    Text {
        anchors.centerIn: parent
        visible: photo.source.length === 0
        text: photo.name.slice(0, 1)
        font.pixelSize: photo.width / 2.5
        color: Theme.muted
    }
    Rectangle {
        visible: photo.present
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: presentText.implicitHeight + 12
        color: Theme.present
        Text {
            id: presentText
            anchors.centerIn: parent
            text: qsTr("Present")
            color: "white"
            font.pixelSize: Theme.smallSize
            font.bold: true
        }
    }
}
