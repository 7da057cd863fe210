/// A template's text and where it comes from (the site's templates/ or the default theme).
public struct TemplateSource: Sendable {
    /// The name templates use for it: "item", "partials/grade-table".
    public let name: String
    public let text: String
    /// Shown in diagnostics: "templates/item.mustache" or "(default theme) templates/item.mustache".
    public let displayPath: String
    public let isDefault: Bool

    public init(name: String, text: String, displayPath: String, isDefault: Bool) {
        self.name = name
        self.text = text
        self.displayPath = displayPath
        self.isDefault = isDefault
    }
}
