import MierukaDiagnostics
import MierukaModel
import MierukaSource
import Testing

/// Which column holds what: Japanese headers as cities write them, English keys, the site's own
/// names from mieruka.yml, and units in headers.
@Suite struct CSVHeaderTests {
    @Test func japaneseHeaders() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            年度,番号,取組項目,評価,進捗状況,要因,今後の対応,指標,実績値,効果見込額,効果額
            R6,1,項目1,A,進めた。,予算不足,続ける。,来場者数,"9,718人",100,80
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let result = try #require(results.first?.results.first)
        #expect(result.item?.value == "1")
        #expect(result.grade?.value == "A")
        #expect(result.progress == "進めた。")
        #expect(result.factors == "予算不足")
        #expect(result.nextSteps == "続ける。")
        #expect(result.kpiActuals.first?.kpi?.value == "来場者数")
        #expect(result.kpiActuals.first?.value.number == DecimalNumber(9718))
        #expect(result.effect?.expected?.amount == DecimalNumber(100))
        #expect(result.effect?.actual?.amount == DecimalNumber(80))
    }

    @Test func otherJapaneseNamesAndEnglishKeys() throws {
        let japanese = CSVTestSite.read("対象年度,項目番号,項目名,評価,取組状況,今後の取組,指標名,指標の実績値\nR6,1,項目1,B,x,y,visitors,1\n")
        let english = CSVTestSite.read("year,number,title,grade,progress,next_steps,kpi,actual\nR6,1,項目1,B,x,y,visitors,1\n")
        for (results, _) in [japanese, english] {
            let result = try #require(results.first?.results.first)
            #expect(result.grade?.value == "B")
            #expect(result.progress == "x")
            #expect(result.nextSteps == "y")
            #expect(result.kpiActuals.first?.kpi?.value == "visitors")
        }
        #expect(japanese.diagnostics.isEmpty, "\(japanese.diagnostics.positioned)")
        #expect(english.diagnostics.isEmpty, "\(english.diagnostics.positioned)")
    }

    @Test func headersAreComparedAsTypedInAnyWidthAndSpacing() throws {
        let (results, diagnostics) = CSVTestSite.read("Ｎｏ．, 評 価 ,\"Next\nSteps\",YEAR\n1,A,z,R6\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let result = try #require(results.first?.results.first)
        #expect(result.item?.value == "1")
        #expect(result.grade?.value == "A")
        #expect(result.nextSteps == "z")
    }

    @Test func unitsInHeadersApplyToCellsWithoutOne() throws {
        let (results, diagnostics) = CSVTestSite.read(
            """
            番号,効果見込額(万円),効果額（単位：千円）
            1,"1,500",800
            2,3,2億円
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let items = try #require(results.first?.results)
        var fromHeader = MoneyDocument(
            amount: DecimalNumber(1500), writtenUnit: .tenThousandYen,
            location: SourceLocation(file: "seeds/p/R6.csv", line: 2, column: 2))
        fromHeader.unitFromHeader = true
        #expect(items[0].effect?.expected == fromHeader)
        #expect(items[0].effect?.actual?.money(defaultUnit: .yen) == Money(yen: 800_000))
        // A unit written in the cell is the cell's.
        #expect(items[1].effect?.actual?.writtenUnit == .hundredMillionYen)
        #expect(items[1].effect?.actual?.unitFromHeader == false)
    }

    @Test func aNoteInBracketsIsNotPartOfTheName() throws {
        let (results, diagnostics) = CSVTestSite.read("番号,評価（S・A・B）,進捗状況【令和6年度末】\n1,A,x\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        #expect(results.first?.results.first?.grade?.value == "A")
        #expect(results.first?.results.first?.progress == "x")
    }

    @Test func aMoneyColumnTakesOnlyAMoneyUnit() {
        let (_, diagnostics) = CSVTestSite.read("番号,効果額（件）\n1,3\n")
        #expect(diagnostics.positioned == [
            "1:2 error: cell B1: the unit 「件」 in the header 「効果額（件）」 is not an amount of money"
        ])
    }

    @Test func theSiteAddsItsOwnHeaders() throws {
        let config = """
            title: T
            csv:
              encoding: auto
              columns: {実績額: effect_actual, 担当課: ignore, 評点: 評価}
            """
        let (results, diagnostics) = CSVTestSite.read("番号,評点,担当課,実績額（千円）\n1,A,企画部,5\n", config: config)
        #expect(diagnostics.isEmpty, "\(diagnostics.positioned)")
        let result = try #require(results.first?.results.first)
        #expect(result.grade?.value == "A")
        #expect(result.effect?.actual?.writtenUnit == .thousandYen)
    }

    @Test func aBadCSVSectionInTheConfigIsReported() {
        let config = "title: T\ncsv:\n  encoding: latin1\n  columns: {実績額: effect_actuals}\n"
        let (_, diagnostics) = CSVTestSite.read("番号\n1\n", config: config)
        #expect(diagnostics.positioned == [
            "3:13 error: \"latin1\" is not an encoding CSV files are read in",
            "4:18 error: \"effect_actuals\" is not a column Mieruka reads, for the header 「実績額」",
        ])
        #expect(diagnostics.sorted.last?.hint?.hasPrefix("did you mean \"effect_actual\"?") == true)
    }

    @Test func anUnknownHeaderIsNamedWithASuggestion() throws {
        let (_, diagnostics) = CSVTestSite.read("番号,実績額,備考\n1,3,\n")
        #expect(diagnostics.positioned == [
            "1:2 error: cell B1: unknown column 「実績額」", "1:3 error: cell C1: unknown column 「備考」",
        ])
        let hint = try #require(diagnostics.sorted.first?.hint)
        #expect(hint.hasPrefix("did you mean 「実績値」? the columns read are 計画 (plan), 年度 (year), 和暦年度 (era_year), 番号 (number)"))
        #expect(hint.hasSuffix("csv: {columns: {実績額: ignore}}"))
        #expect(diagnostics.sorted.last?.hint?.hasPrefix("the columns read are") == true)
    }

    @Test func twoColumnsForOneThingAndNoNumberColumn() {
        #expect(CSVTestSite.read("番号,No,評価\n1,1,A\n").diagnostics.positioned == [
            "1:2 error: cell B1: the column 「No」 holds the same as 「番号」 (A1)"
        ])
        #expect(CSVTestSite.read("年度,評価\nR6,A\n").diagnostics.positioned == [
            "1:1 error: the header row has no column for the item number"
        ])
        #expect(CSVTestSite.read("令和6年度 取組結果,,\n番号,評価\n").diagnostics.positioned == [
            "1:1 error: row 1 names none of the columns that are read (its first cell is 「令和6年度 取組結果」)"
        ])
    }
}
