// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Kiosk

// A plain message next to a field saying what is wrong with it; nothing when all is well.
Text {
    visible: text.length > 0
    font.pixelSize: Theme.smallSize
    font.bold: true
    color: Theme.red
    wrapMode: Text.Wrap
}
