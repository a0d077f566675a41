// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// About this station: address, hours, phone, figures, the rules on the wall, notices.
ScreenFrame {
    id: screen
    objectName: "stationInfoScreen"
    title: qsTr("About this station")
    readonly property bool portrait: height > width
    Component.onCompleted: Presence.refreshFigures()
    // 朗读: the station's name, address, opening hours and phone (digit by digit).
    readAloudWith: () => [Station.name,
                          Station.address.length > 0 ? qsTr("%1: %2").arg(qsTr("Address")).arg(Station.address) : "",
                          Station.hours.length > 0 ? qsTr("%1: %2").arg(qsTr("Opening hours")).arg(Station.hours) : "",
                          Station.phone.length > 0 ? qsTr("%1: %2").arg(qsTr("Phone")).arg(ReadAloud.spell(Station.phone)) : ""]
                         .filter(s => s.length > 0).join(qsTr(". "))

    Flickable {
        id: page
        objectName: "stationInfoPage"
        anchors { left: parent.left; right: pages.left; rightMargin: Theme.spacing
                  top: parent.top; bottom: parent.bottom }
        contentHeight: content.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        GridLayout {
            id: content
            width: page.width
            columns: screen.portrait ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            Card {
                title: Station.name
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                implicitHeight: about.implicitHeight + 140
                Column {
                    id: about
                    width: parent.width
                    spacing: 16
                    // The station's own photo, published in the console (issue 15 §1).
                    Image {
                        objectName: "stationPhoto"
                        visible: Station.photo.length > 0
                        width: parent.width
                        height: visible ? Math.round(width * 0.45) : 0
                        source: Station.photo
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        clip: true
                    }
                    Text {
                        width: parent.width
                        text: Station.intro
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        lineHeight: 1.2
                    }
                    Repeater {
                        model: [
                            [qsTr("Address"), Station.address],
                            [qsTr("Opening hours"), Station.hours],
                            [qsTr("Phone"), Station.phone],
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
                    Row {
                        objectName: "figures"
                        width: parent.width
                        spacing: Theme.spacing
                        Repeater {
                            model: [
                                [Station.opinionsCollected.toLocaleString(Qt.locale(), "f", 0), qsTr("opinions collected")],
                                [Station.problemsSolved.toLocaleString(Qt.locale(), "f", 0), qsTr("problems solved")],
                                [Station.satisfaction >= 0
                                    ? (Station.satisfaction * 100).toLocaleString(Qt.locale(), "f", 1) + "%" : "—",
                                 qsTr("satisfied")],
                            ]
                            delegate: Rectangle {
                                required property var modelData
                                width: (parent.width - 2 * Theme.spacing) / 3
                                height: 150
                                radius: Theme.radius
                                color: Theme.tint
                                Column {
                                    anchors.centerIn: parent
                                    Text {
                                        anchors.horizontalCenter: parent.horizontalCenter
                                        text: modelData[0]
                                        font.pixelSize: Theme.heroSize
                                        font.bold: true
                                        color: Theme.red
                                    }
                                    Text {
                                        anchors.horizontalCenter: parent.horizontalCenter
                                        text: modelData[1]
                                        font.pixelSize: Theme.smallSize
                                        color: Theme.muted
                                    }
                                }
                            }
                        }
                    }
                    // This month: reception days and appeals here, from this kiosk; solved
                    // and satisfaction from the server's last snapshot (docs/deputy-sign-in.md).
                    Text {
                        width: parent.width
                        topPadding: Theme.spacing
                        text: qsTr("This month")
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        color: Theme.text
                    }
                    Grid {
                        id: monthFigures
                        objectName: "monthFigures"
                        width: parent.width
                        columns: 3
                        spacing: Theme.spacing
                        readonly property var f: Presence.figures
                        Repeater {
                            model: [
                                ["figureReceptionDays", monthFigures.f.receptionDays, qsTr("reception days held")],
                                ["figurePresent", monthFigures.f.present, qsTr("deputies present now")],
                                ["figureAppeals", monthFigures.f.appealsCollected, qsTr("appeals taken here")],
                                ["figureSolved", monthFigures.f.solved >= 0 ? monthFigures.f.solved : "—", qsTr("solved")],
                                ["figureSatisfaction", monthFigures.f.satisfaction >= 0
                                    ? (monthFigures.f.satisfaction * 100).toLocaleString(Qt.locale(), "f", 1) + "%" : "—",
                                 qsTr("satisfied")],
                            ]
                            delegate: Rectangle {
                                required property var modelData
                                objectName: modelData[0]
                                property string value: String(modelData[1])
                                width: (monthFigures.width - 2 * Theme.spacing) / 3
                                height: 130
                                radius: Theme.radius
                                color: Theme.tint
                                Column {
                                    anchors.centerIn: parent
                                    width: parent.width - 16
                                    Text {
                                        width: parent.width
                                        horizontalAlignment: Text.AlignHCenter
                                        text: parent.parent.value
                                        font.pixelSize: Theme.titleSize
                                        font.bold: true
                                        color: Theme.red
                                    }
                                    Text {
                                        width: parent.width
                                        horizontalAlignment: Text.AlignHCenter
                                        text: modelData[2]
                                        font.pixelSize: Theme.smallSize
                                        color: Theme.muted
                                        // Shrinks to fit rather than cut a word short (issue 16 §1).
                                        fontSizeMode: Text.HorizontalFit
                                        minimumPixelSize: 16
                                    }
                                }
                            }
                        }
                    }
                    Text {
                        objectName: "figuresSource"
                        width: parent.width
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                        text: Presence.figures.synced
                              ? qsTr("Solved and satisfaction: %1, as the server reported on %2.")
                                    .arg(Presence.figures.month).arg(Presence.figures.date)
                              : qsTr("Solved and satisfaction: not yet synced with the server.")
                    }
                }
            }

            Card {
                title: qsTr("Rules")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                Layout.rowSpan: screen.portrait ? 1 : 2
                implicitHeight: rules.implicitHeight + 140
                Column {
                    id: rules
                    width: parent.width
                    spacing: 20
                    Repeater {
                        model: Station.rules
                        delegate: Column {
                            required property string title
                            required property string body
                            width: parent.width
                            spacing: 4
                            Text {
                                width: parent.width
                                text: parent.title
                                font.pixelSize: Theme.bodySize
                                font.bold: true
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                width: parent.width
                                text: parent.body
                                font.pixelSize: Theme.smallSize
                                color: Theme.muted
                                wrapMode: Text.WordWrap
                                lineHeight: 1.15
                            }
                        }
                    }
                }
            }

            Card {
                title: qsTr("Notices")
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                implicitHeight: notices.implicitHeight + 140
                Column {
                    id: notices
                    width: parent.width
                    spacing: 20
                    Repeater {
                        model: Station.notices
                        delegate: Column {
                            required property string title
                            required property string body
                            required property string date
                            width: parent.width
                            spacing: 4
                            Text {
                                width: parent.width
                                text: parent.title
                                font.pixelSize: Theme.bodySize
                                font.bold: true
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                width: parent.width
                                text: parent.date + qsTr(" · ") + parent.body
                                font.pixelSize: Theme.smallSize
                                color: Theme.muted
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
        }
    }
    PageButtons {
        id: pages
        anchors { right: parent.right; top: page.top }
        width: 200  // reserved even when hidden: the list's width must not depend on it
        target: page
    }
}
