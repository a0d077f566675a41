// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Consent (PIPL): what is collected, why, who sees it, how long; agree or decline.
FormStep {
    id: step
    question: qsTr("Your personal information")

    Card {
        id: consentCard
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: consentButtons.top; bottomMargin: Theme.spacing }
        title: step.question
        Flickable {
            anchors.fill: parent
            contentHeight: consentText.implicitHeight
            clip: true
            Text {
                id: consentText
                objectName: "consentText"
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize
                lineHeight: 1.2
                color: Theme.text
                text: (IntakeForm.kind === "callback"
                       ? qsTr("What we collect: your phone number and the kind of matter you chose.")
                       : qsTr("What we collect: your name, your phone number and what you write here.")) + "\n"
                    + qsTr("Why: so that the deputies and the liaison office can handle your matter, reply to you and let you follow its progress.") + "\n"
                    + qsTr("Who sees it: the deputies of this station and the staff of the liaison office who handle your matter. It is locked on this kiosk so that only the liaison office can read it, and is removed from this kiosk once sent.") + "\n"
                    + qsTr("How long: kept for 3 years after your matter is closed, then deleted.") + "\n"
                    + qsTr("You may ask the station staff to see, correct or delete it.")
            }
        }
    }
    RowLayout {
        id: consentButtons
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: Theme.spacing
        BigButton {
            objectName: "declineButton"
            Layout.fillWidth: true
            text: qsTr("I do not agree")
            subtitle: qsTr("Nothing is saved")
            // Say what declining means, and what else the visitor can do.
            onClicked: Navigation.ask(
                qsTr("Not agreeing?"),
                qsTr("Without your agreement nothing is saved and the station cannot contact you about it.") + "\n"
                + (Station.phone.length > 0
                   ? qsTr("You can instead call the station at %1, talk to the staff, or come to a reception day and speak to a deputy in person.").arg(Station.phone)
                   : qsTr("You can instead talk to the staff, or come to a reception day and speak to a deputy in person.")),
                qsTr("Back to the agreement"), qsTr("Do not agree, go home"),
                () => { IntakeForm.clear(); Navigation.showHome() })
        }
        BigButton {
            objectName: "consentButton"
            Layout.fillWidth: true
            primary: true
            enabled: !IntakeForm.submitting
            text: IntakeForm.submitting ? qsTr("Submitting…")
                : IntakeForm.kind === "callback" ? qsTr("I agree, submit") : qsTr("I agree")
            onClicked: {
                IntakeForm.set("consent", true)
                step.answered()
            }
        }
    }
    FieldProblem {
        objectName: "submitProblem"
        anchors { left: parent.left; right: parent.right; bottom: consentButtons.top; bottomMargin: 8 }
        visible: IntakeForm.kind === "callback" && text.length > 0
        text: FormLabels.submitProblem(IntakeForm.submitProblem)
        Rectangle { z: -1; anchors { fill: parent; margins: -8 } color: Theme.tint }
    }
}
