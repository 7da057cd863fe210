#!/usr/bin/env python3
"""The charts' labels, measured in a real browser (headless Chromium through Selenium).

    scripts/check-charts.py SITE_FOLDER [SITE_FOLDER ...]

For every HTML page of each built site that has an inline SVG, and every `<svg>` on it with a
`viewBox`, once the page's fonts have loaded:
- every `<text>` must lie inside the viewBox: its bounding box (getBBox, in the SVG's user space,
  which is the viewBox's) must not leave it, so that no label is cut at the chart's edge;
- no two `<text>` elements of a chart may overlap: their bounding boxes must be apart (a gap of
  zero is allowed, an overlap of more than OVERLAP_TOLERANCE user units in both directions is not).

The bounding box is the one the browser draws with the fonts it has (Debian's fonts-noto-cjk for
Japanese), so a label the Swift layout measured too short shows up here. Each problem names the
page, the chart's title, the label and how far it sticks out or what it covers.

Reuses the server and browser set-up of scripts/check-site.py. Exit codes: 0 passed, 1 failed,
2 could not run. The last line is "check-charts: PASSED (…)" or "check-charts: FAILED (…)".
"""

from __future__ import annotations

import importlib.util
import pathlib
import shutil
import sys

here = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_site", here / "check-site.py")
check_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_site)

# Rounding of coordinates to hundredths, and anti-aliasing, are below this (user units).
OVERLAP_TOLERANCE = 0.5
OUTSIDE_TOLERANCE = 0.5

# Every chart of the page: its viewBox, title and the bounding box of each <text>.
MEASURE = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => {
  const charts = [];
  document.querySelectorAll('svg').forEach((svg, index) => {
    const texts = [...svg.querySelectorAll('text')];
    if (!texts.length) return;
    const view = svg.viewBox && svg.viewBox.baseVal;
    const hasView = svg.hasAttribute('viewBox') && view;
    const title = svg.querySelector('title');
    charts.push({
      index: index,
      title: title ? title.textContent : (svg.getAttribute('class') || 'svg'),
      viewBox: hasView ? [view.x, view.y, view.width, view.height] : null,
      texts: texts.map(t => {
        const box = t.getBBox();
        return {text: t.textContent, cls: t.getAttribute('class') || '',
                box: [box.x, box.y, box.width, box.height]};
      }),
    });
  });
  done(charts);
}, error => done({error: String(error)}));
"""


def problems_of(chart):
    """What is wrong with one chart's labels, in words."""
    found = []
    texts = [t for t in chart["texts"] if t["text"].strip()]
    if chart["viewBox"] is None:
        return [f"the chart has text but no viewBox"]
    vx, vy, vw, vh = chart["viewBox"]
    for t in texts:
        x, y, w, h = t["box"]
        sides = []
        if x < vx - OUTSIDE_TOLERANCE:
            sides.append(f"left by {vx - x:.1f}")
        if x + w > vx + vw + OUTSIDE_TOLERANCE:
            sides.append(f"right by {x + w - vx - vw:.1f}")
        if y < vy - OUTSIDE_TOLERANCE:
            sides.append(f"top by {vy - y:.1f}")
        if y + h > vy + vh + OUTSIDE_TOLERANCE:
            sides.append(f"bottom by {y + h - vy - vh:.1f}")
        if sides:
            found.append(f"「{t['text']}」 leaves the viewBox {vx:g} {vy:g} {vw:g} {vh:g} at the "
                         + ", ".join(sides) + f" (box {x:.1f},{y:.1f} {w:.1f}×{h:.1f})")
    for i, a in enumerate(texts):
        ax, ay, aw, ah = a["box"]
        for b in texts[i + 1:]:
            bx, by, bw, bh = b["box"]
            across = min(ax + aw, bx + bw) - max(ax, bx)
            down = min(ay + ah, by + bh) - max(ay, by)
            if across > OVERLAP_TOLERANCE and down > OVERLAP_TOLERANCE:
                found.append(f"「{a['text']}」 and 「{b['text']}」 overlap by {across:.1f}×{down:.1f}")
    return found


def check_site_folder(driver, folder: pathlib.Path, out):
    """(pages with charts, charts, labels, problems) for one built site."""
    base = check_site.detect_base_path(folder)
    pages = [(page, file) for page, file in check_site.html_pages(folder)
             if "<svg" in file.read_text(encoding="utf-8", errors="replace")]
    counts = {"pages": 0, "charts": 0, "labels": 0}
    problems = []
    with check_site.SiteServer(folder, base) as server:
        for page, _ in pages:
            driver.get(server.url_of(page))
            charts = driver.execute_async_script(MEASURE)
            if isinstance(charts, dict):
                problems.append((page, "(page)", f"could not measure: {charts.get('error')}"))
                continue
            counts["pages"] += 1
            for chart in charts:
                counts["charts"] += 1
                counts["labels"] += len(chart["texts"])
                for problem in problems_of(chart):
                    problems.append((page, chart["title"], problem))
    for page, title, problem in problems:
        print(f"{folder}: /{page} 「{title}」: {problem}", file=out)
    return counts, problems


def main(argv):
    if not argv or any(arg.startswith("-") for arg in argv):
        print(__doc__, file=sys.stderr)
        return 2
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("check-charts: chromium and chromedriver are needed", file=sys.stderr)
        return 2
    folders = [pathlib.Path(arg) for arg in argv]
    for folder in folders:
        if not (folder / "index.html").is_file():
            print(f"check-charts: {folder} is not a built site (no index.html)", file=sys.stderr)
            return 2
    try:
        driver = check_site.start_browser(chromium, chromedriver)
    except check_site.SetupError as error:
        print(f"check-charts: {error}", file=sys.stderr)
        return 2
    totals = {"pages": 0, "charts": 0, "labels": 0, "problems": 0}
    try:
        check_site.set_viewport(driver, 1280)
        for folder in folders:
            counts, problems = check_site_folder(driver, folder, sys.stdout)
            for key in counts:
                totals[key] += counts[key]
            totals["problems"] += len(problems)
            print(f"{folder}: {counts['charts']} charts on {counts['pages']} pages, "
                  f"{counts['labels']} labels, {len(problems)} problems")
    finally:
        driver.quit()
    summary = (f"{totals['charts']} charts on {totals['pages']} pages, {totals['labels']} labels, "
               f"{totals['problems']} problems")
    if totals["charts"] == 0:
        print(f"check-charts: FAILED (no chart found: {summary})")
        return 1
    print(f"check-charts: {'PASSED' if totals['problems'] == 0 else 'FAILED'} ({summary})")
    return 0 if totals["problems"] == 0 else 1


if __name__ == "__main__":
    check_site.use_test_environment(__file__, packages=("selenium",))
    sys.exit(main(sys.argv[1:]))
