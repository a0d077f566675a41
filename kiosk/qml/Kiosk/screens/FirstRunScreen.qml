// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import KioskBackend
import Kiosk

// First run (or re-enrolment from the admin panel): the central server's address and a
// one-time enrolment code from the central office, or the demo station.
Item {
    id: screen
    objectName: "firstRunScreen"
    property bool alone: false  // the first run: nothing to go back to

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.touch + 2 * 16
        color: Theme.red
        BigButton {
            objectName: "backButton"
            visible: !screen.alone
            anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            width: 220
            text: qsTr("Back")
            onClicked: Navigation.back()
        }
        Text {
            anchors.centerIn: parent
            text: qsTr("Set up this kiosk")
            color: "white"
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
    }

    Flickable {
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
                  margins: Theme.margin }
        contentHeight: form.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: form
            width: Math.min(parent.width, 1200)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacing

            Text {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("Enter the central server's address and the enrolment code from the central office.")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            Text { text: qsTr("Server address"); font.pixelSize: Theme.smallSize; color: Theme.muted }
            TextField {
                id: serverField
                objectName: "serverField"
                width: parent.width
                height: Theme.touch
                font.pixelSize: Theme.bodySize
                text: Setup.serverUrl
                placeholderText: "https://"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            }
            Text { text: qsTr("Enrolment code"); font.pixelSize: Theme.smallSize; color: Theme.muted }
            TextField {
                id: codeField
                objectName: "codeField"
                width: parent.width
                height: Theme.touch
                font.pixelSize: Theme.bodySize
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            }
            Text {
                objectName: "setupMessage"
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize
                color: Setup.busy ? Theme.muted : Theme.red
                text: {
                    if (Setup.busy) return qsTr("Contacting the server…")
                    switch (Setup.error) {
                    case "address": return qsTr("The address must start with https:// (http:// only for a server on this computer).")
                    case "unreachable": return qsTr("Cannot reach the server. Check the network cable or Wi-Fi, and that the address is right.")
                    case "tls": return qsTr("No secure (TLS) connection to the server could be made. Check the address and this computer's date and time, or ask the central office for their certificate file.")
                    case "refused": return qsTr("The server did not accept this enrolment code. A code works once and for 7 days: ask the central office for a new one.")
                    case "server": return qsTr("The server has a problem right now. Please try again in a few minutes.")
                    }
                    return ""
                }
                visible: text.length > 0
            }
            Row {
                spacing: Theme.spacing
                BigButton {
                    objectName: "enrolButton"
                    primary: true
                    enabled: !Setup.busy && serverField.text.length > 0 && codeField.text.length > 0
                    opacity: enabled ? 1 : 0.5
                    text: qsTr("Enrol")
                    onClicked: { Qt.inputMethod.hide(); Setup.enrol(serverField.text, codeField.text) }
                }
                BigButton {
                    objectName: "demoButton"
                    visible: screen.alone
                    enabled: !Setup.busy
                    text: qsTr("Demo mode")
                    subtitle: qsTr("A made-up station, to try the kiosk")
                    onClicked: Setup.useDemo()
                }
            }
        }
    }
}
