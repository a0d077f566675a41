// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Track progress (查询进度): the tracking code from the receipt and the last 4 digits of the
// phone number, typed on keypads that offer only characters that can occur.
ScreenFrame {
    id: screen
    objectName: "progressScreen"
    readonly property bool portrait: height > width
    property string code: ""
    property string last4: ""
    property string editing: "code"  // which of the two the keypad types into
    property bool showing: false
    title: qsTr("Track progress")
    // 朗读: what to type, or the matter's state, what is due and its latest steps.
    readAloudWith: () => {
        if (!screen.showing)
            return [qsTr("Tracking code (on your receipt)"), qsTr("Last 4 digits of your phone number")]
                   .join(qsTr(", "))
        var r = ProgressLookup.result
        var parts = [(r.kind === "appointment" ? qsTr("Appointment request") : qsTr("Your matter"))
                     + " " + ReadAloud.spell(r.codeDisplay ?? ""),
                     qsTr("Now: %1").arg(FormLabels.stateName(r.state ?? ""))]
        if (meeting.visible)
            parts.push(meeting.text)
        if ((r.dueOn ?? "").length > 0)
            parts.push(qsTr("Next step due by %1").arg(r.dueOn))
        for (var step of (r.steps ?? []))
            parts.push([step.at, FormLabels.stateName(step.state), step.note].filter(s => s.length > 0).join(" "))
        return parts.join(qsTr(". "))
    }

    Component.onCompleted: ProgressLookup.clear()
    Connections {
        target: ProgressLookup
        function onFinished(found) { screen.showing = found }
    }

    function type(character) {
        if (editing === "code") {
            if (code.length < ProgressLookup.codeLength) code += character
            if (code.length === ProgressLookup.codeLength) editing = "last4"
        } else if (last4.length < ProgressLookup.lastDigits) {
            last4 += character
        }
    }
    function erase() {
        if (editing === "last4" && last4.length === 0) editing = "code"
        if (editing === "code") code = code.slice(0, -1)
        else last4 = last4.slice(0, -1)
    }
    function grouped(text) {
        return (text.match(/.{1,3}/g) ?? []).join("-")  // as on the receipt: ABC-DEF-GHJ
    }

    GridLayout {
        visible: !screen.showing
        anchors { left: parent.left; right: parent.right; top: parent.top }
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 12
            Text {
                text: qsTr("Tracking code (on your receipt)")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            AbstractButton {
                objectName: "codeField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 20
                onClicked: screen.editing = "code"
                background: Rectangle {
                    radius: 8
                    color: Theme.surface
                    border.color: screen.editing === "code" ? Theme.red : Theme.line
                    border.width: screen.editing === "code" ? 4 : 2
                }
                contentItem: Text {
                    objectName: "codeText"
                    leftPadding: 20
                    verticalAlignment: Text.AlignVCenter
                    text: screen.grouped(screen.code)
                    font.pixelSize: Theme.heroSize
                    font.family: "monospace"
                    font.bold: true
                    color: Theme.text
                }
            }
            Text {
                text: qsTr("Last 4 digits of your phone number")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            AbstractButton {
                objectName: "last4Field"
                Layout.preferredWidth: 360
                Layout.preferredHeight: Theme.touch + 20
                onClicked: screen.editing = "last4"
                background: Rectangle {
                    radius: 8
                    color: Theme.surface
                    border.color: screen.editing === "last4" ? Theme.red : Theme.line
                    border.width: screen.editing === "last4" ? 4 : 2
                }
                contentItem: Text {
                    leftPadding: 20
                    verticalAlignment: Text.AlignVCenter
                    text: screen.last4
                    font.pixelSize: Theme.heroSize
                    font.bold: true
                    font.letterSpacing: 8
                    color: Theme.text
                }
            }
            FieldProblem {
                objectName: "lookupProblem"
                Layout.fillWidth: true
                text: FormLabels.lookupProblem(ProgressLookup.problem, ProgressLookup.waitMinutes)
            }
            BigButton {
                objectName: "lookUpButton"
                Layout.fillWidth: true
                primary: true
                enabled: !ProgressLookup.busy
                text: ProgressLookup.busy ? qsTr("Checking…") : qsTr("Look up")
                onClicked: ProgressLookup.lookUp(screen.code, screen.last4)
            }
        }
        KeyPad {
            objectName: "codePad"
            Layout.topMargin: screen.portrait ? Theme.spacing : 0
            Layout.alignment: Qt.AlignTop | Qt.AlignHCenter
            columns: screen.editing === "code" ? 8 : 5
            keySize: screen.editing === "code" ? 100 : 120
            keys: screen.editing === "code" ? ProgressLookup.alphabet : "1234567890"
            onTyped: character => screen.type(character)
            onErased: screen.erase()
        }
    }

    ColumnLayout {
        visible: screen.showing
        anchors.fill: parent
        spacing: Theme.spacing
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: (ProgressLookup.result.kind === "appointment" ? qsTr("Appointment request")
                                                                 : qsTr("Your matter"))
                   + "  " + (ProgressLookup.result.codeDisplay ?? "")
            Flickable {
                anchors.fill: parent
                contentHeight: resultColumn.implicitHeight
                clip: true
                Column {
                    id: resultColumn
                    width: parent.width
                    spacing: 16
                    Text {
                        objectName: "resultState"
                        width: parent.width
                        text: qsTr("Now: %1").arg(FormLabels.stateName(ProgressLookup.result.state ?? ""))
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        color: Theme.red
                        wrapMode: Text.Wrap
                    }
                    Text {
                        width: parent.width
                        visible: text.length > 0 && ProgressLookup.result.kind !== "appointment"
                        text: ProgressLookup.result.category ?? ""
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    // An appointment: with whom, on which day, at what time (issue 16 §2).
                    Text {
                        id: meeting
                        objectName: "resultMeeting"
                        readonly property var deputy: ProgressLookup.result.kind === "appointment"
                                                      ? Roster.deputy(ProgressLookup.result.deputyId ?? "") : ({})
                        readonly property var reception: (deputy.receptions ?? [])
                                                         .find(r => r.date === ProgressLookup.result.date)
                        width: parent.width
                        visible: ProgressLookup.result.kind === "appointment"
                        text: qsTr("Meeting %1 on %2").arg(deputy.name ?? "")
                              .arg((ProgressLookup.result.day ?? "") + (reception ? "  " + reception.time : ""))
                        font.pixelSize: Theme.headingSize
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "resultDue"
                        width: parent.width
                        visible: (ProgressLookup.result.dueOn ?? "").length > 0
                        // The date and its colour word (三色督办), as the console shows them.
                        readonly property string colourWord: ({
                            "green": qsTr("on time"),
                            "yellow": qsTr("due soon"),
                            "red": qsTr("overdue")
                        })[ProgressLookup.result.dueColour ?? ""] ?? ""
                        text: qsTr("Next step due by %1").arg(ProgressLookup.result.dueOn ?? "")
                              + (colourWord.length > 0 ? " · " + colourWord : "")
                        font.pixelSize: Theme.bodySize
                        color: ProgressLookup.result.dueColour === "red" ? Theme.red : Theme.text
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: ProgressLookup.result.steps ?? []
                        delegate: Column {
                            id: progressStep
                            required property var modelData
                            width: resultColumn.width
                            spacing: 4
                            Text {
                                width: parent.width
                                text: progressStep.modelData.at + "  " + FormLabels.stateName(progressStep.modelData.state)
                                font.pixelSize: Theme.bodySize
                                font.bold: true
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            Text {
                                width: parent.width
                                visible: progressStep.modelData.note.length > 0
                                text: progressStep.modelData.note
                                font.pixelSize: Theme.bodySize
                                color: Theme.muted
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    Text {
                        objectName: "lastSync"
                        width: parent.width
                        text: ProgressLookup.lastSync.length > 0
                              ? qsTr("As of the last update from the liaison office: %1.").arg(ProgressLookup.lastSync)
                              : qsTr("This kiosk has not received any update from the liaison office yet; newer progress may exist.")
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
        BigButton {
            objectName: "lookUpAnother"
            Layout.fillWidth: true
            text: qsTr("Look up another")
            onClicked: {
                screen.code = ""; screen.last4 = ""; screen.editing = "code"; screen.showing = false
                ProgressLookup.clear()
            }
        }
    }
}
