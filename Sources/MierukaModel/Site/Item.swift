import MierukaDiagnostics

/// An item of a plan (取組項目), with its listings, KPIs and yearly results.
package struct Item: Sendable {
    /// The URL segment (the file name without extension, unless the front matter gives `slug`).
    package let slug: String
    package let title: String
    /// The first listing is where the item is primarily listed; later ones are 再掲.
    package let listings: [Listing]
    /// 担当部局 / 所管課, as written.
    package let departments: [String]
    package let kpis: [KPI]
    /// Sorted by year, one per year.
    package let results: [YearResult]
    /// Results at points within a fiscal year (`as_of:`), by year and point: shown labelled with
    /// their point, counted only at that point, never as the year's (`results` holds the years' ends).
    package var snapshots: [YearResult] = []
    /// One line for lists and the page description.
    package let summary: String?
    /// 取組の工程 as the plan schedules it, in year order (spans do not overlap).
    package var schedule: [ScheduleStep] = []
    /// 細目, in the plan's order; counts and shares stay those of the item's listings.
    package var subitems: [SubItem] = []
    /// The number of 細目 the city publishes for the item (`subitem_count:`), shown as published
    /// beside the count of `subitems` on the site; never derived, never used in a count.
    package var publishedSubitemCount: Located<Int>? = nil
    /// Markdown body of the item document.
    package let body: String
    /// Where the body starts in its file (for locating links in it).
    package let bodyLocation: SourceLocation
    package let location: SourceLocation

    package init(
        slug: String, title: String, listings: [Listing], departments: [String], kpis: [KPI], results: [YearResult],
        summary: String?, body: String, bodyLocation: SourceLocation, location: SourceLocation
    ) {
        self.slug = slug
        self.title = title
        self.listings = listings
        self.departments = departments
        self.kpis = kpis
        self.results = results.sorted { $0.year < $1.year }
        self.summary = summary
        self.body = body
        self.bodyLocation = bodyLocation
        self.location = location
    }

    /// The number under the primary listing.
    package var number: String { listings.first?.number ?? "" }

    /// The policy of the primary listing.
    package var primaryPolicy: Int? { listings.first?.policy }

    package var isRelisted: Bool { listings.count > 1 }

    package func result(in year: FiscalYear) -> YearResult? {
        results.last { $0.year == year }
    }

    /// The year's results at points within it, in their order.
    package func snapshots(in year: FiscalYear) -> [YearResult] {
        snapshots.filter { $0.year == year }
    }

    /// The most recent result with a grade.
    package var latestGradedResult: YearResult? {
        results.last { $0.grade != nil }
    }
}
