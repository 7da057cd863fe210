import MierukaDiagnostics

/// A template's text and where it comes from (the site's templates/ or the default theme).
package struct TemplateSource: Sendable {
    /// The name templates use for it: "item", "partials/grade-table".
    package let name: String
    package let text: String
    /// Shown in diagnostics: "templates/item.mustache" or "(default theme) templates/item.mustache".
    package let displayPath: String
    package let isDefault: Bool
    /// The file, named once: the compiler makes a location for every tag from it (naming the
    /// file for each took a lock the parsing threads also wait on).
    package let file: SourceLocation

    package init(name: String, text: String, displayPath: String, isDefault: Bool) {
        self.name = name
        self.text = text
        self.displayPath = displayPath
        self.isDefault = isDefault
        file = SourceLocation(file: displayPath)
    }

    /// A position in the template.
    package func location(line: Int, column: Int) -> SourceLocation {
        file.at(line: line, column: column)
    }
}
