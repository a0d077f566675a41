// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Shown only after the submission is on disk: the tracking code, a QR code to follow it on
// a phone, and when to expect a reply.
ScreenFrame {
    id: screen
    objectName: "receiptScreen"
    readonly property bool portrait: height > width
    title: qsTr("Submitted")
    // A second tap meant for 提交 lands here: nothing that ends the receipt answers in its
    // first seconds, and 完成 is not where the submit buttons were (issue 16 §2).
    property bool settled: false
    headerEnabled: settled
    // 朗读: the tracking code character by character, and the reply date.
    readAloudText: qsTr("Your tracking code (please note it down):") + " " + ReadAloud.spell(IntakeForm.codeDisplay)
                   + (IntakeForm.replyBy.length > 0
                      ? qsTr(". ") + qsTr("You will get a reply within 3 working days, by %1.").arg(IntakeForm.replyBy)
                      : "")
    Timer { interval: 2500; running: true; onTriggered: screen.settled = true }
    Component.onCompleted: ReceiptPrinter.reset()

    // 打印凭条: the receipt on paper, for visitors without a smartphone (issue 16 §1), in
    // their language; drawn as an image by ReceiptPrinter, so Chinese prints on any printer.
    function slip() {
        var blocks = [["title", Station.name], ["rule", ""], ["heading", saved.text]]
        if (meeting.visible)
            blocks.push(["text", meeting.text])
        blocks.push(["text", qsTr("Your tracking code (please note it down):")],
                    ["code", IntakeForm.codeDisplay])
        if (IntakeForm.replyBy.length > 0)
            blocks.push(["text", replyBy.text])
        if (IntakeForm.progressUrl.length > 0)
            blocks.push(["qr", IntakeForm.progressUrl],
                        ["small", qsTr("Scan with WeChat to follow it on your phone")])
        blocks.push(["small", howTo.text])
        if (Station.phone.length > 0)
            blocks.push(["text", qsTr("Station phone: %1").arg(Station.phone)])
        blocks.push(["rule", ""], ["small", Clock.date + " " + Clock.time])
        return blocks
    }
    leaveQuestion: how => [qsTr("Leave the receipt?"),
                           qsTr("Have you noted your tracking code %1? You need it to follow your matter.")
                               .arg(IntakeForm.codeDisplay),
                           qsTr("Stay on the receipt"), qsTr("I noted it, leave")]

    GridLayout {
        anchors.fill: parent
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        RowLayout {
            Layout.columnSpan: screen.portrait ? 1 : 2
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                id: saved
                objectName: "receiptSaved"
                Layout.fillWidth: true
                text: IntakeForm.receiptKind === "appointment"
                      ? qsTr("Your appointment request is saved. The station will confirm it by phone.")
                      : IntakeForm.receiptKind === "callback"
                        ? qsTr("Your request is saved. We will call you back.")
                        : qsTr("Your matter is saved and will be passed on.")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.present
                wrapMode: Text.Wrap
            }
            BigButton {
                objectName: "doneButton"
                Layout.preferredWidth: screen.portrait ? 300 : 360
                primary: true
                enabled: screen.settled
                text: qsTr("Done")
                onClicked: {
                    IntakeForm.clear()
                    Navigation.showHome()
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.columnSpan: screen.portrait || qrCard.visible ? 1 : 2
            Column {
                width: parent.width
                spacing: Theme.spacing
                Text {
                    id: meeting
                    objectName: "receiptMeeting"
                    width: parent.width
                    visible: IntakeForm.receiptKind === "appointment"
                    text: qsTr("Meeting %1 on %2").arg(IntakeForm.receiptDeputy).arg(IntakeForm.receiptDay)
                    font.pixelSize: Theme.headingSize
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: qsTr("Your tracking code (please note it down):")
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    objectName: "receiptCode"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: IntakeForm.codeDisplay
                    font.pixelSize: screen.portrait ? 110 : (Theme.large ? 100 : 120)
                    font.bold: true
                    font.letterSpacing: 6
                    font.family: "monospace"
                    color: Theme.redDark
                }
                Text {
                    id: replyBy
                    objectName: "replyBy"
                    width: parent.width
                    visible: IntakeForm.replyBy.length > 0
                    text: qsTr("You will get a reply within 3 working days, by %1.").arg(IntakeForm.replyBy)
                    font.pixelSize: Theme.large ? Theme.bodySize : Theme.headingSize
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    id: howTo
                    objectName: "receiptLookUpHint"
                    width: parent.width
                    text: qsTr("To see how it goes: tap \"Track progress\" on the home screen and type this code and the last 4 digits of your phone number.")
                    font.pixelSize: Theme.bodySize
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
            }
        }
        Card {
            id: qrCard
            // Nothing to show without a link (before this kiosk's first pull, docs/appeals.md)
            // and without a printer: the code's card says how to follow the case.
            visible: receiptQr.visible || printButton.visible
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Column {
                id: qrColumn
                anchors.centerIn: parent
                spacing: Theme.spacing
                Image {
                    id: receiptQr
                    objectName: "receiptQr"
                    anchors.horizontalCenter: parent.horizontalCenter
                    // As large as the card holds beside the words and 打印凭条 (大字 in
                    // landscape leaves less), never under 240 px: phones still read it.
                    readonly property int side: Math.max(240, Math.min(
                        screen.portrait ? 420 : 400,
                        qrColumn.parent.height - scanHint.height - qrColumn.spacing
                        - (printButton.visible ? printButton.height + qrColumn.spacing : 0)
                        - (printState.visible ? printState.height + qrColumn.spacing : 0)))
                    width: side; height: side
                    sourceSize: Qt.size(side, side)
                    fillMode: Image.PreserveAspectFit
                    smooth: false
                    // No link before this kiosk's first pull (docs/appeals.md): no code to scan.
                    visible: IntakeForm.progressUrl.length > 0
                    source: IntakeForm.progressUrl ? "image://qrquick/" + encodeURIComponent(IntakeForm.progressUrl) : ""
                }
                Text {
                    id: scanHint
                    objectName: "scanHint"
                    width: 420
                    horizontalAlignment: Text.AlignHCenter
                    visible: receiptQr.visible
                    text: qsTr("Scan with WeChat to follow it on your phone")
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                // Only where a printer is configured. It never ends the receipt, and it
                // answers once the receipt has settled, like the buttons that do.
                BigButton {
                    id: printButton
                    objectName: "printReceiptButton"
                    visible: ReceiptPrinter.configured
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 420
                    enabled: screen.settled && ReceiptPrinter.state !== "printing"
                    text: ReceiptPrinter.state === "printing" ? qsTr("Printing…")
                        : ReceiptPrinter.state === "printed" ? qsTr("Print again")
                        : qsTr("Print receipt")
                    onClicked: ReceiptPrinter.printSlip(screen.slip(), IntakeForm.codeDisplay)
                }
                Text {
                    id: printState
                    objectName: "printState"
                    width: 420
                    visible: text.length > 0
                    horizontalAlignment: Text.AlignHCenter
                    text: ReceiptPrinter.state === "printed"
                          ? qsTr("Printed: please take your receipt.")
                          : ReceiptPrinter.state === "failed"
                            ? (ReceiptPrinter.problem === "no_paper"
                               ? qsTr("The printer is out of paper. Please note the code down; the staff can help.")
                               : qsTr("The printer is not working. Please note the code down; the staff can help."))
                            : ""
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    color: ReceiptPrinter.state === "failed" ? Theme.red : Theme.present
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
