import MierukaModel
import MierukaSite

/// 委員会などの意見: the opinions a plan transcribes (`opinions:`), one row per opinion as published,
/// in the order the year's report shows them (by year; those on the year's results as a whole
/// first, then those on items in the plan's item order), with the address of the page that shows it.
enum OpinionsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("年度", .fiscalYear, required: true, "意見が対象とする結果の年度"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "その年度の和暦"),
        DatasetColumn("番号", .code, "意見が対象とする取組項目の番号。年度の結果全体への意見では空欄"),
        DatasetColumn("取組項目", .text, "意見が対象とする取組項目の名称。年度の結果全体への意見では空欄"),
        DatasetColumn("意見を述べた者", .text, required: true, "意見を述べた委員会など（資料の表記）"),
        DatasetColumn("時期", .text, "意見の時期（資料の表記。例：令和5年7月）。資料にないときは空欄"),
        DatasetColumn("意見", .text, required: true, "意見の本文（資料の表記のまま。Markdown、改行を含む）"),
        DatasetColumn("出典", .text, "意見の出典"),
        DatasetColumn("掲載ページURL", .url, "意見を掲載しているページ（取組項目への意見はその項目のページ、年度の結果全体への意見はその年度の進捗状況のページ）"),
    ]

    static func make(_ planIndex: PlanIndex, links: ExportLinks) -> Dataset {
        let plan = planIndex.plan
        return Dataset(
            name: "opinions", title: "委員会などの意見",
            summary: "年度の結果について委員会などが述べた意見を、公表されたとおりに。1行が1つの意見です。",
            columns: columns, rowCount: plan.opinions.count
        ) {
            plan.opinionsInReportOrder.map { opinion in
                let item = opinion.item.map { plan.items[$0] }
                let row: [String] = [
                    plan.slug, DataFormat.year(opinion.year), DataFormat.eraYear(opinion.year), item?.number ?? "",
                    item?.title ?? "", opinion.by, opinion.date ?? "", opinion.text, opinion.source ?? "",
                    page(of: opinion, planIndex, links: links) ?? "",
                ]
                return row
            }
        }
    }

    /// Where the opinion is shown, at its section (「委員会などの意見」, anchor `opinions`): its item's
    /// page, or the year's report; nil for an opinion on a year that has no report page.
    static func page(of opinion: CommitteeOpinion, _ planIndex: PlanIndex, links: ExportLinks) -> String? {
        let plan = planIndex.plan
        if let item = opinion.item { return links.url(SiteRoutes.item(plan.slug, plan.items[item].slug)) + "#opinions" }
        guard planIndex.years.contains(opinion.year) else { return nil }
        return links.url(SiteRoutes.report(plan.slug, year: opinion.year.year)) + "#opinions"
    }
}
