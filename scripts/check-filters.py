#!/usr/bin/env python3
"""The item filters of a plan page, in a real browser (headless Chromium through Selenium).

    scripts/check-filters.py SITE_FOLDER PLAN_PAGE

SITE_FOLDER is a built site (the demo's), PLAN_PAGE a plan's path in it (kodaira-3/). Checks that:
- with JavaScript, the filter form is shown; choosing a grade leaves exactly the rows of that
  grade, choosing a policy exactly the rows listed under it (or below it), choosing a department
  exactly that department's rows, the status line says
  how many are shown, and 「条件を消す」 shows every row again;
- without JavaScript, the form stays hidden and every row of the table is shown.

Reuses the server and browser set-up of scripts/check-site.py. Exit codes: 0 passed, 1 failed,
2 could not run. The last line is "check-filters: PASSED" or "check-filters: FAILED".
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


def visible_rows(driver):
    return [row for row in driver.find_elements("css selector", "#item-table tbody tr") if row.is_displayed()]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, page = pathlib.Path(argv[0]), argv[1]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("check-filters: chromium and chromedriver are needed", file=sys.stderr)
        return 2
    from selenium.webdriver.support.ui import Select

    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    base = check_site.detect_base_path(folder)
    with check_site.SiteServer(folder, base) as server:
        driver = check_site.start_browser(chromium, chromedriver)
        try:
            driver.get(server.url_of(page))
            form = driver.find_element("css selector", "form.item-filter")
            expect(form.is_displayed(), "the filter form is not shown with JavaScript")
            rows = driver.find_elements("css selector", "#item-table tbody tr")
            total = len(rows)
            expect(total > 1, f"the item table has {total} rows")
            status = form.find_element("css selector", ".item-filter-status")

            grade_select = Select(form.find_element("name", "grade"))
            for option in grade_select.options[1:]:
                grade_select.select_by_value(option.get_attribute("value"))
                shown = visible_rows(driver)
                wanted = [row for row in rows if row.get_attribute("data-grade") == option.get_attribute("value")]
                expect(shown == wanted, f"grade {option.text}: {len(shown)} rows shown, {len(wanted)} expected")
                if option.get_attribute("value") != "none":
                    code = option.text.split(" ")[0]
                    for row in shown:
                        cell = row.find_elements("css selector", "td")[-1].text
                        expect(cell.startswith(code), f"grade {code}: a row shows 「{cell}」")
                expect(f"{len(shown)}件" in status.text or len(shown) == total, f"status 「{status.text}」 for {len(shown)} rows")
            grade_select.select_by_value("")

            policy_select = Select(form.find_element("name", "policy"))
            for option in policy_select.options[1:]:
                value = option.get_attribute("value")
                policy_select.select_by_value(value)
                shown = visible_rows(driver)
                wanted = [row for row in rows if value in row.get_attribute("data-policies").split(" ")]
                expect(shown == wanted, f"policy {option.text.strip()}: {len(shown)} rows shown, {len(wanted)} expected")
            expect(
                any(len([r for r in rows if o.get_attribute("value") in r.get_attribute("data-policies").split(" ")]) < total
                    for o in policy_select.options[1:]),
                "no policy narrows the table: the test would prove nothing")

            policy_select.select_by_value("")
            departments = form.find_elements("name", "department")
            if departments:
                department_select = Select(departments[0])
                for option in department_select.options[1:]:
                    value = option.get_attribute("value")
                    department_select.select_by_value(value)
                    shown = visible_rows(driver)
                    wanted = [row for row in rows if value in row.get_attribute("data-departments").split(" ")]
                    expect(shown == wanted, f"department {option.text}: {len(shown)} rows shown, {len(wanted)} expected")
                    expect(all(option.text in row.text for row in shown), f"department {option.text}: a row of another")
                department_select.select_by_value("")

            grade_select.select_by_index(1)
            form.find_element("css selector", "button[type=reset]").click()
            driver.execute_script("return new Promise(function (r) { setTimeout(r, 50); })")
            expect(len(visible_rows(driver)) == total, "after 条件を消す not every row is shown")
            expect(status.text == f"全{total}件を表示しています。", f"status after reset: 「{status.text}」")

            # Without JavaScript: no form, the whole table.
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(server.url_of(page))
            form = driver.find_element("css selector", "form.item-filter")
            expect(not form.is_displayed(), "without JavaScript the filter form is shown")
            expect(len(visible_rows(driver)) == total, "without JavaScript some rows are hidden")
        finally:
            driver.quit()
    for failure in failures:
        print(f"check-filters: {failure}")
    print("check-filters: " + ("FAILED" if failures else "PASSED"))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except check_site.SetupError as error:
        print(f"check-filters: could not run: {error}", file=sys.stderr)
        sys.exit(2)
