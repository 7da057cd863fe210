import MierukaDiagnostics
import MierukaModel

/// Reads an item document's front matter.
enum ItemDecoder {
    static let keys = [
        "number", "title", "policy", "relisted", "department", "departments", "kpis", "results", "summary", "slug",
        "schedule", "subitems", "subitem_count",
    ]
    static let relistingKeys = ["number", "policy"]

    /// The `number:` an item document gives, read even when the rest of it has errors.
    static func number(in node: YAMLNode) -> String? {
        guard case .mapping(let mapping) = node,
            case .scalar(let number)? = mapping.entries.first(where: { $0.key.text == "number" })?.value
        else { return nil }
        return number.text
    }

    /// The number of an item whose front matter YAML cannot read, from its `number:` line (at the
    /// start of a line: `number: 1`, `number: "01"`), so that its results are not reported again
    /// as results for a missing item while the YAML error stands. Nil when there is no such line.
    static func number(inUnreadable yaml: some StringProtocol) -> String? {
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("number:") else { continue }
            var value = line.dropFirst("number:".count)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            value = value.drop { $0 == " " || $0 == "\r" }
            while let last = value.last, last == " " || last == "\r" { value = value.dropLast() }
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// `start` is the file's first line, where the document itself is reported (the file named
    /// once, in `DocumentParser`, for all the document's locations).
    static func decode(
        _ node: YAMLNode, planSlug: String, fileSlug: Located<String>, body: String, bodyLine: Int, start: SourceLocation,
        diagnostics: inout Diagnostics
    ) -> ItemDocument? {
        guard let reader = MappingReader(node, what: "the item's front matter", knownKeys: keys, diagnostics: &diagnostics)
        else { return nil }
        let number = reader.requiredText("number", diagnostics: &diagnostics)
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        let policy = reader.requiredText("policy", diagnostics: &diagnostics)
        let relisted: [RelistingDocument] = reader.list("relisted", diagnostics: &diagnostics).compactMap { entry in
            guard
                let relisting = MappingReader(
                    entry, what: "a relisting (再掲)", knownKeys: relistingKeys, diagnostics: &diagnostics),
                let number = relisting.requiredText("number", diagnostics: &diagnostics),
                let policy = relisting.requiredText("policy", diagnostics: &diagnostics)
            else { return nil }
            return RelistingDocument(number: number, policy: policy, location: relisting.location)
        }
        let departments =
            reader.textList("departments", diagnostics: &diagnostics)
            + reader.textList("department", diagnostics: &diagnostics)
        let kpis = KPIDecoder.decodeList(reader.list("kpis", diagnostics: &diagnostics), diagnostics: &diagnostics)
        let results = reader.list("results", diagnostics: &diagnostics).compactMap {
            ResultDecoder.decodeInItem($0, diagnostics: &diagnostics)
        }
        let slug = reader.text("slug", diagnostics: &diagnostics) ?? fileSlug
        let schedule = ScheduleDecoder.decode(reader.node("schedule"), diagnostics: &diagnostics)
        guard let number, let title, let policy else { return nil }
        var document = ItemDocument(
            planSlug: planSlug, slug: slug, number: number, title: title, policy: policy, relisted: relisted,
            departments: departments, kpis: kpis, results: results,
            summary: reader.text("summary", diagnostics: &diagnostics)?.value, body: body,
            bodyLocation: start.at(line: bodyLine, column: 1),
            location: start)
        document.schedule = schedule
        document.subitems = SubItemDecoder.decodeList(reader.list("subitems", diagnostics: &diagnostics), diagnostics: &diagnostics)
        document.subitemCount = subitemCount(reader, diagnostics: &diagnostics)
        return document
    }

    /// `subitem_count:` as the city writes it: 3 or 「3細目」, a whole number of at least 1.
    static func subitemCount(_ reader: MappingReader, diagnostics: inout Diagnostics) -> Located<Int>? {
        guard let raw = reader.text("subitem_count", diagnostics: &diagnostics) else { return nil }
        guard let parsed = NumberParser.parse(raw.value), ["", "細目"].contains(parsed.suffix), parsed.number.scale == 0,
            parsed.number.units >= 1, let count = Int(exactly: parsed.number.units)
        else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a number of 細目",
                hint: "write the number of 細目 the city publishes for the item, as a whole number such as 3 or 3細目")
            return nil
        }
        return Located(count, at: raw.location)
    }
}
