// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend
import Kiosk

// Which reception day (appointments): the chosen deputy's next ones.
FormStep {
    id: step
    question: qsTr("On which reception day would you like to meet %1?").arg(IntakeForm.deputyName)
    readonly property var receptions: Roster.deputy(IntakeForm.deputyId).receptions ?? []

    Text {
        id: dayQuestion
        width: parent.width
        text: step.question
        font.pixelSize: Theme.headingSize
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Text {
        anchors { left: parent.left; right: parent.right; top: dayQuestion.bottom; topMargin: Theme.spacing }
        visible: step.receptions.length === 0
        text: qsTr("This deputy has no reception day scheduled. Please choose another deputy.")
        font.pixelSize: Theme.bodySize
        color: Theme.muted
        wrapMode: Text.Wrap
    }
    // A list with page buttons: in large text not every day fits on one screen.
    ListView {
        id: dayList
        objectName: "dayList"
        anchors {
            left: parent.left; right: dayPages.visible ? dayPages.left : parent.right
            rightMargin: dayPages.visible ? Theme.spacing : 0
            top: dayQuestion.bottom; topMargin: Theme.spacing; bottom: parent.bottom
        }
        clip: true
        spacing: Theme.spacing
        boundsBehavior: Flickable.StopAtBounds
        model: step.receptions
        // modelData: a reception row (kiosk/ui/station.py ReceptionRow).
        delegate: BigButton {
            required property var modelData
            required property int index
            objectName: "day_" + index
            width: ListView.view.width
            titleSize: Theme.headingSize
            text: modelData.day + "  " + modelData.time
            subtitle: [modelData.title, modelData.place].filter(s => s.length > 0).join(qsTr(" · "))
            // The reception the visitor chose (Back shows it again).
            selected: IntakeForm.day.length > 0 && modelData.date === IntakeForm.day
                      && modelData.scheduleId === IntakeForm.scheduleId
            onClicked: {
                IntakeForm.chooseDay(modelData.scheduleId, modelData.date, text)
                step.answered()
            }
        }
    }
    PageButtons {
        id: dayPages
        anchors { right: parent.right; top: dayList.top }
        width: 200
        target: dayList
    }
}
