// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// How to reach the visitor: a name (typed), a phone number (keypad), a topic (appointments).
FormStep {
    id: step
    readonly property bool callback: IntakeForm.kind === "callback"
    question: callback ? qsTr("Your phone number: we will call you back.")
                       : qsTr("How can we reach you?")
    // While a text field has the focus the keyboard is up: the keypad makes room.
    readonly property bool typing: nameField.activeFocus || topicField.activeFocus

    GridLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        columns: step.portrait || step.typing ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 12
            Text {
                Layout.fillWidth: true
                text: step.question
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                visible: !step.callback
                text: qsTr("Your name")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            RowLayout {
                visible: !step.callback
                Layout.fillWidth: true
                spacing: Theme.spacing
                TextField {
                    id: nameField
                    objectName: "nameField"
                    // Nothing a visitor types is learned for the next one (issue 16).
                    inputMethodHints: Qt.ImhSensitiveData
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.headingSize
                    placeholderText: qsTr("e.g. 王阿姨, 李先生")
                    Component.onCompleted: text = IntakeForm.name
                    onTextChanged: IntakeForm.set("name", text)
                }
                // Closes the keyboard: the phone number comes from the keypad.
                BigButton {
                    objectName: "doneTyping"
                    visible: step.typing
                    Layout.preferredWidth: 240
                    primary: true
                    text: qsTr("Done")
                    onClicked: step.forceActiveFocus()
                }
            }
            FieldProblem {
                objectName: "nameProblem"
                Layout.fillWidth: true
                text: FormLabels.problem(IntakeForm.nameProblem, IntakeForm.limits.name)
            }
            Text {
                visible: !step.typing
                text: qsTr("Mobile (or landline with area code)")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            Rectangle {
                visible: !step.typing
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                radius: 8
                color: Theme.surface
                border.color: IntakeForm.phoneProblem ? Theme.red : Theme.line
                border.width: 2
                Text {
                    objectName: "phoneDisplay"
                    anchors { fill: parent; leftMargin: 20 }
                    verticalAlignment: Text.AlignVCenter
                    text: IntakeForm.phone
                    font.pixelSize: Theme.titleSize
                    font.letterSpacing: 4
                    color: Theme.text
                }
            }
            FieldProblem {
                objectName: "phoneProblem"
                Layout.fillWidth: true
                text: FormLabels.problem(IntakeForm.phoneProblem, 0)
            }
            Text {
                visible: IntakeForm.kind === "appointment"
                text: qsTr("What would you like to talk about? (optional)")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            TextField {
                id: topicField
                objectName: "topicField"
                // Nothing a visitor types is learned for the next one (issue 16).
                inputMethodHints: Qt.ImhSensitiveData
                visible: IntakeForm.kind === "appointment"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.headingSize
                Component.onCompleted: text = IntakeForm.topic
                onTextChanged: IntakeForm.set("topic", text)
            }
            FieldProblem {
                objectName: "topicProblem"
                Layout.fillWidth: true
                text: FormLabels.problem(IntakeForm.topicProblem, IntakeForm.limits.topic)
            }
        }
        ColumnLayout {
            visible: !step.typing
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            KeyPad {
                objectName: "phonePad"
                Layout.alignment: Qt.AlignHCenter
                keySize: step.portrait ? 140 : 110
                columns: 3
                keys: "1234567890"
                onTyped: character => {
                    step.forceActiveFocus()
                    if (IntakeForm.phone.length < IntakeForm.limits.phone)
                        IntakeForm.set("phone", IntakeForm.phone + character)
                }
                onErased: IntakeForm.set("phone", IntakeForm.phone.slice(0, -1))
            }
            BigButton {
                objectName: "nextButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("Next")
                onClicked: step.answered()
            }
        }
    }
}
