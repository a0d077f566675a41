# SPDX-License-Identifier: GPL-3.0-or-later
"""Server-rendered pages (Jinja2, templates/): the phone pages and the staff console, on the
same typed dependencies (central.api.deps) and services as the JSON API."""
