// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import KioskBackend

// The admin PIN pad, reached by the hidden gesture on home. Digits are never shown.
ScreenFrame {
    id: screen
    objectName: "adminPinScreen"
    title: qsTr("Maintenance")
    property string pin: ""

    Component.onCompleted: Admin.refreshLock()

    Timer {
        running: Admin.status === "locked"
        interval: 1000
        repeat: true
        onTriggered: Admin.refreshLock()
    }

    Column {
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width, 3 * 200 + 2 * Theme.spacing)
        spacing: Theme.spacing

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Enter the admin PIN")
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "pinDots"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.pin.length > 0 ? "●".repeat(screen.pin.length) : " "
            font.pixelSize: Theme.titleSize
            color: Theme.text
        }
        Text {
            objectName: "pinMessage"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.red
            font.pixelSize: Theme.bodySize
            text: {
                switch (Admin.status) {
                case "checking": return qsTr("Checking…")
                case "no_pin": return qsTr("No admin PIN is set. Set one on this computer with: kiosk --set-admin-pin")
                case "wrong": return qsTr("Wrong PIN. %n more try(s) before a wait.", "", Admin.triesLeft)
                case "locked": return Admin.lockedSeconds < 120
                    ? qsTr("Too many wrong PINs. Try again in %n second(s).", "", Admin.lockedSeconds)
                    : qsTr("Too many wrong PINs. Try again in %n minute(s).", "", Math.ceil(Admin.lockedSeconds / 60))
                }
                return " "
            }
        }
        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: Theme.spacing
            enabled: Admin.status !== "locked" && Admin.status !== "checking"
            opacity: enabled ? 1 : 0.4
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
                delegate: BigButton {
                    required property string modelData
                    objectName: "pinKey_" + modelData
                    width: 200
                    height: 110
                    primary: modelData === "ok"
                    titleSize: Theme.titleSize
                    text: modelData === "clear" ? qsTr("Clear")
                        : modelData === "ok" ? qsTr("OK") : modelData
                    onClicked: {
                        if (modelData === "clear") {
                            screen.pin = ""
                        } else if (modelData === "ok") {
                            Admin.tryPin(screen.pin)
                            screen.pin = ""
                        } else if (screen.pin.length < PinRules.adminLongest) {
                            screen.pin += modelData
                        }
                    }
                }
            }
        }
    }
}
