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
        if !planIndex.plan.planKPIs.isEmpty { tables.append(PlanKPIsDataset.make(planIndex)) }
        self.tables = tables
    }

    /// The names of the tables every plan has, in the order of `tables`.
    package static let tableNames = ["results", "items", "kpis", "kpi-actuals", "grade-counts", "effects"]

    /// The names of a plan's tables, in the order of `tables`, known without making them: those
    /// every plan has, then 公表された効果額の表 and 計画全体の目標と実績 when the plan transcribes them.
    package static func tableNames(of plan: Plan) -> [String] {
        tableNames + (plan.reported.moneyTables.isEmpty ? [] : ["money-tables"])
            + (plan.planKPIs.isEmpty ? [] : ["plan-kpis"])
    }

    /// "results.csv"
    package static func csvFile(_ dataset: Dataset) -> String { dataset.name + ".csv" }
    /// "results-sjis.csv"
    package static func shiftJISFile(_ dataset: Dataset) -> String { dataset.name + "-sjis.csv" }
    /// "results.xlsx"
    package static func workbookFile(_ dataset: Dataset) -> String { dataset.name + ".xlsx" }
    package static let jsonFile = "plan.json"

}
