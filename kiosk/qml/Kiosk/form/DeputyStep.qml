// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend
import Kiosk

// Which deputy: any (an appeal may leave it to the station) or one of the roster.
FormStep {
    id: step
    question: IntakeForm.kind === "appointment" ? qsTr("Which deputy would you like to meet?")
                                                : qsTr("Is it for a particular deputy? (optional)")

    Text {
        id: deputyQuestion
        width: parent.width
        text: step.question
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    BigButton {
        id: anyDeputy
        objectName: "anyDeputyButton"
        visible: IntakeForm.kind !== "appointment"
        anchors { right: parent.right; top: deputyQuestion.bottom; topMargin: Theme.spacing }
        width: 420
        primary: true
        text: qsTr("Any deputy")
        subtitle: qsTr("The station passes it on")
        onClicked: {
            IntakeForm.chooseDeputy("", "")
            step.answered()
        }
    }
    GridView {
        id: deputyGrid
        objectName: "deputyChoices"
        anchors {
            left: parent.left; right: deputyPages.left; bottom: parent.bottom
            rightMargin: deputyPages.visible ? Theme.spacing : 0
            top: anyDeputy.visible ? anyDeputy.bottom : deputyQuestion.bottom
            topMargin: Theme.spacing
        }
        clip: true
        // Large text may not fit every deputy: page buttons (and a swipe) bring the rest.
        boundsBehavior: Flickable.StopAtBounds
        readonly property int columns: step.portrait ? 3 : 5
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.round((Theme.headingSize + Theme.smallSize) * 1.45) + 60
        model: Roster.deputies
        delegate: Item {
            id: deputyCell
            required property string key
            required property string name
            required property var levels
            width: deputyGrid.cellWidth
            height: deputyGrid.cellHeight
            BigButton {
                objectName: "chooseDeputy_" + deputyCell.key
                anchors { fill: parent; margins: 8 }
                text: deputyCell.name
                subtitle: deputyCell.levels.length > 0 ? Labels.levelShort(deputyCell.levels[0]) : ""
                selected: IntakeForm.deputyId === deputyCell.key
                onClicked: {
                    IntakeForm.chooseDeputy(deputyCell.key, deputyCell.name)
                    step.answered()
                }
            }
        }
    }
    PageButtons {
        id: deputyPages
        anchors { right: parent.right; top: deputyGrid.top }
        width: visible ? 200 : 0
        target: deputyGrid
    }
}
