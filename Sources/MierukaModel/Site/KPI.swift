import MierukaDiagnostics

/// A key performance indicator (成果指標) with its baseline, target and yearly actuals.
package struct KPI: Sendable {
    package let id: String
    package let name: String
    /// 人, %, 件, 億円 … (may be empty).
    package let unit: String
    /// Which way is better; nil when the documents do not say.
    package let direction: KPIDirection?
    package let baseline: KPIPoint?
    package let target: KPIPoint?
    /// Sorted by year.
    package let actuals: [KPIActual]
    /// A remark shown with the KPI (e.g. 「病院・消防機関に勤務する職員を除く」).
    package let note: String?
    package let location: SourceLocation

    package init(
        id: String, name: String, unit: String, direction: KPIDirection?, baseline: KPIPoint?, target: KPIPoint?,
        actuals: [KPIActual], note: String?, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        // By year; in a year, a provisional value before the confirmed one that replaces it. Most
        // KPIs are written in that order already, and are kept as they are rather than copied
        // (the sort keeps equal values in their order, so the result is the same either way).
        let before: (KPIActual, KPIActual) -> Bool = {
            ($0.year, $0.provisional == nil ? 1 : 0) < ($1.year, $1.provisional == nil ? 1 : 0)
        }
        let inOrder = zip(actuals, actuals.dropFirst()).allSatisfy { !before($1, $0) }
        self.actuals = inOrder ? actuals : actuals.sorted(by: before)
        self.note = note
        self.location = location
    }

    package func replacingActuals(_ actuals: [KPIActual]) -> KPI {
        KPI(
            id: id, name: name, unit: unit, direction: direction, baseline: baseline, target: target,
            actuals: actuals, note: note, location: location)
    }

    /// The year's actual as shown: the confirmed value, or the provisional one (見込み, 速報値) while
    /// no confirmed value is given for the year.
    package func actual(in year: FiscalYear) -> KPIActual? {
        actualIndex(in: year).map { actuals[$0] }
    }

    /// Where `actual(in:)` is in `actuals`.
    package func actualIndex(in year: FiscalYear) -> Int? {
        actuals.lastIndex { $0.year == year && $0.provisional == nil } ?? actuals.lastIndex { $0.year == year }
    }

    /// One actual per year, as shown: a provisional value replaced by a confirmed one is left out
    /// (both are kept in `actuals` and in the downloads).
    package var shownActuals: [KPIActual] {
        actuals.filter { !isReplaced($0) }
    }

    /// Where each of `shownActuals` is in `actuals`.
    package var shownActualIndices: [Int] {
        actuals.indices.filter { !isReplaced(actuals[$0]) }
    }

    /// Whether `actual` is a provisional value for a year that also has a confirmed one.
    package func isReplaced(_ actual: KPIActual) -> Bool {
        actual.provisional != nil && actuals.contains { $0.year == actual.year && $0.provisional == nil }
    }

    /// The latest confirmed actual with a number: Mieruka's 進捗率 is computed from confirmed values only.
    package var latestNumericActual: KPIActual? {
        actuals.last { $0.value.number != nil && $0.provisional == nil }
    }

    /// How far the actual has moved from the baseline towards the target:
    /// (actual − baseline) / (target − baseline). Honest in both directions: for a KPI that should
    /// fall, a fall counts as progress and a rise as negative progress. Nil without numeric
    /// baseline and target, or when they are equal.
    /// A provisional value (見込み, 速報値) has none.
    package func progress(of actual: KPIActual) -> Percentage? {
        guard actual.provisional == nil, let base = baseline?.value.number, let goal = target?.value.number,
            let value = actual.value.number
        else { return nil }
        let span = goal.doubleValue - base.doubleValue
        guard span != 0 else { return nil }
        return Percentage(ratio: (value.doubleValue - base.doubleValue) / span)
    }

    /// Target minus baseline, for the 「△140億円」 column; nil unless both are numbers.
    package var plannedChange: DecimalNumber? {
        guard let base = baseline?.value.number, let goal = target?.value.number else { return nil }
        return goal.subtracting(base)
    }

    /// The planned change with its unit: 「△2人」, 「△140億円」; a change of a rate in percent is
    /// in points (「3.7ポイント」), as Japanese reports write it.
    package var plannedChangeText: String? {
        guard let change = plannedChange else { return nil }
        let isRate = unit == "%" || unit == "％"
        return change.formatted() + (isRate ? "ポイント" : unit)
    }
}

