// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KioskBackend

// One step of a visitor's form (an appeal, a call-back request or an appointment request).
// What the visitor enters lives in IntakeForm, so Back shows it again and walking away
// wipes it; each step is its own screen on the stack.
ScreenFrame {
    id: screen
    objectName: "formScreen_" + step
    property string step: "category"
    readonly property bool portrait: height > width
    titleMayGoBelow: false  // the question is the heading; the room is the step's
    readonly property var flow: IntakeForm.flow  // the kind's steps (kiosk.domain.forms)
    readonly property int stepNumber: flow.indexOf(step) + 1
    title: FormLabels.kindName(IntakeForm.kind)
    // 朗读: the step's question.
    readAloudText: {
        switch (step) {
        case "category": return qsTr("What is your matter about?")
        case "text": return qsTr("What happened? Where and since when?")
        case "block": return qsTr("Where is it? Choose the community, or type the place.")
        case "deputy": return IntakeForm.kind === "appointment" ? qsTr("Which deputy would you like to meet?")
                                                               : qsTr("Is it for a particular deputy? (optional)")
        case "day": return qsTr("On which reception day would you like to meet %1?").arg(IntakeForm.deputyName)
        case "contact": return IntakeForm.kind === "callback" ? qsTr("Your phone number: we will call you back.")
                                                             : qsTr("How can we reach you?")
        case "consent": return qsTr("Your personal information")
        case "review": return qsTr("Please check before submitting")
        }
        return ""
    }
    // Home (or Back from the first step) would drop what the visitor entered: ask once.
    leaveQuestion: how => IntakeForm.hasInput && (how === "home" || stepNumber === 1)
                         ? [qsTr("Discard what you have entered?"),
                            qsTr("What you entered on this form is not saved and will be deleted."),
                            qsTr("Continue filling in"), qsTr("Discard"), () => IntakeForm.clear()]
                         : null

    // Back from the call-back path to "what happened": the visitor is typing after all.
    StackView.onActivated: if (step === "text" && IntakeForm.kind === "callback") IntakeForm.setKind("appeal")

    function next() {
        if (!IntakeForm.check(step))
            return
        var at = flow.indexOf(step)
        if (at + 1 < flow.length)
            ApplicationWindow.window.showForm(flow[at + 1])
        else
            submit()
    }
    // Saved off the GUI thread: Main shows the receipt when IntakeForm says `submitted`.
    function submit() { IntakeForm.submit() }

    Text {
        id: progress
        objectName: "stepProgress"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        text: qsTr("Step %1 of %2").arg(screen.stepNumber).arg(screen.flow.length)
        font.pixelSize: Theme.smallSize
        color: Theme.muted
    }
    Loader {
        id: content
        anchors {
            left: parent.left; right: parent.right; top: progress.bottom; bottom: parent.bottom
            topMargin: 12
        }
        sourceComponent: {
            switch (screen.step) {
            case "category": return categoryStep
            case "text": return textStep
            case "block": return blockStep
            case "deputy": return deputyStep
            case "day": return dayStep
            case "contact": return contactStep
            case "consent": return consentStep
            case "review": return reviewStep
            }
            return null
        }
    }

    // --- category ------------------------------------------------------------------------
    Component {
        id: categoryStep
        Item {
            Text {
                id: categoryQuestion
                width: parent.width
                text: qsTr("What is your matter about?")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            GridLayout {
                id: categoryGrid
                anchors { left: parent.left; right: parent.right; top: categoryQuestion.bottom; topMargin: Theme.spacing }
                columns: screen.portrait ? 2 : 4
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: IntakeForm.categories
                    delegate: BigButton {
                        required property string modelData
                        required property int index
                        objectName: "category_" + index
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch + 20
                        text: modelData
                        selected: IntakeForm.category === modelData
                        onClicked: {
                            IntakeForm.set("category", modelData)
                            screen.next()
                        }
                    }
                }
            }
            // No typing at all: a number to call back, from the very first step (issue 16 §3).
            BigButton {
                objectName: "callbackFirstStep"
                visible: IntakeForm.kind === "appeal"
                anchors { left: parent.left; right: parent.right; top: categoryGrid.bottom; topMargin: Theme.spacing }
                text: qsTr("Cannot type? Leave a number, we call back")
                subtitle: qsTr("Choose the kind of matter above, then your number")
                onClicked: IntakeForm.setKind("callback")
            }
        }
    }

    // --- what happened -------------------------------------------------------------------
    Component {
        id: textStep
        Item {
            id: textRoot
            readonly property bool typing: textField.activeFocus
            RowLayout {
                anchors.fill: parent
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 12
                    // Stays in view while typing (smaller): the visitor keeps the question in mind.
                    Text {
                        objectName: "textQuestion"
                        Layout.fillWidth: true
                        text: qsTr("What happened? Where and since when?")
                        font.pixelSize: textRoot.typing ? Theme.bodySize : Theme.headingSize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    // Tap instead of typing: common phrases of the category, combined as tapped;
                    // the visitor may still add or change words (issue 16 §3).
                    Flow {
                        objectName: "phrases"
                        Layout.fillWidth: true
                        visible: !textRoot.typing && IntakeForm.phrases.length > 0
                        spacing: 12
                        Repeater {
                            model: IntakeForm.phrases
                            delegate: BigButton {
                                required property string modelData
                                required property int index
                                objectName: "phrase_" + index
                                titleSize: Theme.bodySize
                                text: modelData
                                selected: IntakeForm.text.indexOf(modelData) >= 0
                                onClicked: {
                                    if (selected) return
                                    textField.text = IntakeForm.text.length > 0
                                        ? IntakeForm.text + qsTr("; ") + modelData : modelData
                                }
                            }
                        }
                    }
                    ScrollView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: Theme.touch * 1.5
                        background: Rectangle {
                            color: Theme.surface
                            radius: 8
                            border.color: IntakeForm.textProblem ? Theme.red : Theme.line
                            border.width: 2
                        }
                        TextArea {
                            id: textField
                            objectName: "appealText"
                            // Nothing a visitor types is learned for the next one (issue 16).
                            inputMethodHints: Qt.ImhSensitiveData
                            font.pixelSize: Theme.bodySize
                            wrapMode: TextEdit.Wrap
                            placeholderText: qsTr("Tap here and type with the keyboard below (Pinyin).")
                            Component.onCompleted: text = IntakeForm.text
                            onTextChanged: IntakeForm.set("text", text)
                        }
                    }
                    FieldProblem {
                        objectName: "textProblem"
                        Layout.fillWidth: true
                        text: FormLabels.problem(IntakeForm.textProblem, IntakeForm.textLimit)
                    }
                }
                ColumnLayout {
                    Layout.preferredWidth: screen.portrait ? 300 : 420
                    Layout.fillHeight: true
                    spacing: Theme.spacing
                    Text {
                        objectName: "textCounter"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: qsTr("%1 / %2 characters").arg(IntakeForm.text.length).arg(IntakeForm.textLimit)
                        font.pixelSize: Theme.bodySize
                        font.bold: IntakeForm.text.length > IntakeForm.textLimit
                        color: IntakeForm.text.length > IntakeForm.textLimit ? Theme.red : Theme.muted
                    }
                    BigButton {
                        objectName: "nextButton"
                        Layout.fillWidth: true
                        primary: true
                        text: qsTr("Next")
                        onClicked: screen.next()
                    }
                    BigButton {
                        objectName: "callbackButton"
                        Layout.fillWidth: true
                        text: qsTr("Cannot type?")
                        subtitle: qsTr("Leave a number, we call back")
                        onClicked: {
                            IntakeForm.setKind("callback")
                            ApplicationWindow.window.showForm("contact")
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }

    // --- where -----------------------------------------------------------------------------
    Component {
        id: blockStep
        Item {
            Text {
                id: blockQuestion
                width: parent.width
                text: qsTr("Where is it? Choose the community, or type the place.")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Flow {
                id: blockChoices
                visible: !placeField.activeFocus
                anchors { left: parent.left; right: parent.right; top: blockQuestion.bottom; topMargin: Theme.spacing }
                spacing: 16
                Repeater {
                    model: IntakeForm.blocks
                    delegate: BigButton {
                        required property string modelData
                        required property int index
                        objectName: "block_" + index
                        text: modelData
                        selected: IntakeForm.block === modelData
                        onClicked: {
                            placeField.text = modelData
                            screen.forceActiveFocus()
                        }
                    }
                }
            }
            RowLayout {
                id: placeRow
                anchors {
                    left: parent.left; right: parent.right; topMargin: Theme.spacing
                    top: blockChoices.visible ? blockChoices.bottom : blockQuestion.bottom
                }
                spacing: Theme.spacing
                TextField {
                    id: placeField
                    objectName: "placeField"
                    // Nothing a visitor types is learned for the next one (issue 16).
                    inputMethodHints: Qt.ImhSensitiveData
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.headingSize
                    placeholderText: qsTr("Or type a community, street or building")
                    Component.onCompleted: text = IntakeForm.block
                    onTextChanged: IntakeForm.set("block", text)
                }
                BigButton {
                    objectName: "nextButton"
                    Layout.preferredWidth: 260
                    primary: true
                    text: qsTr("Next")
                    onClicked: screen.next()
                }
            }
            FieldProblem {
                objectName: "blockProblem"
                anchors { left: parent.left; right: parent.right; top: placeRow.bottom; topMargin: 12 }
                text: FormLabels.problem(IntakeForm.blockProblem, IntakeForm.limits.block)
            }
        }
    }

    // --- which deputy ------------------------------------------------------------------------
    Component {
        id: deputyStep
        Item {
            Text {
                id: deputyQuestion
                width: parent.width
                text: IntakeForm.kind === "appointment" ? qsTr("Which deputy would you like to meet?")
                                                        : qsTr("Is it for a particular deputy? (optional)")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            BigButton {
                id: anyDeputy
                objectName: "anyDeputyButton"
                visible: IntakeForm.kind !== "appointment"
                anchors { right: parent.right; top: deputyQuestion.bottom; topMargin: Theme.spacing }
                width: 420
                primary: true
                text: qsTr("Any deputy")
                subtitle: qsTr("The station passes it on")
                onClicked: {
                    IntakeForm.chooseDeputy("", "")
                    screen.next()
                }
            }
            GridView {
                id: deputyGrid
                objectName: "deputyChoices"
                anchors {
                    left: parent.left; right: deputyPages.left; bottom: parent.bottom
                    rightMargin: deputyPages.visible ? Theme.spacing : 0
                    top: anyDeputy.visible ? anyDeputy.bottom : deputyQuestion.bottom
                    topMargin: Theme.spacing
                }
                clip: true
                // Large text may not fit every deputy: page buttons (and a swipe) bring the rest.
                boundsBehavior: Flickable.StopAtBounds
                readonly property int columns: screen.portrait ? 3 : 5
                cellWidth: Math.floor(width / columns)
                cellHeight: Math.round((Theme.headingSize + Theme.smallSize) * 1.45) + 60
                model: Roster.deputies
                delegate: Item {
                    id: deputyCell
                    required property string key
                    required property string name
                    required property var levels
                    width: deputyGrid.cellWidth
                    height: deputyGrid.cellHeight
                    BigButton {
                        objectName: "chooseDeputy_" + deputyCell.key
                        anchors { fill: parent; margins: 8 }
                        text: deputyCell.name
                        subtitle: deputyCell.levels.length > 0 ? Labels.levelShort(deputyCell.levels[0]) : ""
                        selected: IntakeForm.deputyId === deputyCell.key
                        onClicked: {
                            IntakeForm.chooseDeputy(deputyCell.key, deputyCell.name)
                            screen.next()
                        }
                    }
                }
            }
            PageButtons {
                id: deputyPages
                anchors { right: parent.right; top: deputyGrid.top }
                width: visible ? 200 : 0
                target: deputyGrid
            }
        }
    }

    // --- which reception day (appointments) ---------------------------------------------------
    Component {
        id: dayStep
        Item {
            id: dayRoot
            readonly property var receptions: Roster.deputy(IntakeForm.deputyId).receptions ?? []
            Text {
                id: dayQuestion
                width: parent.width
                text: qsTr("On which reception day would you like to meet %1?").arg(IntakeForm.deputyName)
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                anchors { left: parent.left; right: parent.right; top: dayQuestion.bottom; topMargin: Theme.spacing }
                visible: dayRoot.receptions.length === 0
                text: qsTr("This deputy has no reception day scheduled. Please choose another deputy.")
                font.pixelSize: Theme.bodySize
                color: Theme.muted
                wrapMode: Text.Wrap
            }
            // A list with page buttons: in large text not every day fits on one screen.
            ListView {
                id: dayList
                objectName: "dayList"
                anchors {
                    left: parent.left; right: dayPages.visible ? dayPages.left : parent.right
                    rightMargin: dayPages.visible ? Theme.spacing : 0
                    top: dayQuestion.bottom; topMargin: Theme.spacing; bottom: parent.bottom
                }
                clip: true
                spacing: Theme.spacing
                boundsBehavior: Flickable.StopAtBounds
                model: dayRoot.receptions
                delegate: BigButton {
                    required property var modelData
                    required property int index
                    objectName: "day_" + index
                    width: ListView.view.width
                    titleSize: Theme.headingSize
                    text: modelData.day + "  " + modelData.time
                    subtitle: [modelData.title, modelData.place].filter(s => s.length > 0).join(qsTr(" · "))
                    // The reception the visitor chose (Back shows it again).
                    selected: IntakeForm.day.length > 0 && modelData.date === IntakeForm.day
                              && modelData.scheduleId === IntakeForm.scheduleId
                    onClicked: {
                        IntakeForm.chooseDay(modelData.scheduleId, modelData.date, text)
                        screen.next()
                    }
                }
            }
            PageButtons {
                id: dayPages
                anchors { right: parent.right; top: dayList.top }
                width: 200
                target: dayList
            }
        }
    }

    // --- contact ------------------------------------------------------------------------------
    Component {
        id: contactStep
        Item {
            id: contactRoot
            readonly property bool callback: IntakeForm.kind === "callback"
            // While a text field has the focus the keyboard is up: the keypad makes room.
            readonly property bool typing: nameField.activeFocus || topicField.activeFocus
            GridLayout {
                anchors { left: parent.left; right: parent.right; top: parent.top }
                columns: screen.portrait || contactRoot.typing ? 1 : 2
                columnSpacing: Theme.margin
                rowSpacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    spacing: 12
                    Text {
                        Layout.fillWidth: true
                        text: contactRoot.callback
                              ? qsTr("Your phone number: we will call you back.")
                              : qsTr("How can we reach you?")
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        visible: !contactRoot.callback
                        text: qsTr("Your name")
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                    }
                    RowLayout {
                        visible: !contactRoot.callback
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        TextField {
                            id: nameField
                            objectName: "nameField"
                            // Nothing a visitor types is learned for the next one (issue 16).
                            inputMethodHints: Qt.ImhSensitiveData
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touch
                            font.pixelSize: Theme.headingSize
                            placeholderText: qsTr("e.g. 王阿姨, 李先生")
                            Component.onCompleted: text = IntakeForm.name
                            onTextChanged: IntakeForm.set("name", text)
                        }
                        // Closes the keyboard: the phone number comes from the keypad.
                        BigButton {
                            objectName: "doneTyping"
                            visible: contactRoot.typing
                            Layout.preferredWidth: 240
                            primary: true
                            text: qsTr("Done")
                            onClicked: screen.forceActiveFocus()
                        }
                    }
                    FieldProblem {
                        objectName: "nameProblem"
                        Layout.fillWidth: true
                        text: FormLabels.problem(IntakeForm.nameProblem, IntakeForm.limits.name)
                    }
                    Text {
                        visible: !contactRoot.typing
                        text: qsTr("Mobile (or landline with area code)")
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                    }
                    Rectangle {
                        visible: !contactRoot.typing
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch
                        radius: 8
                        color: Theme.surface
                        border.color: IntakeForm.phoneProblem ? Theme.red : Theme.line
                        border.width: 2
                        Text {
                            objectName: "phoneDisplay"
                            anchors { fill: parent; leftMargin: 20 }
                            verticalAlignment: Text.AlignVCenter
                            text: IntakeForm.phone
                            font.pixelSize: Theme.titleSize
                            font.letterSpacing: 4
                            color: Theme.text
                        }
                    }
                    FieldProblem {
                        objectName: "phoneProblem"
                        Layout.fillWidth: true
                        text: FormLabels.problem(IntakeForm.phoneProblem, 0)
                    }
                    Text {
                        visible: IntakeForm.kind === "appointment"
                        text: qsTr("What would you like to talk about? (optional)")
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                    }
                    TextField {
                        id: topicField
                        objectName: "topicField"
                        // Nothing a visitor types is learned for the next one (issue 16).
                        inputMethodHints: Qt.ImhSensitiveData
                        visible: IntakeForm.kind === "appointment"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch
                        font.pixelSize: Theme.headingSize
                        Component.onCompleted: text = IntakeForm.topic
                        onTextChanged: IntakeForm.set("topic", text)
                    }
                    FieldProblem {
                        objectName: "topicProblem"
                        Layout.fillWidth: true
                        text: FormLabels.problem(IntakeForm.topicProblem, IntakeForm.limits.topic)
                    }
                }
                ColumnLayout {
                    visible: !contactRoot.typing
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing
                    KeyPad {
                        objectName: "phonePad"
                        Layout.alignment: Qt.AlignHCenter
                        keySize: screen.portrait ? 140 : 110
                        columns: 3
                        keys: "1234567890"
                        onTyped: character => {
                            screen.forceActiveFocus()
                            if (IntakeForm.phone.length < IntakeForm.limits.phone)
                                IntakeForm.set("phone", IntakeForm.phone + character)
                        }
                        onErased: IntakeForm.set("phone", IntakeForm.phone.slice(0, -1))
                    }
                    BigButton {
                        objectName: "nextButton"
                        Layout.fillWidth: true
                        primary: true
                        text: qsTr("Next")
                        onClicked: screen.next()
                    }
                }
            }
        }
    }

    // --- consent (PIPL) ------------------------------------------------------------------------
    Component {
        id: consentStep
        Item {
            Card {
                id: consentCard
                anchors { left: parent.left; right: parent.right; top: parent.top; bottom: consentButtons.top; bottomMargin: Theme.spacing }
                title: qsTr("Your personal information")
                Flickable {
                    anchors.fill: parent
                    contentHeight: consentText.implicitHeight
                    clip: true
                    Text {
                        id: consentText
                        objectName: "consentText"
                        width: parent.width
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.bodySize
                        lineHeight: 1.2
                        color: Theme.text
                        text: (IntakeForm.kind === "callback"
                               ? qsTr("What we collect: your phone number and the kind of matter you chose.")
                               : qsTr("What we collect: your name, your phone number and what you write here.")) + "\n"
                            + qsTr("Why: so that the deputies and the liaison office can handle your matter, reply to you and let you follow its progress.") + "\n"
                            + qsTr("Who sees it: the deputies of this station and the staff of the liaison office who handle your matter. It is locked on this kiosk so that only the liaison office can read it, and is removed from this kiosk once sent.") + "\n"
                            + qsTr("How long: kept for 3 years after your matter is closed, then deleted.") + "\n"
                            + qsTr("You may ask the station staff to see, correct or delete it.")
                    }
                }
            }
            RowLayout {
                id: consentButtons
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                spacing: Theme.spacing
                BigButton {
                    objectName: "declineButton"
                    Layout.fillWidth: true
                    text: qsTr("I do not agree")
                    subtitle: qsTr("Nothing is saved")
                    // Say what declining means, and what else the visitor can do.
                    onClicked: ApplicationWindow.window.ask(
                        qsTr("Not agreeing?"),
                        qsTr("Without your agreement nothing is saved and the station cannot contact you about it.") + "\n"
                        + (Station.phone.length > 0
                           ? qsTr("You can instead call the station at %1, talk to the staff, or come to a reception day and speak to a deputy in person.").arg(Station.phone)
                           : qsTr("You can instead talk to the staff, or come to a reception day and speak to a deputy in person.")),
                        qsTr("Back to the agreement"), qsTr("Do not agree, go home"),
                        () => { IntakeForm.clear(); ApplicationWindow.window.showHome() })
                }
                BigButton {
                    objectName: "consentButton"
                    Layout.fillWidth: true
                    primary: true
                    enabled: !IntakeForm.submitting
                    text: IntakeForm.submitting ? qsTr("Submitting…")
                        : IntakeForm.kind === "callback" ? qsTr("I agree, submit") : qsTr("I agree")
                    onClicked: {
                        IntakeForm.set("consent", true)
                        screen.next()
                    }
                }
            }
            FieldProblem {
                objectName: "submitProblem"
                anchors { left: parent.left; right: parent.right; bottom: consentButtons.top; bottomMargin: 8 }
                visible: IntakeForm.kind === "callback" && text.length > 0
                text: FormLabels.submitProblem(IntakeForm.submitProblem)
                Rectangle { z: -1; anchors { fill: parent; margins: -8 } color: Theme.tint }
            }
        }
    }

    // --- review ------------------------------------------------------------------------------
    Component {
        id: reviewStep
        Item {
            Card {
                anchors { left: parent.left; right: parent.right; top: parent.top; bottom: reviewBottom.top; bottomMargin: Theme.spacing }
                title: qsTr("Please check before submitting")
                Flickable {
                    anchors.fill: parent
                    contentHeight: summary.implicitHeight
                    clip: true
                    Column {
                        id: summary
                        width: parent.width
                        spacing: 12
                        Repeater {
                            model: IntakeForm.kind === "appointment"
                                ? [[qsTr("Deputy"), IntakeForm.deputyName],
                                   [qsTr("Reception day"), IntakeForm.dayText],
                                   [qsTr("Name"), IntakeForm.name],
                                   [qsTr("Phone"), IntakeForm.phone],
                                   [qsTr("Topic"), IntakeForm.topic]]
                                : [[qsTr("Category"), IntakeForm.category],
                                   [qsTr("Place"), IntakeForm.block],
                                   [qsTr("Deputy"), IntakeForm.deputyName || qsTr("Any deputy")],
                                   [qsTr("Name"), IntakeForm.name],
                                   [qsTr("Phone"), IntakeForm.phone],
                                   [qsTr("What happened"), IntakeForm.text]]
                            delegate: Row {
                                required property var modelData
                                width: summary.width
                                spacing: Theme.spacing
                                visible: modelData[1].length > 0
                                Text {
                                    width: Math.round((screen.portrait ? 260 : 340) * Theme.scale)
                                    wrapMode: Text.Wrap
                                    text: modelData[0]
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.muted
                                }
                                Text {
                                    width: parent.width - Math.round((screen.portrait ? 260 : 340) * Theme.scale) - Theme.spacing
                                    text: modelData[1]
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.text
                                    wrapMode: Text.Wrap
                                }
                            }
                        }
                    }
                }
            }
            ColumnLayout {
                id: reviewBottom
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                spacing: 12
                FieldProblem {
                    objectName: "submitProblem"
                    Layout.fillWidth: true
                    text: FormLabels.submitProblem(IntakeForm.submitProblem)
                }
                BigButton {
                    objectName: "submitButton"
                    Layout.fillWidth: true
                    primary: true
                    titleSize: Theme.titleSize
                    enabled: !IntakeForm.submitting
                    text: IntakeForm.submitting ? qsTr("Submitting…") : qsTr("Submit")
                    onClicked: screen.submit()
                }
            }
        }
    }
}
