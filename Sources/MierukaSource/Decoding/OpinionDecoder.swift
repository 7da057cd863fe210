import MierukaDiagnostics
import MierukaModel

/// Reads a plan's `opinions:`: what a committee said of a year's results, as published.
enum OpinionDecoder {
    static let keys = ["year", "by", "date", "text", "item", "source"]

    static func decode(_ reader: MappingReader, diagnostics: inout Diagnostics) -> [OpinionDocument] {
        reader.list("opinions", diagnostics: &diagnostics).compactMap { node in
            guard let entry = MappingReader(node, what: "an opinion", knownKeys: keys, diagnostics: &diagnostics) else { return nil }
            let year = entry.fiscalYear("year", diagnostics: &diagnostics)
            if year == nil, !entry.has("year") {
                diagnostics.error(
                    at: entry.location, "an opinion has no \"year\"",
                    hint: "add the fiscal year of the results it is on, e.g. year: R4")
            }
            let by = entry.requiredText("by", diagnostics: &diagnostics)
            let text = entry.markdown("text", diagnostics: &diagnostics)
            if text == nil, !entry.has("text") {
                diagnostics.error(
                    at: entry.location, "an opinion has no \"text\"",
                    hint: "add text: with the opinion as published (a block with | keeps its lines)")
            }
            guard let year, let by, let text else { return nil }
            return OpinionDocument(
                year: year, by: by.value, date: entry.text("date", diagnostics: &diagnostics)?.value, text: text,
                item: entry.text("item", diagnostics: &diagnostics), source: entry.text("source", diagnostics: &diagnostics)?.value,
                location: entry.location)
        }
    }
}
