// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import KioskBackend
import Kiosk

// One step of a visitor's form (an appeal, a call-back request or an appointment request).
// What the visitor enters lives in IntakeForm, so Back shows it again and walking away
// wipes it; each step is its own screen on the stack, showing the step's own file from
// form/ (the step "day" is form/DayStep.qml).
ScreenFrame {
    id: screen
    objectName: "formScreen_" + step
    property string step: "category"
    readonly property bool portrait: height > width
    titleMayGoBelow: false  // the question is the heading; the room is the step's
    readonly property var flow: IntakeForm.flow  // the kind's steps (kiosk.domain.forms)
    readonly property int stepNumber: flow.indexOf(step) + 1
    title: FormLabels.kindName(IntakeForm.kind)
    // 朗读: the step's question.
    readAloudText: (content.item as FormStep)?.question ?? ""
    // Home (or Back from the first step) would drop what the visitor entered: ask once.
    leaveQuestion: how => IntakeForm.hasInput && (how === "home" || stepNumber === 1)
                         ? [qsTr("Discard what you have entered?"),
                            qsTr("What you entered on this form is not saved and will be deleted."),
                            qsTr("Continue filling in"), qsTr("Discard"), () => IntakeForm.clear()]
                         : null

    // Back from the call-back path to "what happened": the visitor is typing after all.
    StackView.onActivated: if (step === "text" && IntakeForm.kind === "callback") IntakeForm.setKind("appeal")

    function next() {
        if (!IntakeForm.check(step))
            return
        var at = flow.indexOf(step)
        if (at + 1 < flow.length)
            Navigation.showForm(flow[at + 1])
        else
            submit()
    }
    // Saved off the GUI thread: Main shows the receipt when IntakeForm says `submitted`.
    function submit() { IntakeForm.submit() }

    Text {
        id: progress
        objectName: "stepProgress"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        text: qsTr("Step %1 of %2").arg(screen.stepNumber).arg(screen.flow.length)
        font.pixelSize: Theme.smallSize
        color: Theme.muted
    }
    Loader {
        id: content
        anchors {
            left: parent.left; right: parent.right; top: progress.bottom; bottom: parent.bottom
            topMargin: 12
        }
        source: Qt.resolvedUrl("../form/" + screen.step.charAt(0).toUpperCase() + screen.step.slice(1)
                               + "Step.qml")
        onLoaded: {
            const shown = content.item as FormStep
            shown.portrait = Qt.binding(() => screen.portrait)
            shown.answered.connect(screen.next)
        }
    }
}
