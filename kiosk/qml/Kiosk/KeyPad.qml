// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// Large keys for digits or tracking-code characters; only the keys given can be typed.
Grid {
    id: pad
    property string keys: "1234567890"
    property int keySize: Theme.touch
    signal typed(string character)
    signal erased()

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
    BigButton {
        objectName: "key_erase"
        width: pad.keySize * 2 + pad.spacing; height: pad.keySize
        text: qsTr("Delete")
        onClicked: pad.erased()
    }
}
