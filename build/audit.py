# SPDX-License-Identifier: GPL-3.0-or-later
"""`make lint`'s audit: known vulnerabilities of the packages installed in this venv, by
pip-audit. Fails when one is found; when the advisory database cannot be reached (no network,
or a package index that answers for no package) it says so and succeeds, so a machine without
the network still lints."""

from __future__ import annotations

import json
import subprocess
import sys

SKIPPED = "pip-audit: SKIPPED (advisory database unreachable)"


def audit() -> int:
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip_audit",
                "--skip-editable",  # this project itself, not from an index
                "--progress-spinner",
                "off",
                "--timeout",
                "15",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.TimeoutExpired:
        print(SKIPPED)
        return 0
    try:
        report = json.loads(result.stdout)
    except ValueError:
        # No report at all: pip-audit could not ask (connection refused, no name resolution).
        if result.returncode != 0 and any(
            word in result.stderr
            for word in ("Connection", "connection", "resolve", "Timeout", "timed out", "HTTP")
        ):
            print(SKIPPED)
            return 0
        print(result.stderr or result.stdout, file=sys.stderr)
        return 1
    packages = report.get("dependencies", [])
    audited = [p for p in packages if "skip_reason" not in p]
    if packages and not audited:
        print(SKIPPED)
        return 0
    vulnerable = [p for p in audited if p.get("vulns")]
    for package in vulnerable:
        for vuln in package["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            print(f"{package['name']} {package['version']}: {vuln['id']} (fixed in {fixed})")
    skipped = len(packages) - len(audited)
    print(
        f"pip-audit: {len(audited)} packages audited, {skipped} not found in the database, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(audit())
