import MierukaDiagnostics

/// A standalone page (`content/<name>.md`, e.g. about or accessibility) or the home page's text
/// (`content/_index.md`).
package struct PageDocument: Sendable {
    /// The URL segment ("" for the home page text).
    package let slug: String
    package let title: String
    package let summary: String?
    package let body: String
    /// Where the body starts in the file.
    package let bodyLocation: SourceLocation
    /// Position in the site's page list (smaller first).
    package let order: Int
    package let location: SourceLocation

    package init(
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
