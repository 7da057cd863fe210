import MierukaDiagnostics
import MierukaModel
import MierukaSource
import Testing

/// Rows into results: values as people type them, one row per KPI, merged cells, locations, and
/// every bad cell reported with its reference.
@Suite struct CSVResultsReaderTests {
    @Test(arguments: [
        ("平成29年度", 2017), ("H29", 2017), ("R6", 2024), ("令和元年度", 2019), ("2024", 2024), ("２０２４年度", 2024),
    ])
    func yearsAsTyped(text: String, year: Int) {
        let (results, diagnostics) = CSVTestSite.read("年度,番号\n\(text),1\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        #expect(results.first?.year.value == FiscalYear(year))
        #expect(results.first?.year.location == SourceLocation(file: "seeds/p/R6.csv", line: 2, column: 1))
    }

    @Test func kpiValuesAsTyped() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            番号,指標,実績値,実績値の表記
            1,来場者数,１４人,
            1,経常収支比率,△2.5%,
            3,visitors,"9,718",
            3,ratio,▲1,
            3,districts,約340万件,
            3,来場者数,3400000,約340万件
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let items = try #require(results.first?.results)
        let one = items[0].kpiActuals.map(\.value)
        #expect(one[0].number == DecimalNumber(14) && one[0].writtenUnit == "人")
        #expect(one[1].number == DecimalNumber(units: -25, scale: 1) && one[1].writtenUnit == "%")
        let three = items[1].kpiActuals.map(\.value)
        #expect(three[0].number == DecimalNumber(9718) && three[0].writtenUnit == nil)
        #expect(three[1].number == DecimalNumber(-1))
        #expect(three[2].number == nil && three[2].text == "約340万件")
        #expect(three[3].number == DecimalNumber(3_400_000) && three[3].text == "約340万件")
        // The KPI actual is located at its 指標 cell, its value at the 実績値 cell.
        #expect(items[0].kpiActuals[1].location == SourceLocation(file: "seeds/p/R6.csv", line: 3, column: 2))
        #expect(items[0].kpiActuals[1].value.location == SourceLocation(file: "seeds/p/R6.csv", line: 3, column: 3))
    }

    @Test func aNumberWhoseUnitGoesOnIsAWording() throws {
        // 「80%台」 for a KPI in %, 「2地区（…）」 for one in 地区: shown as written, not a number.
        let (results, diagnostics) = CSVTestSite.read("番号,指標,実績値\n1,ratio,80%台\n1,districts,2地区（学園西町地区）\n1,visitors,9718人\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let values = try #require(results.first?.results.first?.kpiActuals.map(\.value))
        #expect(values[0].number == nil && values[0].text == "80%台")
        #expect(values[1].number == nil && values[1].text == "2地区（学園西町地区）")
        #expect(values[2].number == DecimalNumber(9718) && values[2].writtenUnit == "人")
    }

    @Test func moneyAsTyped() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            番号,効果見込額,効果額
            1,"1,234千円",△200
            2,"▲1,000万円",28.6億円
            3,,"１，５００"
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let items = try #require(results.first?.results)
        #expect(items[0].effect?.expected?.money(defaultUnit: .yen) == Money(yen: 1_234_000))
        #expect(items[0].effect?.actual?.money(defaultUnit: .thousandYen) == Money(yen: -200_000))
        #expect(items[1].effect?.expected?.money(defaultUnit: .yen) == Money(yen: -10_000_000))
        #expect(items[1].effect?.actual?.money(defaultUnit: .yen) == Money(yen: 2_860_000_000))
        #expect(items[2].effect?.expected == nil)
        #expect(items[2].effect?.actual?.amount == DecimalNumber(1500))
        #expect(items[2].effect?.location == SourceLocation(file: "seeds/p/R6.csv", line: 4, column: 3))
    }

    @Test func aHeaderTheSiteMapsWholeStillGivesItsUnit() throws {
        let config = "title: テスト\ncsv:\n  columns: {実績額（万円）: effect_actual, 見込（単位：千円）: effect_expected}\n"
        let (results, diagnostics) = CSVTestSite.read("番号,見込（単位：千円）,実績額（万円）\n1,500,10\n", config: config)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let effect = try #require(results.first?.results.first?.effect)
        #expect(effect.actual?.money(defaultUnit: .yen) == Money(yen: 100_000))
        #expect(effect.expected?.money(defaultUnit: .yen) == Money(yen: 500_000))
    }

