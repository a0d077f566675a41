# SPDX-License-Identifier: GPL-3.0-or-later
"""Every rule and transaction of the central server, one module per concern; the adapters
(api/, web/, cli/) only call them.

stations, rosters, schedules (ical: its calendar format), holidays, appeals, appointments,
attendance, devices, events (kind -> handler registry; incoming: an event's body),
snapshot, phone (what a visitor does on the phone pages), guards (their limits).
Accounts, roles and regions come with the staff console (issue 13 §2) as `accounts`.
"Station changed" needs no call: core/revisions.py bumps it on every flush.
"""
