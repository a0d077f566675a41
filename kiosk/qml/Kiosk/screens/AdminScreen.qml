// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// The technician's panel: what the kiosk knows about itself, and what can be done.
ScreenFrame {
    id: screen
    objectName: "adminScreen"
    title: qsTr("Maintenance")
    readonly property bool portrait: height > width
    readonly property var facts: Admin.diagnostics

    Component.onCompleted: Admin.refresh()

    function value(key) { return facts[key] !== undefined ? facts[key] : "" }

    // 立即同步: say that it runs, then what came of it, with the new times (issue 16 §2).
    property string pullBefore: ""
    property string syncNote: ""
    Timer {
        id: syncWatch
        interval: 1500
        repeat: true
        property int rounds: 0
        onRunningChanged: if (running) rounds = 0
        onTriggered: {
            rounds += 1
            Admin.refresh()
            const pulled = screen.value("lastPull")
            if (Sync.state === "not_enrolled") {
                screen.syncNote = qsTr("Not synced: this kiosk is not enrolled with a server.")
                stop()
            } else if (pulled !== "" && pulled !== screen.pullBefore) {
                screen.syncNote = qsTr("Synced: last pull %1.").arg(pulled)
                stop()
            } else if (rounds >= 8) {
                screen.syncNote = Sync.state === "offline"
                    ? qsTr("Not synced: the server cannot be reached. The kiosk keeps trying by itself.")
                    : qsTr("No answer from the server yet. The kiosk keeps trying by itself.")
                stop()
            }
        }
    }

    Flickable {
        id: page
        objectName: "adminPage"
        anchors { left: parent.left; right: pages.visible ? pages.left : parent.right
                  rightMargin: pages.visible ? Theme.spacing : 0
                  top: parent.top; bottom: parent.bottom }
        contentHeight: content.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Column {
            id: content
            width: page.width
            spacing: Theme.spacing

            Flow {
                width: parent.width
                spacing: Theme.spacing
                BigButton {
                    objectName: "adminSyncNow"
                    primary: true
                    enabled: !syncWatch.running
                    text: syncWatch.running ? qsTr("Syncing…") : qsTr("Sync now")
                    onClicked: {
                        screen.pullBefore = screen.value("lastPull")
                        screen.syncNote = ""
                        Sync.syncNow()
                        syncWatch.restart()
                    }
                }
                BigButton {
                    objectName: "adminRefresh"
                    text: Admin.gathering ? qsTr("Checking…") : qsTr("Check again")
                    onClicked: Admin.refresh()
                }
                // The language in use is marked, not filled: red fill is the primary action's.
                BigButton {
                    objectName: "adminChinese"
                    marked: Admin.language === "zh_CN"
                    text: "中文"
                    onClicked: Admin.setLanguage("zh_CN")
                }
                BigButton {
                    objectName: "adminEnglish"
                    marked: Admin.language === "en"
                    text: "English"
                    onClicked: Admin.setLanguage("en")
                }
                // Only where a receipt printer is configured ([printer] in the config).
                BigButton {
                    objectName: "adminPrintTestPage"
                    visible: ReceiptPrinter.configured
                    enabled: ReceiptPrinter.state !== "printing"
                    text: ReceiptPrinter.state === "printing" ? qsTr("Printing…") : qsTr("Print a test page")
                    onClicked: ReceiptPrinter.printTestPage(Station.name)
                }
                BigButton {
                    objectName: "adminReenrol"
                    text: qsTr("Enrol again")
                    onClicked: Navigation.showFirstRun()
                }
                BigButton {
                    objectName: "adminExit"
                    text: qsTr("Close the kiosk")
                    onClicked: Navigation.ask(
                        qsTr("Close the kiosk program?"),
                        qsTr("Visitors cannot use this kiosk until it is started again (or the PC restarts)."),
                        qsTr("Keep it running"), qsTr("Close it"), () => Admin.exitKiosk())
                }
            }

            Text {
                objectName: "adminPrintNote"
                width: parent.width
                visible: ReceiptPrinter.configured && text.length > 0
                text: ReceiptPrinter.state === "printed"
                      ? qsTr("Sent to the printer (%1). If nothing came out: paper, cover, power.").arg(ReceiptPrinter.where)
                      : ReceiptPrinter.state === "failed"
                        ? (ReceiptPrinter.problem === "unreachable"
                           ? qsTr("The printer (%1) cannot be reached: is it on, connected, and is the address right?")
                           : ReceiptPrinter.problem === "no_paper"
                             ? qsTr("The printer (%1) says it is out of paper.")
                             : qsTr("The printer (%1) stopped answering while printing."))
                          .arg(ReceiptPrinter.where)
                        : ""
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: ReceiptPrinter.state === "failed" ? Theme.red : Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "adminSyncNote"
                width: parent.width
                visible: text.length > 0
                text: syncWatch.running ? qsTr("Syncing with the server…") : screen.syncNote
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Card {
                width: parent.width
                implicitHeight: rows.implicitHeight + 140
                title: qsTr("This kiosk")
                GridLayout {
                    id: rows
                    width: parent.width
                    columns: 2
                    columnSpacing: Theme.spacing
                    rowSpacing: 10

                    component Label: Text {
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        Layout.alignment: Qt.AlignTop
                    }
                    component Value: Text {
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }

                    Label { text: qsTr("Version") }
                    Value { text: Admin.version }
                    Label { text: qsTr("Station") }
                    Value {
                        text: [Admin.stationName, screen.value("stationId")]
                              .filter(s => s.length > 0).join(" · ") || qsTr("not set up")
                    }
                    Label { text: qsTr("Server") }
                    Value {
                        objectName: "adminServer"
                        text: {
                            const url = screen.value("serverUrl")
                            if (Admin.gathering && screen.value("serverProblem") === "")
                                return url
                            if (url === "") return qsTr("none (not enrolled)")
                            const problem = screen.value("serverProblem")
                            return problem === "" ? qsTr("%1 · reachable").arg(url)
                                                  : qsTr("%1 · NOT reachable (%2)").arg(url).arg(problem)
                        }
                    }
                    Label { text: qsTr("Last pull") }
                    Value { text: screen.value("lastPull") || qsTr("never") }
                    Label { text: qsTr("Last push") }
                    Value { text: screen.value("lastPush") || qsTr("never") }
                    Label { text: qsTr("Outbox") }
                    Value {
                        objectName: "adminOutbox"
                        text: qsTr("%1 waiting · %2 sent · %3 quarantined")
                              .arg(screen.value("pending") || 0).arg(screen.value("sent") || 0)
                              .arg(screen.value("quarantined") || 0)
                    }
                    Label { text: qsTr("Sync retries") }
                    Value {
                        objectName: "adminRetries"
                        readonly property var n: screen.value("retries") || ({})
                        text: qsTr("%1 unreachable · %2 timed out · %3 cut off · %4 server errors")
                              .arg(n.unreachable || 0).arg(n.timeout || 0)
                              .arg(n.cut_off || 0).arg(n.server_error || 0)
                    }
                    Label { text: qsTr("Disk free") }
                    Value {
                        objectName: "adminDisk"
                        text: screen.value("diskFreeMb") === "" ? ""
                              : qsTr("%1 MB (%2%)").arg(screen.value("diskFreeMb"))
                                                  .arg(screen.value("diskFreePercent"))
                                + (screen.value("diskLow") === true
                                   ? " · " + qsTr("full: new requests are refused") : "")
                        color: screen.value("diskFreeMb") !== "" && screen.value("diskFreeMb") < 500
                               ? Theme.red : Theme.text
                    }
                    Label {
                        visible: refusedValue.visible
                        text: qsTr("Station data")
                    }
                    Value {
                        id: refusedValue
                        objectName: "adminSnapshotRefused"
                        visible: screen.value("snapshotRefused") !== ""
                        color: Theme.red
                        text: qsTr("the server's latest was refused, the last good one is shown: %1")
                              .arg(screen.value("snapshotRefused"))
                    }
                    Label { text: qsTr("Database") }
                    Value {
                        objectName: "adminDatabase"
                        color: screen.value("databaseProblem") ? Theme.red : Theme.text
                        text: screen.value("databaseProblem")
                              ? qsTr("DAMAGED: %1").arg(screen.value("databaseProblem"))
                              : (Admin.gathering && !("databaseProblem" in screen.facts)) ? ""
                              : qsTr("intact")
                    }
                    Label {
                        visible: recovered.visible
                        text: qsTr("Recovered")
                    }
                    Value {
                        id: recovered
                        objectName: "adminRecovery"
                        visible: screen.value("recovery") !== ""
                        color: Theme.red
                        text: qsTr("The database was damaged and moved aside; the kiosk started clean: %1")
                              .arg(screen.value("recovery"))
                    }
                }
            }

            Card {
                width: parent.width
                implicitHeight: logText.implicitHeight + 140
                title: qsTr("Log (last 100 lines)")
                Text {
                    id: logText
                    objectName: "adminLog"
                    width: parent.width
                    // Dense on purpose: it is for the technician, not the visitors.
                    font.pixelSize: 20
                    font.family: "monospace"
                    color: Theme.text
                    wrapMode: Text.WrapAnywhere
                    text: screen.value("log") || qsTr("(empty)")
                }
            }
        }
    }
    PageButtons {
        id: pages
        anchors { right: parent.right; top: parent.top }
        target: page
    }
}
