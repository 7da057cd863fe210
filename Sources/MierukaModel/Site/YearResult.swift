import MierukaDiagnostics

/// How an item went in one fiscal year: its grade and the texts of the annual progress report.
package struct YearResult: Sendable {
    package let year: FiscalYear
    /// Index on the plan's grade scale; nil when the year is reported without a grade.
    package let grade: Int?
    /// Index in the plan's `states` when the year gives a state that is not a grade (対象外,
    /// 目標年度が未到来 …) instead of one; such a year is outside the grade counts.
    package let state: Int?
    /// 進捗状況 (Markdown)
    package let progress: String?
    /// 要因 (Markdown)
    package let factors: String?
    /// 今後の対応 (Markdown)
    package let nextSteps: String?
    /// The year's effect; with amounts of several kinds (単年度 and 継続), the first as written.
    package let effect: Effect?
    /// The year's other amounts, each of another kind than `effect` and than each other (相馬市's
    /// 単年度効果額 and 継続的効果額 of one item in one year): never added to it.
    package var moreEffects: [Effect] = []
    /// How the item's sub-items (細目) went that year, in the item's order of sub-items.
    package var subitems: [SubItemResult] = []
    /// The year's values on the plan's status axes (`axes:`), in the plan's axis order.
    package var axisValues: [AxisValue] = []
    /// Who gave this year's grade, when the result says so itself (else the plan's `gradedBy`).
    package var gradedBy: String? = nil
    /// How the grade was reached and the members' grades behind it, when the report says (never counted).
    package var composition: GradeComposition? = nil
    /// The point within the fiscal year the result stands at (「8月末」); nil for the year's end. A
    /// result at a point is kept apart (`Item.snapshots`): never counted as the year's.
    package var asOf: Snapshot? = nil
    /// Why the grade the report gives this year could not be read (a cut-off stored copy), in the
    /// transcriber's words; nil when it was read or the year has none. Such a result has no grade
    /// and is kept out of the counts (not even 未評価) and shares, and the tables say so.
    package var gradeUnreadable: String? = nil
    /// The previous year's grade as the report prints it beside the item (`previous_grade:`, 前年度評価):
    /// shown as printed, never counted; `check` compares it with the previous year's own result.
    package var previousGrade: Located<String>? = nil
    /// Where the result was written (an item's front matter or a file in seeds/).
    package let location: SourceLocation

    package init(
        year: FiscalYear, grade: Int?, state: Int? = nil, progress: String?, factors: String?, nextSteps: String?,
        effect: Effect?, location: SourceLocation
    ) {
        self.year = year
        self.grade = grade
        self.state = state
        self.progress = progress
        self.factors = factors
        self.nextSteps = nextSteps
        self.effect = effect
        self.location = location
    }

    /// Every amount of the year, one per kind, in the order written (none when there is none).
    package var effects: [Effect] { (effect.map { [$0] } ?? []) + moreEffects }

    /// The year's amount of one kind (nil: the amount that says no kind).
    package func effect(of kind: EffectKind?) -> Effect? { effects.first { $0.kind == kind } }
}

