// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import KioskBackend
import Kiosk

// Every screen but home: a header with large Back and Home buttons and a title.
Item {
    id: frame
    property string title: ""
    default property alias content: body.data
    // False while a tap meant for the screen before could land here (the receipt).
    property bool headerEnabled: true
    // A screen holding the visitor's work asks before Back or Home drops it (issue 16 §2):
    // (how) => null, or [question, detail, stay, leave, forget] for "back" or "home";
    // `forget` (optional) runs when the visitor chooses to leave.
    property var leaveQuestion: how => null
    // What 朗读 reads: the screen's main content (empty: no button), or `readAloudWith`, a
    // function that makes it at the tap from what the screen shows then (lists, a chosen day).
    property string readAloudText: ""
    property var readAloudWith: null
    // A screen that times out by rules of its own (the duty console: Desk) says so; Main's
    // visitor idle then leaves it alone.
    property bool ownIdle: false

    function leave(how) {
        var question = frame.leaveQuestion(how)
        var go = how === "home" ? () => Navigation.showHome()
                                : () => Navigation.back()
        if (question)
            Navigation.ask(question[0], question[1], question[2], question[3],
                           () => { if (question[4]) question[4](); go() })
        else
            go()
    }

    // Portrait with 朗读 leaves the title little room between the buttons: rather than shrink
    // it (to ~36 px in English or 大字), it goes on a line of its own under them.
    TextMetrics {
        id: titleMetrics
        font.pixelSize: Theme.titleSize
        font.bold: true
        text: frame.title
    }
    readonly property real titleRoom: width - 2 * Theme.margin - backButton.width - homeButton.width
                                      - readButton.width - (readButton.visible ? Theme.spacing : 0)
                                      - 2 * Theme.spacing
    // A form step keeps its one-line header: its question is its heading, and its room is
    // taken (the number pad, 下一步). Titles that shrink only a little stay too.
    property bool titleMayGoBelow: true
    readonly property bool titleBelow: titleMayGoBelow && height > width
                                       && titleMetrics.advanceWidth > titleRoom * 1.15

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.touch + 2 * 16 + (frame.titleBelow ? Math.ceil(titleMetrics.height) + 12 : 0)
        color: Theme.red

        BigButton {
            id: backButton
            objectName: "backButton"
            anchors { left: parent.left; leftMargin: Theme.margin; top: parent.top; topMargin: 16 }
            width: 220
            enabled: frame.headerEnabled
            text: qsTr("Back")
            onClicked: frame.leave("back")
        }
        ReadAloudButton {
            id: readButton
            visible: frame.readAloudText.length > 0 || frame.readAloudWith !== null
            anchors { right: homeButton.left; rightMargin: Theme.spacing; verticalCenter: homeButton.verticalCenter }
            width: visible ? 220 : 0
            speech: () => frame.readAloudWith ? frame.readAloudWith() : frame.readAloudText
        }
        Text {
            objectName: "screenTitle"
            anchors {
                left: frame.titleBelow ? parent.left : backButton.right
                right: frame.titleBelow ? parent.right
                                        : readButton.visible ? readButton.left : homeButton.left
                margins: frame.titleBelow ? Theme.margin : Theme.spacing
                verticalCenter: frame.titleBelow ? undefined : backButton.verticalCenter
                top: frame.titleBelow ? backButton.bottom : undefined
                topMargin: frame.titleBelow ? 4 : Theme.spacing
            }
            horizontalAlignment: Text.AlignHCenter
            text: frame.title
            color: "white"
            font.pixelSize: Theme.titleSize
            font.bold: true
            // Shrinks to fit rather than cut a word short (issue 16 §1).
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 16
        }
        BigButton {
            id: homeButton
            objectName: "homeButton"
            anchors { right: parent.right; rightMargin: Theme.margin; top: parent.top; topMargin: 16 }
            width: 220
            enabled: frame.headerEnabled
            text: qsTr("Home")
            onClicked: frame.leave("home")
        }
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
            margins: Theme.margin
        }
    }
}
