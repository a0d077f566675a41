# SPDX-License-Identifier: GPL-3.0-or-later
import sys

from central.cli import main

sys.exit(main())
