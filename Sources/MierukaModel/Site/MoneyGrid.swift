import MierukaDiagnostics

/// A money table laid out as the report lays it out, when its columns are not 計画 / 実績 / 差 /
/// 達成率 but the report's own (相馬市: H18年度 … H21年度 and 第3次計, with rows 削減額 / 収入額 /
/// 効果額), its rows grouped under the report's headings with 小計 rows as printed. Every cell is
/// shown as written; the sums the report prints are declared (`sum_of:`) so that `check` can
/// compare them with what they add up, never to compute a figure of Mieruka's own.
package struct MoneyGrid: Sendable {
    package let columns: [MoneyGridColumn]
    package let rows: [MoneyGridRow]

    package init(columns: [MoneyGridColumn], rows: [MoneyGridRow]) {
        self.columns = columns
        self.rows = rows
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
    package let written: PublishedAmount
    /// The amount as it counts in the report's sums, by the table's sign convention: with
    /// `sign: reduction`, 「△396,046」 (a 削減額) counts as an effect of 396,046 yen × unit and
    /// 「500の増」 as −500.
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
