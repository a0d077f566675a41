// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import QtQuick.VirtualKeyboard.Styles
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
    // A screen that times out by rules of its own (the duty console: DutyConsole) says so.
    readonly property bool ownIdle: stack.currentItem !== null && stack.currentItem.ownIdle === true

    // Screens by URL: each is compiled on first use, not at start (time and memory before
    // the first frame; docs/performance.md).
    function showHome() { stack.pop(null, StackView.Immediate) }
    function back() { if (stack.depth > 1) stack.pop(StackView.Immediate) }
    function showDirectory() { stack.push(Qt.resolvedUrl("DirectoryScreen.qml"), {}, StackView.Immediate) }
    function showDeputy(deputyId) { stack.push(Qt.resolvedUrl("DeputyScreen.qml"), {deputyId: deputyId}, StackView.Immediate) }
    function showStationInfo() { stack.push(Qt.resolvedUrl("StationInfoScreen.qml"), {}, StackView.Immediate) }
    function showSchedule() { stack.push(Qt.resolvedUrl("ScheduleScreen.qml"), {}, StackView.Immediate) }
    function showDeputySignIn() { stack.push(Qt.resolvedUrl("DeputySignInScreen.qml"), {}, StackView.Immediate) }
    function showDeputyConsole() { stack.replace(Qt.resolvedUrl("DeputyConsoleScreen.qml"), {}, StackView.Immediate) }
    function showReceptionRecord() { stack.push(Qt.resolvedUrl("ReceptionRecordScreen.qml"), {}, StackView.Immediate) }
    function showAdminPin() { stack.push(Qt.resolvedUrl("AdminPinScreen.qml"), {}, StackView.Immediate) }
    function showAdmin() { stack.replace(Qt.resolvedUrl("AdminScreen.qml"), {}, StackView.Immediate) }
    function showFirstRun() { stack.push(Qt.resolvedUrl("FirstRunScreen.qml"), {}, StackView.Immediate) }
    function startForm(kind) {
        // Refused before the visitor types anything when the disk is nearly full.
        if (!IntakeForm.start(kind)) { diskFullNotice.visible = true; return }
        showForm(IntakeForm.flow[0])
    }
    function showForm(step) { stack.push(Qt.resolvedUrl("FormScreen.qml"), {step: step}, StackView.Immediate) }
    // After a submission the form's steps go: Back from the receipt leads home.
    function showReceipt() {
        stack.pop(null, StackView.Immediate)
        stack.push(Qt.resolvedUrl("ReceiptScreen.qml"), {}, StackView.Immediate)
    }
    // Ask before a tap throws the visitor's work away; `leave` runs if they say so.
    function ask(question, detail, stay, leave, onLeave) { askDialog.ask(question, detail, stay, leave, onLeave) }
    function showProgress() { stack.push(Qt.resolvedUrl("ProgressScreen.qml"), {}, StackView.Immediate) }

    Connections {
        target: SignIn
        // The PIN was right: the console takes the sign-in screen's place.
        function onSignedIn() { window.showDeputyConsole() }
    }
    Connections {
        target: DutyConsole
        // A console left untouched, or open at closing time, signs the deputy out: back home.
        function onClosed() { window.showHome() }
    }
    Connections {
        target: IntakeForm
        // Saved (off the GUI thread): the receipt takes the form's place.
        function onSubmitted() { window.showReceipt() }
    }

    // A form cannot be started: the kiosk's disk is nearly full (kiosk/store/disk.py).
    Rectangle {
        id: diskFullNotice
        objectName: "diskFullNotice"
        anchors.fill: stack
        z: 10
        visible: false
        color: "#99000000"
        MouseArea { anchors.fill: parent; onClicked: diskFullNotice.visible = false }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 900)
            height: diskFullText.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            Text {
                id: diskFullText
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          margins: Theme.margin }
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: qsTr("Sorry, this kiosk cannot take new requests right now: its storage is full. Please ask the staff, or call the station.")
                font.pixelSize: Theme.headingSize
                color: Theme.text
            }
        }
    }

    // The duty console is about to sign out for want of a touch: any touch keeps it.
    Rectangle {
        objectName: "stillThereOverlay"
        anchors.fill: stack
        z: 10
        visible: DutyConsole.idleSecondsLeft >= 0
        color: "#99000000"
        MouseArea { anchors.fill: parent }  // a touch anywhere counts (DutyConsole sees it first)
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 900)
            height: consoleStillThere.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            Column {
                id: consoleStillThere
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          margins: Theme.margin }
                spacing: Theme.spacing
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    text: qsTr("Still there? You will be signed out in %n second(s).", "",
                               Math.max(0, DutyConsole.idleSecondsLeft))
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
    Component { id: homeScreen; HomeScreen {} }

    // First run: the set-up screen is the only screen until the kiosk is enrolled (or demo).
    Component.onCompleted: if (Setup.needed) {
        stack.clear(StackView.Immediate)
        stack.push(Qt.resolvedUrl("FirstRunScreen.qml"), {alone: true}, StackView.Immediate)
    }
    Connections {
        target: Setup
        function onEnrolled() {
            stack.clear(StackView.Immediate)
            stack.push(homeScreen, {}, StackView.Immediate)
        }
    }

    // The hidden gesture (five taps in the top-left corner) counts on home only.
    Connections {
        target: Admin
        function onGesture() { if (stack.depth === 1) window.showAdminPin() }
        function onPinAccepted() { window.showAdmin() }
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
        color: Theme.keyboard
        Loader {
            id: keyboard
            objectName: "keyboardLoader"
            anchors.horizontalCenter: parent.horizontalCenter
            width: window.portrait ? window.width : Math.min(window.width, 1200)
            active: false
            sourceComponent: InputPanel {
                objectName: "inputPanel"
                Component.onCompleted: {
                    VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
                    VirtualKeyboardSettings.locale = "zh_CN"
                    // The Pinyin candidates are the smallest text a visitor must read: the
                    // style's own are ~19 px at this width; ours are >= 32 px (issue 16 §2).
                    keyboard.style.selectionListHeight = Theme.candidateBarHeight
                    keyboard.style.selectionListDelegate = candidateDelegate
                    // The language key switches 拼音 ⇄ English in one tap (no list to choose from).
                    keyboard.style.languagePopupListEnabled = false
                }
            }
        }
        Component {
            id: candidateDelegate
            SelectionListItem {
                id: candidate
                width: Math.max(candidateText.implicitWidth + 2 * Theme.spacing, height)
                Text {
                    id: candidateText
                    objectName: "candidateText"
                    anchors.centerIn: parent
                    text: display
                    color: candidate.ListView.isCurrentItem ? "white" : Theme.candidate
                    font.pixelSize: Theme.candidateSize
                }
            }
        }
    }
    onActiveFocusItemChanged: if (activeFocusItem instanceof TextInput || activeFocusItem instanceof TextEdit)
                                  keyboard.active = true

    // The visitor walked away (DESIGN.md §3): whatever they left on a screen goes with it.
    // Popping destroys the screens, and with them every half-filled form.
    Connections {
        target: Idle
        function onWalkedAway() {
            if (window.ownIdle) return
            askDialog.close()
            Qt.inputMethod.reset()
            // The next visitor finds the keyboard in Pinyin again.
            if (keyboard.item) VirtualKeyboardSettings.locale = "zh_CN"
            window.showHome()
        }
    }

    AskDialog {
        id: askDialog
        anchors.fill: parent
        z: 9
    }

    // Attract mode: nobody has touched home for the idle time (DESIGN.md §3).
    // Loaded only while it shows: nothing of it on the way to the first frame.
    Loader {
        id: attractScreen
        anchors.fill: parent
        z: 10
        active: false
        sourceComponent: AttractScreen { onDismissed: attractScreen.active = false }
    }
    // Only when home was showing already; a visitor's wiped screens just return home.
    property bool homeWhenAsked: false
    Connections {
        target: Idle
        function onAskingChanged() { if (Idle.asking) window.homeWhenAsked = stack.depth === 1 }
        function onWalkedAway() {
            if (window.homeWhenAsked && !Setup.needed) attractScreen.active = true
        }
    }

    // "Still there?": only asked away from home, where something could be lost.
    Rectangle {
        id: stillThere
        objectName: "stillThere"
        anchors.fill: parent
        visible: Idle.asking && stack.depth > 1 && !window.ownIdle
        color: "#B3000000"
        property int secondsLeft: Idle.promptSeconds
        onVisibleChanged: secondsLeft = Idle.promptSeconds
        Timer {
            running: stillThere.visible
            interval: 1000
            repeat: true
            onTriggered: stillThere.secondsLeft = Math.max(0, stillThere.secondsLeft - 1)
        }
        MouseArea { anchors.fill: parent }  // a touch anywhere is the answer (Idle sees it)
        Card {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 1000)
            height: prompt.implicitHeight + 2 * Theme.margin
            Column {
                id: prompt
                width: parent.width
                spacing: Theme.spacing * 2
                Text {
                    width: parent.width
                    text: qsTr("Are you still there?")
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
                Text {
                    objectName: "stillThereCountdown"
                    width: parent.width
                    text: qsTr("In %n second(s) this page is cleared and the home screen shows.", "",
                               stillThere.secondsLeft)
                    font.pixelSize: Theme.bodySize
                    color: Theme.muted
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
                BigButton {
                    objectName: "stillThereContinue"
                    anchors.horizontalCenter: parent.horizontalCenter
                    primary: true
                    text: qsTr("Continue")
                    onClicked: Idle.touched()
                }
            }
        }
    }
}