package enum KPIDirection: String, Sendable, CaseIterable {
    case increase
    case decrease
}

/// A value at a point in time: a baseline or a target.
package struct KPIPoint: Sendable, Hashable {
    /// The fiscal year, or years for a target over a span (業務改革件数 2020～2024年度 100件).
    package let years: FiscalYearRange?
    package let value: KPIValue

    package init(years: FiscalYearRange?, value: KPIValue) {
        self.years = years
        self.value = value
    }
}

/// A number, a text, or a number with the text a document writes for it.
///
/// Targets are not always numbers: Kodaira's 経常収支比率 target is 「80%台」, Komatsu's 地域協議会
/// target is 「全校下」. A number written approximately keeps its wording: 「約340万件」.
package struct KPIValue: Sendable, Hashable {
    package let number: DecimalNumber?
    /// How the document writes it, shown instead of the formatted number.
    package let text: String?
    /// The unit as written after the number when it is the KPI's unit in another width (35％ for %).
    package let unitAsWritten: String?

    package init(number: DecimalNumber?, text: String?, unitAsWritten: String? = nil) {
        self.number = number
        self.text = text
        self.unitAsWritten = unitAsWritten
    }

    /// The text as written, else the number with separators and the unit.
    package func display(unit: String) -> String {
        if let text, !text.isEmpty { return text }
        guard let number else { return "—" }
        return number.formatted() + (unitAsWritten ?? unit)
    }
}

/// One year's actual value of a KPI, with its own grade where the plan grades KPIs separately.
package struct KPIActual: Sendable, Hashable {
    package let year: FiscalYear
    package let value: KPIValue
    /// Index on the plan's grade scale.
    package let grade: Int?
    /// Who gave the grade, when the report says (佐渡市: the 部局長's 自己評価 per target, beside the
    /// committee's grades of the plan); nil leaves it unsaid.
    package let gradedBy: String?
    /// Set when the value is not yet confirmed (見込み, 速報値), with the date or point it was given.
    package var provisional: KPIProvisional? = nil
    package let location: SourceLocation

    package init(
        year: FiscalYear, value: KPIValue, grade: Int?, gradedBy: String? = nil, provisional: KPIProvisional? = nil,
        location: SourceLocation
    ) {
        self.year = year
        self.value = value
        self.grade = grade
        self.gradedBy = gradedBy
        self.provisional = provisional
        self.location = location
    }
}

/// How a report marks a value it gives before the value is confirmed: its word (見込み, 速報値),
/// the date or point the value stands at (「平成19年7月13日現在」, 「9月末」), and what it says of
/// the confirmation (「平成19年10月確定予定」), each as written.
package struct KPIProvisional: Sendable, Hashable {
    package let label: String?
    package let asOf: String?
    package let note: String?

    package init(label: String?, asOf: String?, note: String?) {
        self.label = label
        self.asOf = asOf
        self.note = note
    }

    /// 「見込み・9月末」, 「確定前の値・平成19年7月13日現在、平成19年10月確定予定」: the report's word
    /// (or 確定前の値 when it gives none), then its date and note.
    package var shown: String {
        let details = [asOf, note].compactMap { $0 }.joined(separator: "、")
        return (label ?? "確定前の値") + (details.isEmpty ? "" : "・" + details)
    }
}
