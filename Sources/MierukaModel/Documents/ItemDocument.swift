import MierukaDiagnostics

/// An item document (取組項目) as written: front matter and Markdown body.
public struct ItemDocument: Sendable {
    /// The plan folder the item sits in (or below).
    public let planSlug: String
    /// The URL segment: `slug:` in the front matter, else the file name.
    public let slug: Located<String>
    public let number: Located<String>
    public let title: Located<String>
    public let policy: Located<String>
    /// 再掲: further listings, each with its own number and policy.
    public let relisted: [RelistingDocument]
    public let departments: [Located<String>]
    public let kpis: [KPIDocument]
    public let results: [ResultDocument]
    public let summary: String?
    public let body: String
    /// Where the body starts in the file.
    public let bodyLocation: SourceLocation
    public let location: SourceLocation

    public init(
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

public struct RelistingDocument: Sendable {
    public let number: Located<String>
    public let policy: Located<String>
    public let location: SourceLocation

    public init(number: Located<String>, policy: Located<String>, location: SourceLocation) {
        self.number = number
        self.policy = policy
        self.location = location
    }
}
