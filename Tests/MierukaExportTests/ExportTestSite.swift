import MierukaDiagnostics
import MierukaExport
import MierukaSite
import MierukaTestSupport
import Testing

/// A made-up plan (test data, not a city's) with the cases the exports must keep: a relisted item,
/// negative and fractional amounts, a KPI written with a wording and one with a full-width unit,
/// a KPI set on a policy, a result in a year without KPI actuals, a published money table over a
/// span and a plan-wide KPI.
enum ExportTestSite {
    static let files: [String: String] = [
        "mieruka.yml": "title: テスト\nbase_url: https://example.test/kaikaku/\npublisher: 架空市 企画課\n",
        "content/p/_index.md": InMemorySite.plan
            .replacingOccurrences(
                of: "period: {from: R5, to: R9}",
                with: """
                    period: {from: R5, to: R9}
                    money_unit: 千円
                    money_tables:
                      - title: 効果額（歳入・歳出）
                        years: R5～R6
                        rows:
                          - {label: 歳入, planned: "1億円", actual: "9,000万円", rate: 90.0%}
                        total: {label: 合計, planned: 1億円, actual: "9,000万円"}
                    plan_kpis:
                      - kpis:
                          - name: 経常収支比率
                            baseline: {year: R4, value: 95%}
                            target: {year: R9, value: 90%未満}
                            actuals:
                              - {year: R5, value: 93%, provisional: 見込み}
                            rate: {label: 進捗率, value: 40%}
                    """)
            .replacingOccurrences(
                of: "  - {id: \"2\", title: 方針二}",
                with: """
                      - id: "2"
                        title: 方針二
                        kpis:
                          - {id: debt, name: 市債残高, unit: 億円, direction: decrease, baseline: {year: R4, value: 100}, target: {year: R9, value: 80}, actuals: {R5: 95}}
                    """),
        "content/p/a.md": InMemorySite.item(
            "1",
            extra: """
                relisted:
                  - {number: 9, policy: "2"}
                departments: [企画課, 財政課]
                kpis:
                  - {id: rate, name: 申請割合, unit: "%", direction: increase, baseline: {year: R4, value: 10}, target: {year: R9, value: 50}}
                  - {id: views, name: 閲覧数, unit: 件, target: {value: 3700000, text: 370万件}}
                results:
                  - year: R5
                    grade: B
                    progress: "- 一つ目, \\"引用\\"\\n- 二つ目"
                    kpis: {rate: 30％, views: {value: 3400000, text: 約340万件}}
                    effect: {expected: "1,500.5", actual: "△200"}
                  - {year: R6, grade: A, factors: 要因の説明}

                """),
        "content/p/b.md": InMemorySite.item("2", policy: "2", extra: "results:\n  - {year: R6, grade: C}\n"),
    ]

    static func index() throws -> SiteIndex {
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        return SiteIndex(try #require(merged))
    }

    static func datasets() throws -> PlanDatasets {
        let index = try index()
        return PlanDatasets(
            planIndex: index.plans[0], links: ExportLinks(baseURL: index.config.baseURL), settings: index.config.data)
    }
}

extension PlanDatasets {
    func table(_ name: String) throws -> Dataset {
        try #require(tables.first { $0.name == name })
    }
}

extension Dataset {
    /// The rows as dictionaries from header to cell.
    var records: [[String: String]] {
        rows.map { row in
            var record: [String: String] = [:]
            for (column, cell) in zip(columns, row) { record[column.header] = cell }
            return record
        }
    }
}
