import MierukaModel

/// Reads fiscal years as people write them: 平成29年度, H29, R6, 令和元年度, 2024, 2024年度, ２０２４,
/// and 2024（令和6）年度 as Mieruka's pages show them (the two must name the same year).
/// A 平成 year past the era's end, as plans written before 2019 name their later years, is the
/// same fiscal year as in 令和 (平成32年度 = 令和2年度 = FY2020), read up to 平成60 (`Era.lastReadableEraYear`).
package enum FiscalYearParser {
    /// The forms accepted, for error hints.
    package static let acceptedForms = "2024, 2024年度, 令和6年度, 令和元年度, 平成29年度, 平成32年度 (= 令和2年度), R6, H29"

    package static func parse(_ raw: String) -> FiscalYear? {
        parseWritten(raw)?.year
    }

    /// The year, and how it was written when it is named in an era past the era's end (平成32年度).
    package static func parseWritten(_ raw: String) -> (year: FiscalYear, written: WrittenEraYear?)? {
        // The common case on bytes: a Western year of four digits.
        let utf8 = raw.utf8
        if utf8.count == 4, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            let year = utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return (1900...2200).contains(year) ? (FiscalYear(year), nil) : nil
        }
        var text = Substring(WidthNormalization.fold(raw))
        for suffix in ["年度末", "年度", "年"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            break
        }
        text = Substring(String(text).trimmingWhitespace())
        guard !text.isEmpty else { return nil }

        // Both, as Mieruka shows years in the `both` style: 2024（令和6）, which must agree.
        if text.hasSuffix(")"), let open = text.firstIndex(of: "("), open > text.startIndex {
            if let shown = pastEndAsShown(text, open: open) { return shown }
            let western = parse(String(text[..<open]))
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let era = parseWritten(String(inner))
            guard let western, let era, western == era.year, text[..<open].allSatisfy({ $0.isASCIIDigit || $0 == " " }),
                !inner.allSatisfy(\.isASCIIDigit)
            else { return nil }
            return (western, era.written)
        }
        // Western year: 4 digits
        if text.allSatisfy(\.isASCIIDigit), text.count == 4, let year = Int(text) {
            return (1900...2200).contains(year) ? (FiscalYear(year), nil) : nil
        }
        // Era by name: 平成29, 令和元
        for era in Era.allCases where text.hasPrefix(era.name) {
            return eraYear(text.dropFirst(era.name.count), era: era)
        }
        // Era by letter: H29, R6, h.29, R元
        if let first = text.first, let era = Era.lettered(first) {
            var rest = text.dropFirst()
            if rest.first == "." { rest = rest.dropFirst() }
            return eraYear(rest, era: era)
        }
        return nil
    }

    /// A year past its era's end as Mieruka shows it, with the year it is: 平成32年度（令和2年度）,
    /// 平成32年度（2020年度）, 平成32年度（令和2年度・2020年度）, which must agree.
    private static func pastEndAsShown(_ text: Substring, open: Substring.Index) -> (year: FiscalYear, written: WrittenEraYear?)? {
        guard let outer = parseWritten(String(text[..<open])), let written = outer.written else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let names = inner.split(separator: "・", omittingEmptySubsequences: false)
        guard (1...2).contains(names.count),
            names.allSatisfy({ name in parseWritten(String(name)).map { $0.year == outer.year && $0.written == nil } ?? false })
        else { return nil }
        return (outer.year, written)
    }

    private static func eraYear(_ text: Substring, era: Era) -> (year: FiscalYear, written: WrittenEraYear?)? {
        guard let number = eraYearNumber(text), let year = era.fiscalYear(eraYear: number) else { return nil }
        let written = era.isPastEnd(eraYear: number) ? WrittenEraYear(era: era, eraYear: number) : nil
        return (FiscalYear(year), written)
    }

    private static func eraYearNumber(_ text: Substring) -> Int? {
        let trimmed = String(text).trimmingWhitespace()
        if trimmed == "元" { return 1 }
        guard !trimmed.isEmpty, trimmed.count <= 18, trimmed.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(trimmed)
    }

    /// The hint for text that is not a fiscal year: why an era year is not read when it is one
    /// (平成99: past the years Mieruka reads), else the forms accepted.
    package static func hint(for raw: String) -> String {
        var text = Substring(WidthNormalization.fold(raw).trimmingWhitespace())
        for suffix in ["年度末", "年度", "年"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            break
        }
        for era in Era.allCases {
            var rest: Substring?
            if text.hasPrefix(era.name) {
                rest = text.dropFirst(era.name.count)
            } else if let first = text.first, Era.lettered(first) == era {
                rest = text.dropFirst().drop { $0 == "." }
            }
            guard let rest, let number = eraYearNumber(rest), let limit = era.lastReadableEraYear, number > limit
            else { continue }
            let pastEnd = era == .heisei ? " (平成32年度 and later are read as 令和: 平成32年度 = 令和2年度)" : ""
            return "\(era.name)\(number) is past \(era.name)\(limit), the last \(era.name) year Mieruka reads\(pastEnd); "
                + "check the year, or write it in 令和 (R) or as a Western year"
        }
        return "write a year such as " + acceptedForms
    }

    /// The hint for text that is not a span: `hint(for:)` of an end that is an era year past what
    /// Mieruka reads (H28～H99), else `general`.
    package static func rangeHint(for raw: String, general: String) -> String {
        let text = WidthNormalization.fold(raw)
        let generic = hint(for: "")
        for separator in ["～", "〜", "~", "から", "-", "–", "—"] {
            guard let range = firstRange(of: separator, in: text) else { continue }
            var right = String(text[range.upperBound...]).trimmingWhitespace()
            if right.hasSuffix("まで") { right = String(right.dropLast(2)) }
            for side in [String(text[..<range.lowerBound]), right] where hint(for: side) != generic {
                return hint(for: side)
            }
            return general
        }
        let single = hint(for: text)
        return single == generic ? general : single
    }

    /// A span: "2020～2024", "R2-R6", "平成29年度から令和2年度", or a single year.
    package static func parseRange(_ raw: String) -> FiscalYearRange? {
        let text = WidthNormalization.fold(raw)
        for separator in ["～", "〜", "~", "から", "-", "–", "—"] {
            guard let range = Self.firstRange(of: separator, in: text) else { continue }
            let left = String(text[..<range.lowerBound])
            var right = String(text[range.upperBound...]).trimmingWhitespace()
            if right.hasSuffix("まで") { right = String(right.dropLast(2)) }
            guard let first = parseWritten(left) else { return nil }
            if right.isEmpty { return FiscalYearRange(first.year, nil, firstWritten: first.written) }
            // "2020～2024年度": the suffix on the right applies to both.
            guard let last = parseWritten(right), last.year >= first.year else { return nil }
            return FiscalYearRange(first.year, last.year, firstWritten: first.written, lastWritten: last.written)
        }
        return parseWritten(text).map { FiscalYearRange(single: $0.year, written: $0.written) }
    }
}

extension FiscalYearParser {
    /// Where `separator` first occurs in `text`, compared on UTF-8 bytes: a span is parsed for
    /// every result of every item, and searching by characters (Foundation's or the standard
    /// library's) cost more than the rest of the parse of a year. The separators start with a
    /// whole character, so a match on bytes starts on a character too.
    static func firstRange(of separator: String, in text: String) -> Range<String.Index>? {
        let needle = Array(separator.utf8)
        guard let first = needle.first else { return nil }
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) {
                return found..<bytes.index(found, offsetBy: needle.count)
            }
            index = bytes.index(after: found)
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
