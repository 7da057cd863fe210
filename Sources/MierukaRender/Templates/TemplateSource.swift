/// A template's text and where it comes from (the site's templates/ or the default theme).
package struct TemplateSource: Sendable {
    /// The name templates use for it: "item", "partials/grade-table".
    package let name: String
    package let text: String
    /// Shown in diagnostics: "templates/item.mustache" or "(default theme) templates/item.mustache".
    package let displayPath: String
    package let isDefault: Bool

    package init(name: String, text: String, displayPath: String, isDefault: Bool) {
        self.name = name
        self.text = text
        self.displayPath = displayPath
        self.isDefault = isDefault
    }
}
