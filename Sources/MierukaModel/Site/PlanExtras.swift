import MierukaDiagnostics

/// An earlier plan in the line that led to this one (計画の経緯), as the documents describe it.
package struct LineageEntry: Sendable {
    package let title: String
    /// When it was adopted, as written (「平成8年12月策定」).
    package let date: String?
    package let period: FiscalYearRange?
    /// Markdown.
    package let text: String?
    /// The financial effect the documents state for it, as written (「約40億5千万円」).
    package let effect: String?
    package let effectYears: FiscalYearRange?

    package init(
        title: String, date: String?, period: FiscalYearRange?, text: String?, effect: String?,
        effectYears: FiscalYearRange?
    ) {
        self.title = title
        self.date = date
        self.period = period
        self.text = text
        self.effect = effect
        self.effectYears = effectYears
    }
}

/// A two-way table of the plan's structure, such as Tsukubamirai's 基本姿勢 × 推進手段 matrix,
/// whose numbered cells each carry a text.
package struct Matrix: Sendable {
    package let title: String
    package let rowHeading: String
    package let columnHeading: String
    package let columns: [MatrixColumn]
    package let rows: [MatrixRow]
    package let source: String?

    package init(
        title: String, rowHeading: String, columnHeading: String, columns: [MatrixColumn], rows: [MatrixRow],
        source: String?
    ) {
        self.title = title
        self.rowHeading = rowHeading
        self.columnHeading = columnHeading
        self.columns = columns
        self.rows = rows
        self.source = source
    }
}

package struct MatrixColumn: Sendable {
    package let number: String?
    package let title: String
    /// The policy the column stands for, when it is one of the plan's policies.
    package let policy: Int?

    package init(number: String?, title: String, policy: Int?) {
        self.number = number
        self.title = title
        self.policy = policy
    }
}

package struct MatrixRow: Sendable {
    package let number: String?
    package let title: String
    /// One cell per column, in the columns' order (nil where the table has none).
    package let cells: [MatrixCell?]

    package init(number: String?, title: String, cells: [MatrixCell?]) {
        self.number = number
        self.title = title
        self.cells = cells
    }
}

package struct MatrixCell: Sendable {
    package let number: String?
    package let title: String
    /// Markdown.
    package let text: String?

    package init(number: String?, title: String, text: String?) {
        self.number = number
        self.title = title
        self.text = text
    }
}

/// Periods of related plans drawn against fiscal years (推進期間, 計画体系).
package struct Timeline: Sendable {
    package let title: String
    package let years: FiscalYearRange
    /// The heading of the label column (「年度」, 「計画」).
    package let rowHeading: String
    /// The last column stands for that year and after (「2028以降」).
    package let openEnd: Bool
    package let rows: [TimelineRow]
    package let source: String?

    package init(
        title: String, years: FiscalYearRange, rowHeading: String = "計画", openEnd: Bool = false, rows: [TimelineRow],
        source: String?
    ) {
        self.title = title
        self.years = years
        self.rowHeading = rowHeading
        self.openEnd = openEnd
        self.rows = rows
        self.source = source
    }
}

package struct TimelineRow: Sendable {
    package let label: String
    /// A heading the row belongs under (「第2次つくばみらい市総合計画」), shown before its label.
    package let group: String?
    package let spans: [TimelineSpan]
    /// Text that applies to the whole row (a remark in place of a bar).
    package let note: String?

    package init(label: String, group: String?, spans: [TimelineSpan], note: String?) {
        self.label = label
        self.group = group
        self.spans = spans
        self.note = note
    }
}

package struct TimelineSpan: Sendable {
    package let years: FiscalYearRange
    package let label: String?
    /// Drawn as continuing beyond (the next plan, 「以降」), not as a fixed period.
    package let continues: Bool

    package init(years: FiscalYearRange, label: String?, continues: Bool) {
        self.years = years
        self.label = label
        self.continues = continues
    }
}

/// A table a city published, transcribed cell by cell as written (Komatsu's fiscal ratios).
package struct PublishedTable: Sendable {
    package let title: String
    package let header: [String]
    /// Each row starts with its heading.
    package let rows: [[String]]
    package let note: String?
    package let source: String?
    package let location: SourceLocation

    package init(title: String, header: [String], rows: [[String]], note: String?, source: String?, location: SourceLocation) {
        self.title = title
        self.header = header
        self.rows = rows
        self.note = note
        self.source = source
        self.location = location
    }
}

/// Items a city's report singles out without detailing them as items: 「計画以上に進捗している主な取組」.
package struct HighlightGroup: Sendable {
    package let title: String
    package let entries: [Highlight]

    package init(title: String, entries: [Highlight]) {
        self.title = title
        self.entries = entries
    }
}

package struct Highlight: Sendable {
    package let title: String
    package let department: String?
    /// An amount as written (「36百万円」).
    package let amount: String?
    package let text: String?

    package init(title: String, department: String?, amount: String?, text: String?) {
        self.title = title
        self.department = department
        self.amount = amount
        self.text = text
    }
}
