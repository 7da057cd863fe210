import MierukaDiagnostics

/// An item document (取組項目) as written: front matter and Markdown body.
package struct ItemDocument: Sendable {
    /// The plan folder the item sits in (or below).
    package let planSlug: String
    /// The URL segment: `slug:` in the front matter, else the file name.
    package let slug: Located<String>
    package let number: Located<String>
    package let title: Located<String>
    package let policy: Located<String>
    /// 再掲: further listings, each with its own number and policy.
    package let relisted: [RelistingDocument]
    package let departments: [Located<String>]
    package let kpis: [KPIDocument]
    package let results: [ResultDocument]
    package let summary: String?
    /// 取組の工程: `schedule:`, in the order written.
    package var schedule: [ScheduleStepDocument] = []
    /// 細目: `subitems:`, in the order written.
    package var subitems: [SubItemDocument] = []
    /// The number of 細目 the city publishes for the item (`subitem_count:`, 「3細目」), as written.
    package var subitemCount: Located<Int>? = nil
    package let body: String
    /// Where the body starts in the file.
    package let bodyLocation: SourceLocation
    package let location: SourceLocation

    package init(
        planSlug: String, slug: Located<String>, number: Located<String>, title: Located<String>,
        policy: Located<String>, relisted: [RelistingDocument], departments: [Located<String>], kpis: [KPIDocument],
        results: [ResultDocument], summary: String?, body: String, bodyLocation: SourceLocation,
        location: SourceLocation
    ) {
        self.planSlug = planSlug
        self.slug = slug
        self.number = number
        self.title = title
        self.policy = policy
        self.relisted = relisted
        self.departments = departments
        self.kpis = kpis
        self.results = results
        self.summary = summary
        self.body = body
        self.bodyLocation = bodyLocation
        self.location = location
    }
}

package struct RelistingDocument: Sendable {
    package let number: Located<String>
    package let policy: Located<String>
    package let location: SourceLocation

    package init(number: Located<String>, policy: Located<String>, location: SourceLocation) {
        self.number = number
        self.policy = policy
        self.location = location
    }
}
