import MierukaModel
import MierukaSite

/// 取組項目一覧: one row per listing of an item, with the policies it is listed under. An item
/// listed again (再掲) has a row for each listing, as the plan counts it.
enum ItemsDataset {
    static func make(_ planIndex: PlanIndex, links: ExportLinks) -> Dataset {
        let plan = planIndex.plan
        let depth = (plan.policies.map(\.level).max() ?? -1) + 1
        var columns = [
            DatasetColumn("計画", .code, required: true, "計画の識別子"),
            DatasetColumn("番号", .code, required: true, "この掲載での取組項目の番号"),
            DatasetColumn("取組項目", .text, required: true, "取組項目の名称"),
            DatasetColumn("掲載", .text, required: true, "「主掲」または「再掲」（ほかの方針の下に再び掲げたもの）"),
            DatasetColumn("主掲の番号", .code, required: true, "取組項目が主に掲げられている番号（主掲の行では「番号」と同じ）"),
        ]
        for name in levelHeaders(plan, depth: depth) {
            columns.append(DatasetColumn("\(name)番号", .code, "掲載されている\(name)の番号（計画での表記）"))
            columns.append(DatasetColumn(name, .text, "掲載されている\(name)の名称"))
        }
        columns += [
            DatasetColumn("担当課", .text, "担当する部課（複数のときは「、」で区切る）"),
            DatasetColumn("成果指標の数", .integer, required: true, "設定されている成果指標の数"),
            DatasetColumn("最新の評価年度", .fiscalYear, "評価のある最も新しい年度"),
            DatasetColumn("最新の評価", .code, "その年度の評価の記号"),
            DatasetColumn("ページURL", .url, required: true, "取組項目のページ"),
        ]
        return Dataset(
            name: "items", title: "取組項目一覧",
            summary: "計画の取組項目と、掲げられている方針。1行が1つの掲載で、再掲の取組項目は掲載ごとに1行です。",
            columns: columns, rowCount: plan.items.reduce(0) { $0 + $1.listings.count }
        ) { rows(planIndex, links: links, depth: depth) }
    }

    static func rows(_ planIndex: PlanIndex, links: ExportLinks, depth: Int) -> [[String]] {
        let plan = planIndex.plan
        var rows: [[String]] = []
        for item in plan.items {
            let latest = item.latestGradedResult
            for listing in item.listings {
                var row = [plan.slug, listing.number, item.title, listing.isRelisting ? "再掲" : "主掲", item.number]
                var chain: [Int] = []
                var current: Int? = listing.policy < plan.policies.count ? listing.policy : nil
                while let index = current {
                    chain.insert(index, at: 0)
                    current = plan.policies[index].parent
                }
                for level in 0..<depth {
                    if level < chain.count {
                        let policy = plan.policies[chain[level]]
                        row += [policy.number ?? "", policy.title]
                    } else {
                        row += ["", ""]
                    }
                }
                row += [
                    item.departments.joined(separator: "、"), String(item.kpis.count),
                    latest.map { DataFormat.year($0.year) } ?? "", DataFormat.grade(latest?.grade, plan.grades).code,
                    links.url(SiteRoutes.item(plan.slug, item.slug)),
                ]
                rows.append(row)
            }
        }
        return rows
    }

    /// The names of the hierarchy's levels as column headers, made distinct when a plan names two
    /// levels alike (「方針（第1階層）」, 「方針（第2階層）」).
    static func levelHeaders(_ plan: Plan, depth: Int) -> [String] {
        let names = (0..<depth).map { plan.levelName($0) }
        guard Set(names).count < names.count else { return names }
        return names.enumerated().map { "\($1)（第\($0 + 1)階層）" }
    }
}
