// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import KioskBackend
import Kiosk

// What the matter is about: one tap on a category (or, without typing, a call back).
FormStep {
    id: step
    question: qsTr("What is your matter about?")

    Text {
        id: categoryQuestion
        width: parent.width
        text: step.question
        font.pixelSize: Theme.titleSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    GridLayout {
        id: categoryGrid
        anchors { left: parent.left; right: parent.right; top: categoryQuestion.bottom; topMargin: Theme.spacing }
        columns: step.portrait ? 2 : 4
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Repeater {
            model: IntakeForm.categories
            delegate: BigButton {
                required property string modelData
                required property int index
                objectName: "category_" + index
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 20
                text: modelData
                selected: IntakeForm.category === modelData
                onClicked: {
                    IntakeForm.set("category", modelData)
                    step.answered()
                }
            }
        }
    }
    // No typing at all: a number to call back, from the very first step (issue 16 §3).
    BigButton {
        objectName: "callbackFirstStep"
        visible: IntakeForm.kind === "appeal"
        anchors { left: parent.left; right: parent.right; top: categoryGrid.bottom; topMargin: Theme.spacing }
        text: qsTr("Cannot type? Leave a number, we call back")
        subtitle: qsTr("Choose the kind of matter above, then your number")
        onClicked: IntakeForm.setKind("callback")
    }
}
