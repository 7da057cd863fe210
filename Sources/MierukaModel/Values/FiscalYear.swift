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
    static func eraYearText(_ eraYear: Int) -> String {
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

/// A span of fiscal years, such as a plan period or a target over several years (2020～2024年度).
package struct FiscalYearRange: Sendable, Hashable {
    package let first: FiscalYear
    /// nil for an open-ended span (a plan whose end the documents do not give).
    package let last: FiscalYear?

    package init(_ first: FiscalYear, _ last: FiscalYear?) {
        self.first = first
        self.last = last
    }

    package init(single year: FiscalYear) {
        self.first = year
        self.last = year
    }

    package func contains(_ year: FiscalYear) -> Bool {
        year >= first && (last.map { year <= $0 } ?? true)
    }

    package var isSingleYear: Bool { last == first }

    /// Number of fiscal years, when the span is closed.
    package var length: Int? { last.map { $0.year - first.year + 1 } }

    /// 平成29年度～令和2年度, 2020～2024年度, or 平成28年度～ when open-ended.
    package func label(_ style: FiscalYearStyle) -> String {
        guard let last else { return first.label(style) + "～" }
        if last == first { return first.label(style) }
        if style == .western { return "\(first.year)～\(last.year)年度" }
        return first.label(style) + "～" + last.label(style)
    }
}
