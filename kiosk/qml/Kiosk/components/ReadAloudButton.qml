// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import KioskBackend
import Kiosk

// 朗读: reads the screen's main content aloud in Mandarin (issue 16 §1). `speech` makes the
// text at the tap, so that it is what the screen shows then; 朗读不可用 where no engine is.
BigButton {
    objectName: "readAloudButton"
    property var speech: () => ""
    enabled: ReadAloud.available
    text: ReadAloud.available ? qsTr("Read aloud") : qsTr("Read-aloud unavailable")
    titleSize: 30  // fixed, like the other buttons of a header
    onClicked: ReadAloud.say(speech())
}
