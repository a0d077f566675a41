// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// 代表签到: a duty deputy taps their photo, then types their PIN on a large pad.
ScreenFrame {
    id: screen
    objectName: "deputySignInScreen"
    title: qsTr("Deputy sign-in")
    readonly property bool portrait: height > width
    readonly property bool choosing: SignIn.chosenId.length === 0
    property string pin: ""

    Component.onDestruction: SignIn.cancel()
    Connections {
        target: SignIn
        function onChanged() { if (SignIn.message.length > 0) screen.pin = "" }
    }

    // --- step 1: whose photo ---------------------------------------------------------------
    Item {
        anchors.fill: parent
        visible: screen.choosing

        Text {
            id: chooseHint
            width: parent.width
            text: qsTr("Tap your photo to sign in.")
            font.pixelSize: Theme.headingSize
            color: Theme.text
        }
        Flickable {
            id: chooser
            objectName: "deputyChooser"
            anchors { left: parent.left; right: chooserPages.left; rightMargin: Theme.spacing
                      top: chooseHint.bottom; topMargin: Theme.spacing; bottom: parent.bottom }
            contentHeight: photoGrid.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            Grid {
                id: photoGrid
                width: chooser.width
                columns: screen.portrait ? 4 : 8
                spacing: Theme.spacing
                readonly property real tile: (width - (columns - 1) * spacing) / columns
                Repeater {
                    model: Presence.people
                    delegate: AbstractButton {
                        id: person
                        required property var modelData
                        objectName: "choose_" + modelData.key
                        width: photoGrid.tile
                        height: personColumn.implicitHeight
                        focusPolicy: Qt.NoFocus
                        onClicked: { screen.pin = ""; SignIn.choose(modelData.key) }
                        contentItem: Item {}
                        Column {
                            id: personColumn
                            width: parent.width
                            spacing: 6
                            DeputyPhoto {
                                width: parent.width
                                source: person.modelData.photo
                                name: person.modelData.name
                                present: person.modelData.present
                                border.width: person.modelData.onDuty ? 4 : 0
                                border.color: Theme.gold
                            }
                            Text {
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                text: person.modelData.name
                                font.pixelSize: Theme.bodySize
                                font.bold: true
                                color: Theme.text
                                // Shrinks to fit rather than cut a word short (issue 16 §1).
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: 16
                            }
                            Text {
                                width: parent.width
                                horizontalAlignment: Text.AlignHCenter
                                visible: person.modelData.onDuty
                                text: qsTr("On duty today")
                                font.pixelSize: Theme.smallSize
                                color: Theme.red
                                // Shrinks to fit rather than cut a word short (issue 16 §1).
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: 16
                            }
                        }
                    }
                }
            }
        }
        PageButtons {
            id: chooserPages
            anchors { right: parent.right; top: chooser.top }
            width: 200
            target: chooser
        }
    }

    // --- step 2: the PIN pad ---------------------------------------------------------------
    GridLayout {
        anchors.centerIn: parent
        visible: !screen.choosing
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.spacing

        Column {
            Layout.alignment: screen.portrait ? Qt.AlignHCenter : (Qt.AlignRight | Qt.AlignVCenter)
            Layout.preferredWidth: screen.portrait ? 700 : 460
            spacing: Theme.spacing
            Row {
                spacing: Theme.spacing
                anchors.horizontalCenter: parent.horizontalCenter
                DeputyPhoto {
                    width: screen.portrait ? 180 : 260
                    source: SignIn.chosen.photo || ""
                    name: SignIn.chosen.name || ""
                }
                Column {
                    visible: screen.portrait
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 8
                    Text { text: SignIn.chosen.name || ""; font.pixelSize: Theme.titleSize; font.bold: true; color: Theme.text }
                    Text { text: qsTr("Type your PIN"); font.pixelSize: Theme.bodySize; color: Theme.muted }
                }
            }
            Text {
                visible: !screen.portrait
                anchors.horizontalCenter: parent.horizontalCenter
                text: SignIn.chosen.name || ""
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
            }
            Text {
                visible: !screen.portrait
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Type your PIN")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            BigButton {
                objectName: "chooseAnother"
                anchors.horizontalCenter: parent.horizontalCenter
                width: 440
                text: qsTr("Not you? Choose again")
                onClicked: { screen.pin = ""; SignIn.cancel() }
            }
        }

        Column {
            id: pad
            objectName: "pinPad"
            Layout.alignment: screen.portrait ? Qt.AlignHCenter : (Qt.AlignLeft | Qt.AlignVCenter)
            spacing: 16
            readonly property int key: 150
            readonly property bool open: !SignIn.checking && SignIn.waitSeconds === 0

            Rectangle {
                width: grid.width
                height: 100
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.line
                border.width: 2
                Text {
                    objectName: "pinDots"
                    anchors.centerIn: parent
                    text: "●".repeat(screen.pin.length)
                    font.pixelSize: 44
                    font.letterSpacing: 12
                    color: Theme.text
                }
            }
            Text {
                objectName: "pinMessage"
                width: grid.width
                height: 2 * 38
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.bodySize
                color: SignIn.checking ? Theme.muted : Theme.red
                text: {
                    if (SignIn.checking) return qsTr("Checking…")
                    switch (SignIn.message) {
                    case "wrong": return qsTr("That did not work. Please try again.")
                    case "wait": return SignIn.waitSeconds > 90
                        ? qsTr("Too many tries. Please wait %n minute(s).", "", Math.ceil(SignIn.waitSeconds / 60))
                        : qsTr("Too many tries. Please wait %n second(s).", "", SignIn.waitSeconds)
                    case "short": return qsTr("A PIN has 6 to 8 digits.")
                    case "unavailable": return qsTr("The kiosk is still starting. Please try again in a moment.")
                    }
                    return ""
                }
            }
            Grid {
                id: grid
                columns: 3
                spacing: 16
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "delete"]
                    delegate: BigButton {
                        required property string modelData
                        objectName: "pinKey_" + modelData
                        width: modelData.length === 1 ? pad.key * 1.3 : pad.key * 1.3
                        height: pad.key * 0.8
                        enabled: pad.open
                        opacity: enabled ? 1 : 0.5
                        titleSize: modelData.length === 1 ? Theme.heroSize : Theme.bodySize
                        text: modelData === "clear" ? qsTr("Clear")
                              : modelData === "delete" ? qsTr("Delete") : modelData
                        onClicked: {
                            if (modelData === "clear") screen.pin = ""
                            else if (modelData === "delete") screen.pin = screen.pin.slice(0, -1)
                            else if (screen.pin.length < PinRules.deputyLongest) screen.pin += modelData
                        }
                    }
                }
            }
            BigButton {
                objectName: "pinOk"
                width: grid.width
                height: pad.key * 0.8
                primary: true
                enabled: pad.open && screen.pin.length > 0
                opacity: enabled ? 1 : 0.5
                titleSize: Theme.titleSize
                text: qsTr("Sign in")
                onClicked: SignIn.enterPin(screen.pin)
            }
        }
    }
}
