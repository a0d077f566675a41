// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// Find a deputy: filter by level, search by name, constituency or community (Pinyin keyboard).
ScreenFrame {
    id: screen
    objectName: "directoryScreen"
    title: qsTr("Find a deputy")
    // 朗读: how many deputies are shown, and each one's name, levels and constituency.
    readAloudWith: () => Roster.directory.count === 0
        ? qsTr("No deputy matches. Try fewer characters, or choose \"All\".")
        : qsTr("%n deputies", "", Roster.directory.count) + qsTr(": ")
          + Labels.rows(Roster.directory).map(d => [d.name, Labels.levelNames(d.levels), d.constituency]
                                                   .filter(s => s.length > 0).join(qsTr(", ")))
                                     .join(qsTr("; "))

    Component.onCompleted: {
        Roster.directory.level = ""
        Roster.directory.query = ""
    }

    RowLayout {
        id: searchRow
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.spacing
        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch
            font.pixelSize: Theme.large ? Theme.bodySize : Theme.headingSize
            placeholderText: qsTr("Type a name, constituency or community")
            // Nothing a visitor types is learned for the next one (issue 16).
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
            onTextChanged: Roster.directory.query = text
        }
        BigButton {
            objectName: "clearSearch"
            Layout.preferredWidth: 200
            text: qsTr("Clear")
            visible: searchField.text.length > 0
            onClicked: { searchField.clear(); searchField.focus = false }
        }
    }

    // While the keyboard is up for the search, the level buttons make room for the results.
    // (The input method is the application's: it can be up for another field or window.)
    readonly property bool typing: searchField.activeFocus && Qt.inputMethod.visible

    GridLayout {
        id: levels
        visible: !screen.typing
        anchors { left: parent.left; right: parent.right; top: searchRow.bottom; topMargin: Theme.spacing }
        columns: screen.width > screen.height ? Labels.levels.length : 3
        columnSpacing: 16
        rowSpacing: 16
        Repeater {
            model: Labels.levels
            delegate: BigButton {
                required property string modelData
                objectName: "level_" + (modelData || "all")
                Layout.fillWidth: true
                titleSize: Theme.bodySize
                text: Labels.levelShort(modelData)
                selected: Roster.directory.level === modelData
                onClicked: Roster.directory.level = modelData
            }
        }
    }

    GridView {
        id: grid
        objectName: "deputyGrid"
        anchors {
            left: parent.left; right: pages.left; rightMargin: Theme.spacing
            top: screen.typing ? searchRow.bottom : levels.bottom; topMargin: Theme.spacing
            bottom: parent.bottom
        }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        readonly property int columns: Math.max(2, Math.floor(width / 290))
        cellWidth: Math.floor(width / columns)
        // Whole rows only: a row cut by the screen's edge (or the keyboard) hides the names.
        readonly property real idealHeight: Math.round(cellWidth * 1.25) + 80
        cellHeight: height > idealHeight / 2 ? Math.floor(height / Math.round(height / idealHeight))
                                             : idealHeight
        model: Roster.directory
        delegate: Item {
            id: cell
            required property string key
            required property string name
            required property var levels
            required property string constituency
            required property string photo
            width: grid.cellWidth
            height: grid.cellHeight
            DeputyCard {
                objectName: "deputy_" + cell.key
                anchors { fill: parent; margins: 8 }
                key: cell.key
                name: cell.name
                levels: cell.levels
                constituency: cell.constituency
                photo: cell.photo
                onClicked: Navigation.showDeputy(cell.key)
            }
        }
    }
    PageButtons {
        id: pages
        anchors { right: parent.right; top: grid.top }
        width: 200  // reserved even when hidden: the list's width must not depend on it
        target: grid
        overlap: 0  // rows fit the page exactly
    }

    Text {
        objectName: "noResults"
        anchors.centerIn: grid
        width: grid.width * 0.8
        visible: Roster.directory.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("No deputy matches. Try fewer characters, or choose \"All\".")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
    }
}
