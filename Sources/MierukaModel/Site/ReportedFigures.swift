import MierukaDiagnostics

/// Figures a city's report publishes outside the policy tree and outside one item's results:
/// money planned against actual grouped by the report's own fields (三田市's 分野 【適正化】…,
/// 栄町's 歳入 / 歳出), and counts of items achieved over a stated number of items, for one fiscal
/// year or for a span of years (計画期間の3年間). Every figure is kept as the report writes it.
package struct ReportedFigures: Sendable {
    package let moneyTables: [MoneyTable]
    package var achievements: [AchievementCount]

    package init(moneyTables: [MoneyTable] = [], achievements: [AchievementCount] = []) {
        self.moneyTables = moneyTables
        self.achievements = achievements
    }

    package static let none = ReportedFigures()

    package var isEmpty: Bool { moneyTables.isEmpty && achievements.isEmpty }
}

/// A table of money planned against actual, as published: rows in the report's order, under the
/// report's own column headings, with 差 and 達成率 only where the report prints them.
package struct MoneyTable: Sendable {
    package let title: String
    /// The fiscal year, or the span of years the amounts cover (3カ年合計: H20～H22).
    package let years: FiscalYearRange
    /// The unit of amounts written without one (単位：百万円); nil when every amount carries its own.
    package let unit: MoneyUnit?
    /// What the amounts are counted on (一般財源ベース).
    package let basis: String?
    /// The heading of the row labels (分野, 区分).
    package let rowHeading: String
    package let headings: MoneyTableHeadings
    package let rows: [MoneyTableRow]
    /// The published total row (合計).
    package let total: MoneyTableRow?
    package let note: String?
    package let source: String?
    package let location: SourceLocation
    /// The point within the year the amounts stand at (「9月末」), when the report says so.
    package var asOf: Snapshot? = nil
    /// The report's own columns and grouped rows, when it does not print 計画 / 実績 / 差 / 達成率
    /// (then `rows` and `total` are empty).
    package var grid: MoneyGrid? = nil
    /// How the table's △ and 「…の増」 count in its sums.
    package var sign: MoneySign = .signed

    package init(
        title: String, years: FiscalYearRange, unit: MoneyUnit?, basis: String?, rowHeading: String,
        headings: MoneyTableHeadings, rows: [MoneyTableRow], total: MoneyTableRow?, note: String?, source: String?,
        location: SourceLocation
    ) {
        self.title = title
        self.years = years
        self.unit = unit
        self.basis = basis
        self.rowHeading = rowHeading
        self.headings = headings
        self.rows = rows
        self.total = total
        self.note = note
        self.source = source
        self.location = location
    }

    /// Rows followed by the total row.
    package var allRows: [MoneyTableRow] { rows + (total.map { [$0] } ?? []) }

    /// The heading of each column the report prints (some row has a figure in it); nil for a
    /// column it does not print.
    package var printedHeadings: (planned: String?, actual: String?, difference: String?, rate: String?) {
        let all = allRows
        return (
            all.contains { $0.planned != nil } ? headings.planned : nil,
            all.contains { $0.actual != nil } ? headings.actual : nil,
            all.contains { $0.difference != nil } ? headings.difference : nil,
            all.contains { $0.rate != nil } ? headings.rate : nil
        )
    }
}

/// The column headings as the report prints them (計画額a, 実績額b, 差b-a, 達成率).
package struct MoneyTableHeadings: Sendable, Hashable {
    package let planned: String
    package let actual: String
    package let difference: String
    package let rate: String

    package init(planned: String = "計画額", actual: String = "実績額", difference: String = "差", rate: String = "達成率") {
        self.planned = planned
        self.actual = actual
        self.difference = difference
        self.rate = rate
    }
}

package struct MoneyTableRow: Sendable {
    package let label: String
    package let planned: PublishedAmount?
    package let actual: PublishedAmount?
    package let difference: PublishedAmount?
    package let rate: PublishedRate?
    package let location: SourceLocation

    package init(
        label: String, planned: PublishedAmount?, actual: PublishedAmount?, difference: PublishedAmount?,
        rate: PublishedRate?, location: SourceLocation
    ) {
        self.label = label
        self.planned = planned
        self.actual = actual
        self.difference = difference
        self.rate = rate
        self.location = location
    }
}

