"""The report tests' tools catch what they are for: render.py's layout and
screenshot on a page that fits A4 and one that does not, and html5lib's strict
parser on a well-formed page and a malformed snippet."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import html5lib
import pytest

import render
from render import ChromiumError, Heading, Layout

PAGES = Path(__file__).resolve().parents[1] / "data" / "render"
FITS = PAGES / "fits.html"
OVERFLOWS = PAGES / "overflows.html"


@pytest.fixture(scope="module")
def fits() -> Layout:
    """The layout of the page that fits A4, measured once."""
    return render.layout(FITS)


@pytest.fixture(scope="module")
def overflows() -> Layout:
    """The layout of the page with a wide table and a long word, measured once."""
    return render.layout(OVERFLOWS)


def png_size(png: Path) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk (always the first)."""
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    assert header[12:16] == b"IHDR", f"{png} does not start with its IHDR chunk"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def right_edge(description: str) -> int:
    """The right edge in px that an overflow description ends with."""
    found = re.search(r" right=(\d+)px$", description)
    assert found, f"no right edge in {description!r}"
    return int(found.group(1))


def fake_chromium(tmp_path: Path, body: str) -> str:
    """An executable shell script standing in for Chromium."""
    script = tmp_path / "chromium"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


# ---- finding Chromium -------------------------------------------------------------------

def test_chromium_is_found_on_path() -> None:
    assert Path(render.find_chromium()).name in ("chromium", "chromium-browser")


def test_a_missing_chromium_is_named_with_where_it_comes_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumError, match="chromium-browser.*scripts/setup"):
        render.find_chromium()


def test_a_failing_chromium_is_reported_with_its_standard_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chromium = fake_chromium(tmp_path, "echo 'cannot open display' >&2; exit 3")
    monkeypatch.setattr(render, "find_chromium", lambda: chromium)
    with pytest.raises(ChromiumError, match=r"(?s)exited with 3.*cannot open display"):
        render.layout(FITS)


def test_a_hanging_chromium_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chromium = fake_chromium(tmp_path, "echo started >&2; sleep 30")
    monkeypatch.setattr(render, "find_chromium", lambda: chromium)
    monkeypatch.setattr(render, "TIMEOUT_S", 0.5)
    with pytest.raises(ChromiumError, match=r"(?s)took over 0.5 s.*started"):
        render.layout(FITS)


def test_a_page_the_probe_did_not_run_in_is_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chromium = fake_chromium(tmp_path, "echo '<html><body>no probe here</body></html>'")
    monkeypatch.setattr(render, "find_chromium", lambda: chromium)
    with pytest.raises(ChromiumError, match="left no result"):
        render.layout(FITS)


# ---- layout -----------------------------------------------------------------------------

def test_a_page_that_fits_a4_overflows_nowhere(fits: Layout) -> None:
    assert fits.viewport_width == render.A4_WIDTH_PX
    assert fits.scroll_width == render.A4_WIDTH_PX
    assert fits.overflowing == []
    assert 300 < fits.page_height < 3000


def test_a_wide_table_and_a_long_word_are_named_with_their_right_edges(overflows: Layout) -> None:
    assert overflows.viewport_width == render.A4_WIDTH_PX
    assert overflows.scroll_width > render.A4_WIDTH_PX
    assert len(overflows.overflowing) == 2, overflows.overflowing
    table, word = overflows.overflowing
    assert table.startswith('table#wide-table "Action Owner Due Status')
    assert right_edge(table) >= 1200  # 1200 px wide, after the body's margin
    assert word.startswith('p#long-word "Case_reference_NYSCP')
    assert right_edge(word) > render.A4_WIDTH_PX
    assert overflows.scroll_width == max(right_edge(table), right_edge(word))


def test_headings_are_read_in_order_with_text_level_and_visibility(fits: Layout) -> None:
    assert fits.headings == [
        Heading(1, "North Yorkshire SCP: quarterly review pack", True),
        Heading(2, "Status of actions", True),
        Heading(3, "Actions by RAG status", True),
        Heading(4, "A note on the figures", True),
        Heading(2, "Appendix kept for the print run only", False),  # the hidden attribute
        Heading(3, "Placeholder heading nobody sees", False),       # visibility: hidden
        Heading(4, "Notes for the chair", False),                   # in a display: none block
    ]


def test_the_probe_goes_into_a_copy_and_never_into_the_page(fits: Layout, overflows: Layout) -> None:
    for page in PAGES.iterdir():
        assert render.PROBE_ID not in page.read_text(encoding="utf-8"), page


# ---- screenshot -------------------------------------------------------------------------

def test_a_screenshot_is_a4_wide_and_as_tall_as_the_whole_page(tmp_path: Path, fits: Layout) -> None:
    png = tmp_path / "shots" / "fits.png"
    render.screenshot(FITS, png)
    assert png_size(png) == (render.A4_WIDTH_PX, fits.page_height)


def test_a_screenshot_of_a_given_height_keeps_to_the_window(tmp_path: Path) -> None:
    png = tmp_path / "overflows.png"
    render.screenshot(OVERFLOWS, png, height_px=200)
    assert png_size(png) == (render.A4_WIDTH_PX, 200)


def test_no_screenshot_is_taken_of_a_page_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="missing.html"):
        render.screenshot(tmp_path / "missing.html", tmp_path / "missing.png")


# ---- html5lib, the report tests' HTML5 checker ------------------------------------------

def strict_parse(html: str | bytes) -> None:
    """Parse as HTML5, raising html5lib's ParseError at the first parse error."""
    html5lib.HTMLParser(strict=True).parse(html)


def test_html5lib_strict_accepts_the_page_that_fits() -> None:
    strict_parse(FITS.read_bytes())


def test_html5lib_strict_rejects_a_stray_end_tag_and_only_that() -> None:
    head = "<!DOCTYPE html><title>t</title>"
    strict_parse(head + "<table><tr><td>x</table>")  # legal: </table> closes the cell and row
    with pytest.raises(html5lib.html5parser.ParseError):
        strict_parse(head + "<table><tr><td>x</table></p>")
