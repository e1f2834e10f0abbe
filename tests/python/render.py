"""Headless Chromium for the report tests: a page's layout and a picture of it.

The HTML reports are meant to be read on screen and printed on A4, so the tests
look at them as a person would: at 794 CSS px wide (A4 at 96 dpi), does
anything stick out past the right edge, are the headings there and visible,
and what does the page look like.

``layout`` loads a test-only copy of a page with a small probe script added
just before ``</body>`` (the reports themselves carry no scripts), lets
Chromium run it with ``--dump-dom``, and reads the probe's JSON back out of
the dumped DOM. ``screenshot`` takes a full-page PNG. Both run Chromium with a
throwaway profile and a time limit, and on failure say what Chromium printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

A4_WIDTH_PX = 794
"""A4's width, 210 mm, in CSS px at 96 dpi."""

A4_HEIGHT_PX = 1123
"""A4's height, 297 mm, in CSS px at 96 dpi: the height of the window the probe runs in."""

MAX_SCREENSHOT_HEIGHT_PX = 20000
"""The tallest full-page screenshot taken; a longer page is cut off there."""

TIMEOUT_S = 60.0
"""How long one Chromium run may take before it is stopped."""

VIRTUAL_TIME_BUDGET_MS = 5000
"""Virtual time Chromium gives the page to load (and the probe to run) before it dumps or shoots."""

PROBE_ID = "plansight-layout-probe"

# Runs once the page has loaded, measures, and leaves its answer as JSON in a
# <script type="application/json"> element: the serialiser writes a script's
# text unescaped, and "<" is written as \u003c so the text cannot end it.
PROBE_SCRIPT = """
<script>
(function () {
  "use strict";
  function describe(el, right) {
    var name = el.tagName.toLowerCase();
    if (el.id) { name += "#" + el.id; }
    var cls = typeof el.className === "string" ? el.className.trim() : "";
    if (cls) { name += "." + cls.split(/\\s+/).join("."); }
    var text = (el.innerText || el.textContent || "").replace(/\\s+/g, " ").trim();
    if (text.length > 40) { text = text.slice(0, 40) + "\\u2026"; }
    return name + ' "' + text + '" right=' + Math.round(right) + "px";
  }
  function visible(el) {
    var rect = el.getBoundingClientRect();
    var style = getComputedStyle(el);
    return rect.width > 0 && rect.height > 0 && style.display !== "none" &&
      style.visibility !== "hidden";
  }
  function measure() {
    var root = document.documentElement;
    var viewport = root.clientWidth;
    var all = Array.prototype.slice.call(document.body.querySelectorAll("*"));
    // How far right each element's box or content reaches, children first
    // (they follow their parent in document order).
    var childReach = new Map();
    for (var k = all.length - 1; k >= 0; k--) {
      var e = all[k];
      var r = e.getBoundingClientRect();
      var own = Math.max(r.right, r.left + e.clientLeft + e.scrollWidth, childReach.get(e) || -Infinity);
      var parent = e.parentElement;
      childReach.set(parent, Math.max(childReach.get(parent) || -Infinity, own));
    }
    var overflowing = [];
    var past = new Set();
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (/^(SCRIPT|STYLE|TEMPLATE)$/.test(el.tagName)) { continue; }
      var rect = el.getBoundingClientRect();
      var right = rect.right + window.scrollX;
      var contentRight = rect.left + el.clientLeft + el.scrollWidth;
      if (right > viewport + 1) {
        past.add(el);
        // Only the outermost element past the edge: its rows and cells go with it.
        if (!past.has(el.parentElement)) { overflowing.push(describe(el, right)); }
      } else if (el.scrollWidth > el.clientWidth + 1 &&
                 (childReach.get(el) || -Infinity) < contentRight - 1) {
        // Content wider than its box, not through a child (which is reported
        // itself) but its own text: a long unbroken word.
        overflowing.push(describe(el, contentRight + window.scrollX));
      }
    }
    var headings = [];
    var found = document.querySelectorAll("h1, h2, h3, h4");
    for (var j = 0; j < found.length; j++) {
      headings.push({
        level: Number(found[j].tagName.slice(1)),
        text: (found[j].textContent || "").replace(/\\s+/g, " ").trim(),
        visible: visible(found[j])
      });
    }
    var out = document.createElement("script");
    out.type = "application/json";
    out.id = "%(probe_id)s";
    out.textContent = JSON.stringify({
      scroll_width: root.scrollWidth,
      viewport_width: viewport,
      // The content's height: scrollHeight when the page scrolls, else the
      // root's own box (scrollHeight would be the viewport's height).
      page_height: root.scrollHeight > root.clientHeight ? root.scrollHeight :
        Math.ceil(root.getBoundingClientRect().height),
      overflowing: overflowing,
      headings: headings
    }).replace(/</g, "\\\\u003c");
    document.body.appendChild(out);
  }
  if (document.readyState === "complete") { measure(); }
  else { window.addEventListener("load", measure); }
})();
</script>
""".replace("%(probe_id)s", PROBE_ID)

