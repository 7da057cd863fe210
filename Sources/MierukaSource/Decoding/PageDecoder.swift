import MierukaDiagnostics
import MierukaModel

/// Reads a standalone page or the home page's text.
enum PageDecoder {
    static let keys = ["title", "summary", "order"]

    /// `start` is the file's first line, where the document itself is reported (the file named
    /// once, in `DocumentParser`, for all the document's locations).
    static func decode(
        _ node: YAMLNode, slug: String, body: String, bodyLine: Int, start: SourceLocation, diagnostics: inout Diagnostics
    ) -> PageDocument? {
        guard let reader = MappingReader(node, what: "the page's front matter", knownKeys: keys, diagnostics: &diagnostics)
        else { return nil }
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        if !slug.isEmpty, !URLSlug.isValid(slug) {
            diagnostics.error(
                at: start, "the file name \"\(slug)\" cannot be used in a URL",
                hint: "name pages with letters, digits and hyphens, e.g. about.md")
            return nil
        }
        guard let title else { return nil }
        return PageDocument(
            slug: slug, title: title.value, summary: reader.text("summary", diagnostics: &diagnostics)?.value, body: body,
            bodyLocation: start.at(line: bodyLine, column: 1),
            order: reader.integer("order", diagnostics: &diagnostics)?.value ?? 0,
            location: start)
    }
}