/// A financial effect (財政効果): what was expected (効果見込額) and what was achieved (実績効果額).
///
/// An amount the city wrote as an increase (「425万4千円の増」: spending went up instead of down) is
/// negative here, so that it counts against the effects in every sum and 累計, and keeps the words
/// it was written in (`expectedIncrease`, `actualIncrease`), which pages and downloads show as
/// published.
package struct Effect: Sendable, Hashable {
    package let expected: Money?
    package let actual: Money?
    /// 効果見込額 exactly as written, when written as an increase (「…の増」).
    package var expectedIncrease: String? = nil
    /// 実績効果額 exactly as written, when written as an increase (「…の増」).
    package var actualIncrease: String? = nil
    /// How the report counts both amounts (単年度 / 継続), when it says (`kind:`); nil when it does
    /// not. Amounts of different kinds are never added together.
    package var kind: EffectKind? = nil
    /// 効果見込額 as written when the report gives it as an approximate figure (「約1,200千円」); `expected`
    /// is then nil, so that no sum, 累計, 差額 or 達成率 Mieruka makes includes it.
    package var expectedApproximate: ApproximateAmount? = nil
    /// 実績効果額 as written when it is an approximate figure; `actual` is then nil.
    package var actualApproximate: ApproximateAmount? = nil

    package init(expected: Money?, actual: Money?) {
        self.expected = expected
        self.actual = actual
    }

    /// An effect whose amounts keep the words of those written as increases.
    package init(expected: Money?, actual: Money?, expectedIncrease: String?, actualIncrease: String?) {
        self.expected = expected
        self.actual = actual
        self.expectedIncrease = expected == nil ? nil : expectedIncrease
        self.actualIncrease = actual == nil ? nil : actualIncrease
    }

    package var isEmpty: Bool { expected == nil && actual == nil && !hasApproximate }

    /// 効果見込額 in yen for the open data: the amount, or the figure after 「約」 of an approximate one.
    package var expectedFigure: Money? { expected ?? expectedApproximate?.money }

    /// 実績効果額 in yen for the open data, an approximate figure's included.
    package var actualFigure: Money? { actual ?? actualApproximate?.money }

    /// True when either amount is an approximate figure (「約…」).
    package var hasApproximate: Bool { expectedApproximate != nil || actualApproximate != nil }

    /// 効果見込額 as the city wrote it when that differs from the amount in the plan's unit: an
    /// approximate figure (「約1,200千円」) or an increase (「425万4千円の増」).
    package var expectedWritten: String? { expectedApproximate?.text ?? expectedIncrease }

    /// 実績効果額 as the city wrote it when that differs from the amount in the plan's unit.
    package var actualWritten: String? { actualApproximate?.text ?? actualIncrease }

    /// True when 効果見込額's words (`expectedWritten`) have no unit: the amount is in the plan's
    /// money_unit, as the column it is shown in (「約100」). Where an amount is shown with its unit,
    /// the plan's unit goes in (`MoneyUnit.inserted(into:)`).
    package var expectedWrittenInPlanUnit = false

    /// True when 実績効果額's words have no unit: the amount is in the plan's money_unit.
    package var actualWrittenInPlanUnit = false

    /// 効果見込額 as written, with its unit always: the plan's put in when the words have none.
    package func expectedWrittenWithUnit(_ planUnit: MoneyUnit) -> String? {
        expectedWritten.map { expectedWrittenInPlanUnit ? planUnit.inserted(into: $0) : $0 }
    }

    /// 実績効果額 as written, with its unit always.
    package func actualWrittenWithUnit(_ planUnit: MoneyUnit) -> String? {
        actualWritten.map { actualWrittenInPlanUnit ? planUnit.inserted(into: $0) : $0 }
    }

    /// The effects added up column by column, as Mieruka sums published rows: a column with an
    /// approximate figure in it has no sum (nil), nor has a column with no amount.
    package static func sum(_ effects: [Effect]) -> Effect {
        let expected = effects.contains { $0.expectedApproximate != nil } ? nil : Money.sum(effects.map(\.expected))
        let actual = effects.contains { $0.actualApproximate != nil } ? nil : Money.sum(effects.map(\.actual))
        return Effect(expected: expected, actual: actual)
    }

    /// True when either amount was written as an increase (a negative effect).
    package var hasIncrease: Bool { expectedIncrease != nil || actualIncrease != nil }
}

/// An amount the report gives as an approximate figure (「約1,200千円」): shown exactly as written,
/// never part of a figure Mieruka derives, never held to one by `check`. `money` is the figure after
/// 「約」, in yen, for the open data.
package struct ApproximateAmount: Sendable, Hashable {
    package let text: String
    package let money: Money

    package init(text: String, money: Money) {
        self.text = text
        self.money = money
    }
}
