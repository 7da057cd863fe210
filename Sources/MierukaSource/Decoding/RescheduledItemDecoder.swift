import MierukaDiagnostics
import MierukaModel

/// Reads a revision's `rescheduled:`: items whose scheduled year (実施予定年度) the revision moved,
/// `- {item: 2-(1)-(3), part: 9.要・準要保護児童生徒医療扶助事業, from: H17, to: H18}` or
/// `- {title: 特別会計への繰出金のありかたの検討, number: 15-(1)-(4), from: H17, to: H18}`.
enum RescheduledItemDecoder {
    static let example = "e.g. - {item: 12, from: R6, to: R7}, or - {title: …, number: 15-(1)-(4), from: H17, to: H18}"

    static func decode(_ node: YAMLNode, diagnostics: inout Diagnostics) -> RevisedItemDocument? {
        if case .scalar(let scalar) = node {
            diagnostics.error(
                at: scalar.location, "a rescheduled item is written as \"\(scalar.text.trimmingWhitespace())\" alone",
                hint: "name the item and its scheduled year before and after the revision, \(example)")
            return nil
        }
        guard
            let entry = MappingReader(
                node, what: "a rescheduled item", knownKeys: RevisionDecoder.rescheduledKeys, diagnostics: &diagnostics)
        else { return nil }
        let item = entry.text("item", diagnostics: &diagnostics)
        let title = entry.text("title", diagnostics: &diagnostics)
        let from = entry.fiscalYear("from", diagnostics: &diagnostics)
        let to = entry.fiscalYear("to", diagnostics: &diagnostics)
        if item == nil, title == nil {
            diagnostics.error(
                at: entry.location, "a rescheduled item has neither \"item\" nor \"title\"",
                hint: "give the item's number on the site (item: 12), or its title as the revision names it when the site does not detail it (title: …)")
        }
        for key in ["from", "to"] where !entry.has(key) {
            diagnostics.error(
                at: entry.location, "a rescheduled item has no \"\(key)\"",
                hint: "write the scheduled year (実施予定年度) before the revision as from: and after it as to:, \(example)")
        }
        if let from, let to, from.value == to.value {
            diagnostics.error(
                at: to.location,
                "the rescheduled item moves from \(from.value.label(.wareki)) to the same year",
                hint: "from: is the scheduled year before the revision and to: the year after it; check both against the city's document")
            return nil
        }
        guard item != nil || title != nil, let from, let to else { return nil }
        return RevisedItemDocument(
            item: item, title: title, referenceNumber: number(entry, diagnostics: &diagnostics),
            part: entry.text("part", diagnostics: &diagnostics), from: from, to: to,
            reason: entry.text("reason", diagnostics: &diagnostics)?.value, location: entry.location)
    }

    /// `number:`: the item's 整理番号 as the revision writes it.
    static func number(_ entry: MappingReader, diagnostics: inout Diagnostics) -> Located<String>? {
        entry.text("number", diagnostics: &diagnostics)
    }
}
