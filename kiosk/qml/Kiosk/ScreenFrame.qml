// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// Every screen but home: a header with large Back and Home buttons and a title.
Item {
    id: frame
    property string title: ""
    default property alias content: body.data

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.touch + 2 * 16
        color: Theme.red

        BigButton {
            id: backButton
            objectName: "backButton"
            anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            width: 220
            text: qsTr("Back")
            onClicked: ApplicationWindow.window.back()
        }
        Text {
            anchors {
                left: backButton.right; right: homeButton.left; margins: Theme.spacing
                verticalCenter: parent.verticalCenter
            }
            horizontalAlignment: Text.AlignHCenter
            text: frame.title
            color: "white"
            font.pixelSize: Theme.titleSize
            font.bold: true
            elide: Text.ElideRight
        }
        BigButton {
            id: homeButton
            objectName: "homeButton"
            anchors { right: parent.right; rightMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            width: 220
            text: qsTr("Home")
            onClicked: ApplicationWindow.window.showHome()
        }
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
            margins: Theme.margin
        }
    }
}
