import MierukaDiagnostics

/// An earlier plan in the line that led to this one (計画の経緯), as the documents describe it.
public struct LineageEntry: Sendable {
    public let title: String
    /// When it was adopted, as written (「平成8年12月策定」).
    public let date: String?
    public let period: FiscalYearRange?
    /// Markdown.
    public let text: String?
    /// The financial effect the documents state for it, as written (「約40億5千万円」).
    public let effect: String?
    public let effectYears: FiscalYearRange?

    public init(
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
public struct Matrix: Sendable {
    public let title: String
    public let rowHeading: String
    public let columnHeading: String
    public let columns: [MatrixColumn]
    public let rows: [MatrixRow]
    public let source: String?

    public init(
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

public struct MatrixColumn: Sendable {
    public let number: String?
    public let title: String
    /// The policy the column stands for, when it is one of the plan's policies.
    public let policy: Int?

    public init(number: String?, title: String, policy: Int?) {
        self.number = number
        self.title = title
        self.policy = policy
    }
}

public struct MatrixRow: Sendable {
    public let number: String?
    public let title: String
    /// One cell per column, in the columns' order (nil where the table has none).
    public let cells: [MatrixCell?]

    public init(number: String?, title: String, cells: [MatrixCell?]) {
        self.number = number
        self.title = title
        self.cells = cells
    }
}

public struct MatrixCell: Sendable {
    public let number: String?
    public let title: String
    /// Markdown.
    public let text: String?

    public init(number: String?, title: String, text: String?) {
        self.number = number
        self.title = title
        self.text = text
    }
}

/// Periods of related plans drawn against fiscal years (推進期間, 計画体系).
public struct Timeline: Sendable {
    public let title: String
    public let years: FiscalYearRange
    /// The heading of the label column (「年度」, 「計画」).
    public let rowHeading: String
    /// The last column stands for that year and after (「2028以降」).
    public let openEnd: Bool
    public let rows: [TimelineRow]
    public let source: String?

    public init(
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

public struct TimelineRow: Sendable {
    public let label: String
    /// A heading the row belongs under (「第2次つくばみらい市総合計画」), shown before its label.
    public let group: String?
    public let spans: [TimelineSpan]
    /// Text that applies to the whole row (a remark in place of a bar).
    public let note: String?

    public init(label: String, group: String?, spans: [TimelineSpan], note: String?) {
        self.label = label
        self.group = group
        self.spans = spans
        self.note = note
    }
}

public struct TimelineSpan: Sendable {
    public let years: FiscalYearRange
    public let label: String?
    /// Drawn as continuing beyond (the next plan, 「以降」), not as a fixed period.
    public let continues: Bool

    public init(years: FiscalYearRange, label: String?, continues: Bool) {
        self.years = years
        self.label = label
        self.continues = continues
    }
}

/// A table a city published, transcribed cell by cell as written (Komatsu's fiscal ratios).
public struct PublishedTable: Sendable {
    public let title: String
    public let header: [String]
    /// Each row starts with its heading.
    public let rows: [[String]]
    public let note: String?
    public let source: String?
    public let location: SourceLocation

    public init(title: String, header: [String], rows: [[String]], note: String?, source: String?, location: SourceLocation) {
        self.title = title
        self.header = header
        self.rows = rows
        self.note = note
        self.source = source
        self.location = location
    }
}

/// Items a city's report singles out without detailing them as items: 「計画以上に進捗している主な取組」.
public struct HighlightGroup: Sendable {
    public let title: String
    public let entries: [Highlight]

    public init(title: String, entries: [Highlight]) {
        self.title = title
        self.entries = entries
    }
}

public struct Highlight: Sendable {
    public let title: String
    public let department: String?
    /// An amount as written (「36百万円」).
    public let amount: String?
    public let text: String?

    public init(title: String, department: String?, amount: String?, text: String?) {
        self.title = title
        self.department = department
        self.amount = amount
        self.text = text
    }
}
