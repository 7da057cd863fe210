#!/usr/bin/env python3
"""Opens every Excel workbook of built sites with openpyxl (a spreadsheet library that is not
Mieruka's) and checks that each shows what the CSV beside it holds.

    check-xlsx-downloads.py [--seed WORKBOOK.xlsx AS_SAVED.csv] SITE_FOLDER...

For each `<plan>/data/<name>.xlsx` of a site folder:
- the workbook has one sheet, its header row is bold and frozen, and prints on every page;
- every cell shows, as Excel would show it, the text of the same cell of `<name>.csv` (UTF-8 with a
  byte-order mark): a text cell is the text; a number cell, formatted with its number format
  (`0`, `0.0`, `0.00` ...), is the CSV's text, so no digit and no decimal place is lost.

With --seed, a workbook meant for `seeds/` (the one `mieruka init` writes) is opened too, and each
cell shown as Excel shows it (General, 0%, #,##0) must be the cell of AS_SAVED.csv, the CSV a member
of staff would save from it.
Exits 1 with the differences when anything differs, 0 otherwise.
"""
import csv
import glob
import os
import re
import sys
from decimal import Decimal

import openpyxl


def shown(cell):
    """A cell's value as Excel shows it with the formats Mieruka writes."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    number_format = cell.number_format
    match = re.fullmatch(r"0(?:\.(0+))?", number_format)
    if match:
        decimals = len(match.group(1) or "")
        return f"{Decimal(repr(value)):.{decimals}f}"
    if number_format == "General":
        return str(value) if isinstance(value, int) or not float(value).is_integer() else str(int(value))
    if number_format == "0%":
        return f"{Decimal(repr(value)) * 100:.0f}%"
    if number_format == "#,##0":
        return f"{Decimal(repr(value)):,.0f}"
    raise ValueError(f"{cell.coordinate}: unexpected number format {number_format!r}")


def check(path, csv_path=None):
    problems = []
    csv_path = csv_path or path[: -len(".xlsx")] + ".csv"
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.reader(handle))
    workbook = openpyxl.load_workbook(path)
    if len(workbook.worksheets) != 1:
        problems.append(f"{len(workbook.worksheets)} sheets, not 1")
    sheet = workbook.worksheets[0]
    if sheet.freeze_panes != "A2":
        problems.append(f"the header row is not frozen ({sheet.freeze_panes})")
    if sheet.print_title_rows not in ("1:1", "$1:$1"):
        problems.append(f"the header row does not print on every page ({sheet.print_title_rows})")
    rows = list(sheet.iter_rows())
    if rows and not all(cell.font.b for cell in rows[0] if cell.value is not None):
        problems.append("the header row is not bold")
    if len(rows) != len(expected):
        problems.append(f"{len(rows)} rows, the CSV has {len(expected)}")
    for number, (row, wanted) in enumerate(zip(rows, expected), start=1):
        got = [shown(cell) for cell in row]
        got += [""] * (len(wanted) - len(got))
        if got != wanted:
            problems.append(f"row {number}: {got} != {wanted}")
            if len(problems) > 5:
                break
    return problems, len(rows), sum(1 for row in rows for cell in row if isinstance(cell.value, (int, float)))


def main(arguments):
    failed = False
    checked = 0
    seeds = []
    while "--seed" in arguments:
        at = arguments.index("--seed")
        seeds.append((arguments[at + 1], arguments[at + 2]))
        del arguments[at : at + 3]
    # (workbook, the CSV it must read as or None for the one beside it, how to name it)
    workbooks = [(path, saved, f"{path}: {{}}, as {saved}") for path, saved in seeds]
    for folder in arguments:
        paths = sorted(glob.glob(os.path.join(folder, "*", "data", "*.xlsx")))
        if not paths:
            print(f"{folder}: no workbooks under */data/", file=sys.stderr)
            failed = True
        workbooks += [(path, None, f"{os.path.relpath(path, folder)}: {{}}") for path in paths]
    for path, saved, name in workbooks:
        problems, rows, numbers = check(path, saved) if saved else check(path)
        checked += 1
        if problems:
            failed = True
            print(f"{path}:", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
        else:
            print("ok " + name.format(f"{rows} rows, {numbers} number cells"))
    print(f"check-xlsx-downloads.py: {checked} workbooks opened with openpyxl {openpyxl.__version__}"
          + (", all as their CSV" if not failed else ", with differences"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
