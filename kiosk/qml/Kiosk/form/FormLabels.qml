// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Words for the codes of the visitor's forms: field problems, states of appeals and
// appointments, why a save or a lookup did not work.
QtObject {
    function problem(code, limit) {
        switch (code) {
        case "": return ""
        case "empty": return qsTr("Please fill this in; it cannot be left empty or only spaces.")
        case "too_long": return qsTr("Too long: please shorten it to at most %1 characters. What you typed is kept.").arg(limit)
        case "emoji": return qsTr("Please leave out emoji and pictures; use words only.")
        case "control": return qsTr("The text contains invisible control characters; please type it again.")
        case "bidi": return qsTr("The text contains invisible direction marks; please type it again.")
        case "phone_digits": return qsTr("A phone number has digits only.")
        case "mobile_format": return qsTr("A mobile number has 11 digits and starts with 13 to 19.")
        case "phone_length": return qsTr("Please give an 11-digit mobile number, or a landline with its area code (e.g. 0571 8888 1234).")
        }
        return qsTr("Please check this field.")
    }

    function submitProblem(code) {
        switch (code) {
        case "": return ""
        case "disk_full": return qsTr("Could not save: this kiosk's storage is full. Nothing was saved and your form is kept. Please tell the station staff.")
        case "database": return qsTr("Could not save because of a fault in this kiosk. Nothing was saved and your form is kept. Please try again or tell the station staff.")
        case "not_ready": return qsTr("The kiosk is still starting. Please try again in a moment.")
        case "not_enrolled": return qsTr("This kiosk is not connected to the liaison office yet, so it cannot take submissions. Please tell the station staff.")
        case "incomplete": return qsTr("Something is missing. Please go back and check the steps.")
        }
        return qsTr("Could not save. Your form is kept.")
    }

    function lookupProblem(code, minutes) {
        switch (code) {
        case "": return ""
        case "code_empty": return qsTr("Please type the tracking code from your receipt.")
        case "code_invalid": return qsTr("This is not a valid tracking code. Please check each character on your receipt.")
        case "last4": return qsTr("Please type the last 4 digits of the phone number you left.")
        case "unreachable": return qsTr("No match here for this code and these digits, and the liaison office cannot be asked right now. Please check both, try again later, or scan the QR code on your receipt.")
        case "mismatch": return qsTr("The code and the last 4 digits do not match. Please check both.")
        case "locked": return qsTr("Too many wrong tries. Please wait %n minute(s) and try again, or ask the station staff.", "", minutes)
        case "database": return qsTr("The kiosk could not read its records. Please ask the station staff.")
        case "not_ready": return qsTr("The kiosk is still starting. Please try again in a moment.")
        }
        return ""
    }

    function stateName(state) {
        switch (state) {
        case "unsent": return qsTr("Submitted here, waiting to be sent")
        case "sent": return qsTr("Sent to the liaison office")
        case "received": return qsTr("Received")
        case "accepted": return qsTr("Accepted")
        case "rejected": return qsTr("Not accepted")
        case "assigned": return qsTr("Assigned to a deputy")
        case "replied": return qsTr("Replied")
        case "referred": return qsTr("Referred to a department")
        case "feedback": return qsTr("Department's answer passed on")
        case "closed": return qsTr("Closed")
        case "rated": return qsTr("Rated")
        case "reopened": return qsTr("Reopened")
        case "requested": return qsTr("Requested")
        case "confirmed": return qsTr("Confirmed")
        case "declined": return qsTr("Declined")
        case "done": return qsTr("Held")
        }
        return state
    }

    function kindName(kind) {
        switch (kind) {
        case "appeal": return qsTr("Report a problem")
        case "callback": return qsTr("Call me back")
        case "appointment": return qsTr("Meet a deputy")
        }
        return ""
    }
}
