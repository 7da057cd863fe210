/// Expected against actual financial effect per policy and in total (Isehara's 実績効果額 table).
public struct EffectSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let policy: Int?
        public let expected: Money?
        public let actual: Money?

        public init(policy: Int?, expected: Money?, actual: Money?) {
            self.policy = policy
            self.expected = expected
            self.actual = actual
        }

        /// actual − expected, when both are known.
        public var difference: Money? {
            guard let expected, let actual else { return nil }
            return actual.subtracting(expected)
        }

        /// actual / expected, when both are known and the expectation is not zero.
        public var rate: Percentage? {
            guard let expected, let actual, expected.yen != 0 else { return nil }
            return Percentage(ratio: Double(actual.yen) / Double(expected.yen))
        }
    }

    public let rows: [Row]
    public let total: Row

    public init(rows: [Row], total: Row) {
        self.rows = rows
        self.total = total
    }

    /// True when no item reported any amount.
    public var isEmpty: Bool { total.expected == nil && total.actual == nil }
}
