import MierukaDiagnostics
import MierukaModel

/// Reads `mieruka.yml`.
enum ConfigDecoder {
    static let keys = ["title", "description", "base_url", "language", "raw_html", "publisher", "department_slugs"]

    static func decode(_ node: YAMLNode?, file: String, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let node else {
            diagnostics.error(
                at: SourceLocation(file: file, line: 1, column: 1), "the site config is empty",
                hint: "give at least the site's title, e.g. title: 行財政改革の見える化")
            return nil
        }
        guard let reader = MappingReader(node, what: "the site config", knownKeys: keys, diagnostics: &diagnostics) else {
            return nil
        }
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        let baseURL = reader.text("base_url", diagnostics: &diagnostics).flatMap {
            parseBaseURL($0, diagnostics: &diagnostics)
        } ?? .root
        let language = reader.text("language", diagnostics: &diagnostics)?.value ?? "ja"
        var slugs: [String: String] = [:]
        if let node = reader.node("department_slugs") {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping.entries {
                    guard case .scalar(let scalar) = value, URLSlug.isValid(scalar.text) else {
                        diagnostics.error(
                            at: value.location, "the URL name for \"\(key.text)\" must be letters, digits and hyphens",
                            hint: "e.g. 企画部: kikaku")
                        continue
                    }
                    slugs[key.text] = scalar.text
                }
            } else {
                diagnostics.error(
                    at: node.location, "department_slugs should map department names to URL names",
                    hint: "e.g. department_slugs: {企画部: kikaku}")
            }
        }
        guard let title else { return nil }
        return SiteConfig(
            title: title.value, description: reader.text("description", diagnostics: &diagnostics)?.value,
            baseURL: baseURL, language: language,
            allowRawHTML: reader.bool("raw_html", diagnostics: &diagnostics) ?? false,
            publisher: reader.text("publisher", diagnostics: &diagnostics)?.value, departmentSlugs: slugs)
    }

    /// "https://www.city.example.lg.jp/kaikaku/" or a path such as "/kaikaku/".
    static func parseBaseURL(_ raw: Located<String>, diagnostics: inout Diagnostics) -> BaseURL? {
        let text = raw.value
        if text.hasPrefix("/") {
            return BaseURL(origin: "", path: text)
        }
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" }
            guard !host.isEmpty, !host.contains(" ") else { break }
            let path = rest.dropFirst(host.count)
            return BaseURL(origin: scheme + host, path: path.isEmpty ? "/" : String(path))
        }
        diagnostics.error(
            at: raw.location, "\"\(text)\" is not a base URL",
            hint: "write the address the site is published at, e.g. https://www.city.example.lg.jp/kaikaku/ (or a path such as /kaikaku/)")
        return nil
    }
}