PROBE_RESULT = re.compile(
    r'<script type="application/json" id="' + re.escape(PROBE_ID) + r'">(.*?)</script>', re.DOTALL)


class ChromiumError(RuntimeError):
    """Chromium is missing, failed, timed out, or did not give the expected output."""


@dataclass(frozen=True)
class Heading:
    """An h1-h4 of the page: its level, its text (whitespace collapsed), and
    whether a reader sees it (nonzero size, not display:none, not visibility:hidden)."""

    level: int
    text: str
    visible: bool


@dataclass(frozen=True)
class Layout:
    """What the probe measured of a page laid out at ``viewport_width`` CSS px.

    ``scroll_width`` is the document's scrollWidth: wider than the viewport
    means a sideways scrollbar on screen and a clipped printout.
    ``page_height`` is the content's height in CSS px, whatever the viewport's.
    ``overflowing`` describes (tag#id.class, text start, right edge px) each
    element inside <body> whose box reaches past the viewport's right edge
    (only the outermost: a wide table, not its rows and cells as well) or
    whose content is wider than its own box by more than 1 px though no child
    element's box is (a long unbroken word, not the containers of a wide
    table). <html> and <body> themselves are summed up by ``scroll_width``.
    """

    scroll_width: int
    viewport_width: int
    page_height: int
    overflowing: list[str]
    headings: list[Heading]


