import MierukaExport
import MierukaModel
import Testing

@Suite struct DatasetTests {
    @Test func everyRowHasACellForEveryColumn() throws {
        let datasets = try ExportTestSite.datasets()
        // The names are known without making the tables (the exporter lists the files by them).
        #expect(datasets.tables.map(\.name) == PlanDatasets.tableNames(of: datasets.planIndex.plan))
        #expect(datasets.tables.map(\.name).suffix(2) == ["money-tables", "plan-kpis"])
        for table in datasets.tables {
            #expect(!table.columns.isEmpty)
            // The data page counts rows without making them: the count must be what is made.
            #expect(table.rowCount == table.rows.count, "\(table.name)")
            for row in table.rows { #expect(row.count == table.columns.count, "\(table.name)") }
            #expect(Set(table.columns.map(\.header)).count == table.columns.count, "\(table.name) repeats a header")
        }
    }

    /// One list decides which tables a plan has, both for making them and for naming them: each
    /// entry makes the table it is named after, even for a plan without what the table holds (its
    /// rows then add up to its count), and a plan's tables are the entries present for it, in order.
    @Test func theCatalogueNamesTheTablesItMakes() throws {
        let datasets = try ExportTestSite.datasets()
        let links = ExportLinks(baseURL: .root)
        for entry in PlanDatasets.catalogue {
            let table = entry.make(datasets.planIndex, links)
            #expect(table.name == entry.name)
            #expect(table.rowCount == table.rows.count, "\(entry.name)")
        }
        #expect(Set(PlanDatasets.catalogue.map(\.name)).count == PlanDatasets.catalogue.count)
        #expect(PlanDatasets.tableNames == ["results", "items", "kpis", "kpi-actuals", "grade-counts", "effects"])
        #expect(
            datasets.tables.map(\.name)
                == PlanDatasets.catalogue.filter { $0.isPresent(in: datasets.planIndex.plan) }.map(\.name))
    }

    @Test func resultsHaveOneRowPerItemYearAndKPIWithTheItemCellsRepeated() throws {
        let results = try ExportTestSite.datasets().table("results")
        let records = results.records
        // R5: item 1 with two KPI actuals; R6: item 1 (no KPI actual that year) and item 2.
        #expect(records.map { "\($0["年度"]!)/\($0["番号"]!)/\($0["指標ID"]!)" } == ["2023/1/rate", "2023/1/views", "2024/1/", "2024/2/"])
        let first = records[0]
        #expect(first["和暦年度"] == "令和5年度")
        #expect(first["評価"] == "B")
        #expect(first["評価の内容"] == "普通")
        #expect(first["進捗状況"] == "- 一つ目, \"引用\"\n- 二つ目")
        #expect(records[1]["進捗状況"] == first["進捗状況"])
        // Amounts in the plan's unit, named in the header; no separators; a minus sign.
        #expect(results.columns.map(\.header).contains("効果見込額（千円）"))
        #expect(first["効果見込額（千円）"] == "1500.5")
        #expect(first["効果額（千円）"] == "-200")
        // A number with its unit in its own column; the wording as written beside it.
        #expect(first["実績値"] == "30")
        #expect(first["単位"] == "%")
        #expect(first["実績値の表記"] == "30％")
        #expect(records[1]["実績値"] == "3400000")
        #expect(records[1]["実績値の表記"] == "約340万件")
    }

    @Test func itemsHaveARowPerListingWithTheirPolicies() throws {
        let items = try ExportTestSite.datasets().table("items").records
        #expect(items.map { $0["番号"]! } == ["1", "9", "2"])
        #expect(items[1]["掲載"] == "再掲")
        #expect(items[1]["主掲の番号"] == "1")
        // The plan names no levels: the headers say which level is which.
        #expect(items[0]["方針（第1階層）"] == "方針一")
        #expect(items[0]["方針（第2階層）"] == "方針一の一")
        #expect(items[0]["担当課"] == "企画課、財政課")
        #expect(items[0]["ページURL"] == "https://example.test/kaikaku/p/a/")
        #expect(items[1]["方針（第1階層）"] == "方針二")
        #expect(items[1]["方針（第2階層）"] == "")
    }

    @Test func kpisIncludeThoseSetOnPolicies() throws {
        let datasets = try ExportTestSite.datasets()
        let kpis = try datasets.table("kpis").records
        #expect(kpis.map { $0["指標ID"]! } == ["debt", "rate", "views"])
        #expect(kpis[0]["方向"] == "減少")
        #expect(kpis[0]["基準年度"] == "2022")
        #expect(kpis[0]["目標値"] == "80")
        #expect(kpis[2]["目標値"] == "3700000")
        #expect(kpis[2]["目標値の表記"] == "370万件")
        let actuals = try datasets.table("kpi-actuals").records
        let debt = try #require(actuals.first { $0["指標ID"] == "debt" })
        // (95 - 100) / (80 - 100): a fall is progress for a KPI that should fall.
        #expect(debt["進捗率（%）"] == "25.0")
        let rate = try #require(actuals.first { $0["指標ID"] == "rate" })
        #expect(rate["進捗率（%）"] == "50.0")
    }

    @Test func gradeCountsAndEffectsAddUpPerPolicyAndInTotal() throws {
        let datasets = try ExportTestSite.datasets()
        let counts = try datasets.table("grade-counts").records
        let total2024 = counts.filter { $0["年度"] == "2024" && $0["方針の階層"] == "計画全体" }
        // Item 1 (A) is listed under 1-1 and again under 2; item 2 (C) under 2: listings are counted.
        #expect(total2024.map { "\($0["評価"]!)\($0["項目数"]!)" } == ["A2", "B0", "C1"])
        #expect(total2024.allSatisfy { $0["集計元"] == "掲載項目の集計" })
        let effects = try datasets.table("effects").records
        let total2023 = try #require(effects.first { $0["年度"] == "2023" && $0["方針"] == "合計" })
        // A relisted item's effect counts once, under its primary listing.
        #expect(total2023["効果見込額（千円）"] == "1500.5")
        #expect(total2023["効果額（千円）"] == "-200")
    }

    @Test func csvIsUTF8WithBOMAndQuotesWhatNeedsIt() throws {
        let csv = CSVOutput(header: ["a", "b"], rows: [["1,2", "say \"hi\""], ["line\nbreak", " padded"], ["plain", ""]])
        #expect(csv.utf8WithBOM.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(csv.text == "a,b\r\n\"1,2\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\" padded\"\r\nplain,\r\n")
    }
}
