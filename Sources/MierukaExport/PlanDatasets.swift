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
        self.tables = [
            ResultsDataset.make(planIndex),
            ItemsDataset.make(planIndex, links: links),
            KPIsDataset.definitions(planIndex),
            KPIsDataset.actuals(planIndex),
            AggregatesDataset.gradeCounts(planIndex),
            AggregatesDataset.effects(planIndex),
        ]
    }

    /// The table names, in the order of `tables`.
    package static let tableNames = ["results", "items", "kpis", "kpi-actuals", "grade-counts", "effects"]

    /// "results.csv"
    package static func csvFile(_ dataset: Dataset) -> String { dataset.name + ".csv" }
    /// "results-sjis.csv"
    package static func shiftJISFile(_ dataset: Dataset) -> String { dataset.name + "-sjis.csv" }
    /// "results.xlsx"
    package static func workbookFile(_ dataset: Dataset) -> String { dataset.name + ".xlsx" }
    package static let jsonFile = "plan.json"

}
