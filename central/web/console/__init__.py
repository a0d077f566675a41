# SPDX-License-Identifier: GPL-3.0-or-later
"""The staff console (issue 13 §2-§4): station staff, reviewers and admins work appeals,
appointments and accounts in a browser. Empty for now; its routes come next, as thin
adapters over central.services on the deps in central.api.deps, like web/phone."""
