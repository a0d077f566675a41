// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Kiosk

// Previous/next page buttons for a list: touch rules forbid drag-only scrolling.
Column {
    id: buttons
    required property Flickable target
    property real overlap: 0.1  // of a page, kept in view for context
    readonly property bool needed: target.contentHeight > target.height + 1
    visible: needed
    spacing: Theme.spacing
    // 200 px wide: in 大字 "Previous" at the heading size broke mid-word ("Previo / us").
    readonly property int titleSize: Math.min(Theme.headingSize, 40)

    function scrollBy(pages) {
        const limit = Math.max(0, target.contentHeight - target.height) + target.originY
        const to = target.contentY + pages * target.height * (1 - overlap)
        target.contentY = Math.max(target.originY, Math.min(limit, to))
    }

    BigButton {
        objectName: "previousPage"
        width: 200
        titleSize: buttons.titleSize
        text: qsTr("Previous")
        enabled: !buttons.target.atYBeginning
        opacity: enabled ? 1 : 0.4
        onClicked: buttons.scrollBy(-1)
    }
    BigButton {
        objectName: "nextPage"
        width: 200
        titleSize: buttons.titleSize
        text: qsTr("Next")
        enabled: !buttons.target.atYEnd
        opacity: enabled ? 1 : 0.4
        onClicked: buttons.scrollBy(1)
    }
}
