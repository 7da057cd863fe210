import MierukaDiagnostics
import MierukaModel

/// Reads `mieruka.yml`.
enum ConfigDecoder {
    static let keys = [
        "title", "description", "base_url", "language", "raw_html", "publisher", "department_slugs", "csv", "xlsx", "data", "accessibility",
    ]
    static let csvKeys = ["encoding", "columns"]
    static let xlsxKeys = ["sheets"]
    static let dataKeys = ["license", "license_url", "shift_jis"]
    static let accessibilityKeys = [
        "organization", "level", "scope", "exceptions", "contact", "date", "results", "results_site",
    ]
    /// The encodings `csv: encoding:` accepts, with the other names people give them.
    static let encodings: [(String, CSVSettings.Encoding)] = [
        ("auto", .auto), ("utf-8", .utf8), ("shift_jis", .shiftJIS), ("utf8", .utf8), ("shift-jis", .shiftJIS),
        ("sjis", .shiftJIS), ("cp932", .shiftJIS), ("windows-31j", .shiftJIS),
    ]

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
                for entry in mapping.entries {
                    let (key, value) = (entry.key, entry.value)
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
            publisher: reader.text("publisher", diagnostics: &diagnostics)?.value, departmentSlugs: slugs,
            csv: reader.node("csv").flatMap { csv($0, diagnostics: &diagnostics) } ?? CSVSettings(),
            data: reader.node("data").flatMap { data($0, diagnostics: &diagnostics) } ?? DataSettings(),
            accessibility: reader.node("accessibility").flatMap { accessibility($0, diagnostics: &diagnostics) }
                ?? AccessibilitySettings(),
            xlsx: reader.node("xlsx").flatMap { xlsx($0, diagnostics: &diagnostics) } ?? XLSXSettings())
    }

    /// `xlsx: {sheets: [進捗一覧, 指標]}`
    static func xlsx(_ node: YAMLNode, diagnostics: inout Diagnostics) -> XLSXSettings? {
        guard
            let reader = MappingReader(node, what: "the xlsx: section", knownKeys: xlsxKeys, diagnostics: &diagnostics)
        else { return nil }
        var sheets: [String] = []
        for name in reader.textList("sheets", diagnostics: &diagnostics) {
            guard !name.value.trimmingWhitespace().isEmpty else {
                diagnostics.error(
                    at: name.location, "a sheet's name in xlsx: sheets: is empty",
                    hint: "write each sheet's name as its tab shows it, e.g. sheets: [進捗一覧]")
                continue
            }
            guard !sheets.contains(name.value) else {
                diagnostics.error(
                    at: name.location, "the sheet 「\(name.value)」 is named twice in xlsx: sheets:",
                    hint: "name each sheet once")
                continue
            }
            sheets.append(name.value)
        }
        return XLSXSettings(sheets: sheets)
    }

    /// `accessibility: {organization: 〇〇市, level: AA, results: .build-tools/check-site-results.json}`
    static func accessibility(_ node: YAMLNode, diagnostics: inout Diagnostics) -> AccessibilitySettings? {
        guard
            let reader = MappingReader(
                node, what: "the accessibility: section", knownKeys: accessibilityKeys, diagnostics: &diagnostics)
        else { return nil }
        var level = WCAGLevel.aa
        if let written = reader.text("level", diagnostics: &diagnostics) {
            if let known = WCAGLevel(rawValue: written.value.uppercased()) {
                level = known
            } else {
                diagnostics.error(
                    at: written.location, "\"\(written.value)\" is not a conformance level",
                    hint: "write A, AA or AAA (public sites in Japan aim at AA)")
            }
        }
        var results = reader.text("results", diagnostics: &diagnostics)
        if let path = results, path.value.hasPrefix("/") || path.value.split(separator: "/").contains("..") {
            diagnostics.error(
                at: path.location, "the results file must be inside the site folder",
                hint: "give its path from the site folder, e.g. .build-tools/check-site-results.json")
            results = nil
        }
        let contact = reader.text("contact", diagnostics: &diagnostics)?.value
        if contact == nil {
            diagnostics.warning(
                at: node.location, "the accessibility: section has no contact:, so the policy page has no お問い合わせ",
                hint: "say where readers report what they cannot read or use, e.g. contact: 〇〇市 企画課（電話 000-000-0000）")
        }
        return AccessibilitySettings(
            organization: reader.text("organization", diagnostics: &diagnostics)?.value, targetLevel: level,
            scope: reader.text("scope", diagnostics: &diagnostics)?.value,
            exceptions: reader.textList("exceptions", diagnostics: &diagnostics).map(\.value),
            contact: contact,
            policyDate: reader.text("date", diagnostics: &diagnostics)?.value, resultsFile: results?.value,
            resultsSite: reader.text("results_site", diagnostics: &diagnostics)?.value)
    }

    /// `data: {license: 政府標準利用規約（第2.0版）, license_url: https://…, shift_jis: true}`
    static func data(_ node: YAMLNode, diagnostics: inout Diagnostics) -> DataSettings? {
        guard
            let reader = MappingReader(node, what: "the data: section", knownKeys: dataKeys, diagnostics: &diagnostics)
        else { return nil }
        let license = reader.text("license", diagnostics: &diagnostics)
        // A licence named without an address is shown without a link, not with the default's.
        var licenseURL = license == nil ? DataSettings.defaultLicenseURL : nil
        if let url = reader.text("license_url", diagnostics: &diagnostics) {
            if url.value.hasPrefix("https://") || url.value.hasPrefix("http://") {
                licenseURL = url.value
            } else {
                diagnostics.error(
                    at: url.location, "\"\(url.value)\" is not the address of the licence's text",
                    hint: "write a full address, e.g. https://creativecommons.org/licenses/by/4.0/legalcode.ja")
            }
        }
        return DataSettings(
            license: license?.value ?? DataSettings.defaultLicense, licenseURL: licenseURL,
            shiftJISCopies: reader.bool("shift_jis", diagnostics: &diagnostics) ?? false)
    }

    /// `csv: {encoding: auto, columns: {実績額: effect_actual, 担当課: ignore}}`
    static func csv(_ node: YAMLNode, diagnostics: inout Diagnostics) -> CSVSettings? {
        guard
            let reader = MappingReader(node, what: "the csv: section", knownKeys: csvKeys, diagnostics: &diagnostics)
        else { return nil }
        var encoding = CSVSettings.Encoding.auto
        if let raw = reader.text("encoding", diagnostics: &diagnostics) {
            if let match = encodings.first(where: { $0.0 == raw.value.lowercased() }) {
                encoding = match.1
            } else {
                diagnostics.error(
                    at: raw.location, "\"\(raw.value)\" is not an encoding CSV files are read in",
                    hint: "use one of: auto (UTF-8 or Shift_JIS, found from the file), utf-8, shift_jis")
            }
        }
        var columns: [String: String] = [:]
        if let node = reader.node("columns") {
            guard case .mapping(let mapping) = node else {
                diagnostics.error(
                    at: node.location, "columns in csv: should map headers to what their columns hold",
                    hint: "e.g. columns: {実績額: effect_actual, 担当課: ignore}")
                return CSVSettings(encoding: encoding)
            }
            let keys = CSVField.allCases.map(\.key)
            for entry in mapping.entries {
                let (key, value) = (entry.key, entry.value)
                guard case .scalar(let scalar) = value, let field = CSVField.named(scalar.text) else {
                    var written = ""
                    if case .scalar(let scalar) = value { written = scalar.text }
                    let suggestion = Suggestion.closest(to: written, in: keys).map { "did you mean \"\($0)\"? " } ?? ""
                    diagnostics.error(
                        at: value.location,
                        "\"\(written)\" is not a column Mieruka reads, for the header 「\(key.text)」",
                        hint: suggestion + "use one of: " + keys.joined(separator: ", ")
                            + " (or a built-in header such as 効果額)")
                    continue
                }
                columns[key.text] = field.key
            }
        }
        return CSVSettings(encoding: encoding, columns: columns)
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

/// A base URL given on the command line (`mieruka build --base-url`), read as `base_url:` is.
package enum BaseURLOption {
    package static func parse(_ text: String, diagnostics: inout Diagnostics) -> BaseURL? {
        ConfigDecoder.parseBaseURL(Located(text, at: SourceLocation(file: "--base-url")), diagnostics: &diagnostics)
    }
}
