# SPDX-License-Identifier: GPL-3.0-or-later
"""mypy over kiosk/ and central/ as a ratchet (pyproject.toml [tool.mypy]).

kiosk/domain, kiosk/services and central are checked with what --strict turns on and must be
clean. Every other file may have at most the errors build/mypy-baseline.json allows it; a file
not listed, none. When a clean-up lowers a count, `python build/typecheck.py --update` writes
the lower counts (it never raises one). Exit 1 when a file has more errors than allowed, with
those errors printed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "build" / "mypy-baseline.json"
ERROR = re.compile(r"^(?P<file>[^:]+\.py):\d+: error: ")


def main() -> int:
    update = "--update" in sys.argv[1:]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "kiosk", "central"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode not in (0, 1) or "error: " in result.stderr:
        print(result.stdout + result.stderr, file=sys.stderr)
        return 2
    lines = result.stdout.splitlines()
    found = Counter(m["file"] for line in lines if (m := ERROR.match(line)))
    allowed: dict[str, int] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    worse = {f: n for f, n in found.items() if n > allowed.get(f, 0)}
    if worse:
        for line in lines:
            match = ERROR.match(line)
            if match and match["file"] in worse:
                print(line)
        for file, count in sorted(worse.items()):
            print(f"{file}: {count} mypy errors, {allowed.get(file, 0)} allowed", file=sys.stderr)
        return 1
    better = {f: found.get(f, 0) for f, n in allowed.items() if found.get(f, 0) < n}
    if better and update:
        lower = {f: n for f, n in sorted(found.items())}
        BASELINE.write_text(json.dumps(lower, indent=1, ensure_ascii=False) + "\n")
        print(f"mypy: baseline lowered for {len(better)} files ({sum(found.values())} errors)")
    elif better:
        print(f"mypy: {len(better)} files have fewer errors than allowed; run it with --update")
    print(f"mypy: {sum(found.values())} errors allowed by the baseline, none new")
    return 0


if __name__ == "__main__":
    sys.exit(main())
