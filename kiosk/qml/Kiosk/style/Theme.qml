// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import KioskBackend

// One place for colours and sizes. Touch rules (DESIGN.md §3): targets >= 90 px at 1080p,
// body text >= 28 px. A visitor's 大字 makes text about 1.5x and targets larger; 高对比
// turns the palette to black on white (issue 16 §1). Both hold until the visitor walks away.
// Every text colour reads on its background: >= 4.5:1, >= 7:1 in high contrast (WCAG;
// tests/ui/test_contrast.py lists the pairs). Screens use no colour that is not here.
QtObject {
    readonly property bool large: Reading.largeText
    readonly property bool contrast: Reading.highContrast
    // Text grows 1.5x; targets and spacing somewhat less, so that screens still hold it.
    readonly property real scale: large ? 1.5 : 1
    readonly property real boxScale: large ? 1.25 : 1

    readonly property color red: contrast ? "#8A0000" : "#A31F1F"
    readonly property color redDark: contrast ? "#5C0000" : "#7A1616"
    readonly property color gold: contrast ? "#FFD54A" : "#D9B45A"
    readonly property color background: contrast ? "#FFFFFF" : "#F5EFE6"
    readonly property color surface: "#FFFFFF"
    readonly property color text: contrast ? "#000000" : "#2A211B"
    readonly property color muted: contrast ? "#1A1A1A" : "#6A5D52"
    readonly property color line: contrast ? "#000000" : "#E2D6C6"
    readonly property color tint: contrast ? "#FFF3B0" : "#FBF3E8"
    readonly property color present: contrast ? "#0B5A12" : "#2B7030"  // was #2E7D32: 4.49:1 on background
    // Text on red (the header's date and sync state, a primary button's second line).
    readonly property color paleText: "#F6E7D0"
    // Notes that ask for attention (a moved day, a missing holiday table) and their panel.
    readonly property color warning: contrast ? "#543800" : "#7A5200"
    readonly property color warningBackground: "#FFF1CC"
    readonly property color cancelledBackground: "#ECE6DF"
    // The calendar: public holidays (休), make-up workdays (班), and the marks of changed
    // days and of receptions on a holiday (white words on them).
    readonly property color holiday: contrast ? "#0B5A12" : "#2B7030"
    readonly property color holidayCell: "#FCE9E4"
    readonly property color makeUp: "#5D4037"
    readonly property color markChanged: contrast ? "#4A4A4A" : "#756A60"  // was #9E9389: 3.0:1
    readonly property color markOnHoliday: contrast ? "#5C3D00" : "#A35A00"  // was #C77700: 3.5:1
    // The connection mark on home (a dot, not text).
    readonly property color connected: "#7BD389"
    readonly property color disconnected: "#C9C2B8"
    // The keyboard's candidate bar: light words on dark.
    readonly property color keyboard: "#2B2B2B"
    readonly property color candidate: "#A8D98A"
    readonly property int lineWidth: contrast ? 3 : 2

    readonly property int smallSize: Math.round(28 * scale)
    readonly property int bodySize: Math.round(30 * scale)
    readonly property int headingSize: Math.round(38 * scale)
    readonly property int titleSize: Math.round(48 * scale)
    readonly property int heroSize: 60  // already large; enlarging it would crowd out the rest

    readonly property int candidateSize: 34  // the keyboard's Pinyin candidates
    readonly property int candidateBarHeight: 76

    readonly property int touch: Math.round(100 * boxScale)
    readonly property int margin: 36
    readonly property int spacing: Math.round(24 * (large ? 1.1 : 1))
    readonly property int radius: 18
}