    @Test func aFileWithOnlyItsHeaderIsSaidToHoldNothing() {
        let (results, diagnostics) = CSVTestSite.read("年度,番号,評価\n,,\n")
        #expect(results.isEmpty)
        #expect(diagnostics.positioned == ["1:1 warning: the CSV file has its header and no rows: no results are read from it"])
    }

    @Test func theEraYearIsComparedWithAYearCarriedFromTheRowAbove() {
        let (_, diagnostics) = CSVTestSite.read(
            """
            年度,和暦年度,番号,評価
            R6,令和6年度,1,B
            ,令和6年度,2,C
            ,令和7年度,3,A
            """)
        #expect(
            diagnostics.positioned == [
                "4:2 error: cell B4 (和暦年度): \"令和7年度\" is not the same year as this row's 年度, 2024年度 "
                    + "(its cell is empty, so it repeats the row above or the file's name)"
            ])
    }

    @Test func oneRowPerKPIWithTheItemsCellsOnceOrRepeated() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            年度,番号,取組項目,評価,指標,実績値,進捗状況
            R6,1,項目1,B,来場者数,9718人,"来場者は
            やや減った。"
            R6,1,項目1,,経常収支比率,92.6%,
            R6,1,項目1,B,地区数,2地区,"来場者は
            やや減った。"
            R6,2,項目2,A,,,
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        #expect(results.count == 1)
        let items = try #require(results.first?.results)
        #expect(items.map { $0.item?.value } == ["1", "2"])
        #expect(items[0].grade?.value == "B")
        #expect(items[0].grade?.location == SourceLocation(file: "seeds/p/R6.csv", line: 2, column: 4))
        #expect(items[0].progress == "来場者は\nやや減った。")
        #expect(items[0].kpiActuals.map { $0.kpi?.value } == ["来場者数", "経常収支比率", "地区数"])
        // A multi-line cell is one row: item 2 is on row 5.
        #expect(items[1].location == SourceLocation(file: "seeds/p/R6.csv", line: 5, column: 2))
    }

    @Test func anAmountRepeatedInAnotherFormIsTheSame() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            番号,効果額,指標,実績値
            1,"１，２００",来場者数,1
            1,1200,地区数,2
            2,"1,000",,
            2,"1,001",,
            """)
        #expect(diagnostics.positioned.count == 1, "\(diagnostics.positioned)")
        #expect(diagnostics.positioned.first?.hasPrefix("5:2 error: cell B5 (効果額): \"1,001\" differs from \"1,000\" in cell B4") == true)
        #expect(results.first?.results.first?.effect?.actual?.amount == DecimalNumber(1200))
    }

    @Test func aDifferentRepeatIsAnErrorNamingBothCells() throws {
        let (_, diagnostics) = CSVTestSite.read("番号,評価,指標,実績値\n1,B,来場者数,1\n1,A,地区数,2\n")
        #expect(diagnostics.positioned == [
            "3:2 error: cell B3 (評価): \"A\" differs from \"B\" in cell B2, on another row of item 1 for the same year"
        ])
    }

    @Test func emptyKeyCellsRepeatTheRowAboveAsMergedCellsDo() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            年度,番号,評価,指標,実績値
            R5,1,A,来場者数,1
            ,,,地区数,2
            R6,2,B,,
            ,3,C,,
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        #expect(results.map(\.year.value) == [FiscalYear(2023), FiscalYear(2024)])
        #expect(results[0].results.first?.kpiActuals.count == 2)
        #expect(results[1].results.map { $0.item?.value } == ["2", "3"])
    }

    @Test func thePlanAndYearFromTheFolderAndTheFileName() throws {
        let fromPath = CSVTestSite.read(["seeds/p/2024/令和6年度.csv": "番号,評価\n1,A\n"])
        #expect(fromPath.diagnostics.isEmpty, "\(fromPath.diagnostics.positioned)")
        #expect(fromPath.results.first?.plan.value == "p")
        #expect(fromPath.results.first?.year.value == FiscalYear(2024))

        let fromColumns = CSVTestSite.read(["seeds/all.csv": "計画,年度,番号,評価\np,R5,1,A\nq,R6,1,B\n"])
        #expect(fromColumns.diagnostics.isEmpty, "\(fromColumns.diagnostics.positioned)")
        #expect(fromColumns.results.map(\.plan.value) == ["p", "q"])
        #expect(fromColumns.results.first?.plan.location == SourceLocation(file: "seeds/all.csv", line: 2, column: 1))

        let neither = CSVTestSite.read(["seeds/all.csv": "番号,評価\n1,A\n"])
        #expect(neither.diagnostics.sorted.map(\.message) == [
            "the file does not say which fiscal year its results are for",
            "the file does not say which plan its results are for",
        ])
    }

    /// City staff name a second file of a year after the year and what it holds (R6-8月末.csv for
    /// the results at 8月末): the year is the name's part before the first -, _ or space.
    @Test func theYearFromAFileNameThatSaysMoreThanTheYear() throws {
        for name in ["R6-8月末.csv", "令和6年度_追加分.csv", "2024 見直し後.csv", "R6－8月末.csv"] {
            let read = CSVTestSite.read(["seeds/p/" + name: "番号,評価\n1,A\n"])
            #expect(read.diagnostics.isEmpty, "\(name): \(read.diagnostics.positioned)")
            #expect(read.results.first?.year.value == FiscalYear(2024), "\(name)")
        }
        // A name whose first part is no year still needs a 年度 column.
        for name in ["8月末-R6.csv", "-R6.csv", "results.csv"] {
            let read = CSVTestSite.read(["seeds/p/" + name: "番号,評価\n1,A\n"])
            #expect(read.diagnostics.sorted.map(\.message) == ["the file does not say which fiscal year its results are for"], "\(name)")
        }
    }

    @Test func everyBadCellIsReportedWithItsReference() {
        let (_, diagnostics) = CSVTestSite.read(
            """
            年度,番号,評価,指標,実績値,効果額（千円）,
            平成99年度,1,A,来場者数,1.2E+03,"1,0x0",
            R6,,B,,5人,,メモ
            R6,2,B,地区数,,,
            """)
        #expect(diagnostics.positioned == [
            "2:1 error: cell A2 (年度): \"平成99年度\" is not a fiscal year",
            "2:5 error: cell E2 (実績値): \"1.2E+03\" is a number in exponent form, which loses digits",
            "2:6 error: cell F2 (効果額（千円）): \"1,0x0\" is not an amount of money",
            "3:5 error: cell E3 (実績値): \"5人\" is for no KPI: 「指標」 is empty on this row",
            "3:7 error: cell G3: \"メモ\" is in a column that is not read",
            "4:4 error: cell D4 (指標): the KPI \"地区数\" has no 「実績値」 on this row",
        ])
    }

    @Test func theFirstRowNeedsANumber() {
        let (_, diagnostics) = CSVTestSite.read("番号,評価\n,A\n,B\n")
        #expect(diagnostics.positioned == ["2:1 error: cell A2 (番号) is empty"])
    }

    @Test func titlesAndTargetsAreComparedWithTheItems() {
        let (_, diagnostics) = CSVTestSite.read(
            """
            番号,取組項目,指標,目標値,実績値
            1,項目１,来場者数,"10,000人",1
            1,項目1,ratio,80%台,1
            1,項目1,districts,4地区,1
            13,項目3,,,
            2,項目二,,,
            1,項目1,来場者数,"12,000",2
            """)
        #expect(diagnostics.positioned == [
            "6:2 warning: cell B6 (取組項目): \"項目二\" is not the title of item 2, 「項目2」",
            "7:4 warning: cell D7 (目標値): \"12,000\" is not the target of the KPI 「来場者数」, which is 「1万人以上」 (content/p/a.md:9:13)",
        ])
    }

    @Test func aQuoteNeverClosedIsOneErrorAtItsCell() {
        let (results, diagnostics) = CSVTestSite.read("番号,進捗状況\n1,\"進めた。\n2,遅れた。\n")
        #expect(results.isEmpty)
        #expect(diagnostics.positioned == ["2:2 error: cell B2 (進捗状況): the quote that opens this cell is never closed"])
    }
}
