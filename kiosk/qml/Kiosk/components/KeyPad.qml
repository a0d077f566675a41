// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Kiosk

// Large keys for digits or tracking-code characters; only the keys given can be typed.
Column {
    id: pad
    property string keys: "1234567890"
    property int keySize: Theme.touch
    property alias columns: grid.columns
    signal typed(string character)
    signal erased()

    spacing: 12
    Grid {
        id: grid
        spacing: 12
        Repeater {
            model: pad.keys.split("")
            delegate: BigButton {
                required property string modelData
                objectName: "key_" + modelData
                width: pad.keySize; height: pad.keySize
                titleSize: Theme.titleSize
                text: modelData
                onClicked: pad.typed(modelData)
            }
        }
    }
    BigButton {
        objectName: "key_erase"
        width: grid.width; height: pad.keySize
        text: qsTr("Delete")
        onClicked: pad.erased()
    }
}
