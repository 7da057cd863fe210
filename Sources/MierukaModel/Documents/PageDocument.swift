import MierukaDiagnostics

/// A standalone page (`content/<name>.md`, e.g. about or accessibility) or the home page's text
/// (`content/_index.md`).
public struct PageDocument: Sendable {
    /// The URL segment ("" for the home page text).
    public let slug: String
    public let title: String
    public let summary: String?
    public let body: String
    /// Where the body starts in the file.
    public let bodyLocation: SourceLocation
    /// Position in the site's page list (smaller first).
    public let order: Int
    public let location: SourceLocation

    public init(
        slug: String, title: String, summary: String?, body: String, bodyLocation: SourceLocation, order: Int,
        location: SourceLocation
    ) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.body = body
        self.bodyLocation = bodyLocation
        self.order = order
        self.location = location
    }
}
