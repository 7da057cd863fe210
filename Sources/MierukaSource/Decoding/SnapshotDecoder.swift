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
        if let years, years.isSingleYear, let calendarYear = calendarYear(before: raw.value) {
            // 「平成27年3月末現在」 is in 平成26年度: January–March belong to the year begun the April before.
            let dated = FiscalYear(snapshot.month >= 4 ? calendarYear : calendarYear - 1)
            if dated != years.first {
                // A warning: a report may date a year's figures after it (決算 at 5月末 of the next year).
                diagnostics.warning(
                    at: raw.location,
                    "「\(raw.value)」 (as_of of \(what)) is a date in \(dated.label(.wareki)), not in \(years.first.label(.wareki))",
                    hint: "a fiscal year runs from April to March, so 1月–3月 belong to the year that began the April before: if the figures are \(dated.label(.wareki))'s, write that year (at its 3月末, its end, leave as_of: out); if the report dates this year's figures after it, leave it so")
            }
        }
        return snapshot
    }

    /// The calendar year an as_of names before its month, when it names one: 2015 for
    /// 「平成27年3月末現在」, 「H27.3 月末」, 「2015年3月末」; nil for 「9月末」 or a year it cannot read.
    static func calendarYear(before text: String) -> Int? {
        let folded = String(WidthNormalization.fold(text).filter { !$0.isWhitespace })
        guard let monthMark = folded.firstIndex(of: "月") else { return nil }
        // Drop the month's digits, then the separator (年 or .) that ends the year.
        var head = folded[..<monthMark]
        while let last = head.last, last.isASCII, last.isNumber { head = head.dropLast() }
        guard let separator = head.last, separator == "年" || separator == "." else { return nil }
        head = head.dropLast()
        var digits = String(head.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        if digits.isEmpty, head.last == "元" { digits = "元" }
        guard !digits.isEmpty, digits.count <= 4, let number = digits == "元" ? 1 : Int(digits) else { return nil }
        let era = String(head.dropLast(digits.count))
        if era.isEmpty { return digits.count == 4 ? number : nil }
        let named = Era.named(era) ?? (era.count == 1 ? era.first.flatMap(Era.lettered) : nil)
        guard let named, number >= 1 else { return nil }
        return named.firstFiscalYear + number - 1
    }
}
