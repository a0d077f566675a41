// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// A reception record (接待登记): how many visitors, the topic, notes, linked tracking codes.
// Saved with its outbox event; a problem is said next to the field and nothing typed is lost.
ScreenFrame {
    id: screen
    readonly property bool ownIdle: true  // DutyConsole signs the deputy out after its own idle time
    objectName: "receptionRecordScreen"
    title: qsTr("Reception record")
    readonly property bool portrait: height > width
    property int visitors: 1
    property var linked: []  // tracking codes of today's walk-ins, tapped to link them
    property string problem: ""

    function toggle(code) {
        const i = linked.indexOf(code)
        linked = i < 0 ? linked.concat([code]) : linked.filter(c => c !== code)
    }
    // Saved off the GUI thread: `recordSaved` brings the answer (the button waits meanwhile).
    function save() {
        const codes = linked.concat([codesField.text]).join(" ")
        problem = DutyConsole.saveRecord(visitors, topicField.text, notesField.text, codes)
        if (problem.length > 0)
            reveal()
    }
    function reveal() {
        // Show the field the problem is about, with its message under it.
        const fieldOf = {visitors: visitorCount, topic: topicField, notes: notesField,
                         codes: codesField, console: saveButton}
        const item = fieldOf[problem.split("/")[0]]
        if (item !== saveButton) form.reveal(item)
    }
    function problemText(field) {
        if (!problem.startsWith(field + "/")) return ""
        switch (problem) {
        case "visitors/range": return qsTr("Say how many visitors came (1 to 999).")
        case "topic/empty": return qsTr("Please write the topic.")
        case "topic/long": return qsTr("The topic is too long (at most 100 characters).")
        case "notes/long": return qsTr("The notes are too long (at most 2000 characters).")
        case "codes/invalid": return qsTr("A tracking code has a typing mistake. Please check it.")
        case "codes/many": return qsTr("At most 20 tracking codes.")
        case "console/not_enrolled": return qsTr("This kiosk is not enrolled with the server, so the record cannot be sealed and saved.")
        case "console/closed": return qsTr("Please sign in again.")
        case "console/failed": return qsTr("The record could not be saved. Please try again.")
        }
        return ""
    }
    function saved(outcome) {
        problem = outcome
        if (outcome.length === 0)
            ApplicationWindow.window.back()
        else
            reveal()
    }
    Connections {
        target: DutyConsole
        function onRecordSaved(outcome) { screen.saved(outcome) }
    }

    // The problem lines under the fields keep their place even when empty, so the form does
    // not move under the deputy's finger, and `reveal` knows its final height.
    Flickable {
        id: form
        objectName: "recordForm"
        anchors { left: parent.left; right: formPages.left; rightMargin: Theme.spacing
                  top: parent.top; bottom: saveButton.top; bottomMargin: Theme.spacing }
        contentHeight: fields.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        // Keep the field being typed in (with its label above and its message below) in
        // sight above the keyboard.
        function reveal(item) {
            const top = item.mapToItem(fields, 0, 0).y - 56
            const bottom = top + 56 + item.height + 50
            if (top < contentY || bottom > contentY + height)
                contentY = Math.max(0, Math.min(top, contentHeight - height))
        }

        ColumnLayout {
            id: fields
            width: form.width
            spacing: 14

            Label { text: qsTr("Visitors"); font.pixelSize: Theme.bodySize; font.bold: true }
            RowLayout {
                spacing: Theme.spacing
                BigButton {
                    objectName: "fewerVisitors"
                    Layout.preferredWidth: 120
                    titleSize: Theme.titleSize
                    text: "−"
                    enabled: screen.visitors > 1
                    opacity: enabled ? 1 : 0.4
                    onClicked: screen.visitors -= 1
                }
                Text {
                    id: visitorCount
                    objectName: "visitorCount"
                    Layout.preferredWidth: 120
                    horizontalAlignment: Text.AlignHCenter
                    text: screen.visitors
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                }
                BigButton {
                    objectName: "moreVisitors"
                    Layout.preferredWidth: 120
                    titleSize: Theme.titleSize
                    text: "+"
                    enabled: screen.visitors < 999
                    opacity: enabled ? 1 : 0.4
                    onClicked: screen.visitors += 1
                }
            }
            Text { text: screen.problemText("visitors"); font.pixelSize: Theme.smallSize; color: Theme.red }

            Label { text: qsTr("Linked appeals"); font.pixelSize: Theme.bodySize; font.bold: true }
            Text {
                visible: DutyConsole.walkIns.count > 0
                text: qsTr("Tap today's appeals that this reception was about:")
                font.pixelSize: Theme.smallSize
                color: Theme.muted
            }
            Flow {
                Layout.fillWidth: true
                spacing: 12
                Repeater {
                    model: DutyConsole.walkIns
                    delegate: BigButton {
                        required property string key
                        required property string code
                        required property string category
                        objectName: "link_" + code
                        selected: screen.linked.indexOf(key) >= 0
                        text: code
                        subtitle: category
                        titleSize: Theme.bodySize
                        onClicked: screen.toggle(key)
                    }
                }
            }
            TextField {
                id: codesField
                objectName: "codesField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.bodySize
                placeholderText: qsTr("Other tracking codes, e.g. K7Q-M4X-PD8")
                inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                onActiveFocusChanged: if (activeFocus) form.reveal(this)
                onTextChanged: if (screen.problem.startsWith("codes/")) screen.problem = ""
            }
            Text { objectName: "codesProblem"; text: screen.problemText("codes"); font.pixelSize: Theme.smallSize; color: Theme.red }
            Label { text: qsTr("Topic"); font.pixelSize: Theme.bodySize; font.bold: true }
            TextField {
                id: topicField
                objectName: "topicField"
                // Nothing a visitor types is learned for the next one (issue 16).
                inputMethodHints: Qt.ImhSensitiveData
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.bodySize
                placeholderText: qsTr("What the visitors raised, in a few words")
                onTextChanged: if (screen.problem.startsWith("topic/")) screen.problem = ""
                onActiveFocusChanged: if (activeFocus) form.reveal(this)
            }
            Text { objectName: "topicProblem"; text: screen.problemText("topic"); font.pixelSize: Theme.smallSize; color: Theme.red }

            Label { text: qsTr("Notes (sealed, only the central office can read them)"); font.pixelSize: Theme.bodySize; font.bold: true }
            TextArea {
                id: notesField
                objectName: "notesField"
                // Nothing a visitor types is learned for the next one (issue 16).
                inputMethodHints: Qt.ImhSensitiveData
                Layout.fillWidth: true
                Layout.preferredHeight: 180
                font.pixelSize: Theme.bodySize
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("What was said and agreed")
                onTextChanged: if (screen.problem.startsWith("notes/")) screen.problem = ""
                background: Rectangle { color: Theme.surface; border.color: Theme.line; border.width: 2; radius: 8 }
                onActiveFocusChanged: if (activeFocus) form.reveal(this)
            }
            Text { objectName: "notesProblem"; text: screen.problemText("notes"); font.pixelSize: Theme.smallSize; color: Theme.red }

            Text { objectName: "consoleProblem"; text: screen.problemText("console"); visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.WordWrap; font.pixelSize: Theme.smallSize; color: Theme.red }
        }
    }
    // Outside the form: always in sight, also while the keyboard is up.
    BigButton {
        id: saveButton
        objectName: "saveRecordButton"
        anchors { left: parent.left; right: form.right; bottom: parent.bottom }
        primary: true
        titleSize: Theme.headingSize
        enabled: DutyConsole.writing === ""
        text: DutyConsole.writing === "record" ? qsTr("Saving…") : qsTr("Save the record")
        onClicked: screen.save()
    }
    PageButtons {
        id: formPages
        anchors { right: parent.right; top: form.top }
        width: 200
        target: form
    }
}
