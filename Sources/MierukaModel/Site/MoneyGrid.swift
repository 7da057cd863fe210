import MierukaDiagnostics

/// A money table laid out as the report lays it out, when its columns are not 計画 / 実績 / 差 /
/// 達成率 but the report's own (相馬市: H18年度 … H21年度 and 第3次計, with rows 削減額 / 収入額 /
/// 効果額), its rows grouped under the report's headings with 小計 rows as printed. Every cell is
/// shown as written; the sums the report prints are declared (`sum_of:`) so that `check` can
/// compare them with what they add up, never to compute a figure of Mieruka's own.
package struct MoneyGrid: Sendable {
    package let columns: [MoneyGridColumn]
    package let rows: [MoneyGridRow]
    /// What a figure printed in brackets after a cell's amount is (いわき市: 「950（9500）」, a 計画額
    /// with its 累計額), when the table's cells hold two figures.
    package var bracket: MoneyBracket? = nil

    package init(columns: [MoneyGridColumn], rows: [MoneyGridRow]) {
        self.columns = columns
        self.rows = rows
    }

    /// The indices of the columns of amounts that are not sums: with a bracket rule, one per
    /// fiscal year of the table, in order.
    package var yearColumns: [Int] {
        columns.indices.filter { columns[$0].sum == nil && !columns[$0].isText }
    }
}

/// The meaning of the second figure of a two-figure cell, named as the report names it (累計額),
/// and, when the report says how it is counted, the rule `check` compares it by.
package struct MoneyBracket: Sendable, Hashable {
    /// The report's name for the bracketed figure (累計額).
    package let label: String
    package let rule: MoneyBracketRule?
    package let location: SourceLocation

    package init(label: String, rule: MoneyBracketRule?, location: SourceLocation) {
        self.label = label
        self.rule = rule
        self.location = location
    }
}

/// How a bracketed 累計 follows from the row's figures for the years, each year a column of the
/// table in order from the table's first year.
package enum MoneyBracketRule: String, Sendable, CaseIterable {
    /// The year's figure added to those of the years before it: in year k, the sum of years 1…k.
    case runningTotal = "running_total"
    /// Each year's figure counted again in every later year of the plan, as an effect that goes
    /// on (いわき市: 「その効果は計画期間内で継続する」): in year k, the sum of figure j × (k − j + 1)
    /// over the years j ≤ k.
    case continuing

    /// The 累計 in year `index` (0-based) of `figures` (one per year, from the first), by this rule.
    package func cumulative(_ figures: [Money], through index: Int) -> Money? {
        guard index < figures.count else { return nil }
        var total: Int64 = 0
        for (offset, figure) in figures.prefix(index + 1).enumerated() {
            let times = self == .runningTotal ? 1 : Int64(index - offset + 1)
            let (product, overflow) = figure.yen.multipliedReportingOverflow(by: times)
            guard !overflow else { return nil }
            let (sum, overflowed) = total.addingReportingOverflow(product)
            guard !overflowed else { return nil }
            total = sum
        }
        return Money(yen: total)
    }
}

package struct MoneyGridColumn: Sendable {
    package let heading: String
    /// The columns this one is printed as the sum of (第3次計 = H18年度 + … + H21年度).
    package let sum: MoneySum?
    /// A column of words beside the amounts (相馬市's 取組項目, 担当): its cells are shown as
    /// written and are never amounts, never summed and never a part of a sum.
    package var isText = false
    package let location: SourceLocation

    package init(heading: String, sum: MoneySum?, location: SourceLocation) {
        self.heading = heading
        self.sum = sum
        self.location = location
    }
}

/// What a printed 小計, 計 or 合計 adds up, as the transcription declares it.
package enum MoneySum: Sendable, Hashable {
    /// The rows of its group above it that are not sums themselves (小計).
    case group
    /// Every row (or column) of the table that is not a sum itself (合計).
    case all
    /// The rows (or columns) with these labels (効果額 = 削減額 + 収入額).
    case of([String])
}

package enum MoneyGridRow: Sendable {
    /// A heading over the rows that follow (「1 事務事業の簡素・効率化」).
    case group(label: String, location: SourceLocation)
    /// A row of amounts, one per column (nil where the report prints none).
    case amounts(MoneyGridAmounts)
}

package struct MoneyGridAmounts: Sendable {
    package let label: String
    /// One per column: the amount, nil in a text column or where the report prints none.
    package let cells: [GridAmount?]
    /// One per column: the words of a text column as written, nil in an amount column or where
    /// the report prints none.
    package var texts: [String?] = []
    package let sum: MoneySum?
    /// A row of words or figures that are not amounts (a 達成率 row, 「219.5%」): every cell is in
    /// `texts`, shown as written, never summed and never a part of a sum.
    package var isText = false
    package let location: SourceLocation

    package init(label: String, cells: [GridAmount?], sum: MoneySum?, location: SourceLocation) {
        self.label = label
        self.cells = cells
        self.sum = sum
        self.location = location
    }

    /// The words in column `index`, when it is a text column.
    package func text(at index: Int) -> String? {
        index < texts.count ? texts[index] : nil
    }
}

/// An amount in a grid: as written, with the value it stands for in the report's arithmetic.
package struct GridAmount: Sendable, Hashable {
    /// The cell's amount as written (in a two-figure cell, the figure before the brackets).
    package let written: PublishedAmount
    /// The amount as it counts in the report's sums, by the table's sign convention: with
    /// `sign: reduction`, 「△396,046」 (a 削減額) counts as an effect of 396,046 yen × unit and
    /// 「500の増」 as −500.
    package let value: Money
    /// The second figure of a two-figure cell (「950（9500）」: 9500), whose meaning the table's
    /// `bracket:` names.
    package var bracketed: BracketedAmount? = nil
    /// The whole cell as the report prints it (「1,030（2,930）」); the amount alone otherwise.
    package var cell: String

    package init(written: PublishedAmount, value: Money) {
        self.written = written
        self.value = value
        self.cell = written.text
    }
}

/// The figure in brackets of a two-figure cell, as written and as it counts by the table's sign.
package struct BracketedAmount: Sendable, Hashable {
    package let written: PublishedAmount
    package let value: Money

    package init(written: PublishedAmount, value: Money) {
        self.written = written
        self.value = value
    }
}

/// How a table's signs are read for its arithmetic.
package enum MoneySign: String, Sendable, CaseIterable {
    /// △, ▲ and − are negative numbers (the default).
    case signed
    /// The amounts are effects: △ (▲) marks a reduction of spending, counted as the amount
    /// reduced; 「…の増」 marks an increase, counted as a negative effect.
    case reduction
}