def find_chromium() -> str:
    """The path of Chromium on PATH (``chromium`` or ``chromium-browser``)."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path is not None:
            return path
    raise ChromiumError(
        "Chromium is not on PATH (looked for chromium and chromium-browser); "
        "scripts/setup installs Debian's chromium package")


def run_chromium(args: list[str], *, width_px: int, height_px: int) -> str:
    """Run headless Chromium at a window of width_px x height_px with a
    throwaway profile and the extra args; return its standard output.

    Chromium writes harmless complaints (no D-Bus, and the like) to standard
    error; only a nonzero exit or the time limit counts as failure, and then
    its standard error is part of the message.
    """
    with tempfile.TemporaryDirectory(prefix="plansight-chromium-") as profile:
        command = [
            find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--no-default-browser-check", "--mute-audio",
            f"--user-data-dir={profile}", f"--window-size={width_px},{height_px}",
            f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}", *args,
        ]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # Chromium's helpers share its session
            stdout, stderr = process.communicate()
            raise ChromiumError(f"Chromium took over {TIMEOUT_S:g} s: {' '.join(command)}\n"
                                f"its standard error:\n{stderr}") from None
        if process.returncode != 0:
            raise ChromiumError(f"Chromium exited with {process.returncode}: {' '.join(command)}\n"
                                f"its standard error:\n{stderr}")
        return stdout


def probed_copy(html: Path, directory: Path) -> Path:
    """Write a copy of the page into directory with the layout probe added
    just before its last ``</body>`` (or at its end if it has none), and a
    ``<base>`` pointing at the original's folder so that relative links
    (stylesheets, images) resolve as they do for the original."""
    source = html.read_bytes()
    probe = PROBE_SCRIPT.encode("ascii")
    end_of_body = source.lower().rfind(b"</body")
    if end_of_body < 0:
        probed = source + probe
    else:
        probed = source[:end_of_body] + probe + source[end_of_body:]
    if not re.search(rb"<base[\s>]", probed, re.IGNORECASE):
        base = f'<base href="{html.resolve().parent.as_uri()}/">'.encode("utf-8")
        opening = re.search(rb"<head\b[^>]*>|<!doctype[^>]*>", probed, re.IGNORECASE)
        at = opening.end() if opening else 0
        probed = probed[:at] + base + probed[at:]
    copy = directory / html.name
    copy.write_bytes(probed)
    return copy


def field(data: Any, name: str, kind: type) -> Any:
    """data[name], checked to be of the kind the probe writes."""
    if not isinstance(data, dict):
        raise ChromiumError(f"the layout probe wrote {data!r} where an object with {name!r} belongs")
    value = data.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ChromiumError(f"the layout probe's {name!r} is {value!r}, not {kind.__name__}")
    return value


def parse_layout(dom: str) -> Layout:
    """The Layout the probe left in Chromium's dumped DOM."""
    found = PROBE_RESULT.search(dom)
    if found is None:
        raise ChromiumError(f"the layout probe left no result in the dumped DOM (did the page load?):\n"
                            f"{dom[:2000]}")
    data = json.loads(found.group(1))
    headings = [Heading(level=field(h, "level", int), text=field(h, "text", str),
                        visible=field(h, "visible", bool))
                for h in field(data, "headings", list)]
    overflowing = field(data, "overflowing", list)
    if not all(isinstance(item, str) for item in overflowing):
        raise ChromiumError(f"the layout probe's 'overflowing' is not all text: {overflowing!r}")
    return Layout(scroll_width=field(data, "scroll_width", int),
                  viewport_width=field(data, "viewport_width", int),
                  page_height=field(data, "page_height", int),
                  overflowing=overflowing, headings=headings)


def layout(html: Path, *, width_px: int = A4_WIDTH_PX) -> Layout:
    """Lay the page out in headless Chromium at width_px CSS px (and A4's
    height) and measure it: widths, height, what overflows, the headings."""
    if not html.is_file():
        raise FileNotFoundError(f"no page to lay out at {html}")
    with tempfile.TemporaryDirectory(prefix="plansight-layout-") as directory:
        copy = probed_copy(html, Path(directory))
        dom = run_chromium(["--dump-dom", copy.as_uri()], width_px=width_px, height_px=A4_HEIGHT_PX)
    return parse_layout(dom)


def screenshot(html: Path, png: Path, *, width_px: int = A4_WIDTH_PX, height_px: int | None = None) -> None:
    """Write a PNG of the page at width_px CSS px, 1 device px each.

    Without height_px the picture is of the whole page: its height is first
    measured with ``layout`` (at most MAX_SCREENSHOT_HEIGHT_PX, below which a
    longer page is cut off).
    """
    if not html.is_file():
        raise FileNotFoundError(f"no page to take a screenshot of at {html}")
    if height_px is None:
        height_px = min(layout(html, width_px=width_px).page_height, MAX_SCREENSHOT_HEIGHT_PX)
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    run_chromium([f"--screenshot={png.resolve()}", "--force-device-scale-factor=1",
                  html.resolve().as_uri()], width_px=width_px, height_px=height_px)
    if not png.is_file() or png.stat().st_size == 0:
        raise ChromiumError(f"Chromium exited cleanly but wrote no screenshot at {png}")
