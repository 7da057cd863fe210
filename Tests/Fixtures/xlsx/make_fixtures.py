#!/usr/bin/env python3
"""Writes the .xlsx test fixtures with openpyxl, as a spreadsheet program writes them.

Run from the repository root (see Tests/Fixtures/xlsx/README.md):

    python3 -m venv .build-tools/venv && .build-tools/venv/bin/pip install openpyxl==3.1.5
    .build-tools/venv/bin/python Tests/Fixtures/xlsx/make_fixtures.py

All data is the demo's (Kodaira's published FY H29 results, as in seeds/kodaira-3/H29.csv) or made
up for the tests and says so. The files are rewritten byte for byte the same on every run: the
workbook's creation and modification times are fixed.
"""
import csv
import datetime
import io
import os
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(ROOT)))
FIXED = datetime.datetime(2025, 4, 1, 9, 0, 0)


def save(workbook, path):
    """Saves with fixed times, and with every ZIP entry dated the same, so reruns give the same bytes."""
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            # openpyxl writes the time of the run into docProps/core.xml's modified date.
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-01T09:00:00Z</dcterms:modified>', data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2025, 4, 1, 9, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, data)


NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
PERCENT = re.compile(r"^([0-9]+(\.[0-9]+)?)%$")


def typed(text):
    """A CSV cell as a person types it into Excel: plain numbers become numbers, 94.3% a number
    formatted as a percentage; anything else (9,718人, 80%台) stays text."""
    if NUMBER.match(text):
        return (float(text) if "." in text else int(text)), None
    match = PERCENT.match(text)
    if match:
        decimals = len(match.group(2) or "") - 1 if match.group(2) else 0
        return round(float(match.group(1)) / 100, 10), "0." + "0" * decimals + "%" if decimals else "0%"
    return text, None


def kodaira():
    """seeds/kodaira-3/H29.csv as a workbook: the same cells, typed as in Excel, with 年度 merged down
    the whole table and 番号, 取組項目 and 評価 merged down each item's rows (Excel saves those
    merged cells empty in the CSV, and the CSV reader repeats the row above). A hidden sheet of notes
    is not read."""
    with open(os.path.join(REPO, "seeds/kodaira-3/H29.csv"), encoding="cp932", newline="") as file:
        rows = list(csv.reader(file))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "進捗一覧"
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            value, number_format = typed(text) if r > 1 else (text, None)
            cell = sheet.cell(row=r, column=c, value=value)
            if number_format:
                cell.number_format = number_format
            if "\n" in text:
                cell.alignment = Alignment(wrap_text=True)
    # 年度 merged down every data row.
    sheet.merge_cells(start_row=2, start_column=1, end_row=len(rows), end_column=1)
    # An item's rows: 番号, 取組項目 and 評価 merged down them (their CSV repeats 番号 and 取組項目).
    numbers = [row[1] for row in rows]
    r = 1
    while r < len(rows):
        end = r
        while end + 1 < len(rows) and numbers[end + 1] == numbers[r]:
            end += 1
        if end > r:
            for c in (2, 3, 4):
                sheet.merge_cells(start_row=r + 1, start_column=c, end_row=end + 1, end_column=c)
        r = end + 1
    notes = workbook.create_sheet("メモ")
    notes["A1"] = "このシートは非表示です（テスト用の作り話）"
    notes["B2"] = "読まれないはずの列"
    notes.sheet_state = "hidden"
    save(workbook, os.path.join(ROOT, "kodaira-H29.xlsx"))


