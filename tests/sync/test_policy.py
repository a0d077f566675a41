# SPDX-License-Identifier: GPL-3.0-or-later
import pytest

from kiosk.sync.client import check_server_url
from kiosk.sync.policy import LONGEST_WAIT_SECONDS, retry_delay


def test_retries_back_off_doubling_with_jitter_up_to_a_cap():
    assert [retry_delay(n, lambda: 1.0) for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert retry_delay(1, lambda: 0.0) == 1  # jitter: between half and all of the step
    assert retry_delay(50, lambda: 1.0) == LONGEST_WAIT_SECONDS


@pytest.mark.parametrize(
    "url", ["https://central.example.org", "http://127.0.0.1:8000", "http://localhost:1/"]
)
def test_https_or_plain_http_to_this_machine(url):
    assert check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://central.example.org", "ftp://x", "central.example.org"])
def test_plain_http_to_another_machine_is_refused(url):
    with pytest.raises(ValueError, match="https"):
        check_server_url(url)


def test_plain_http_elsewhere_only_when_the_technician_allows_it():
    from kiosk.sync.client import CentralClient

    with pytest.raises(ValueError):
        CentralClient("http://10.1.2.3:8000")
    client = CentralClient("http://10.1.2.3:8000", allow_plain_http=True)
    assert client.base_url == "http://10.1.2.3:8000"
    client.close()
