// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// What happened: typed (Pinyin) or put together from the category's common phrases.
FormStep {
    id: step
    question: qsTr("What happened? Where and since when?")
    readonly property bool typing: textField.activeFocus

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            // Stays in view while typing (smaller): the visitor keeps the question in mind.
            Text {
                objectName: "textQuestion"
                Layout.fillWidth: true
                text: step.question
                font.pixelSize: step.typing ? Theme.bodySize : Theme.headingSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            // Tap instead of typing: common phrases of the category, combined as tapped;
            // the visitor may still add or change words (issue 16 §3).
            Flow {
                objectName: "phrases"
                Layout.fillWidth: true
                visible: !step.typing && IntakeForm.phrases.length > 0
                spacing: 12
                Repeater {
                    model: IntakeForm.phrases
                    delegate: BigButton {
                        required property string modelData
                        required property int index
                        objectName: "phrase_" + index
                        titleSize: Theme.bodySize
                        text: modelData
                        selected: IntakeForm.text.indexOf(modelData) >= 0
                        onClicked: {
                            if (selected) return
                            textField.text = IntakeForm.text.length > 0
                                ? IntakeForm.text + qsTr("; ") + modelData : modelData
                        }
                    }
                }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.touch * 1.5
                background: Rectangle {
                    color: Theme.surface
                    radius: 8
                    border.color: IntakeForm.textProblem ? Theme.red : Theme.line
                    border.width: 2
                }
                TextArea {
                    id: textField
                    objectName: "appealText"
                    // Nothing a visitor types is learned for the next one (issue 16).
                    inputMethodHints: Qt.ImhSensitiveData
                    font.pixelSize: Theme.bodySize
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Tap here and type with the keyboard below (Pinyin).")
                    Component.onCompleted: text = IntakeForm.text
                    onTextChanged: IntakeForm.set("text", text)
                }
            }
            FieldProblem {
                objectName: "textProblem"
                Layout.fillWidth: true
                text: FormLabels.problem(IntakeForm.textProblem, IntakeForm.textLimit)
            }
        }
        ColumnLayout {
            Layout.preferredWidth: step.portrait ? 300 : 420
            Layout.fillHeight: true
            spacing: Theme.spacing
            Text {
                objectName: "textCounter"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("%1 / %2 characters").arg(IntakeForm.text.length).arg(IntakeForm.textLimit)
                font.pixelSize: Theme.bodySize
                font.bold: IntakeForm.text.length > IntakeForm.textLimit
                color: IntakeForm.text.length > IntakeForm.textLimit ? Theme.red : Theme.muted
            }
            BigButton {
                objectName: "nextButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("Next")
                onClicked: step.answered()
            }
            BigButton {
                objectName: "callbackButton"
                Layout.fillWidth: true
                text: qsTr("Cannot type?")
                subtitle: qsTr("Leave a number, we call back")
                onClicked: {
                    IntakeForm.setKind("callback")
                    Navigation.showForm("contact")
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
