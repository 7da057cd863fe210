#!/usr/bin/env python3
"""The site search in a real browser (headless Chromium through Selenium).

    scripts/check-search.py [--vectors FILE] [--demo] SITE_FOLDER

SITE_FOLDER is a built site. Checks that:
- search.js splits every input of Tests/Fixtures/search-vectors.json into exactly the tokens the
  table gives (the Swift tests hold the index's tokenizer to the same table), and that for every
  item of the site's search/index.json it finds the tokens the index holds for the item's title
  and departments: the query is split exactly as the index was;
- the search box in a page's header leads to /search/?q=… with results: plan, item number and
  title linking to a page of the site, the grade written out (code and meaning), the department
  (the query: 使用料 on the demo, else the title of the index's first item);
- every result says what kind of page it is (取組項目, 計画, 施策 or the level its plan names,
  年度の進捗状況, ページ, 委員会などの意見) and links to a page of the site;
- with --demo (the demo site): 受益者負担 (four bigrams) finds its item first; a plan's text
  (寄り添い, 伊勢原市, a plan without item pages) finds the plan, このサイト the standalone page,
  比べやすい the home page's text, 地域協働の推進 the policy, called 分野 as its plan names the level;
  使用 finds items but 使用済み (not in the demo) finds nothing, as 宇宙飛行士 does: a query never shrinks to a part of it; one character (料) finds the
  items with it, the start of a word (sn) finds SNS;
- the results pass axe-core's WCAG 2.0/2.1 A and AA rules and do not scroll sideways at 1280
  and 320 px (scripts/check-site.py checks the page before a search);
- without JavaScript the page says that the search needs it and shows no results.

Reuses the server and browser set-up of scripts/check-site.py. Exit codes: 0 passed, 1 failed,
2 could not run. The last line is "check-search: PASSED" or "check-search: FAILED".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import shutil
import sys
import urllib.parse

here = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_site", here / "check-site.py")
check_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_site)

# For every document of the index: the tokens search.js makes of its title and departments, and
# the tokens the index holds with the title (bit 0) and departments (bit 1) fields for it.
AGREEMENT = """
const done = arguments[arguments.length - 1];
MierukaSearch.load(arguments[0]).then(index => {
  const data = index.data, base = index.base, fromIndex = data.documents.map(() => [new Set(), new Set()]);
  index.postings.forEach((list, token) => {
    let doc = 0;
    for (const n of list) {
      doc += Math.floor(n / base);
      if (n % base & 1) fromIndex[doc][0].add(token);
      if (n % base & 2) fromIndex[doc][1].add(token);
    }
  });
  const problems = [];
  data.documents.forEach((doc, i) => {
    [[doc[2], 0, 'title'], [doc[6], 1, 'departments']].forEach(([text, field, name]) => {
      const js = MierukaSearch.tokenize(text).sort(), swift = [...fromIndex[i][field]].sort();
      if (JSON.stringify(js) !== JSON.stringify(swift))
        problems.push(`${name} 「${text}」: search.js ${JSON.stringify(js)}, index ${JSON.stringify(swift)}`);
    });
  });
  done({documents: data.documents.length, problems: problems,
        firstTitle: data.documents.length ? data.documents[0][2] : null});
}, error => done({documents: 0, problems: [String(error)]}));
"""

# What a result may say it is (the index's "kinds").
KINDS = {"取組項目", "計画", "施策", "年度の進捗状況", "ページ", "委員会などの意見"}

WAIT_FOR_SEARCH = """
const done = arguments[arguments.length - 1];
const started = Date.now();
(function poll() {
  const status = document.getElementById('search-status');
  const text = status ? status.textContent : '';
  if (text && !text.endsWith('…')) return done(text);
  if (Date.now() - started > 15000) return done('(timed out: 「' + text + '」)');
  setTimeout(poll, 25);
})();
"""


def results(driver):
    """The results shown, as dicts."""
    return driver.execute_script("""
      return [...document.querySelectorAll('#search-results > li')].map(li => ({
        plan: li.querySelector('.search-result-plan')?.textContent,
        kind: li.querySelector('.search-result-kind')?.textContent || null,
        title: li.querySelector('h3')?.textContent,
        href: li.querySelector('h3 a')?.getAttribute('href'),
        grade: li.querySelector('.grade')?.textContent || null,
        meta: li.querySelector('.search-result-meta')?.textContent,
        snippet: li.querySelector('.search-snippet')?.textContent || null,
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
      }));""")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Checks the site search in headless Chromium.")
    parser.add_argument("site", metavar="SITE_FOLDER")
    parser.add_argument("--vectors", default=str(here.parent / "Tests" / "Fixtures" / "search-vectors.json"))
    parser.add_argument("--demo", action="store_true",
                        help="the site is the demo: also search for words its content is known to hold")
    args = parser.parse_args(argv)
    folder = pathlib.Path(args.site).resolve()
    vectors = json.loads(pathlib.Path(args.vectors).read_text(encoding="utf-8"))["vectors"]
    # A policy's result says what its plan calls that level (the document's "label") when the
    # plan names it, else 施策.
    index = json.loads((folder / "search" / "index.json").read_text(encoding="utf-8"))
    kinds = KINDS | {document[9] for document in index["documents"] if len(document) > 9}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("check-search: chromium and chromedriver are needed", file=sys.stderr)
        return 2
    axe_source = check_site.find_axe_script(None).read_text(encoding="utf-8")
    base = check_site.detect_base_path(folder)
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    def search(server, query):
        driver.get(server.url_of("search/") + "?q=" + urllib.parse.quote(query))
        return driver.execute_async_script(WAIT_FOR_SEARCH)

    def exists(href):
        path = urllib.parse.unquote(urllib.parse.urlsplit(href).path)
        if not path.startswith(base):
            return False
        target = folder / path[len(base):]
        return target.is_file() or (target / "index.html").is_file()

    with check_site.SiteServer(folder, base) as server:
        driver = check_site.start_browser(chromium, chromedriver)
        try:
            # 1. The tokenizer: the shared table, then the index's own tokens of every item.
            driver.get(server.url_of("search/"))
            got = driver.execute_script(
                "return arguments[0].map(v => MierukaSearch.tokenize(v))", [v["input"] for v in vectors])
            for vector, tokens in zip(vectors, got):
                expect(tokens == vector["tokens"],
                       f"search.js splits {json.dumps(vector['input'], ensure_ascii=False)} into "
                       f"{json.dumps(tokens, ensure_ascii=False)}, the table says "
                       f"{json.dumps(vector['tokens'], ensure_ascii=False)}")
            agreement = driver.execute_async_script(AGREEMENT, base + "search/index.json")
            expect(agreement["documents"] > 0, "the index has no documents")
            for problem in agreement["problems"][:10]:
                failures.append("search.js and the index disagree: " + problem)
            print(f"check-search: {len(vectors)} vectors; the titles and departments of "
                  f"{agreement['documents']} documents checked against the index")

            # 2. The header's search box (a GET form) on another page: a word of the demo, or the
            # title of the index's first item (which must then be found).
            query = "使用料" if args.demo else (agreement.get("firstTitle") or "")
            driver.get(server.url_of(""))
            box = driver.find_element("id", "site-search-query")
            box.send_keys(query)
            box.submit()
            status = driver.execute_async_script(WAIT_FOR_SEARCH)
            expect("/search/" in driver.current_url, f"the header's search went to {driver.current_url}")
            expect(status.endswith("件見つかりました。"), f"{query} from the header: status 「{status}」")
            found = results(driver)
            expect(len(found) >= 1, f"{query}: no results")
            expect(driver.find_element("id", "search-query").get_attribute("value") == query,
                   "the query is not put back into the search page's box")
            for result in found:
                expect(result["plan"] or result["kind"] == "ページ", f"a result without its plan: {result}")
                expect(result["kind"] in kinds, f"a result does not say what kind of page it is: {result}")
                expect(result["href"] and exists(result["href"]), f"a result links to a missing page: {result['href']}")
                if result["kind"] != "取組項目":
                    continue
                expect(result["title"] and result["title"].startswith("No."), f"a result without its number: {result}")
                grade = result["grade"] or ""
                expect(len(grade.split(" ")) >= 2 or "評価なし" in (result["meta"] or ""),
                       f"a grade is not written out: {result}")
            expect(any(query in r["title"] or query in (r["snippet"] or "") for r in found),
                   f"{query} is in no result's title or text")
            expect(driver.title.startswith(f"「{query}」の検索結果"), f"page title 「{driver.title}」")

            # The results page passes axe and reflows.
            for width in (1280, 320):
                check_site.set_viewport(driver, width)
                driver.execute_script(axe_source)
                outcome = driver.execute_async_script(
                    check_site.AXE_RUN, {"runOnly": {"type": "tag", "values": check_site.WCAG_TAGS},
                                         "resultTypes": ["violations"]})
                expect(outcome.get("ok"), f"axe could not run: {outcome.get('error')}")
                for rule in outcome.get("violations", []):
                    for node in check_site.nodes_of(rule):
                        failures.append(f"axe at {width} px: {rule['id']}: {node['selector']}: {node['summary']}")
                for node in driver.execute_script(check_site.REFLOW_CHECK):
                    failures.append(f"reflow at {width} px: {node['selector']}: {node['summary']}")
            check_site.set_viewport(driver, 1280)

            # 3. Queries that show how tokens match, on the demo's content.
            if args.demo:
                status = search(server, "受益者負担")
                found = results(driver)
                expect(status.endswith("件見つかりました。"), f"受益者負担: status 「{status}」")
                expect(found and "受益者負担の適正化" in found[0]["title"] and found[0]["kind"] == "取組項目",
                       f"受益者負担: the item must come first: {found}")
                status = search(server, "宇宙飛行士")
                expect("見つかりませんでした" in status and not results(driver),
                       f"宇宙飛行士 must find nothing in the demo: 「{status}」")
                # Plans and standalone pages are found by their text, say what they are and
                # link to their page (a plan without item pages is found too).
                for query, kind, href in (("寄り添い", "計画", "tsukubamirai"), ("このサイト", "ページ", "about/"),
                                          ("伊勢原市", "計画", "isehara"), ("比べやすい", "ページ", "/"),
                                          ("地域協働の推進", "分野", "policies/")):
                    status = search(server, query)
                    found = results(driver)
                    expect(any(r["kind"] == kind and href in (r["href"] or "") and exists(r["href"]) for r in found),
                           f"{query} must find the {kind} at …{href}: 「{status}」 {found}")
                # 使用 is in the demo, 使用済み is not: the query must not shrink to what is found.
                status = search(server, "使用")
                expect(status.endswith("件見つかりました。"), f"使用 must be found: 「{status}」")
                status = search(server, "使用済み")
                expect("見つかりませんでした" in status, f"使用済み must find nothing: 「{status}」")
                status = search(server, "料")
                expect(any("使用料" in r["title"] for r in results(driver)), f"料 must find 使用料: 「{status}」")
                status = search(server, "sn")
                expect(status.endswith("件見つかりました。"), f"sn must find SNS: 「{status}」")
                status = search(server, "ホームページ　リニューアル")
                found = results(driver)
                expect(found and any("ホームページ" in m for r in found for m in r["marks"]),
                       f"ホームページ　リニューアル: the words are not marked: 「{status}」 {found}")
                status = search(server, "、、")
                expect(status.startswith("検索できる語が含まれていません"), f"a query of punctuation: 「{status}」")

            # 4. Without JavaScript: the page explains itself.
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(server.url_of("search/") + "?q=" + urllib.parse.quote("使用料"))
            body = driver.find_element("tag name", "main").text
            expect("JavaScript" in body and "計画ごとの取組項目" in body,
                   "without JavaScript the page does not say why nothing is found")
            expect(not driver.find_element("id", "search-results-section").is_displayed(),
                   "without JavaScript an empty results section is shown")
        finally:
            driver.quit()
        for missing in server.missing:
            failures.append(f"the browser asked for a missing file: {missing['path']}")
    for failure in failures:
        print(f"check-search: {failure}")
    print("check-search: " + ("FAILED" if failures else "PASSED"))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except check_site.SetupError as error:
        print(f"check-search: could not run: {error}", file=sys.stderr)
        sys.exit(2)
