# SPDX-License-Identifier: GPL-3.0-or-later
"""The packaged kiosk's entry point (kiosk.spec): the same as `python -m kiosk`."""

import sys

from kiosk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
