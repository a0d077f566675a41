// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt Quick modules the kiosk's QML imports, and those the keyboard's own QML does. The
// engine loads this first, asynchronously (kiosk/app.py start_engine): their plugins (Controls
// and its styles, Layouts, the virtual keyboard with its language plugins and Qt Multimedia)
// load on QML's own thread while the GUI thread reads the station and makes the backends, and
// Main.qml then finds them loaded. tests/test_first_frame_imports.py checks that every module
// the screens import is here.
import Qt.labs.folderlistmodel
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Plugins
import QtQuick.VirtualKeyboard.Settings
import QtQuick.VirtualKeyboard.Styles

QtObject {}
