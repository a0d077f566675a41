// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// The duty deputy's console after sign-in: today's walk-ins at this kiosk (no personal data),
// appointment requests, a reception record, sign-out. Back or Home leaves the deputy signed in.
ScreenFrame {
    id: screen
    readonly property bool ownIdle: true  // DutyConsole signs the deputy out after its own idle time
    objectName: "deputyConsoleScreen"
    title: qsTr("Duty console")
    readonly property bool portrait: height > width

    Component.onDestruction: DutyConsole.leave()

    property bool signOutFailed: false  // said under the button; the deputy may try again
    function signedOut(done) {
        signOutFailed = !done
        if (done)
            ApplicationWindow.window.showHome()
    }
    Connections {
        target: DutyConsole
        function onSignOutFinished(done) { screen.signedOut(done) }
    }

    GridLayout {
        anchors.fill: parent
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Card {
            objectName: "consoleDeputyCard"
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            Layout.fillHeight: !screen.portrait
            Layout.preferredHeight: screen.portrait ? deputyColumn.implicitHeight + 2 * Theme.margin : -1
            Layout.row: 0
            Layout.column: screen.portrait ? 0 : 1
            Layout.rowSpan: screen.portrait ? 1 : 2

            GridLayout {
                id: deputyColumn
                width: parent.width
                columns: screen.portrait ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Row {
                    spacing: Theme.spacing
                    Layout.alignment: Qt.AlignTop
                    Layout.row: 0
                    Layout.column: 0
                    DeputyPhoto {
                        width: 150
                        source: DutyConsole.deputy.photo || ""
                        name: DutyConsole.deputy.name || ""
                        present: true
                    }
                    Column {
                        spacing: 8
                        Text {
                            objectName: "consoleDeputyName"
                            text: DutyConsole.deputy.name || ""
                            font.pixelSize: Theme.titleSize
                            font.bold: true
                            color: Theme.text
                        }
                        Text {
                            text: qsTr("Signed in")
                            font.pixelSize: Theme.bodySize
                            color: Theme.present
                        }
                        Text {
                            objectName: "recordsToday"
                            text: qsTr("%n reception record(s) today", "", DutyConsole.recordsToday)
                            font.pixelSize: Theme.smallSize
                            color: Theme.muted
                        }
                    }
                }
                // My items (issue 14 §2): counts from the snapshot, never a name or a text,
                // and a QR code that opens the deputy's workspace on their phone.
                ColumnLayout {
                    id: workBlock
                    objectName: "workBlock"
                    visible: DutyConsole.workspaceUrl.length > 0 || DutyConsole.work.waiting !== undefined
                    Layout.fillWidth: true
                    Layout.columnSpan: screen.portrait ? 2 : 1
                    Layout.row: 1
                    Layout.column: 0
                    spacing: 8
                    Text {
                        objectName: "workCounts"
                        Layout.fillWidth: true
                        visible: DutyConsole.work.waiting !== undefined
                        text: DutyConsole.work.overdue > 0
                              ? qsTr("%1 to answer, %2 overdue").arg(DutyConsole.work.waiting).arg(DutyConsole.work.overdue)
                              : DutyConsole.work.dueSoon > 0
                              ? qsTr("%1 to answer, %2 due soon").arg(DutyConsole.work.waiting).arg(DutyConsole.work.dueSoon)
                              : DutyConsole.work.waiting > 0 ? qsTr("%1 to answer").arg(DutyConsole.work.waiting)
                              : qsTr("Nothing waits for your answer")
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.bodySize
                        color: DutyConsole.work.overdue > 0 ? Theme.red
                             : DutyConsole.work.dueSoon > 0 ? Theme.warning : Theme.present
                        elide: Text.ElideRight
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        visible: DutyConsole.workspaceUrl.length > 0
                        Text {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignVCenter
                            text: qsTr("Scan with your phone to open your items, reply and see your duty record.")
                            font.pixelSize: Theme.smallSize
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                        }
                        Image {
                            objectName: "workspaceQr"
                            readonly property int side: screen.portrait ? 260 : 220
                            Layout.preferredWidth: side
                            Layout.preferredHeight: side
                            source: DutyConsole.workspaceUrl.length > 0
                                    ? "image://qr/" + encodeURIComponent(DutyConsole.workspaceUrl) : ""
                            sourceSize: Qt.size(side, side)
                            smooth: false
                            cache: false
                            // Drawn by the image provider on Qt's loader thread, not the GUI
                            // thread: the console opens at once, the code a moment later.
                            asynchronous: true
                        }
                    }
                }
                Column {
                    Layout.fillWidth: true
                    Layout.row: screen.portrait ? 0 : 2
                    Layout.column: screen.portrait ? 1 : 0
                    spacing: Theme.spacing
                    BigButton {
                        objectName: "newRecordButton"
                        width: parent.width
                        primary: true
                        titleSize: Theme.headingSize
                        text: qsTr("Record a reception")
                        subtitle: qsTr("Visitors, topic, notes")
                        onClicked: ApplicationWindow.window.showReceptionRecord()
                    }
                    BigButton {
                        objectName: "signOutButton"
                        width: parent.width
                        titleSize: Theme.headingSize
                        enabled: DutyConsole.writing === ""
                        text: DutyConsole.writing === "signOut" ? qsTr("Signing out…") : qsTr("Sign out")
                        // Recorded off the GUI thread: home shows once it is (Connections below).
                        onClicked: DutyConsole.signOut()
                    }
                    Text {
                        objectName: "signOutProblem"
                        width: parent.width
                        visible: screen.signOutFailed
                        text: qsTr("Signing out did not work. Please try again.")
                        font.pixelSize: Theme.bodySize
                        color: Theme.red
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        width: parent.width
                        // Room for it in landscape unless the workspace's QR code took it.
                        visible: !screen.portrait && !workBlock.visible
                        text: qsTr("Home keeps you signed in; open the console again with your PIN.")
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        Card {
            objectName: "walkInsCard"
            title: qsTr("Appeals taken here today")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.preferredHeight: 3
            Layout.row: screen.portrait ? 1 : 0
            Layout.column: 0

            Text {
                objectName: "noWalkIns"
                visible: DutyConsole.walkIns.count === 0
                width: parent.width
                text: qsTr("No appeals have been taken at this screen today.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            ListView {
                id: walkIns
                objectName: "walkInList"
                anchors { left: parent.left; right: walkInPages.left; rightMargin: Theme.spacing
                          top: parent.top; bottom: parent.bottom }
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                spacing: 12
                model: DutyConsole.walkIns
                delegate: Rectangle {
                    required property string code
                    required property string time
                    required property string category
                    required property string block
                    required property bool callback
                    objectName: "walkIn_" + code
                    width: ListView.view.width
                    height: 96
                    radius: 12
                    color: Theme.tint
                    RowLayout {
                        anchors { fill: parent; leftMargin: 20; rightMargin: 20 }
                        spacing: Theme.spacing
                        Text { text: parent.parent.time; font.pixelSize: Theme.bodySize; color: Theme.muted }
                        Text {
                            text: parent.parent.category
                            font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Text {
                            // A call-back request: the number is on the deputy's phone (the
                            // workspace), never on this public screen.
                            objectName: "callbackMark"
                            text: parent.parent.callback ? qsTr("Call back") : parent.parent.block
                            font.pixelSize: Theme.smallSize
                            font.bold: parent.parent.callback
                            color: parent.parent.callback ? Theme.red : Theme.muted
                            Layout.maximumWidth: 240
                            elide: Text.ElideRight
                        }
                        Text {
                            text: parent.parent.code
                            font.pixelSize: Theme.bodySize; font.family: "monospace"; color: Theme.red
                        }
                    }
                }
            }
            PageButtons {
                id: walkInPages
                anchors { right: parent.right; top: parent.top }
                width: needed ? 200 : 0
                target: walkIns
            }
        }

        // Appointment requests addressed to this deputy, from today on: code, day, state and
        // the answers the server accepts (the topic and contact are sealed, never shown).
        Card {
            id: appointmentsCard
            objectName: "appointmentsCard"
            title: qsTr("Appointment requests")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.preferredHeight: 3
            Layout.row: screen.portrait ? 2 : 1
            Layout.column: 0
            property string problem: ""

            // Saved off the GUI thread: `appointmentAnswered` brings the outcome.
            function answer(code, reply) { say(Appointments.answer(code, reply, "")) }
            function say(outcome) {
                problem = outcome === "" ? ""
                        : outcome === "state" ? qsTr("This request can no longer be answered.")
                        : qsTr("The answer could not be saved. Please try again.")
            }
            Connections {
                target: Appointments
                function onAnswered(code, outcome) { appointmentsCard.say(outcome) }
            }

            Text {
                objectName: "noAppointments"
                visible: Appointments.requests.count === 0
                width: parent.width
                text: qsTr("No appointment requests")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            Text {
                id: answerProblem
                objectName: "answerProblem"
                visible: text.length > 0
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                text: appointmentsCard.problem
                font.pixelSize: Theme.bodySize
                color: Theme.red
                wrapMode: Text.WordWrap
            }
            ListView {
                id: appointments
                objectName: "appointmentList"
                anchors { left: parent.left; right: appointmentPages.left; top: parent.top
                          rightMargin: appointmentPages.needed ? Theme.spacing : 0
                          bottom: answerProblem.visible ? answerProblem.top : parent.bottom
                          bottomMargin: answerProblem.visible ? 12 : 0 }
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                spacing: 12
                model: Appointments.requests
                delegate: Rectangle {
                    id: request
                    required property string key
                    required property string code
                    required property string day
                    required property string time
                    required property string state
                    required property bool canConfirm
                    required property bool canDecline
                    objectName: "appointment_" + code
                    width: ListView.view.width
                    height: Theme.touch + 24
                    radius: 12
                    color: Theme.tint
                    RowLayout {
                        anchors { fill: parent; leftMargin: 20; rightMargin: 12 }
                        spacing: 16
                        // The code is what a visitor's receipt shows: never elided.
                        Column {
                            Layout.fillWidth: true
                            spacing: 2
                            Text {
                                width: parent.width
                                text: request.time.length > 0 ? request.day + "  " + request.time
                                                              : request.day
                                font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                                // Narrow rows (portrait, with page buttons) shrink to body
                                // size rather than cut the hours off.
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: Theme.smallSize
                                elide: Text.ElideRight
                            }
                            Row {
                                spacing: 16
                                Text {
                                    text: request.code
                                    font.pixelSize: Theme.smallSize; font.family: "monospace"
                                    color: Theme.red
                                }
                                Text {
                                    objectName: "appointmentState"
                                    text: request.state === "confirmed" ? qsTr("Confirmed")
                                        : request.state === "declined" ? qsTr("Declined")
                                        : request.state === "done" ? qsTr("Met")
                                        : qsTr("Awaiting answer")
                                    font.pixelSize: Theme.smallSize; font.bold: true
                                    color: request.state === "confirmed" ? Theme.present
                                         : request.state === "requested" ? Theme.red : Theme.muted
                                }
                            }
                        }
                        BigButton {
                            objectName: "confirm_" + request.code
                            visible: request.canConfirm
                            primary: true
                            titleSize: Theme.bodySize
                            Layout.preferredWidth: 110
                            enabled: DutyConsole.writing === ""
                            text: qsTr("Confirm")
                            onClicked: appointmentsCard.answer(request.key, "confirmed")
                        }
                        BigButton {
                            objectName: "decline_" + request.code
                            visible: request.canDecline
                            titleSize: Theme.bodySize
                            Layout.preferredWidth: 110
                            enabled: DutyConsole.writing === ""
                            text: qsTr("Decline")
                            onClicked: appointmentsCard.answer(request.key, "declined")
                        }
                    }
                }
            }
            PageButtons {
                id: appointmentPages
                anchors { right: parent.right; top: parent.top }
                width: needed ? 200 : 0
                target: appointments
            }
        }
    }
}
