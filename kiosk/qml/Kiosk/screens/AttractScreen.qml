// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import KioskBackend
import Kiosk

// Attract mode: while nobody is at the screen, a calm slideshow of the station, its figures
// and its notices. Any touch returns to home (the touch does nothing else).
Rectangle {
    id: attract
    objectName: "attractScreen"
    color: Theme.redDark
    property int slide: 0
    signal dismissed()

    readonly property var slides: {
        const list = [{ title: Station.name, body: Station.intro }]
        if (Station.opinionsCollected > 0 || Station.problemsSolved > 0)
            list.push({
                title: qsTr("Our work"),
                body: qsTr("%1 opinions collected · %2 problems solved")
                      .arg(Station.opinionsCollected).arg(Station.problemsSolved)
                      + (Station.satisfaction >= 0
                         ? "\n" + qsTr("Satisfaction %1%").arg(Math.round(Station.satisfaction * 100))
                         : "")
            })
        for (let i = 0; i < Station.notices.count; ++i) {
            const notice = Station.notices.get(i)
            list.push({ title: notice.title, body: notice.body })
        }
        return list
    }
    readonly property var current: slides[slide % Math.max(1, slides.length)] || { title: "", body: "" }

    Timer {
        running: attract.visible && attract.slides.length > 1
        interval: 8000
        repeat: true
        onTriggered: attract.slide = (attract.slide + 1) % attract.slides.length
    }
    MouseArea {
        objectName: "attractTouch"
        anchors.fill: parent
        onPressed: attract.dismissed()
    }
    Column {
        anchors.centerIn: parent
        width: parent.width - 4 * Theme.margin
        spacing: Theme.spacing * 2
        Text {
            objectName: "attractTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: attract.current.title
            color: "white"
            font.pixelSize: Theme.heroSize
            font.bold: true
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 8
            elide: Text.ElideRight
            text: attract.current.body
            color: Theme.paleText
            font.pixelSize: Theme.headingSize
            lineHeight: 1.3
        }
    }
    Text {
        anchors { bottom: parent.bottom; bottomMargin: Theme.margin * 2; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Touch the screen to begin")
        color: Theme.gold
        font.pixelSize: Theme.titleSize
        font.bold: true
    }
}
