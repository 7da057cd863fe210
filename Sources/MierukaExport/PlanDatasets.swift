import MierukaModel
import MierukaSite

/// The downloads of one plan: its tables as CSV (UTF-8 with a byte-order mark, and optionally a
/// Shift_JIS copy) and as Excel workbooks, and the whole plan as JSON, at stable addresses under
/// `/<plan>/data/`.
public struct PlanDatasets: Sendable {
    public let planIndex: PlanIndex
    public let tables: [Dataset]
    public let settings: DataSettings

    public init(planIndex: PlanIndex, links: ExportLinks, settings: DataSettings) {
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
    public static let tableNames = ["results", "items", "kpis", "kpi-actuals", "grade-counts", "effects"]

    /// "results.csv"
    public static func csvFile(_ dataset: Dataset) -> String { dataset.name + ".csv" }
    /// "results-sjis.csv"
    public static func shiftJISFile(_ dataset: Dataset) -> String { dataset.name + "-sjis.csv" }
    /// "results.xlsx"
    public static func workbookFile(_ dataset: Dataset) -> String { dataset.name + ".xlsx" }
    public static let jsonFile = "plan.json"

}
