#!/usr/bin/env python3
"""Do Mieruka's pages carry the information of Hugo's? Compare two built benchmark sites.

    bench/compare_information.py HUGO_OUT MIERUKA_OUT [--sample N] [--show 10]

The two sites render the same corpus with different templates, so their markup cannot be compared
(../shared/bench/compare_html.py compares markup). Instead, for every HTML page of the Hugo site,
the visible text (without <head>, scripts and tags) is split into words, and every word must
appear in the text of the page at the same path in the Mieruka site, after normalising what the
two write differently on purpose:

- thousands separators ("1,647" and "1647"), negative signs ("-731" and "△731"), the range
  sign (〜 and ～) and a period's first 年度 ("2017年度～2021年度" is "2017～2021年度"), full-width
  and half-width forms;
- units written after the number ("1,647千円" holds "1647" and "千円");
- Hugo's navigation words and the labels of its tables, which Mieruka words otherwise (listed in
  HUGO_CHROME and HUGO_LABELS, and counted in the output so nothing is hidden), and the grade
  legend Hugo prints under every page;
- percentages that the two round differently (Hugo half to even, Mieruka half away from zero),
  counted apart.

It prints the pages compared, the words checked, and every word of Hugo's that Mieruka's page
lacks, most frequent first. Exit status 0 when none is missing.
"""
import argparse
import collections
import html
import os
import random
import re
import sys
import unicodedata

# Words of Hugo's reference templates that are its page chrome, not the corpus's data: its site
# name, navigation and the legend it prints under every page. Mieruka has its own.
HUGO_CHROME = {"本文へスキップ", "行財政改革", "取組進捗報告", "行財政改革推進本部事務局"}
# Labels Hugo's templates give to data that Mieruka's label otherwise (the data itself is compared):
# 最新評価 is 「評価（2021年度）」, 担当部局 is 「担当」, 財政効果額（千円）/実績額 are 「財政効果額の推移
# （単位：千円）」/「実績効果額」.
# On the plan and home pages: 取組一覧/番号/取組名 are 「取組項目の一覧」/No/取組項目, 方針別の評価集計
# is 「評価の分布」, A・B割合 is 「A・Bの割合」, 財政効果額（計画期間累計）/見込額（千円）/実績額（千円） are
# the 累計 row of 「年度別の財政効果額」, 自治体/取組数 are the plan card's city and 「取組項目 N項目」.
HUGO_LABELS = {
    "最新評価", "担当部局", "財政効果額(千円)", "実績額", "取組一覧", "番号", "取組名", "方針別の評価集計",
    "A・B割合", "財政効果額(計画期間累計)", "見込額(千円)", "実績額(千円)", "自治体", "取組数",
    # The home page: Hugo's sentence around the two totals (Mieruka: 「掲載している計画 20件、取組項目
    # 計9,980項目」), its heading and columns (計画の一覧, the card's title and 「方針 5」), its breadcrumb.
    "ホーム", "各自治体の行財政改革推進計画に基づく取組の進捗状況。掲載計画数", "件、取組総数", "件。", "計画一覧",
    "計画名", "方針数",
}
# Hugo prints the grading scale's legend under every page (評価区分： A 達成 …); Mieruka spells each
# grade out where it is used, so the legend is left out of the comparison.
LEGEND = re.compile(r"評価区分[:：].*$", re.S)
# Percentages: Hugo rounds half to even (Go's %.1f: 81.25 → 81.2), Mieruka half away from zero as
# Japanese reports do (四捨五入: 81.3). A percentage one tenth away is counted as rounded, not missing.
PERCENT = re.compile(r"^(-?\d+\.\d)%$")
# Hugo writes a policy's id ("P4") beside its title; Mieruka shows the title (the id is in the URL
# of the policy page and in the data downloads).
POLICY_ID = re.compile(r"^P\d+$")


def visible_text(path):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    text = re.sub(r"<head>.*?</head>", " ", text, flags=re.S)
    text = re.sub(r"<script.*?</script>", " ", text, flags=re.S)
    text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.S)  # charts repeat the tables' numbers
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


def normalise(text):
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("〜", "～").replace("~", "～")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,647 → 1647
    text = re.sub(r"△(?=\d)", "-", text)  # △731 → -731
    text = re.sub(r"(\d{4})年度～(\d{4})年度", r"\1～\2年度", text)  # 2017年度～2021年度 → 2017～2021年度
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("hugo")
    parser.add_argument("mieruka")
    parser.add_argument("--sample", type=int, default=0, help="compare N pages (seeded sample; 0 = all)")
    parser.add_argument("--show", type=int, default=10, help="how many missing words to list")
    args = parser.parse_args()

    pages = []
    for root, _dirs, files in os.walk(args.hugo):
        for name in files:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(root, name), args.hugo))
    pages.sort()
    if args.sample and args.sample < len(pages):
        pages = sorted(random.Random(1).sample(pages, args.sample))

    missing_pages = []
    missing = collections.Counter()
    examples = {}
    chrome = collections.Counter()
    rounded = collections.Counter()
    words_checked = 0
    for page in pages:
        other = os.path.join(args.mieruka, page)
        if not os.path.exists(other):
            missing_pages.append(page)
            continue
        theirs = LEGEND.sub("", normalise(visible_text(os.path.join(args.hugo, page))))
        ours = normalise(visible_text(other))
        for word in theirs.split():
            if word in HUGO_CHROME or word in HUGO_LABELS or POLICY_ID.match(word):
                chrome[word] += 1
                continue
            words_checked += 1
            if word in ours:
                continue
            percent = PERCENT.match(word)
            if percent and any(f"{float(percent.group(1)) + d:.1f}%" in ours for d in (-0.1, 0.1)):
                rounded[word] += 1
                continue
            missing[word] += 1
            examples.setdefault(word, page)

    print(f"pages compared: {len(pages) - len(missing_pages)} of {len(pages)} (Hugo's pages at the same paths)")
    print(f"words checked: {words_checked}; Hugo's page chrome and labels left out: {sum(chrome.values())} "
          f"({', '.join(f'{w} ×{n}' for w, n in chrome.most_common())})")
    if rounded:
        print(f"percentages rounded half away from zero (四捨五入) where Hugo rounds half to even: "
              f"{sum(rounded.values())} ({', '.join(f'{w} ×{n}' for w, n in rounded.most_common(5))} …)")
    for page in missing_pages[: args.show]:
        print(f"  no Mieruka page at {page}")
    if missing:
        print(f"words of Hugo's pages missing from Mieruka's: {sum(missing.values())} ({len(missing)} distinct)")
        for word, count in missing.most_common(args.show):
            print(f"  {word!r} ×{count}, e.g. {examples[word]}")
    else:
        print("every word of Hugo's pages is on Mieruka's page at the same path")
    return 0 if not missing and not missing_pages else 1


if __name__ == "__main__":
    sys.exit(main())
