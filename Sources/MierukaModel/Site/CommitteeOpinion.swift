import MierukaDiagnostics

/// An opinion a committee (or any body the report names) gave on a year's results, published beside
/// them (倉吉市: 委員会の意見), on the year's report as a whole or on one item. Shown as published, with
/// who gave it; Mieruka neither shortens nor summarises it.
package struct CommitteeOpinion: Sendable {
    package let year: FiscalYear
    /// Who gave it, as the report names them (倉吉市行政改革懇談会).
    package let by: String
    /// When, as written (令和5年7月), if the report says.
    package let date: String?
    /// The opinion as published (Markdown).
    package let text: String
    /// The item it is on (index in `Plan.items`); nil for the year's report as a whole.
    package let item: Int?
    package let source: String?
    package let location: SourceLocation

    package init(
        year: FiscalYear, by: String, date: String?, text: String, item: Int?, source: String?, location: SourceLocation
    ) {
        self.year = year
        self.by = by
        self.date = date
        self.text = text
        self.item = item
        self.source = source
        self.location = location
    }
}

/// An opinion as written in the plan's front matter, its item named by number.
package struct OpinionDocument: Sendable {
    package let year: Located<FiscalYear>
    package let by: String
    package let date: String?
    package let text: String
    package let item: Located<String>?
    package let source: String?
    package let location: SourceLocation

    package init(
        year: Located<FiscalYear>, by: String, date: String?, text: String, item: Located<String>?, source: String?,
        location: SourceLocation
    ) {
        self.year = year
        self.by = by
        self.date = date
        self.text = text
        self.item = item
        self.source = source
        self.location = location
    }
}

extension Plan {
    /// The opinions in the order a year's report shows them: by year; in a year, those on the
    /// year's results as a whole first, then those on items in the plan's item order, each in the
    /// order the plan lists them.
    package var opinionsInReportOrder: [CommitteeOpinion] {
        opinions.enumerated().sorted {
            ($0.element.year, $0.element.item.map { $0 + 1 } ?? 0, $0.offset)
                < ($1.element.year, $1.element.item.map { $0 + 1 } ?? 0, $1.offset)
        }.map(\.element)
    }
}
