// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// One place for colours and sizes. Touch rules (DESIGN.md §3): targets >= 90 px at 1080p,
// body text >= 28 px.
QtObject {
    readonly property color red: "#A31F1F"
    readonly property color redDark: "#7A1616"
    readonly property color gold: "#D9B45A"
    readonly property color background: "#F5EFE6"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#2A211B"
    readonly property color muted: "#6A5D52"
    readonly property color line: "#E2D6C6"
    readonly property color tint: "#FBF3E8"
    readonly property color present: "#2E7D32"

    readonly property int smallSize: 28
    readonly property int bodySize: 30
    readonly property int headingSize: 38
    readonly property int titleSize: 48
    readonly property int heroSize: 60

    readonly property int candidateSize: 34  // the keyboard's Pinyin candidates
    readonly property int candidateBarHeight: 76

    readonly property int touch: 100
    readonly property int margin: 36
    readonly property int spacing: 24
    readonly property int radius: 18
}
