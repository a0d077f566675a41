// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import KioskBackend

ApplicationWindow {
    id: window
    objectName: "kioskWindow"
    width: 1920
    height: 1080
    visible: false  // app.py shows it full screen or at the configured size
    color: Theme.background
    title: qsTr("Deputy liaison station")

    readonly property bool portrait: height > width

    function showHome() { stack.pop(null, StackView.Immediate) }
    function back() { if (stack.depth > 1) stack.pop(StackView.Immediate) }
    function showDirectory() { stack.push(directoryScreen, {}, StackView.Immediate) }
    function showDeputy(deputyId) { stack.push(deputyScreen, {deputyId: deputyId}, StackView.Immediate) }
    function showStationInfo() { stack.push(stationInfoScreen, {}, StackView.Immediate) }
    // The duty deputies' screens by URL: compiled on first use, not at start (~3 MB PSS).
    function showDeputySignIn() { stack.push(Qt.resolvedUrl("DeputySignInScreen.qml"), {}, StackView.Immediate) }
    function showDeputyConsole() { stack.replace(Qt.resolvedUrl("DeputyConsoleScreen.qml"), {}, StackView.Immediate) }
    function showReceptionRecord() { stack.push(Qt.resolvedUrl("ReceptionRecordScreen.qml"), {}, StackView.Immediate) }

    Component { id: directoryScreen; DirectoryScreen {} }
    Component { id: deputyScreen; DeputyScreen {} }
    Component { id: stationInfoScreen; StationInfoScreen {} }
    Connections {
        target: Desk
        // The PIN was right: the console takes the sign-in screen's place.
        function onSignedIn() { window.showDeputyConsole() }
        // A console left untouched, or open at closing time, signs the deputy out: back home.
        function onConsoleClosed() { window.showHome() }
    }

    // The duty console is about to sign out for want of a touch: any touch keeps it.
    Rectangle {
        objectName: "stillThereOverlay"
        anchors.fill: stack
        z: 10
        visible: Desk.idleSecondsLeft >= 0
        color: "#99000000"
        MouseArea { anchors.fill: parent }  // a touch anywhere counts (Desk sees it first)
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 900)
            height: stillThere.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            Column {
                id: stillThere
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          margins: Theme.margin }
                spacing: Theme.spacing
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    text: qsTr("Still there? You will be signed out in %n second(s).", "",
                               Math.max(0, Desk.idleSecondsLeft))
                    font.pixelSize: Theme.headingSize
                    color: Theme.text
                }
                BigButton {
                    objectName: "stillHereButton"
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 420
                    primary: true
                    text: qsTr("I'm still here")
                }
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: keyboardArea.top }
        initialItem: HomeScreen {}
    }

    // The on-screen keyboard: Pinyin first, English second (DESIGN.md §3). It is the largest
    // part of the interface (~40 MB, ~100 ms), and most visitors never type: it loads the
    // first time a text field takes focus (docs/performance.md). Not asynchronously: its
    // components expect their style to exist while they incubate.
    Rectangle {
        id: keyboardArea
        anchors { left: parent.left; right: parent.right }
        readonly property bool active: keyboard.item ? keyboard.item.active : false
        y: active ? window.height - height : window.height
        height: keyboard.item ? keyboard.item.height : 0
        color: "#2B2B2B"
        Loader {
            id: keyboard
            anchors.horizontalCenter: parent.horizontalCenter
            width: window.portrait ? window.width : Math.min(window.width, 1200)
            active: false
            sourceComponent: InputPanel {
                objectName: "inputPanel"
                Component.onCompleted: {
                    VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
                    VirtualKeyboardSettings.locale = "zh_CN"
                }
            }
        }
    }
    onActiveFocusItemChanged: if (activeFocusItem instanceof TextInput) keyboard.active = true
}
