import MierukaDiagnostics
import Mustache

/// The templates and assets a site is rendered with: the default theme compiled into Mieruka,
/// with any template of the same name from the site's templates/ folder taking its place.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    public let sources: [String: TemplateSource]
    /// Assets of the theme to write into the output (path → text), e.g. the stylesheet.
    public let assets: [(path: String, text: String)]

    /// Names of the templates that lay out each kind of page.
    public static let pageTemplates = ["home", "page", "plan", "policy", "item", "report", "departments", "department", "404"]

    /// - Parameter siteTemplates: the site's own templates (their names without ".mustache").
    public static func load(siteTemplates: [TemplateSource], diagnostics: inout Diagnostics) -> Theme {
        var sources: [String: TemplateSource] = [:]
        var assets: [(path: String, text: String)] = []
        for (path, text) in EmbeddedTheme.files {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                sources[name] = TemplateSource(
                    name: name, text: text, displayPath: "(default theme) " + path, isDefault: true)
            } else {
                assets.append((path, text))
            }
        }
        for source in siteTemplates {
            sources[source.name] = source
        }
        // A partial's final line break would otherwise end up inside the line that includes it.
        for (name, source) in sources where name.hasPrefix("partials/") && source.text.hasSuffix("\n") {
            sources[name] = TemplateSource(
                name: name, text: String(source.text.dropLast()), displayPath: source.displayPath,
                isDefault: source.isDefault)
        }

        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    at: SourceLocation(file: source.displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                    "the template cannot be read: \(Self.describe(error.error))",
                    hint: "check that every {{#section}} has its {{/section}} with the same name")
            } catch {
                diagnostics.error(at: SourceLocation(file: source.displayPath), "the template cannot be read: \(error)")
            }
        }
        return Theme(library: library, sources: sources, assets: assets.sorted { $0.path < $1.path })
    }

    static func describe(_ error: any Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "a section is closed with a different name than it was opened with"
        case "unfinishedName": "a tag is not closed with }}"
        case "expectedSectionEnd": "a section is opened but never closed"
        case "invalidSetDelimiter": "the delimiter change {{=… =}} is not valid"
        case "textInsideInheritSection", "illegalTokenInsideInheritSection":
            "inside {{<parent}} … {{/parent}} only blocks ({{$name}} … {{/name}}) may appear"
        default: "\(error)"
        }
    }
}
