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
        let plan = planIndex.plan
        tables = Self.catalogue.filter { $0.isPresent(in: plan) }.map { $0.make(planIndex, links) }
    }

    /// A table a plan may have: its name, whether a plan has it, and how it is made.
    package struct Entry: Sendable {
        package let name: String
        /// Nil for a table every plan has; else true for a plan that transcribes what it holds, so
        /// that other plans' downloads stay as they are.
        let presence: (@Sendable (Plan) -> Bool)?
        package let make: @Sendable (PlanIndex, ExportLinks) -> Dataset

        init(_ name: String, when presence: (@Sendable (Plan) -> Bool)? = nil, make: @escaping @Sendable (PlanIndex, ExportLinks) -> Dataset) {
            self.name = name
            self.presence = presence
            self.make = make
        }

        package func isPresent(in plan: Plan) -> Bool { presence?(plan) ?? true }
    }

    /// Every table a plan may have, in the order of its downloads: the one place that decides which
    /// tables a plan has, both for making them and for naming them without making them.
    package static let catalogue: [Entry] = [
        Entry("results") { index, _ in ResultsDataset.make(index) },
        Entry("items") { index, links in ItemsDataset.make(index, links: links) },
        Entry("kpis") { index, _ in KPIsDataset.definitions(index) },
        Entry("kpi-actuals") { index, _ in KPIsDataset.actuals(index) },
        Entry("grade-counts") { index, _ in AggregatesDataset.gradeCounts(index) },
        Entry("effects") { index, _ in AggregatesDataset.effects(index) },
        Entry("axis-counts", when: { !$0.axes.isEmpty }) { index, _ in AxisCountsDataset.make(index) },
        // A table in the report's own layout (columns: as a list) has its own file, money-grids.
        Entry("money-tables", when: { $0.reported.moneyTables.contains { $0.grid == nil } }) { index, _ in
            MoneyTablesDataset.make(index)
        },
        Entry("money-grids", when: { $0.reported.moneyTables.contains { $0.grid != nil } }) { index, _ in
            MoneyGridsDataset.make(index)
        },
        Entry("plan-kpis", when: { !$0.planKPIs.isEmpty }) { index, _ in PlanKPIsDataset.make(index) },
        Entry("achievements", when: { !$0.reported.achievements.isEmpty }) { index, _ in AchievementsDataset.make(index) },
        Entry("highlights", when: { YearNotesDataset.shownWithPoints($0).contains { !$0.highlights.isEmpty } }) { index, _ in
            YearNotesDataset.highlights(index)
        },
        Entry("report-notes", when: { YearNotesDataset.shownWithPoints($0).contains { $0.notes?.isBlank == false } }) { index, _ in
            YearNotesDataset.notes(index)
        },
        Entry("revisions", when: { !$0.revisions.isEmpty }) { index, _ in RevisionsDataset.make(index) },
        Entry("opinions", when: { !$0.opinions.isEmpty }) { index, links in OpinionsDataset.make(index, links: links) },
        Entry("schedule", when: { $0.items.contains { !$0.schedule.isEmpty } }) { index, _ in ScheduleDataset.make(index) },
        Entry("subitems", when: { $0.items.contains { !$0.subitems.isEmpty } }) { index, _ in SubItemsDataset.make(index) },
    ]

    /// The names of the tables every plan has, in the order of `tables`.
    package static let tableNames = catalogue.filter { $0.presence == nil }.map(\.name)

    /// The names of a plan's tables, in the order of `tables`, known without making them: those
    /// every plan has, then each of the others the plan transcribes what it holds for.
    package static func tableNames(of plan: Plan) -> [String] {
        catalogue.filter { $0.isPresent(in: plan) }.map(\.name)
    }

    /// "results.csv"
    package static func csvFile(_ dataset: Dataset) -> String { dataset.name + ".csv" }
    /// "results-sjis.csv"
    package static func shiftJISFile(_ dataset: Dataset) -> String { dataset.name + "-sjis.csv" }
    /// "results.xlsx"
    package static func workbookFile(_ dataset: Dataset) -> String { dataset.name + ".xlsx" }
    package static let jsonFile = "plan.json"

}
