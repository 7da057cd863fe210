import MierukaDiagnostics
import MierukaModel

/// An item while results from its own front matter and from seeds/ are merged onto it.
struct ItemDraft {
    let document: ItemDocument
    let listings: [Listing]
    var kpis: [KPI]
    var results: [YearResult] = []
    var resultLocations: [FiscalYear: SourceLocation] = [:]
    /// Results at points within a year (`as_of:`), and where each year's point was written.
    var snapshots: [YearResult] = []
    var snapshotLocations: [(year: FiscalYear, point: Snapshot, location: SourceLocation)] = []
    /// The schedule, checked against the plan's period (ScheduleChecker).
    var schedule: [ScheduleStep] = []
    /// The sub-items (細目), numbers checked (SubItemChecker).
    var subitems: [SubItem] = []

    init(document: ItemDocument, listings: [Listing], kpis: [KPI]) {
        self.document = document
        self.listings = listings
        self.kpis = kpis
        // Room for the results the item's own front matter gives (seeds/ may add more): grown
        // from empty, the list and its table were made anew at the first, second and fourth.
        results.reserveCapacity(document.results.count)
        resultLocations.reserveCapacity(document.results.count)
    }

    func build() -> Item {
        var item = Item(
            slug: document.slug.value, title: document.title.value, listings: listings,
            departments: document.departments.map(\.value), kpis: kpis, results: results, summary: document.summary,
            body: document.body,
            bodyLocation: document.bodyLocation, location: document.location)
        item.schedule = schedule
        item.subitems = subitems
        item.publishedSubitemCount = document.subitemCount
        item.snapshots = snapshots.sorted {
            ($0.year, DeclaredYear.pointOrder($0.asOf)) < ($1.year, DeclaredYear.pointOrder($1.asOf))
        }
        return item
    }
}
