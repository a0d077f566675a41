// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend
import Kiosk

// A deputy's page: who they are, when they receive visitors, and their QR code (码上找代表).
ScreenFrame {
    id: screen
    objectName: "deputyScreen"
    property string deputyId: ""
    readonly property var deputy: Roster.deputy(deputyId)
    readonly property bool portrait: height > width
    title: deputy.name ?? ""
    // 朗读: name, level, constituency and the next reception days.
    readAloudText: [deputy.name ?? "",
                    (deputy.levels ?? []).map(l => Labels.levelName(l)).join(qsTr(", ")),
                    qsTr("Constituency") + qsTr(": ") + (deputy.constituency ?? ""),
                    qsTr("Next reception days") + qsTr(": ")
                        + (deputy.receptions ?? []).map(r => r.day + " " + r.time).join(qsTr(", "))
                   ].join(qsTr(". "))

    GridLayout {
        anchors.fill: parent
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3

            Row {
                id: profile
                width: parent.width
                spacing: Theme.margin
                DeputyPhoto {
                    id: portraitPhoto
                    width: screen.portrait ? 300 : 320
                    source: screen.deputy.photo ?? ""
                    name: screen.deputy.name ?? ""
                }
                Column {
                    width: parent.width - portraitPhoto.width - parent.spacing
                    spacing: 14
                    Text {
                        objectName: "deputyName"
                        text: screen.deputy.name ?? ""
                        font.pixelSize: Theme.heroSize
                        font.bold: true
                        color: Theme.text
                    }
                    Repeater {
                        model: screen.deputy.levels ?? []
                        delegate: Text {
                            required property string modelData
                            width: parent.width
                            wrapMode: Text.Wrap
                            text: Labels.levelName(modelData)
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.red
                        }
                    }
                    Repeater {
                        model: [
                            [qsTr("Constituency"), screen.deputy.constituency ?? ""],
                            [qsTr("Linked communities"), screen.deputy.blocks ?? ""],
                            [qsTr("Occupation"), screen.deputy.occupation ?? ""],
                            [qsTr("Phone"), screen.deputy.phone ?? ""],
                        ]
                        delegate: Text {
                            required property var modelData
                            width: parent.width
                            visible: modelData[1].length > 0
                            text: qsTr("%1: %2").arg(modelData[0]).arg(modelData[1])
                            font.pixelSize: Theme.bodySize
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
            Text {
                id: bio
                anchors { top: profile.bottom; topMargin: Theme.spacing }
                width: parent.width
                text: screen.deputy.bio ?? ""
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.WordWrap
            }
            Text {
                id: receptionsTitle
                anchors { top: bio.bottom; topMargin: Theme.spacing }
                text: qsTr("Next reception days")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
            }
            Text {
                anchors { top: receptionsTitle.bottom; topMargin: 8 }
                visible: receptions.count === 0
                text: qsTr("No reception day scheduled yet.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
            }
            ListView {
                id: receptions
                anchors { top: receptionsTitle.bottom; topMargin: 8; bottom: parent.bottom }
                width: parent.width
                interactive: false
                model: screen.deputy.receptions ?? []
                delegate: ReceptionDayItem {
                    required property var modelData
                    width: ListView.view.width
                    visible: y + height <= ListView.view.height  // whole entries only
                    day: modelData.day
                    when: modelData.when
                    time: modelData.time
                    title: modelData.title
                    theme: modelData.theme
                    showDeputies: false
                }
            }
        }

        Card {
            id: qrCard
            objectName: "qrCard"
            Layout.fillWidth: true
            Layout.fillHeight: !screen.portrait
            Layout.preferredWidth: 2
            Layout.preferredHeight: screen.portrait ? 640 * Theme.boxScale : -1
            color: Theme.surface

            Column {
                anchors.centerIn: parent
                spacing: Theme.spacing
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: qrCard.width - 2 * Theme.margin
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("Reach your deputy by QR code")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: Theme.red
                }
                Image {
                    id: qrImage
                    objectName: "qrCode"
                    anchors.horizontalCenter: parent.horizontalCenter
                    // Room for the words above and below (large text, long languages).
                    readonly property int side: Math.min(qrCard.width - 2 * Theme.margin,
                                                         qrCard.height - 2 * Theme.margin - 4 * Theme.headingSize,
                                                         screen.portrait ? 440 : 480)
                    source: (screen.deputy.qrUrl ?? "").length > 0
                            ? "image://qr/" + encodeURIComponent(screen.deputy.qrUrl) : ""
                    sourceSize: Qt.size(side, side)
                    smooth: false
                    cache: false
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: qrCard.width - 2 * Theme.margin
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Scan with WeChat to leave this deputy a message")
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
