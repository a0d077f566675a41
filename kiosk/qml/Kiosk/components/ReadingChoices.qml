// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import KioskBackend
import Kiosk

// On home, for every visitor: 朗读 (read aloud), 大字 (large text), 高对比 (high contrast)
// and 简 / 繁 / EN.
// Fixed sizes: they are the way back too, so large text must not push them off the header.
Row {
    id: choices
    spacing: 12
    // What 朗读 reads (a function: the text is made at the tap).
    property var speech: () => ""
    component Choice: BigButton {
        titleSize: 30
        height: 90
        width: Math.max(140, implicitWidth)
        implicitHeight: 90
    }
    ReadAloudButton {
        height: 90
        width: 170
        speech: choices.speech
    }
    Choice {
        objectName: "largeTextButton"
        marked: Reading.largeText
        text: qsTr("Large text")
        onClicked: Reading.toggleLargeText()
    }
    Choice {
        objectName: "contrastButton"
        marked: Reading.highContrast
        text: qsTr("High contrast")
        onClicked: Reading.toggleHighContrast()
    }
    // Each language named in itself, as the issue names them: never translated.
    Choice {
        objectName: "language_zh_CN"
        width: 90
        marked: Reading.language === "zh_CN"
        text: "简"
        onClicked: Reading.setLanguage("zh_CN")
    }
    Choice {
        objectName: "language_zh_TW"
        width: 90
        marked: Reading.language === "zh_TW"
        text: "繁"
        onClicked: Reading.setLanguage("zh_TW")
    }
    Choice {
        objectName: "language_en"
        width: 90
        marked: Reading.language === "en"
        text: "EN"
        onClicked: Reading.setLanguage("en")
    }
}
