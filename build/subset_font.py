# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate the Chinese UI font shipped in ``assets/fonts/``.

Source: Noto Sans CJK SC (face "Noto Sans CJK SC" of the Debian package
``fonts-noto-cjk``'s ``NotoSansCJK-{Regular,Bold}.ttc``).  The face is cut down
to the code point ranges in ``RANGES`` with fontTools' public subsetting API
and written as OpenType/CFF (``.otf``).  Not WOFF2: Qt loads WOFF2 far slower.

Then the glyphs are arranged for a small resident memory (``arrange``): the
characters the kiosk draws most come first in the file, and no glyph calls a
subroutine, so drawing home maps a few hundred kilobytes of each file instead
of most of it (docs/fonts.md, "Memory").

Usage::

    .venv/bin/python build/subset_font.py [--source-dir /usr/share/fonts/opentype/noto]
    .venv/bin/python build/subset_font.py --arrange-only   # re-arrange the shipped files

The coverage decision is documented in ``docs/fonts.md``; the shipped files,
their origin and licence in ``assets/fonts/README.md``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fontTools.cffLib.transforms import desubroutinize
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from fontTools.ttLib.reorderGlyphs import reorderGlyphs
from fontTools.ttLib.ttCollection import TTCollection

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUTPUT_DIR = REPO_ROOT / "assets" / "fonts"
TRANSLATIONS_DIR = REPO_ROOT / "i18n"

# The face of the collection we want; looked up by name, not by index
# (it is index 2 in Debian's 20220127 .ttc, but that is not guaranteed).
SOURCE_FAMILY = "Noto Sans CJK SC"
WEIGHTS = ("Regular", "Bold")

# (first, last, description) -- inclusive.  Code points the face has no glyph
# for are simply skipped by the subsetter.
BASE_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x00FF, "Basic Latin + Latin-1 Supplement"),
    (0x2000, 0x206F, "General Punctuation"),
    (
        0x2100,
        0x27BF,
        "Letterlike, Number Forms, Arrows, Math, Technical, "
        "Enclosed Alphanumerics, Box/Geometric, Misc Symbols, Dingbats",
    ),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs (URO)"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
)
EXT_A_RANGE = (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A")

# Vertical-writing and language-specific substitutions: the UI is horizontal
# Simplified/Traditional Chinese rendered with SC glyph shapes, so these only
# cost bytes (keeping ``locl`` roughly doubles the file because it drags in
# the JP/KR/TC/HK glyph variants).
DROPPED_FEATURES = ("locl", "vert", "vrt2", "vkrn", "vpal", "vhal", "vchw")
# Vertical metrics tables are useless without vertical layout.
DROPPED_TABLES = ("vhea", "vmtx", "VORG")


def ranges(ext_a: bool) -> list[tuple[int, int, str]]:
    result = list(BASE_RANGES)
    if ext_a:
        result.append(EXT_A_RANGE)
    return sorted(result)


def unicodes(ext_a: bool) -> list[int]:
    return [cp for first, last, _ in ranges(ext_a) for cp in range(first, last + 1)]


def find_face_index(ttc_path: Path, family: str = SOURCE_FAMILY) -> int:
    collection = TTCollection(str(ttc_path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            name = font["name"]
            if name.getDebugName(16) == family or name.getDebugName(1) == family:
                return index
    finally:
        collection.close()
    raise SystemExit(f"{ttc_path}: no face with family {family!r}")


def subset_options() -> Options:
    options = Options()
    options.layout_features = [f for f in options.layout_features if f not in DROPPED_FEATURES]
    options.drop_tables = list(options.drop_tables) + list(DROPPED_TABLES)
    # Keep every name record (copyright, licence + URL, designer ...), so the
    # OFL notice travels inside the file too.  English (Windows) records only.
    options.name_IDs = ["*"]
    options.name_languages = [0x0409]
    options.notdef_outline = True  # a visible .notdef box instead of nothing
    options.glyph_names = False
    options.hinting = True
    options.recalc_bounds = True
    options.prune_unicode_ranges = True
    return options


def output_name(weight: str) -> str:
    return f"NotoSansCJKsc-{weight}.subset.otf"


def _is_ideograph(code_point: int) -> bool:
    return any(
        first <= code_point <= last
        for first, last in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
    )


def _double_byte_characters(codec: str, rows: range, columns: range) -> list[str]:
    """The characters of a double-byte charset's `rows`, in the charset's own order."""
    characters = []
    for row in rows:
        for column in columns:
            try:
                characters.append(bytes((row, column)).decode(codec))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return characters


def common_characters() -> list[str]:
    """The characters the kiosk draws most, most likely first: what the UI's translations use,
    then GB2312 level 1 (the 3,755 most used simplified hanzi), then Big5 level 1 (the 5,401
    most used traditional ones). Every code point outside the ideograph blocks (Latin,
    punctuation, symbols, full-width forms) goes before all of these (`arrange`)."""
    ui = sorted({c for ts in sorted(TRANSLATIONS_DIR.glob("*.ts")) for c in ts.read_text("utf-8")})
    gb2312_level_1 = _double_byte_characters("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    big5_level_1 = _double_byte_characters(
        "big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    )
    return [c for c in ui if _is_ideograph(ord(c))] + gb2312_level_1 + big5_level_1


def arrange(font: TTFont) -> int:
    """Order the glyphs so the common ones lie together at the start of the charstrings, and
    inline every subroutine; return how many glyphs come first as common.

    FreeType reads the font through a memory map, and the kernel maps 64 KB around every page
    a glyph's outline touches. With the glyphs in the source's order and shared subroutines,
    the few hundred characters of home touched most of each file; now they touch the start.
    Outlines, hints, advances, cmap and layout are unchanged (only glyph ids move)."""
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    old_order = font.getGlyphOrder()
    cmap = font.getBestCmap()
    new_order = [old_order[0]]  # .notdef stays glyph 0
    placed = {old_order[0]}

    def place(glyph: str) -> None:
        if glyph not in placed:
            placed.add(glyph)
            new_order.append(glyph)

    for code_point in sorted(cmap):
        if not _is_ideograph(code_point):
            place(cmap[code_point])
    for character in common_characters():
        if ord(character) in cmap:
            place(cmap[ord(character)])
    common = len(new_order)
    for glyph in old_order:
        place(glyph)
    # A CID-keyed font picks each glyph's Private dict (hints, width defaults, local
    # subroutines) by glyph id: load every charstring with its own before the ids move, and
    # move the selector with the glyphs (fontTools' reorderGlyphs leaves it as it was).
    font_dict_of = {}
    for glyph_id, glyph in enumerate(old_order):
        top.CharStrings[glyph]
        font_dict_of[glyph] = top.FDSelect[glyph_id]
    reorderGlyphs(font, new_order)
    top.FDSelect.gidArray = [font_dict_of[glyph] for glyph in new_order]
    desubroutinize(cff)
    return common


def build_one(source: Path, destination: Path, ext_a: bool) -> TTFont:
    index = find_face_index(source)
    font = TTFont(str(source), fontNumber=index, lazy=False)
    subsetter = Subsetter(options=subset_options())
    subsetter.populate(unicodes=unicodes(ext_a))
    subsetter.subset(font)
    arrange(font)
    # Keep head.modified from the source so that rebuilding is byte-for-byte
    # reproducible (otherwise fontTools stamps the current time).
    font.recalcTimestamp = False
    destination.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(destination))
    return font


def arrange_file(path: Path) -> TTFont:
    """Arrange an already subset file in place (the same bytes as a full build would give
    only if fontTools keeps writing the subset as it did)."""
    font = TTFont(str(path), lazy=False)
    arrange(font)
    font.recalcTimestamp = False
    font.save(str(path))
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help=f"directory with NotoSansCJK-{{Regular,Bold}}.ttc (default: {DEFAULT_SOURCE_DIR})",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        help="where to write the .otf files (default: assets/fonts)",
    )
    parser.add_argument(
        "--no-ext-a",
        dest="ext_a",
        action="store_false",
        help="leave out CJK Extension A (U+3400-U+4DBF); "
        "only for measuring, the shipped files include it",
    )
    parser.add_argument(
        "--weights",
        nargs="+",
        default=list(WEIGHTS),
        choices=WEIGHTS,
        help="weights to build (default: all)",
    )
    parser.add_argument(
        "--arrange-only",
        action="store_true",
        help="only arrange the files already in --output-dir (no source .ttc needed)",
    )
    args = parser.parse_args(argv)

    if args.arrange_only:
        for weight in args.weights:
            path = args.output_dir / output_name(weight)
            started = time.monotonic()
            arrange_file(path).close()
            size = path.stat().st_size
            print(f"{path}: arranged, {size} bytes, {time.monotonic() - started:.0f} s")
        return 0

    print("code point ranges:")
    for first, last, label in ranges(args.ext_a):
        print(f"  U+{first:04X}-U+{last:04X}  {label}")
    print(f"dropped layout features: {', '.join(DROPPED_FEATURES)}")

    total = 0
    for weight in args.weights:
        source = args.source_dir / f"NotoSansCJK-{weight}.ttc"
        if not source.exists():
            print(f"error: {source} not found (apt install fonts-noto-cjk)", file=sys.stderr)
            return 1
        destination = args.output_dir / output_name(weight)
        started = time.monotonic()
        font = build_one(source, destination, args.ext_a)
        size = destination.stat().st_size
        total += size
        name = font["name"]
        print(
            f"{destination}: {size} bytes ({size / 1e6:.2f} MB), "
            f"{font['maxp'].numGlyphs} glyphs, "
            f"{len(font.getBestCmap())} code points, "
            f"family {name.getDebugName(1)!r} style {name.getDebugName(2)!r}, "
            f"{time.monotonic() - started:.0f} s"
        )
        font.close()
    print(f"total: {total} bytes ({total / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
