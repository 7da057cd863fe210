#!/usr/bin/env python3
"""Turn the reference benchmark corpus into a Mieruka site holding the same data.

    python3 bench/convert_corpus.py CORPUS_CONTENT_DIR OUT_SITE_DIR

The reference corpus (../shared/bench/gen_corpus.py, a seeded, made-up corpus: not real data) is
written for Hugo: `content/<plan>/_index.md` and `content/<plan>/<item>.md` with front matter in
Hugo's shape. This writes the same plans and items in Mieruka's format:

- plan: city, title, period from period_start/period_end, the A-D scale the reference templates
  use (A 達成, B 概ね順調, C 遅れ, D 大幅な遅れ) with the share of A and B their pages show
  (grade_share), money in 千円, policies P1-P5;
- item: number (T0001), title, policy, department, the two KPIs with baseline, target and one
  actual per year carrying that KPI's status as its grade;
- results: one per fiscal year, whose grade is the worst KPI status of the year (the reference's
  "latest status" is the worst status among the KPIs' final-year results) and whose effect is the
  sum of the KPIs' expected and actual effects of the year (as the reference's effect table sums
  them);
- the Markdown body unchanged.
"""
import multiprocessing
import os
import sys

import yaml

# libyaml's loader when PyYAML has it (Debian's python3-yaml does): the pure-Python one spent most
# of the conversion's time, about 45 minutes for 50,000 documents on a busy machine.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LABELS = [("A", "達成"), ("B", "概ね順調"), ("C", "遅れ"), ("D", "大幅な遅れ")]
RANK = {code: index for index, (code, _) in enumerate(LABELS)}


def q(value):
    """YAML double-quoted scalar."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def num(value):
    return "%.1f" % value if isinstance(value, float) else str(value)


def split(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=LOADER), body


def plan_document(front, body):
    lines = [
        "---",
        "city: " + q(front["city"]),
        "title: " + q(front["title"]),
        "period: {from: %d, to: %d}" % (front["period_start"], front["period_end"]),
        "year_style: western",
        "money_unit: 千円",
        "grades:",
    ]
    lines += ["  - {code: %s, label: %s}" % (code, label) for code, label in LABELS]
    # The reference's pages show the share of A and B grades (A・B割合); a Mieruka plan shows a
    # share only where the plan names the grades it counts, so the converted plan names them.
    lines += ["grade_share: {grades: [A, B], label: A・B}"]
    lines.append("policies:")
    for policy in front["policies"]:
        lines.append("  - {id: %s, title: %s}" % (q(policy["id"]), q(policy["title"])))
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def item_document(front, body):
    lines = [
        "---",
        "number: " + q(front["id"]),
        "title: " + q(front["title"]),
        "policy: " + q(front["policy"]),
        "departments: [%s]" % q(front["department"]),
        "kpis:",
    ]
    years = {}
    for index, kpi in enumerate(front["kpis"], start=1):
        lines += [
            "  - id: k%d" % index,
            "    name: " + q(kpi["name"]),
            "    unit: " + q(kpi["unit"]),
            "    baseline: {year: %d, value: %s}" % (kpi["baseline"]["year"], num(kpi["baseline"]["value"])),
            "    target: {year: %d, value: %s}" % (kpi["target"]["year"], num(kpi["target"]["value"])),
            "    actuals:",
        ]
        for result in kpi["results"]:
            lines.append("      - {year: %d, value: %s, grade: %s}" % (result["year"], num(result["actual"]), result["status"]))
            entry = years.setdefault(result["year"], {"grade": "A", "expected": 0, "actual": 0})
            if RANK[result["status"]] > RANK[entry["grade"]]:
                entry["grade"] = result["status"]
            entry["expected"] += result["effect_expected"]
            entry["actual"] += result["effect_actual"]
    lines.append("results:")
    for year in sorted(years):
        entry = years[year]
        lines.append("  - {year: %d, grade: %s, effect: {expected: %d, actual: %d}}"
                     % (year, entry["grade"], entry["expected"], entry["actual"]))
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def convert(job):
    """Converts one document; returns 1 (for the count)."""
    source_path, out_path, is_plan = job
    front, body = split(source_path)
    text = plan_document(front, body) if is_plan else item_document(front, body)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    return 1


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    source, out = argv[1], argv[2]
    content = os.path.join(out, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(out, "mieruka.yml"), "w", encoding="utf-8") as f:
        f.write("# Benchmark corpus (made-up data generated by gen_corpus.py).\ntitle: 行財政改革の見える化（ベンチマーク）\nbase_url: /\n")
    jobs = []
    for plan in sorted(os.listdir(source)):
        plan_dir = os.path.join(source, plan)
        if not os.path.isdir(plan_dir):
            continue
        os.makedirs(os.path.join(content, plan), exist_ok=True)
        for name in sorted(os.listdir(plan_dir)):
            if name.endswith(".md"):
                jobs.append((os.path.join(plan_dir, name), os.path.join(content, plan, name), name == "_index.md"))
    # Each document is converted on its own, so the work is spread over the machine's cores (the
    # YAML constructor is Python even with libyaml's parser).
    with multiprocessing.Pool() as pool:
        count = sum(pool.imap_unordered(convert, jobs, chunksize=64))
    print("converted %d documents into %s" % (count, out), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
