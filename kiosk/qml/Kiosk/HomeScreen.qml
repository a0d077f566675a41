// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// Home: who we are, who is on duty today, the next reception days, and where to go next.
Item {
    id: home
    objectName: "homeScreen"
    readonly property bool portrait: height > width

    // 朗读 on home: the station, who is on duty (today or on the next reception day) and,
    // where home shows them, the next reception days (issue 16 §1).
    function speech() {
        var parts = [Station.name]
        if (Roster.dutyReceptions.count === 0)
            parts.push(qsTr("No reception day is scheduled."))
        else
            parts.push((Roster.dutyIsToday ? qsTr("On duty today")
                                           : qsTr("On duty on the next reception day"))
                       + qsTr(": ") + Labels.rows(Roster.dutyReceptions).map(Labels.receptionSpeech)
                                            .join(qsTr("; ")))
        if (Presence.adHocPresent.length > 0)
            parts.push(qsTr("Also at the station today: %1")
                       .arg(Presence.adHocPresent.map(d => d.name).join(qsTr(", "))))
        if (!Theme.large && Roster.upcoming.count > 0)
            parts.push(qsTr("Next reception days") + qsTr(": ")
                       + Labels.rows(Roster.upcoming).map(Labels.receptionSpeech).join(qsTr("; ")))
        return parts.join(qsTr(". "))
    }

    // The date and the connection mark: under the time (portrait), under the name (landscape),
    // where the reading choices leave room.
    component DateAndSync: Grid {
        columns: home.portrait ? 1 : 2  // portrait: the mark under the date
        columnSpacing: 16
        horizontalItemAlignment: Grid.AlignRight
        Text {
            text: Clock.date
            color: Theme.paleText
            font.pixelSize: 28  // not enlarged: the clock says the time, the duty card the day
        }
        // Unobtrusive: technicians and staff read it, visitors need not.
        Row {
            objectName: "syncState"
            spacing: 8
            visible: syncText.text.length > 0
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: 14; height: 14; radius: 7
                color: Sync.state === "online" || Sync.state === "syncing"
                       ? Theme.connected : Theme.disconnected
            }
            Text {
                id: syncText
                text: {
                    switch (Sync.state) {
                    case "online": return qsTr("Connected")
                    case "syncing": return qsTr("Syncing")
                    case "offline": return Sync.pending > 0
                        ? qsTr("Offline · %n waiting to send", "", Sync.pending)
                        : qsTr("Offline")
                    case "not_enrolled": return qsTr("Not enrolled with the server")
                    }
                    return ""
                }
                color: Theme.paleText
                font.pixelSize: 28  // not enlarged: the clock says the time, the duty card the day
            }
        }
    }

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        // Landscape: the reading choices sit under the clock, the date under the name.
        height: Math.max(Math.round((home.portrait ? 260 : 170) * Theme.boxScale), nameColumn.implicitHeight + 32,
                         home.portrait ? 0 : clock.implicitHeight + choices.height + 40)
        color: Theme.red

        Column {
            id: nameColumn
            anchors {
                left: parent.left; leftMargin: Theme.margin
                right: home.portrait ? clock.left : choices.left; rightMargin: Theme.spacing
                verticalCenter: parent.verticalCenter
            }
            spacing: 8
            Rectangle {
                objectName: "stationKindBadge"
                width: kindText.implicitWidth + 28; height: kindText.implicitHeight + 8
                radius: 8
                color: Theme.gold
                visible: kindText.text.length > 0
                Text {
                    id: kindText
                    anchors.centerIn: parent
                    text: Labels.kindName(Station.kind)
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    color: Theme.redDark
                }
            }
            Text {
                objectName: "stationName"
                width: parent.width
                text: Station.ready ? Station.name : qsTr("This kiosk is not set up yet")
                color: "white"
                font.pixelSize: Theme.heroSize
                font.bold: true
                wrapMode: Text.WordWrap
            }
            DateAndSync { visible: !home.portrait }
        }
        Column {
            id: clock
            anchors {
                right: parent.right; rightMargin: Theme.margin
                verticalCenter: home.portrait ? parent.verticalCenter : undefined
                top: home.portrait ? undefined : parent.top
                topMargin: 8
            }
            Text {
                anchors.right: parent.right
                text: Clock.time
                color: "white"
                font.pixelSize: 72
                font.bold: true
            }
            DateAndSync { visible: home.portrait; anchors.right: parent.right }
        }
    }

    // For every visitor, one tap: larger text, stronger colours, their language (issue 16 §1).
    Rectangle {
        id: readingBar
        objectName: "readingBar"
        anchors { left: parent.left; right: parent.right; top: header.bottom }
        visible: home.portrait
        height: visible ? choices.height + 20 : 0
        color: Theme.tint
        ReadingChoices {
            id: choices
            speech: home.speech
            parent: home.portrait ? readingBar : header
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: home.portrait ? parent.verticalCenter : undefined
            anchors.bottom: home.portrait ? undefined : parent.bottom
            anchors.bottomMargin: 16
        }
    }

    GridLayout {
        id: body
        anchors {
            left: parent.left; right: parent.right; top: readingBar.bottom; bottom: actions.top
            margins: Theme.margin
        }
        columns: home.portrait ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Card {
            id: todayCard
            objectName: "todayCard"
            title: Roster.dutyIsToday ? qsTr("On duty today")
                                      : qsTr("On duty on the next reception day")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.preferredHeight: home.portrait ? 4 : 3

            Text {
                id: noReception
                objectName: "noReceptionToday"
                visible: !Roster.dutyIsToday
                width: parent.width
                text: Roster.dutyReceptions.count > 0
                      ? qsTr("No reception today. The next reception day is %1.").arg(Roster.dutyDay)
                      : qsTr("No reception day is scheduled.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            ListView {
                id: dutyList
                anchors {
                    left: parent.left; right: parent.right
                    bottom: adHoc.visible ? adHoc.top : parent.bottom
                    bottomMargin: adHoc.visible ? Theme.spacing : 0
                    top: noReception.visible ? noReception.bottom : parent.top
                    topMargin: noReception.visible ? Theme.spacing : 0
                }
                clip: true
                interactive: false
                spacing: Theme.spacing
                model: Roster.dutyReceptions
                delegate: Column {
                    id: reception
                    required property string time
                    required property string title
                    required property string theme
                    required property string place
                    required property var deputies
                    width: ListView.view.width
                    spacing: 12
                    Text {
                        id: receptionLine
                        width: parent.width
                        text: [reception.time, reception.title, reception.theme, reception.place]
                              .filter(s => s.length > 0).join(qsTr(" · "))
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    // The deputies on duty are what home shows most: tiles with the photo
                    // beside the name, in as few rows as fit; names are never cut (issue 16).
                    Grid {
                        id: tiles
                        readonly property int n: reception.deputies.length
                        columns: n <= 2 ? Math.max(n, 1) : (n <= 4 ? 2 : 3)
                        readonly property int rows: Math.ceil(n / columns)
                        spacing: Theme.spacing
                        readonly property real tileWidth: (reception.width - (columns - 1) * spacing) / columns
                        readonly property real tileHeight: Math.max(Theme.touch, Math.min(
                            300, (dutyList.height / Math.max(1, dutyList.count) - receptionLine.height
                                  - reception.spacing - (rows - 1) * spacing) / rows))
                        Repeater {
                            model: reception.deputies
                            delegate: AbstractButton {
                                id: dutyDeputy
                                required property var modelData
                                objectName: "duty_" + modelData.key
                                width: tiles.tileWidth
                                height: tiles.tileHeight
                                focusPolicy: Qt.NoFocus
                                onClicked: ApplicationWindow.window.showDeputy(modelData.key)
                                contentItem: Item {}
                                background: Rectangle {
                                    radius: Theme.radius
                                    color: dutyDeputy.down ? Theme.tint : "transparent"
                                }
                                DeputyPhoto {
                                    id: dutyPhoto
                                    width: Math.min(dutyDeputy.height * 3 / 4, dutyDeputy.width * 0.42)
                                    height: width * 4 / 3
                                    anchors.verticalCenter: parent.verticalCenter
                                    source: dutyDeputy.modelData.photo
                                    name: dutyDeputy.modelData.name
                                    // Signed in with their PIN today (在站).
                                    present: Roster.dutyIsToday
                                             && Presence.presentIds.indexOf(dutyDeputy.modelData.key) >= 0
                                }
                                Column {
                                    anchors {
                                        left: dutyPhoto.right; leftMargin: 16; right: parent.right
                                        verticalCenter: parent.verticalCenter
                                    }
                                    spacing: 6
                                    Text {
                                        id: dutyName
                                        width: parent.width
                                        text: dutyDeputy.modelData.name
                                        font.pixelSize: Theme.large ? Theme.headingSize : Theme.titleSize
                                        fontSizeMode: Text.HorizontalFit
                                        minimumPixelSize: Theme.bodySize
                                        font.bold: true
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                    }
                                    Text {
                                        width: parent.width
                                        height: Math.min(implicitHeight, dutyDeputy.height - dutyName.height - 6)
                                        text: dutyDeputy.modelData.levels.map(l => Labels.levelShort(l)).join(" · ")
                                        font.pixelSize: Theme.smallSize
                                        fontSizeMode: Text.Fit
                                        minimumPixelSize: 20
                                        color: Theme.red
                                        wrapMode: Text.Wrap
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Deputies who signed in but are not on today's roster (ad hoc duty): one line,
            // so that today's duty tiles keep their size.
            Row {
                id: adHoc
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                visible: Presence.adHocPresent.length > 0
                spacing: 12
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: adHocBadge.implicitWidth + 20; height: adHocBadge.implicitHeight + 8
                    radius: 8
                    color: Theme.present
                    Text {
                        id: adHocBadge
                        anchors.centerIn: parent
                        text: qsTr("Present")
                        color: "white"
                        font.pixelSize: Theme.smallSize
                        font.bold: true
                    }
                }
                Text {
                    objectName: "adHocPresent"
                    width: parent.width - x
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Also at the station today: %1")
                          .arg(Presence.adHocPresent.map(d => d.name).join(qsTr(", ")))
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    // Shrinks to fit rather than cut a word short (issue 16 §1).
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 16
                }
            }
        }

        Card {
            objectName: "upcomingCard"
            // Large text: today's deputies take the room (接待日安排 has the coming days).
            visible: !Theme.large
            title: qsTr("Next reception days")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Layout.preferredHeight: 3

            Text {
                visible: Roster.upcoming.count === 0
                width: parent.width
                text: qsTr("No reception day is scheduled.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            ListView {
                anchors.fill: parent
                clip: true
                interactive: false
                spacing: 12
                model: Roster.upcoming
                delegate: ReceptionDayItem {
                    required property var model
                    width: ListView.view.width
                    visible: y + height <= ListView.view.height  // whole entries only
                    day: model.day
                    when: model.when
                    time: model.time
                    title: model.title
                    theme: model.theme
                    deputies: model.deputies
                    originalDay: model.status === "moved" ? model.originalDay : ""
                }
            }
        }
    }

    // What visitors came for, large; then where to read more, and the deputies' own entry.
    ColumnLayout {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        spacing: Theme.spacing
        GridLayout {
            Layout.fillWidth: true
            columns: home.portrait ? 2 : 4
            uniformCellWidths: true
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            BigButton {
                objectName: "findDeputyButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(150, implicitHeight)
                primary: true
                titleSize: Theme.large ? Theme.headingSize : Theme.titleSize
                text: qsTr("Find a deputy")
                subtitle: Theme.large ? "" : qsTr("By name, level, constituency or community")
                onClicked: ApplicationWindow.window.showDirectory()
            }
            BigButton {
                objectName: "appealButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(150, implicitHeight)
                primary: true
                titleSize: Theme.large ? Theme.headingSize : Theme.titleSize
                text: qsTr("Report a problem")
                subtitle: Theme.large ? "" : qsTr("Or leave a number and we call back")
                onClicked: ApplicationWindow.window.startForm("appeal")
            }
            BigButton {
                objectName: "appointmentButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(150, implicitHeight)
                titleSize: Theme.large ? Theme.headingSize : Theme.titleSize
                text: qsTr("Meet a deputy")
                subtitle: Theme.large ? "" : qsTr("Ask for an appointment on a reception day")
                onClicked: ApplicationWindow.window.startForm("appointment")
            }
            BigButton {
                objectName: "progressButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(150, implicitHeight)
                titleSize: Theme.large ? Theme.headingSize : Theme.titleSize
                text: qsTr("Track progress")
                subtitle: Theme.large ? "" : qsTr("With the code on your receipt")
                onClicked: ApplicationWindow.window.showProgress()
            }
        }
        // In portrait a third of the width holds the title only.
        RowLayout {
            Layout.fillWidth: true
            uniformCellSizes: true
            spacing: Theme.spacing
            BigButton {
                objectName: "scheduleButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(110, implicitHeight)
                titleSize: Theme.large ? Theme.bodySize : Theme.headingSize
                text: qsTr("Reception days")
                subtitle: home.portrait || Theme.large ? "" : qsTr("Calendar, themes, who is on duty")
                onClicked: ApplicationWindow.window.showSchedule()
            }
            BigButton {
                objectName: "stationInfoButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(110, implicitHeight)
                titleSize: Theme.large ? Theme.bodySize : Theme.headingSize
                text: qsTr("About this station")
                subtitle: home.portrait || Theme.large ? "" : qsTr("Address, opening hours, rules, notices")
                onClicked: ApplicationWindow.window.showStationInfo()
            }
            // The no-typing path, one tap from home (issue 16 §3).
            BigButton {
                objectName: "callbackHomeButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(110, implicitHeight)
                titleSize: Theme.large ? Theme.bodySize : Theme.headingSize
                text: qsTr("Call me back")
                subtitle: home.portrait || Theme.large ? "" : qsTr("Leave a number, no typing")
                onClicked: ApplicationWindow.window.startForm("callback")
            }
            BigButton {
                objectName: "deputySignInButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(110, implicitHeight)
                titleSize: Theme.large ? Theme.bodySize : Theme.headingSize
                text: qsTr("Deputy sign-in")
                subtitle: home.portrait || Theme.large ? "" : qsTr("For duty deputies, with a PIN")
                onClicked: ApplicationWindow.window.showDeputySignIn()
            }
        }
    }
}
