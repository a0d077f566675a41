# SPDX-License-Identifier: GPL-3.0-or-later

import pytest

from kiosk.config import ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no file at the default place
    config = load_config(environ={})
    assert config.language == "zh_CN"
    assert config.idle_timeout_seconds == 90
    assert config.fullscreen is True
    assert config.data_dir.name == "station-kiosk"


def test_a_file_sets_values(tmp_path):
    path = write(
        tmp_path,
        f'data_dir = "{tmp_path}/data"\nlanguage = "en"\n'
        "[window]\nfullscreen = false\nwidth = 1080\nheight = 1920\n"
        '[server]\nurl = "https://central.example.org"\n'
        "[sync]\npoll_seconds = 30\nfirst_retry_seconds = 5\nlongest_wait_seconds = 600\n",
    )
    config = load_config(path, environ={})
    assert config.data_dir == tmp_path / "data"
    assert config.database_path == tmp_path / "data" / "kiosk.sqlite3"
    assert (config.language, config.fullscreen, config.width, config.height) == (
        "en",
        False,
        1080,
        1920,
    )
    assert config.server_url == "https://central.example.org"
    assert (
        config.sync_poll_seconds,
        config.sync_first_retry_seconds,
        config.sync_longest_wait_seconds,
    ) == (30, 5, 600)


def test_environment_overrides_the_file_and_the_command_line_overrides_both(tmp_path):
    path = write(tmp_path, 'language = "en"\nidle_timeout_seconds = 60\n')
    config = load_config(
        path, environ={"KIOSK_LANGUAGE": "zh_TW", "KIOSK_IDLE_TIMEOUT_SECONDS": "120"}
    )
    assert (config.language, config.idle_timeout_seconds) == ("zh_TW", 120)
    config = load_config(path, environ={"KIOSK_LANGUAGE": "zh_TW"}, overrides={"language": "zh_CN"})
    assert config.language == "zh_CN"


def test_the_demo_keeps_its_data_apart(tmp_path):
    config = load_config(
        write(tmp_path, f'data_dir = "{tmp_path}"\n'), environ={}, overrides={"demo": True}
    )
    assert config.data_dir == tmp_path
    config = load_config(
        environ={"KIOSK_CONFIG": str(write(tmp_path, ""))}, overrides={"demo": True}
    )
    assert config.data_dir.name == "demo"


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("colour = 'red'\n", "colour", "unknown setting"),
        ("[window]\nwidht = 1080\n", "window.widht", "unknown setting"),
        ("idle_timeout_seconds = 'soon'\n", "idle_timeout_seconds", "must be a whole number"),
        ("idle_timeout_seconds = 5\n", "idle_timeout_seconds", "between 15 and 3600"),
        ("[window]\nfullscreen = 1\n", "window.fullscreen", "must be true or false"),
        ("[window]\nwidth = true\n", "window.width", "must be a whole number"),
        ("language = 'fr'\n", "language", "must be one of zh_CN, zh_TW, en"),
        ("[server]\nurl = 'central.example.org'\n", "server.url", "must start with https://"),
        ("language = \n", "(file)", "is not valid TOML"),
        ("[sync]\npoll_seconds = 1\n", "sync.poll_seconds", "between 10 and 3600"),
    ],
)
def test_a_bad_file_names_the_file_the_key_and_the_problem(tmp_path, text, key, problem):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path, environ={})
    assert raised.value.source == str(path)
    assert raised.value.key == key
    assert problem in raised.value.problem


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml", environ={})


def test_a_bad_environment_variable_is_named(tmp_path):
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, ""), environ={"KIOSK_FULLSCREEN": "maybe"})
    assert raised.value.source == "environment variable KIOSK_FULLSCREEN"


def test_the_command_line_prints_the_problem_and_does_not_start(tmp_path, capsys):
    from kiosk.__main__ import main

    path = write(tmp_path, "idle_timeout_seconds = 'soon'\n")
    assert main(["--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "idle_timeout_seconds" in err and "whole number" in err


def test_server_tls_settings(tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    path = write(tmp_path, f'[server]\nca_bundle = "{bundle}"\nallow_plain_http = true\n')
    config = load_config(path, environ={})
    assert (config.server_ca_bundle, config.allow_plain_http) == (str(bundle), True)
    with pytest.raises(ConfigError, match="existing file"):
        load_config(write(tmp_path, '[server]\nca_bundle = "/nowhere/ca.pem"\n'), environ={})
