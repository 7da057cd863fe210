import MierukaDiagnostics

/// A city's published tables for one fiscal year, given as declared data.
///
/// Cities often publish counts and totals without every item behind them: Kodaira details 13 of
/// its 43 listings, Isehara publishes only its counts of 74. The site shows these numbers marked
/// as declared, and `mieruka check` verifies that the transcribed items do not contradict them.
package struct DeclaredYear: Sendable {
    package let year: FiscalYear
    /// Listings in the published count (Kodaira: 全43項目).
    package let listings: Int?
    /// Listings that are 再掲 (Kodaira: 再掲2項目).
    package let relisted: Int?
    /// Counts per policy × grade, rows in the order published.
    package let gradeRows: [DeclaredGradeRow]
    /// The published total row, per grade (checked against the sum of the rows).
    package let gradeTotal: [Int]?
    package let effectRows: [DeclaredEffectRow]
    package let effectTotal: Effect?
    /// The 累計 the city published for the plan's years up to and including this one, as published.
    package let effectCumulative: Effect?
    /// Further published totals when the report gives one per kind (単年度 / 継続): `effect_total:`
    /// as a list, after the first (`effectTotal`). Each of another kind.
    package var moreEffectTotals: [Effect] = []
    /// Further published 累計, one per kind, after the first (`effectCumulative`).
    package var moreEffectCumulatives: [Effect] = []
    /// The share of the plan's `grade_share:` grades as the report publishes it.
    package let publishedShare: PublishedShare?
    /// The 割合 the report prints beside each grade's count (`grade_rates:`), one per grade of the
    /// scale, as published; nil when it prints none.
    package var gradeRates: [PublishedRate]? = nil
    /// The 割合 the report prints beside its 合計 (`total_rate:`, 「100%」), as published.
    package var totalRate: PublishedRate? = nil
    /// 増減 per grade against the previous year, as the report publishes it (one per grade of the
    /// scale; negative for a decrease).
    package var gradeChange: [Int]? = nil
    /// `gradeChange` as the report prints it (「▲22」, 「22」, 「+1」), one per grade of the scale.
    package var gradeChangeWritten: [String]? = nil
    /// The point within the year the published figures stand at (「9月末」); nil for the year's end.
    package var asOf: Snapshot? = nil
    /// Listings the report counts in a state instead of a grade (完了 22年度に完了: 6), one count per
    /// state of the plan (0 for a state the report does not count); nil when it publishes none.
    /// They are outside the grade counts, but part of the year's listings.
    package var stateTotal: [Int]? = nil
    /// Counts published on the plan's status axes, by axis index: each a table of that year on the
    /// axis's scale (its listings, source and point in the year are this table's).
    package var axes: [Int: DeclaredYear] = [:]
    /// The name of the report's own grouping of its count rows, as the report heads it (相模原市's
    /// 管理区分), when the rows are given per group (`groupRows`) rather than per policy.
    package var grouping: String? = nil
    /// Counts per group of the report's own grouping, rows in the order published. Never matched to
    /// the plan's policies and never summed into them; the year's totals are their sum when the
    /// year publishes no total row.
    package var groupRows: [DeclaredGroupRow] = []
    /// Where the numbers come from (「【表１】各プログラムの進捗状況（平成29年度末）」).
    package let source: String?
    /// Items the report singles out (主な取組), without them being detailed as items.
    package let highlights: [HighlightGroup]
    /// What the report itself says about the year (Markdown), shown with its tables.
    package let notes: String?
    package let location: SourceLocation

    package init(
        year: FiscalYear, listings: Int?, relisted: Int?, gradeRows: [DeclaredGradeRow], gradeTotal: [Int]?,
        effectRows: [DeclaredEffectRow], effectTotal: Effect?, effectCumulative: Effect? = nil, publishedShare: PublishedShare? = nil, source: String?, highlights: [HighlightGroup] = [],
        notes: String? = nil, location: SourceLocation
    ) {
        self.year = year
        self.listings = listings
        self.relisted = relisted
        self.gradeRows = gradeRows
        self.gradeTotal = gradeTotal
        self.effectRows = effectRows
        self.effectTotal = effectTotal
        self.effectCumulative = effectCumulative
        self.publishedShare = publishedShare
        self.source = source
        self.highlights = highlights
        self.notes = notes
        self.location = location
    }

    /// Where a table at `point` stands among the year's tables: points within the year in their
    /// order (April first), the year's end (nil) last.
    package static func pointOrder(_ point: Snapshot?) -> Int { point?.fiscalOrder ?? Int.max }

    package var hasGradeCounts: Bool { !gradeRows.isEmpty || !groupRows.isEmpty || gradeTotal != nil }

    /// The published rows' counts, per policy or per group (a year gives one or the other).
    package var rowCounts: [[Int]] { gradeRows.isEmpty ? groupRows.map(\.counts) : gradeRows.map(\.counts) }
    package var hasEffects: Bool { !effectRows.isEmpty || effectTotal != nil }

    /// Per-grade totals: the published total row, else the sum of the rows (per policy, or per
    /// group of the report's own grouping).
    package var gradeTotals: [Int]? {
        if let gradeTotal { return gradeTotal }
        let rows = rowCounts
        guard let first = rows.first else { return nil }
        var sums = [Int](repeating: 0, count: first.count)
        for counts in rows {
            for (index, count) in counts.enumerated() where index < sums.count { sums[index] += count }
        }
        return sums
    }

    /// The published effect total, else the sum of the published rows. Only for a year whose
    /// amounts are all of one kind (or none says its kind): amounts of different kinds are never
    /// added, so a year with several has no one total (see `effectTotals(of:)`).
    package var effectTotals: Effect? {
        let kinds = effectKinds
        guard kinds.count == 1 else { return nil }
        return effectTotals(of: kinds[0])
    }

    /// Every published total, one per kind.
    package var publishedEffectTotals: [Effect] { (effectTotal.map { [$0] } ?? []) + moreEffectTotals }

    /// Every published 累計, one per kind.
    package var publishedEffectCumulatives: [Effect] { (effectCumulative.map { [$0] } ?? []) + moreEffectCumulatives }

    /// The kinds of the year's published amounts (rows, totals and 累計), in order; [nil] when none
    /// says its kind (or there are no amounts).
    package var effectKinds: [EffectKind?] {
        EffectKind.ordered(
            effectRows.map(\.effect.kind) + publishedEffectTotals.map(\.kind) + publishedEffectCumulatives.map(\.kind))
    }

    /// The published rows of one kind (nil: those that do not say their kind).
    package func effectRows(of kind: EffectKind?) -> [DeclaredEffectRow] { effectRows.filter { $0.effect.kind == kind } }

    /// The published total of one kind, when the report prints one.
    package func publishedTotal(of kind: EffectKind?) -> Effect? { publishedEffectTotals.first { $0.kind == kind } }

    /// The published 累計 of one kind, when the report prints one.
    package func publishedCumulative(of kind: EffectKind?) -> Effect? { publishedEffectCumulatives.first { $0.kind == kind } }

    /// The published total of one kind, else the sum of the published rows of that kind.
    package func effectTotals(of kind: EffectKind?) -> Effect? {
        if let total = publishedTotal(of: kind) { return total }
        let rows = effectRows(of: kind)
        guard !rows.isEmpty else { return nil }
        // A column with an approximate figure (「約…」) has no sum.
        var sum = Effect.sum(rows.map(\.effect))
        sum.kind = kind
        return sum
    }

    /// True when the year publishes amounts of this kind.
    package func hasEffects(of kind: EffectKind?) -> Bool {
        !effectRows(of: kind).isEmpty || publishedTotal(of: kind) != nil
    }

    /// All listings counted: the declared number, else the sum of the grade totals and of the
    /// published state counts.
    package var totalListings: Int? {
        listings ?? gradeTotals.map { $0.reduce(0, +) + (stateTotal?.reduce(0, +) ?? 0) }
    }
}

package struct DeclaredGradeRow: Sendable, Hashable {
    /// Index in `Plan.policies`.
    package let policy: Int
    /// One count per grade of the plan's scale.
    package let counts: [Int]
    package let location: SourceLocation

    package init(policy: Int, counts: [Int], location: SourceLocation) {
        self.policy = policy
        self.counts = counts
        self.location = location
    }

    package var total: Int { counts.reduce(0, +) }
}

/// A row of a published table under the report's own grouping (相模原市's 局管理項目 in 管理区分).
package struct DeclaredGroupRow: Sendable, Hashable {
    /// The row's name, as the report prints it.
    package let name: String
    /// One count per grade of the plan's scale.
    package let counts: [Int]
    package let location: SourceLocation

    package init(name: String, counts: [Int], location: SourceLocation) {
        self.name = name
        self.counts = counts
        self.location = location
    }

    package var total: Int { counts.reduce(0, +) }
}

package struct DeclaredEffectRow: Sendable, Hashable {
    package let policy: Int
    package let effect: Effect
    package let location: SourceLocation

    package init(policy: Int, effect: Effect, location: SourceLocation) {
        self.policy = policy
        self.effect = effect
        self.location = location
    }
}
