// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Everything entered, to check before submitting.
FormStep {
    id: step
    question: qsTr("Please check before submitting")
    readonly property int labelWidth: Math.round((portrait ? 260 : 340) * Theme.scale)

    Card {
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: reviewBottom.top; bottomMargin: Theme.spacing }
        title: step.question
        Flickable {
            anchors.fill: parent
            contentHeight: summary.implicitHeight
            clip: true
            Column {
                id: summary
                width: parent.width
                spacing: 12
                Repeater {
                    model: IntakeForm.kind === "appointment"
                        ? [[qsTr("Deputy"), IntakeForm.deputyName],
                           [qsTr("Reception day"), IntakeForm.dayText],
                           [qsTr("Name"), IntakeForm.name],
                           [qsTr("Phone"), IntakeForm.phone],
                           [qsTr("Topic"), IntakeForm.topic]]
                        : [[qsTr("Category"), IntakeForm.category],
                           [qsTr("Place"), IntakeForm.block],
                           [qsTr("Deputy"), IntakeForm.deputyName || qsTr("Any deputy")],
                           [qsTr("Name"), IntakeForm.name],
                           [qsTr("Phone"), IntakeForm.phone],
                           [qsTr("What happened"), IntakeForm.text]]
                    // modelData: [what, the visitor's answer]
                    delegate: Row {
                        id: line
                        required property var modelData
                        width: summary.width
                        spacing: Theme.spacing
                        visible: modelData[1].length > 0
                        Text {
                            width: step.labelWidth
                            wrapMode: Text.Wrap
                            text: line.modelData[0]
                            font.pixelSize: Theme.bodySize
                            color: Theme.muted
                        }
                        Text {
                            width: parent.width - step.labelWidth - Theme.spacing
                            text: line.modelData[1]
                            font.pixelSize: Theme.bodySize
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }
    ColumnLayout {
        id: reviewBottom
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: 12
        FieldProblem {
            objectName: "submitProblem"
            Layout.fillWidth: true
            text: FormLabels.submitProblem(IntakeForm.submitProblem)
        }
        BigButton {
            objectName: "submitButton"
            Layout.fillWidth: true
            primary: true
            titleSize: Theme.titleSize
            enabled: !IntakeForm.submitting
            text: IntakeForm.submitting ? qsTr("Submitting…") : qsTr("Submit")
            // Saved off the GUI thread: Main shows the receipt when IntakeForm says `submitted`.
            onClicked: IntakeForm.submit()
        }
    }
}