def formats():
    """Made-up values (for the tests only) in the forms Excel stores them: a rich-text header, a
    number typed as text, percentages, a date in a Japanese era format, a formula with its cached
    value is not possible with openpyxl (it writes no values for formulas), so it is in the invalid
    fixture instead."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "R7 進捗"
    header = ["年度", "番号", "評価", "指標", "実績値", "効果額（千円）"]
    for c, text in enumerate(header, start=1):
        sheet.cell(row=1, column=c, value=text)
    sheet["C1"] = CellRichText([TextBlock(InlineFont(b=True), "評"), "価"])
    sheet["A2"] = "令和7年度"
    sheet["B2"] = "1"  # a number typed as text
    sheet["C2"] = "A"
    sheet["D2"] = "オンライン申請割合"
    sheet["E2"] = 0.355
    sheet["E2"].number_format = "0.0%"
    sheet["F2"] = 1200
    sheet["F2"].number_format = "#,##0"
    sheet["B3"] = 2
    sheet["C3"] = "B"
    sheet["D3"] = "処理時間"
    sheet["E3"] = "40分"
    sheet["F3"] = -300
    sheet["F3"].number_format = '#,##0;"△"#,##0'
    save(workbook, os.path.join(ROOT, "formats.xlsx"))


def subitems():
    """subitems-R6.csv (made-up results of the fixture site, with results for item 3's sub-items)
    as a workbook: 30.0 as 30 in the format 0.0, 300 as a number, △100 as -100 in the format
    #,##0;"△"#,##0; 年度 merged down the table, and item 3's 番号 and 取組項目 merged down its own
    row and its two sub-item rows (the CSV leaves them empty there). Must build the same pages as the
    Shift_JIS CSV and as the YAML of Tests/Fixtures/fidelity/subitems (SubItemSheetTests)."""
    with open(os.path.join(ROOT, "subitems-R6.csv"), encoding="cp932", newline="") as file:
        rows = list(csv.reader(file))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "取組結果"
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            value, number_format = (text, None) if r == 1 else typed(text)
            if r > 1 and re.match(r"^[0-9]+\.[0-9]+$", text):
                value, number_format = float(text), "0." + "0" * len(text.split(".")[1])
            if r > 1 and re.match(r"^△[0-9]+$", text):
                value, number_format = -int(text[1:]), '#,##0;"△"#,##0'
            cell = sheet.cell(row=r, column=c, value=value)
            if number_format:
                cell.number_format = number_format
            if "\n" in text:
                cell.alignment = Alignment(wrap_text=True)
    sheet.merge_cells(start_row=2, start_column=1, end_row=len(rows), end_column=1)
    item3 = next(r for r, row in enumerate(rows, start=1) if row[1] == "3")
    for c in (2, 4):
        sheet.merge_cells(start_row=item3, start_column=c, end_row=len(rows), end_column=c)
    save(workbook, os.path.join(ROOT, "subitems-R6.xlsx"))


def invalid_subitem():
    """Tests/Fixtures/invalid/xlsx-subitem: made-up sub-item cells, a number item 3 does not list
    and 細目の評価 on a row without 細目番号 (番号 merged down the item's rows)."""
    base = os.path.join(REPO, "Tests/Fixtures/invalid")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "進捗一覧"
    for c, text in enumerate(["番号", "細目番号", "細目の評価"], start=1):
        sheet.cell(row=1, column=c, value=text)
    sheet.append([3, 1, "A"])
    sheet.append([None, 5, "B"])
    sheet.append([None, None, "C"])
    sheet.merge_cells("A2:A4")
    save(workbook, os.path.join(base, "xlsx-subitem/seeds/test-plan/R7.xlsx"))


def invalid():
    """Workbooks for Tests/Fixtures/invalid/: made-up data, each with one problem."""
    base = os.path.join(REPO, "Tests/Fixtures/invalid")

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "進捗一覧"
    for c, text in enumerate(["年度", "番号", "評価", "指標", "実績値", "効果額（千円）"], start=1):
        sheet.cell(row=1, column=c, value=text)
    sheet.append(["令和7年度", 1, "B", "オンライン申請割合", 0.355, "1,0x0"])
    sheet["E2"].number_format = "0.0%"
    sheet.append([None, 2, "B", "処理時間", "40分", "=SUM(1,2)"])
    save(workbook, os.path.join(base, "xlsx-bad-cell/seeds/test-plan/R7.xlsx"))

    invalid_subitem()

    workbook = Workbook()
    workbook.active.title = "進捗一覧"
    hidden = workbook.create_sheet("集計")
    hidden["A1"] = "番号"
    hidden.sheet_state = "hidden"
    save(workbook, os.path.join(base, "xlsx-all-empty/seeds/test-plan/R7.xlsx"))

    # An Excel 97-2003 workbook (BIFF8), written by xlwt.
    import xlwt
    old = xlwt.Workbook(encoding="utf-8")
    old_sheet = old.add_sheet("進捗一覧")
    for c, text in enumerate(["年度", "番号", "評価"]):
        old_sheet.write(0, c, text)
    old_sheet.write(1, 0, "令和7年度")
    old_sheet.write(1, 1, 1)
    old_sheet.write(1, 2, "B")
    os.makedirs(os.path.join(base, "xlsx-old-xls/seeds/test-plan"), exist_ok=True)
    old.save(os.path.join(base, "xlsx-old-xls/seeds/test-plan/R7.xls"))
    # The same .xls renamed .xlsx.
    os.makedirs(os.path.join(base, "xlsx-renamed-xls/seeds/test-plan"), exist_ok=True)
    old.save(os.path.join(base, "xlsx-renamed-xls/seeds/test-plan/R7.xlsx"))

    # A workbook saved with a password (password: test), encrypted by msoffcrypto-tool as Excel does
    # (ECMA-376 agile encryption in an OLE compound file).
    import msoffcrypto.format.ooxml
    plain = os.path.join(ROOT, "formats.xlsx")
    os.makedirs(os.path.join(base, "xlsx-encrypted/seeds/test-plan"), exist_ok=True)
    with open(plain, "rb") as source, open(os.path.join(base, "xlsx-encrypted/seeds/test-plan/R7.xlsx"), "wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("test", out)

    # A CSV file named .xlsx.
    os.makedirs(os.path.join(base, "xlsx-not-a-workbook/seeds/test-plan"), exist_ok=True)
    with open(os.path.join(base, "xlsx-not-a-workbook/seeds/test-plan/R7.xlsx"), "wb") as out:
        out.write("年度,番号,評価\r\n令和7年度,1,B\r\n".encode("cp932"))


if __name__ == "__main__":
    # With names (e.g. `make_fixtures.py subitems`), only those: invalid() re-encrypts with a new salt.
    import sys
    wanted = sys.argv[1:] or ["kodaira", "formats", "subitems", "invalid"]
    for name in wanted:
        {"kodaira": kodaira, "formats": formats, "subitems": subitems, "invalid": invalid,
         "invalid-subitem": invalid_subitem}[name]()
