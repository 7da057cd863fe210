import MierukaDiagnostics
import MierukaModel

/// `as_of:`: the point within a fiscal year that a table's figures stand at (「9月末」), which makes
/// sense only for one fiscal year, never for a span.
enum SnapshotDecoder {
    static func decode(
        _ reader: MappingReader, what: String, years: FiscalYearRange?, diagnostics: inout Diagnostics
    ) -> Snapshot? {
        guard reader.has("as_of") else { return nil }
        guard let raw = reader.text("as_of", diagnostics: &diagnostics) else {
            if case .scalar = reader.node("as_of") {
                diagnostics.error(
                    at: reader.node("as_of")?.location ?? reader.location, "\"as_of\" of \(what) is empty",
                    hint: "write the point in the year the figures stand at, as the report does (as_of: 9月末), or leave the key out for the year's end")
            }
            return nil
        }
        guard let snapshot = Snapshot.parse(raw.value) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" (as_of of \(what)) names no month",
                hint: "write the point in the year as the report does, with its month: 9月末, 8月末時点, 9月30日現在")
            return nil
        }
        if let years, !years.isSingleYear {
            diagnostics.error(
                at: raw.location, "\(what) is a span of years, so it cannot stand at 「\(raw.value)」 within a year",
                hint: "a snapshot (as_of:) belongs to one fiscal year: write years: with that year, or leave as_of: out for the span's figures")
            return nil
        }
        return snapshot
    }
}
