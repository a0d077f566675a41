// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Where it is: one of the station's communities, or a place typed in.
FormStep {
    id: step
    question: qsTr("Where is it? Choose the community, or type the place.")

    Text {
        id: blockQuestion
        width: parent.width
        text: step.question
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Flow {
        id: blockChoices
        visible: !placeField.activeFocus
        anchors { left: parent.left; right: parent.right; top: blockQuestion.bottom; topMargin: Theme.spacing }
        spacing: 16
        Repeater {
            model: IntakeForm.blocks
            delegate: BigButton {
                required property string modelData
                required property int index
                objectName: "block_" + index
                text: modelData
                selected: IntakeForm.block === modelData
                onClicked: {
                    placeField.text = modelData
                    step.forceActiveFocus()
                }
            }
        }
    }
    RowLayout {
        id: placeRow
        anchors {
            left: parent.left; right: parent.right; topMargin: Theme.spacing
            top: blockChoices.visible ? blockChoices.bottom : blockQuestion.bottom
        }
        spacing: Theme.spacing
        TextField {
            id: placeField
            objectName: "placeField"
            // Nothing a visitor types is learned for the next one (issue 16).
            inputMethodHints: Qt.ImhSensitiveData
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch
            font.pixelSize: Theme.headingSize
            placeholderText: qsTr("Or type a community, street or building")
            Component.onCompleted: text = IntakeForm.block
            onTextChanged: IntakeForm.set("block", text)
        }
        BigButton {
            objectName: "nextButton"
            Layout.preferredWidth: 260
            primary: true
            text: qsTr("Next")
            onClicked: step.answered()
        }
    }
    FieldProblem {
        objectName: "blockProblem"
        anchors { left: parent.left; right: parent.right; top: placeRow.bottom; topMargin: 12 }
        text: FormLabels.problem(IntakeForm.blockProblem, IntakeForm.limits.block)
    }
}
