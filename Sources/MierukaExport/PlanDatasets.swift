import MierukaModel
import MierukaSite

/// The downloads of one plan: its tables as CSV (UTF-8 with a byte-order mark, and optionally a
/// Shift_JIS copy) and as Excel workbooks, and the whole plan as JSON, at stable addresses under
/// `/<plan>/data/`.
package struct PlanDatasets: Sendable {
    package let planIndex: PlanIndex
    package let tables: [Dataset]
    package let settings: DataSettings

    package init(planIndex: PlanIndex, links: ExportLinks, settings: DataSettings) {
        self.planIndex = planIndex
        self.settings = settings
        var tables = [
            ResultsDataset.make(planIndex),
            ItemsDataset.make(planIndex, links: links),
            KPIsDataset.definitions(planIndex),
            KPIsDataset.actuals(planIndex),
            AggregatesDataset.gradeCounts(planIndex),
            AggregatesDataset.effects(planIndex),
        ]
        // Only for a plan that transcribes them, so that other plans' downloads stay as they are.
        if !planIndex.plan.reported.moneyTables.isEmpty { tables.append(MoneyTablesDataset.make(planIndex)) }
        if planIndex.plan.reported.moneyTables.contains(where: { $0.grid != nil }) {
            tables.append(MoneyGridsDataset.make(planIndex))
        }
        if !planIndex.plan.planKPIs.isEmpty { tables.append(PlanKPIsDataset.make(planIndex)) }
        let plan = planIndex.plan
        if !plan.reported.achievements.isEmpty { tables.append(AchievementsDataset.make(planIndex)) }
        if !plan.revisions.isEmpty { tables.append(RevisionsDataset.make(planIndex)) }
        if !plan.opinions.isEmpty { tables.append(OpinionsDataset.make(planIndex, links: links)) }
        if plan.items.contains(where: { !$0.schedule.isEmpty }) { tables.append(ScheduleDataset.make(planIndex)) }
        if plan.items.contains(where: { !$0.subitems.isEmpty }) { tables.append(SubItemsDataset.make(planIndex)) }
        self.tables = tables
    }

    /// The names of the tables every plan has, in the order of `tables`.
    package static let tableNames = ["results", "items", "kpis", "kpi-actuals", "grade-counts", "effects"]

    /// The names of a plan's tables, in the order of `tables`, known without making them: those
    /// every plan has, then each of 公表された効果額の表, その資料の表組みの表, 計画全体の目標と実績, 公表された達成件数,
    /// 計画の見直し, 委員会などの意見, 取組の工程 and 細目一覧 that the plan transcribes.
    package static func tableNames(of plan: Plan) -> [String] {
        let optional: [(name: String, present: Bool)] = [
            ("money-tables", !plan.reported.moneyTables.isEmpty),
            ("money-grids", plan.reported.moneyTables.contains { $0.grid != nil }),
            ("plan-kpis", !plan.planKPIs.isEmpty),
            ("achievements", !plan.reported.achievements.isEmpty),
            ("revisions", !plan.revisions.isEmpty),
            ("opinions", !plan.opinions.isEmpty),
            ("schedule", plan.items.contains { !$0.schedule.isEmpty }),
            ("subitems", plan.items.contains { !$0.subitems.isEmpty }),
        ]
        return tableNames + optional.filter(\.present).map(\.name)
    }

    /// "results.csv"
    package static func csvFile(_ dataset: Dataset) -> String { dataset.name + ".csv" }
    /// "results-sjis.csv"
    package static func shiftJISFile(_ dataset: Dataset) -> String { dataset.name + "-sjis.csv" }
    /// "results.xlsx"
    package static func workbookFile(_ dataset: Dataset) -> String { dataset.name + ".xlsx" }
    package static let jsonFile = "plan.json"

}
