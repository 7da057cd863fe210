#!/usr/bin/env python3
"""Checks in a real browser that a page open on `mieruka serve` reloads by itself after a save.

    scripts/check-serve-reload.py [--mieruka .build/debug/mieruka] [--fixture Tests/Fixtures/base]

Copies the fixture site to a temporary folder, starts `mieruka serve` on it (any free port), and
opens one of its item pages in headless Chromium (Selenium, as scripts/check-site.py does). Then,
without touching the browser again except to read the page:

1. it changes the item's title in its file: the page must show the new title by itself, as a new
   page load (a mark left on the old page's window is gone);
2. it breaks a results file: the page must show the error overlay with the located message, over
   the last good page;
3. it fixes the file: the overlay must go away by itself.

Prints how long each took from the write. Exits 0 when all three happen, 1 when one does not,
2 when the checks cannot run (no Chromium, chromedriver or selenium).
"""
import argparse
import importlib.util
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


# The browser set-up of scripts/check-site.py.
_spec = importlib.util.spec_from_file_location("check_site", ROOT / "scripts" / "check-site.py")
check_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_site)
SetupError = check_site.SetupError


def start_browser():
    chromium = check_site.find_program(None, ["chromium", "chromium-browser", "google-chrome"])
    chromedriver = check_site.find_program(None, ["chromedriver"], ["/usr/lib/chromium/chromedriver"])
    if not chromium:
        raise SetupError("chromium not found (Debian package chromium)")
    if not chromedriver:
        raise SetupError("chromedriver not found (Debian package chromium-driver)")
    return check_site.start_browser(chromium, chromedriver)


def wait_for(description, condition, timeout=20.0):
    """Polls `condition` (reading the page only) until it is true; returns the seconds it took."""
    start = time.monotonic()
    last_error = None
    while time.monotonic() - start < timeout:
        try:
            if condition():
                return time.monotonic() - start
        except Exception as error:  # noqa: BLE001 - the page may be between two loads
            last_error = error
        time.sleep(0.02)
    raise AssertionError(f"{description}: not within {timeout:.0f} s" + (f" ({last_error})" if last_error else ""))


def edit(path: pathlib.Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise AssertionError(f"{old!r} is not in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mieruka", default=str(ROOT / ".build" / "debug" / "mieruka"))
    parser.add_argument("--fixture", default=str(ROOT / "Tests" / "Fixtures" / "base"))
    args = parser.parse_args(argv)

    work = pathlib.Path(tempfile.mkdtemp(prefix="mieruka-serve-reload-"))
    site = work / "site"
    shutil.copytree(args.fixture, site)
    serve = subprocess.Popen([args.mieruka, "serve", "--source", str(site), "--port", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    failures = 0
    try:
        url = None
        output = []
        for line in serve.stdout:
            output.append(line.rstrip())
            match = re.search(r"at (http://127\.0\.0\.1:\d+/\S*)", line)
            if match:
                url = match.group(1)
                break
        if not url:
            raise SetupError("mieruka serve did not start:\n" + "\n".join(output))
        try:
            driver = start_browser()
        except SetupError:
            raise
        from selenium.webdriver.common.by import By

        page = url + "test-plan/003/"
        driver.get(page)
        heading = lambda: driver.find_element(By.TAG_NAME, "h1").text  # noqa: E731
        wait_for("the page to load", lambda: "基金の確保" in heading())
        print(f"opened {page} in headless Chromium")

        # 1. A saved change: the page reloads itself and shows it.
        driver.execute_script("window.__mierukaOldPage = true;")
        edit(site / "content/test-plan/003.md", "title: 基金の確保", "title: 基金の確保と活用（改）")
        try:
            took = wait_for("the new title", lambda: "基金の確保と活用（改）" in heading())
            reloaded = driver.execute_script("return window.__mierukaOldPage === undefined;")
            if not reloaded:
                raise AssertionError("the page shows the new title without having been loaded again")
            print(f"ok: the page reloaded by itself and shows the new title, {took * 1000:.0f} ms after the save")
        except AssertionError as error:
            failures += 1
            print(f"FAILED: {error}")

        # 2. A broken file: the errors over the last good page.
        edit(site / "seeds/test-plan/R6.yml", "    grade: C", "    grade: Z")
        message = "seeds/test-plan/R6.yml:13:12: error: grade \"Z\" is not on the plan's scale"
        overlay = lambda: driver.find_elements(By.ID, "mieruka-serve-errors")  # noqa: E731
        try:
            took = wait_for("the error overlay", lambda: overlay() and message in overlay()[0].text)
            if "基金の確保と活用（改）" not in heading():
                raise AssertionError("the last good page is not shown under the errors")
            print(f"ok: the error is shown over the last good page ({message}), {took * 1000:.0f} ms after the save")
        except AssertionError as error:
            failures += 1
            print(f"FAILED: {error}")

        # 3. Fixed: the overlay goes away by itself.
        edit(site / "seeds/test-plan/R6.yml", "    grade: Z", "    grade: C")
        try:
            took = wait_for("the overlay to go", lambda: not overlay() and "基金の確保と活用（改）" in heading())
            print(f"ok: fixed, the page reloaded without the errors, {took * 1000:.0f} ms after the save")
        except AssertionError as error:
            failures += 1
            print(f"FAILED: {error}")
    finally:
        if driver is not None:
            driver.quit()
        serve.send_signal(signal.SIGINT)
        try:
            code = serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            code = None
        if code != 0:
            print(f"FAILED: mieruka serve did not stop cleanly on Ctrl-C (exit {code})")
            failures += 1
        shutil.rmtree(work, ignore_errors=True)
    print(f"serve-reload: {max(3 - failures, 0)} passed, {failures} failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    check_site.use_test_environment(__file__, ("selenium",))
    try:
        sys.exit(main())
    except SetupError as error:
        print(f"check-serve-reload: cannot run: {error}", file=sys.stderr)
        sys.exit(2)
