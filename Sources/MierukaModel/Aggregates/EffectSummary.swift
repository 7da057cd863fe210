/// Expected against actual financial effect per policy and in total (Isehara's 実績効果額 table).
package struct EffectSummary: Sendable, Hashable {
    package struct Row: Sendable, Hashable {
        package let policy: Int?
        package let expected: Money?
        package let actual: Money?

        package init(policy: Int?, expected: Money?, actual: Money?) {
            self.policy = policy
            self.expected = expected
            self.actual = actual
        }

        /// actual − expected, when both are known.
        package var difference: Money? {
            guard let expected, let actual else { return nil }
            return actual.subtracting(expected)
        }

        /// actual / expected, when both are known and the expectation is not zero.
        package var rate: Percentage? {
            guard let expected, let actual, expected.yen != 0 else { return nil }
            return Percentage(ratio: Double(actual.yen) / Double(expected.yen))
        }
    }

    package let rows: [Row]
    package let total: Row

    package init(rows: [Row], total: Row) {
        self.rows = rows
        self.total = total
    }

    /// True when no item reported any amount.
    package var isEmpty: Bool { total.expected == nil && total.actual == nil }
}
