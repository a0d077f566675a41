// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// How a screen moves to another: Main.qml owns the StackView and does the moving; screens
// call these (qmllint checks the calls, which `Navigation.showX()` hides).
QtObject {
    // Main.qml, set when it is made.
    property var main: null

    function showHome() { main.showHome() }
    function back() { main.back() }
    function showDirectory() { main.showDirectory() }
    function showDeputy(deputyId: string) { main.showDeputy(deputyId) }
    function showStationInfo() { main.showStationInfo() }
    function showSchedule() { main.showSchedule() }
    function showDeputySignIn() { main.showDeputySignIn() }
    function showReceptionRecord() { main.showReceptionRecord() }
    function showFirstRun() { main.showFirstRun() }
    function showProgress() { main.showProgress() }
    function startForm(kind: string) { main.startForm(kind) }
    function showForm(step: string) { main.showForm(step) }
    // Ask before a tap throws the visitor's work away; `onLeave` runs if they say so.
    function ask(question: string, detail: string, stay: string, leave: string, onLeave: var) {
        main.ask(question, detail, stay, leave, onLeave)
    }
}
