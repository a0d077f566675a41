// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Words for the codes the backends use (levels, station kinds, relative days).
QtObject {
    function levelName(level) {
        switch (level) {
        case "national": return qsTr("National People's Congress deputy")
        case "provincial": return qsTr("Provincial people's congress deputy")
        case "city": return qsTr("City people's congress deputy")
        case "county": return qsTr("District/county people's congress deputy")
        case "township": return qsTr("Township people's congress deputy")
        }
        return level
    }

    function levelShort(level) {
        switch (level) {
        case "": return qsTr("All")
        case "national": return qsTr("National")
        case "provincial": return qsTr("Provincial")
        case "city": return qsTr("City")
        case "county": return qsTr("District/county")
        case "township": return qsTr("Township")
        }
        return level
    }

    function levelNames(levels) {
        return levels.map(levelName).join(qsTr(", "))
    }

    function kindName(kind) {
        switch (kind) {
        case "home": return qsTr("Deputies' home")
        case "station": return qsTr("Deputy liaison station")
        case "point": return qsTr("Deputy contact point")
        }
        return ""
    }

    function whenText(when) {
        switch (when) {
        case "today": return qsTr("Today")
        case "tomorrow": return qsTr("Tomorrow")
        }
        return ""
    }

    // 朗读 (issue 16 §1): the rows of a list model, and a reception day as it is read aloud.
    function rows(model) {
        var out = []
        for (var i = 0; i < model.count; ++i)
            out.push(model.get(i))
        return out
    }

    function receptionSpeech(r) {
        var parts = [[r.day, r.time].filter(s => s.length > 0).join(" ")]
        if ((r.title ?? "").length > 0)
            parts.push(r.title)
        if ((r.theme ?? "").length > 0)
            parts.push(qsTr("Theme: %1").arg(r.theme))
        if ((r.place ?? "").length > 0)
            parts.push(r.place)
        if ((r.deputies ?? []).length > 0)
            parts.push(qsTr("On duty: %1").arg(r.deputies.map(d => d.name).join(qsTr(", "))))
        return parts.join(qsTr(", "))
    }

    readonly property var levels: ["", "national", "provincial", "city", "county", "township"]
}
