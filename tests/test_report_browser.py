"""The HTML report in a real headless Chromium: it parses, paints its charts, logs no console error."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newscrawl.operations.charts import PALETTE
from newscrawl.operations.counts import RunSummary, SourceCounts
from newscrawl.operations.htmlreport import render_report

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)"
)


def chromium(tmp_path: Path, page: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a local file, offline, logging the page's console to stderr."""
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
        "--window-size=1600,1400", *mode, page.as_uri(),
    ]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def console_messages(stderr: str) -> list[str]:
    """Lines Chromium logs for the page's console (console.* calls, uncaught errors)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) into RGBA-less rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, interlace) == (8, 0)
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = (
        zlib.decompress(idat),
        width * channels,
        [],
        bytearray(width * channels),
    )
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(
            v for k, v in enumerate(line) if k % 4 != 3))  # fmt: skip
        prev = line
    return width, height, rows


def colour_count(rows: list[bytes], hex_colour: str) -> int:
    rgb = bytes.fromhex(hex_colour.lstrip("#"))
    return sum(sum(1 for k in range(0, len(row), 3) if row[k : k + 3] == rgb) for row in rows)


def report_file(tmp_path: Path) -> Path:
    runs = []
    for day in range(1, 6):
        run = RunSummary(f"r{day}", started_at=f"2026-01-0{day}T05:00:00+00:00",
                         finished_at=f"2026-01-0{day}T05:02:00+00:00", finish_reason="finished")  # fmt: skip
        for n, name in enumerate(("alpha", "beta", "gamma")):
            broken = name == "gamma" and day == 5
            run.sources[name] = SourceCounts(
                name, fetched=30, article_pages=0 if broken else 20 - 3 * n, emitted=18 - 3 * n,
                duplicates={"near": n + day % 2}, errors={"http/503": 4 if broken else n},
                not_article={"short_body": 12 if broken else 2}, median_words=350.0,
                health=[{"kind": "no_articles", "message": "no article found"}] if broken else [],
            )  # fmt: skip
        runs.append(run)
    path = tmp_path / "report.html"
    path.write_text(render_report(runs, "sqlite:///store.sqlite3", "2026-01-05T06:00:00+00:00"),
                    encoding="utf-8")  # fmt: skip
    return path


@needs_chromium
def test_console_errors_are_detected_in_a_broken_page(tmp_path: Path) -> None:
    """The check below can fail: a page with a script error is caught by it."""
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>console.error('bad'); missing();</script></body></html>")
    proc = chromium(tmp_path, page, "--dump-dom")
    messages = console_messages(proc.stderr)
    assert any("missing is not defined" in m for m in messages), proc.stderr[-2000:]


@needs_chromium
def test_report_renders_with_its_charts_and_no_console_error(tmp_path: Path) -> None:
    page = report_file(tmp_path)
    dom = chromium(tmp_path, page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_messages(dom.stderr) == []
    doc = lxml_html.fromstring(dom.stdout)
    assert doc.xpath("//h1/text()") == ["newscrawl report"]
    charts = doc.xpath("//svg[@class='chart']")
    assert [c.get("id") for c in charts] == ["chart-articles", "chart-duplicates", "chart-errors",
                                             "chart-yield"]  # fmt: skip
    for chart in charts:
        assert len(chart.xpath(".//g[@class='series']")) == 3
        assert len(chart.xpath(".//circle")) == 15

    shot = tmp_path / "shot.png"
    painted = chromium(tmp_path, page, f"--screenshot={shot}")
    assert painted.returncode == 0, painted.stderr[-2000:]
    assert console_messages(painted.stderr) == []
    width, height, rows = png_pixels(shot)
    assert (width, height) == (1600, 1400)
    # Each series colour is painted (lines, dots, legend swatches), as is the red status banner.
    for colour in PALETTE[:3]:
        assert colour_count(rows, colour) > 500, colour
    assert colour_count(rows, "#fde7e7") > 5000
