# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontDatabase, QGuiApplication

from kiosk.ui.printing import grey_bytes
from tests.helpers.fonts import FONT_DIR, FONT_FAMILY


def test_the_kiosk_draws_with_the_font_it_ships(make_kiosk):
    make_kiosk()
    assert QGuiApplication.font().family() == FONT_FAMILY
    # The tests' fontconfig knows no system font: whatever renders, the kiosk brought.
    generic = {"Sans Serif", "Serif", "Monospace"}  # fontconfig's aliases, no files of their own
    assert set(QFontDatabase.families()) - generic == {FONT_FAMILY}


def test_the_station_name_on_screen_is_glyphs_not_boxes(make_kiosk):
    kiosk = make_kiosk()
    visitor = kiosk.visitor
    name = visitor.find("stationName")
    text = name.property("text")
    screen = visitor.screenshot("home-glyphs")
    # CJK glyphs are one em wide: cut the drawn name into one cell per character. Missing
    # glyphs would all be the same hollow box; real glyphs all differ.
    width = name.property("contentWidth")
    origin = name.mapToScene(QRectF(0, 0, width, name.height()).topLeft())
    cell = width / len(text)
    cells = {
        grey_bytes(
            screen.copy(int(origin.x() + i * cell), int(origin.y()), int(cell), int(name.height()))
        )
        for i in range(len(text))
    }
    assert len(set(text)) == len(text) == 11
    assert len(cells) == len(text)


# The kiosk with its fonts read from `sys.argv[1]` (kiosk/app.py ASSETS_DIR holds only them).
_KIOSK_WITH_ASSETS = (
    "import runpy, sys\nfrom pathlib import Path\nimport kiosk.app\n"
    "kiosk.app.ASSETS_DIR = Path(sys.argv.pop(1))\n"
    "sys.argv[0] = 'kiosk'\nrunpy.run_module('kiosk', run_name='__main__', alter_sys=True)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/smaps")
def test_home_maps_a_small_part_of_the_fonts_not_the_whole_files(tmp_path):
    # FreeType maps the font files; the kernel maps 64 KB around every page a glyph touches.
    # With the common glyphs together and no subroutines, home maps about 2.6 MB of the two
    # 8.5 MB files; in the source's glyph order it was 7.4 MB (docs/fonts.md, "Memory").
    # The files are fresh copies, dropped from the page cache: a start after boot, whatever
    # other tests (or fontTools reading them whole) left in the cache.
    assets = tmp_path / "assets"
    shutil.copytree(FONT_DIR, assets / "fonts")
    for copy in (assets / "fonts").glob("*.otf"):
        with copy.open("rb+") as file:
            os.fsync(file.fileno())
            os.posix_fadvise(file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    command = [sys.executable, "-c", _KIOSK_WITH_ASSETS, str(assets), "--demo"]
    command += ["--data-dir", str(tmp_path / "data"), "--windowed", "1920x1080"]
    env = dict(os.environ, KIOSK_REPORT_FIRST_FRAME="1")
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as kiosk:
        watchdog = threading.Timer(60, kiosk.kill)
        watchdog.start()
        try:
            assert kiosk.stdout is not None
            lines = (line.split()[0] for line in kiosk.stdout if line.strip())
            assert "home-complete" in lines, "the kiosk ended before home was complete"
            mapped = _resident_kb_by_file(kiosk.pid, assets / "fonts")
        finally:
            watchdog.cancel()
            kiosk.terminate()
    assert set(mapped) == {"NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf"}
    assert sum(mapped.values()) < 4 * 1024, f"resident KB of each font: {mapped}"


def _resident_kb_by_file(pid: int, folder: Path) -> dict[str, int]:
    resident: dict[str, int] = {}
    name = None
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and not fields[0].endswith(":"):  # a mapping's first line: range ... path
            path = Path(fields[5]) if len(fields) > 5 else None
            name = path.name if path is not None and path.parent == folder else None
        elif name is not None and fields[0] == "Rss:":
            resident[name] = resident.get(name, 0) + int(fields[1])
    return resident