/// An amount as the report prints it (「347.0」 in a table in 百万円, 「3億3,357万円」), with its value
/// in yen for checking the table against itself.
package struct PublishedAmount: Sendable, Hashable {
    /// Shown exactly as written.
    package let text: String
    package let money: Money
    package let location: SourceLocation
    /// Written as an approximate figure (「約49億円」): `money` is the figure after 「約」, and no
    /// published figure is compared with it, nor it with others (an approximation does not hold
    /// a sum or a difference to the yen).
    package var approximate = false

    package init(text: String, money: Money, location: SourceLocation) {
        self.text = text
        self.money = money
        self.location = location
    }
}

/// A rate as the report prints it (「104.4%」, 「67.1パーセント」, 「80%」), with its value in percent
/// and the decimal places it was written with.
package struct PublishedRate: Sendable, Hashable {
    package let text: String
    package let percent: DecimalNumber
    package let location: SourceLocation

    package init(text: String, percent: DecimalNumber, location: SourceLocation) {
        self.text = text
        self.percent = percent
        self.location = location
    }

    /// Whether `numerator ÷ denominator` in percent, rounded half up or cut at the decimal places
    /// the report wrote, is the published figure (cities do both). Nil when it cannot be computed.
    package func agrees(numerator: Int64, denominator: Int64) -> Bool? {
        guard denominator != 0, percent.scale <= 6, let factor = DecimalNumber.integerPower(percent.scale + 2) else {
            return nil
        }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        let negative = (scaled < 0) != (denominator < 0)
        let magnitude = scaled.magnitude
        let divisor = denominator.magnitude
        let truncated = magnitude / divisor
        let remainder = magnitude % divisor
        let rounded = remainder * 2 >= divisor ? truncated + 1 : truncated
        let published = percent.units.magnitude
        guard (percent.units < 0) == negative || percent.units == 0 else { return false }
        return published == truncated || published == rounded
    }

    /// The computed figure at the published decimal places, rounded half up, for messages.
    package func computed(numerator: Int64, denominator: Int64) -> String? {
        guard denominator != 0 else { return nil }
        let value = Double(numerator) * 100 / Double(denominator)
        let factor = DecimalNumber.power(percent.scale)
        let units = Int64((value * factor).rounded(.toNearestOrAwayFromZero))
        return DecimalNumber(units: units, scale: percent.scale).formatted(negative: .minus) + "%"
    }
}

/// A count of items that reached their goal out of a stated number of items, as a report gives it
/// (寒川町: 「20項目中、16項目を達成（達成率80%）」), for a year or a span of years.
package struct AchievementCount: Sendable {
    package let title: String
    package let years: FiscalYearRange
    /// The stated number of items the counts are out of (20).
    package let total: Int
    /// What the items are called (改革項目, 取り組み項目).
    package let noun: String
    /// The counts the report gives, in its words (期間内に目標を達成、又は事業完了: 132).
    package var parts: [AchievementPart]
    package let note: String?
    package let source: String?
    package let location: SourceLocation
    /// The point within the year the counts stand at (宮古島市: 「9月末」), when the report says so.
    package var asOf: Snapshot? = nil

    package init(
        title: String, years: FiscalYearRange, total: Int, noun: String, parts: [AchievementPart], note: String?,
        source: String?, location: SourceLocation
    ) {
        self.title = title
        self.years = years
        self.total = total
        self.noun = noun
        self.parts = parts
        self.note = note
        self.source = source
        self.location = location
    }
}

package struct AchievementPart: Sendable {
    package let label: String
    package let count: Int
    /// The share the report prints beside the count, as printed.
    package let rate: PublishedRate?
    package let location: SourceLocation
    /// The plan's grades the count counts, as written (`grades: [A, B]`: 大田原市's 「完了及び順調」
    /// is A 完了 and B 順調); empty when the report does not tie the count to the plan's scale.
    package var writtenGrades: [Located<String>] = []
    /// The same grades as positions on the plan's scale, in scale order, once resolved; empty
    /// when none are named (or a named one is not on the scale, which is an error).
    package var grades: [Int] = []

    package init(label: String, count: Int, rate: PublishedRate?, location: SourceLocation) {
        self.label = label
        self.count = count
        self.rate = rate
        self.location = location
    }
}
