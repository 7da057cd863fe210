/// A Japanese fiscal year (年度), stored as the Western year of the April in which it begins.
package struct FiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int

    package init(_ year: Int) {
        self.year = year
    }

    package static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool {
        lhs.year < rhs.year
    }

    package var next: FiscalYear { FiscalYear(year + 1) }

    /// 令和6年度, 2024年度 or 令和6（2024）年度, as the plan chooses.
    package func label(_ style: FiscalYearStyle) -> String {
        switch style {
        case .western:
            return "\(year)年度"
        case .wareki:
            guard let named = Era.naming(fiscalYear: year) else { return "\(year)年度" }
            return "\(named.era.name)\(Self.eraYearText(named.eraYear))年度"
        case .both:
            guard let named = Era.naming(fiscalYear: year) else { return "\(year)年度" }
            return "\(year)（\(named.era.name)\(Self.eraYearText(named.eraYear))）年度"
        }
    }

    /// The era form without 年度 (令和6, 平成元), for compact table headings.
    package var eraLabel: String {
        guard let named = Era.naming(fiscalYear: year) else { return "\(year)" }
        return named.era.name + Self.eraYearText(named.eraYear)
    }

    /// 元 for the first year of an era, the number otherwise.
    package static func eraYearText(_ eraYear: Int) -> String {
        eraYear == 1 ? "元" : String(eraYear)
    }

    /// The Western year as used in file names and URLs ("2017").
    package var description: String { String(year) }
}

/// How a plan writes its fiscal years.
package enum FiscalYearStyle: String, Sendable, CaseIterable {
    /// 令和6年度 (the default: how municipal documents write years)
    case wareki
    /// 2024年度
    case western
    /// 2024（令和6）年度
    case both
}

/// A fiscal year as a city wrote it in an era past the era's end: 平成32年度 for 令和2年度 (FY2020),
/// as plans written before 2019 name their later years.
package struct WrittenEraYear: Sendable, Hashable {
    package let era: Era
    package let eraYear: Int

    package init(era: Era, eraYear: Int) {
        self.era = era
        self.eraYear = eraYear
    }

    /// 平成32年度
    package var text: String { "\(era.name)\(eraYear)年度" }

    /// The year as the city wrote it, then the year it is: 平成32年度（令和2年度）, 平成32年度（2020年度）,
    /// 平成32年度（令和2年度・2020年度）.
    package func label(of year: FiscalYear, _ style: FiscalYearStyle) -> String {
        switch style {
        case .wareki, .western: "\(text)（\(year.label(style))）"
        case .both: "\(text)（\(year.label(.wareki))・\(year.label(.western))）"
        }
    }
}

/// A span of fiscal years, such as a plan period or a target over several years (2020～2024年度).
///
/// An end written in an era past its end (平成32年度) keeps how it was written (`firstWritten`,
/// `lastWritten`) for the span's label; two spans are equal when their years are, however written.
package struct FiscalYearRange: Sendable, Hashable {
    package let first: FiscalYear
    /// nil for an open-ended span (a plan whose end the documents do not give).
    package let last: FiscalYear?
    /// How the first year was written when it is past its era's end (平成32年度), else nil.
    package let firstWritten: WrittenEraYear?
    /// How the last year was written when it is past its era's end, else nil.
    package let lastWritten: WrittenEraYear?

    package init(
        _ first: FiscalYear, _ last: FiscalYear?, firstWritten: WrittenEraYear? = nil, lastWritten: WrittenEraYear? = nil
    ) {
        self.first = first
        self.last = last
        self.firstWritten = firstWritten
        self.lastWritten = last == nil ? nil : lastWritten
    }

    package init(single year: FiscalYear, written: WrittenEraYear? = nil) {
        self.init(year, year, firstWritten: written, lastWritten: written)
    }

    package static func == (lhs: FiscalYearRange, rhs: FiscalYearRange) -> Bool {
        lhs.first == rhs.first && lhs.last == rhs.last
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(first)
        hasher.combine(last)
    }

    /// Whether an end of the span is written in an era past its end.
    package var hasWrittenForm: Bool { firstWritten != nil || lastWritten != nil }

    /// The span as the city wrote it (平成28年度～平成32年度), when an end is written past its era's end.
    package var writtenText: String? {
        guard hasWrittenForm else { return nil }
        let firstText = firstWritten?.text ?? first.label(.wareki)
        guard let last else { return firstText + "～" }
        if last == first { return firstText }
        return firstText + "～" + (lastWritten?.text ?? last.label(.wareki))
    }

    package func contains(_ year: FiscalYear) -> Bool {
        year >= first && (last.map { year <= $0 } ?? true)
    }

    package var isSingleYear: Bool { last == first }

    /// Number of fiscal years, when the span is closed.
    package var length: Int? { last.map { $0.year - first.year + 1 } }

    /// 平成29年度～令和2年度, 2020～2024年度, or 平成28年度～ when open-ended. An end written past its
    /// era's end is shown as written with the year it is: 平成28年度～平成32年度（令和2年度）.
    package func label(_ style: FiscalYearStyle) -> String {
        let firstLabel = firstWritten?.label(of: first, style) ?? first.label(style)
        guard let last else { return firstLabel + "～" }
        if last == first { return firstLabel }
        if style == .western, !hasWrittenForm { return "\(first.year)～\(last.year)年度" }
        return firstLabel + "～" + (lastWritten?.label(of: last, style) ?? last.label(style))
    }
}
