// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// One step of the form. FormScreen loads the step's file by the step's name ("day" is
// DayStep.qml) and moves on when the step says the visitor answered.
Item {
    // The step's question: its heading, and what 朗读 reads.
    property string question: ""
    // Set by FormScreen: the screen is taller than wide.
    property bool portrait: false
    // The visitor answered: FormScreen checks the step (IntakeForm.check) and shows the next.
    signal answered()
}
