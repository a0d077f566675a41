# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample deployment files of docs/deploy-central.md are what the programs accept."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_the_sample_nginx_config_passes_nginx_t(tmp_path):
    assert Path(NGINX).exists(), "nginx is not installed: `make setup` installs it (as root)"
    # The sample's certificate and log paths, pointed at this test's own folder; nginx runs
    # as this user with a prefix of its own (its pid file and temp folders there).
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=rd.example.cn", "-keyout", tmp_path / "privkey.pem",
         "-out", tmp_path / "fullchain.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx-central.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/ssl/central/", f"{tmp_path}/").replace(
        "/var/log/nginx/", f"{tmp_path}/"
    )
    (tmp_path / "central.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp_path}/body;\n"
        f"  proxy_temp_path {tmp_path}/proxy;\n  include {tmp_path}/central.conf;\n}}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def test_the_systemd_unit_runs_the_server_behind_the_proxy():
    unit = (DEPLOY / "central@.service").read_text(encoding="utf-8")
    assert "serve --host 127.0.0.1 --port %i" in unit and "--behind-tls-proxy" in unit
    site = (DEPLOY / "nginx-central.conf").read_text(encoding="utf-8")
    assert "proxy_next_upstream error" in site and "server 127.0.0.1:8001" in site
