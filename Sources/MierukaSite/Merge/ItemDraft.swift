import MierukaDiagnostics
import MierukaModel

/// An item while results from its own front matter and from seeds/ are merged onto it.
struct ItemDraft {
    let document: ItemDocument
    let listings: [Listing]
    var kpis: [KPI]
    var results: [YearResult] = []
    var resultLocations: [FiscalYear: SourceLocation] = [:]
    /// The schedule, checked against the plan's period (ScheduleChecker).
    var schedule: [ScheduleStep] = []
    /// The sub-items (細目), numbers checked (SubItemChecker).
    var subitems: [SubItem] = []

    func build() -> Item {
        var item = Item(
            slug: document.slug.value, title: document.title.value, listings: listings,
            departments: document.departments.map(\.value), kpis: kpis, results: results, summary: document.summary,
            body: document.body,
            bodyLocation: document.bodyLocation, location: document.location)
        item.schedule = schedule
        item.subitems = subitems
        return item
    }
}
