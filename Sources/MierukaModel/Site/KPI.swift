import MierukaDiagnostics

/// A key performance indicator (成果指標) with its baseline, target and yearly actuals.
public struct KPI: Sendable {
    public let id: String
    public let name: String
    /// 人, %, 件, 億円 … (may be empty).
    public let unit: String
    /// Which way is better; nil when the documents do not say.
    public let direction: KPIDirection?
    public let baseline: KPIPoint?
    public let target: KPIPoint?
    /// Sorted by year.
    public let actuals: [KPIActual]
    /// A remark shown with the KPI (e.g. 「病院・消防機関に勤務する職員を除く」).
    public let note: String?
    public let location: SourceLocation

    public init(
        id: String, name: String, unit: String, direction: KPIDirection?, baseline: KPIPoint?, target: KPIPoint?,
        actuals: [KPIActual], note: String?, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.actuals = actuals.sorted { $0.year < $1.year }
        self.note = note
        self.location = location
    }

    public func replacingActuals(_ actuals: [KPIActual]) -> KPI {
        KPI(
            id: id, name: name, unit: unit, direction: direction, baseline: baseline, target: target,
            actuals: actuals, note: note, location: location)
    }

    public func actual(in year: FiscalYear) -> KPIActual? {
        actuals.last { $0.year == year }
    }

    /// The latest actual with a number.
    public var latestNumericActual: KPIActual? {
        actuals.last { $0.value.number != nil }
    }

    /// How far the actual has moved from the baseline towards the target:
    /// (actual − baseline) / (target − baseline). Honest in both directions: for a KPI that should
    /// fall, a fall counts as progress and a rise as negative progress. Nil without numeric
    /// baseline and target, or when they are equal.
    public func progress(of actual: KPIActual) -> Percentage? {
        guard let base = baseline?.value.number, let goal = target?.value.number,
            let value = actual.value.number
        else { return nil }
        let span = goal.doubleValue - base.doubleValue
        guard span != 0 else { return nil }
        return Percentage(ratio: (value.doubleValue - base.doubleValue) / span)
    }

    /// Target minus baseline, for the 「△140億円」 column; nil unless both are numbers.
    public var plannedChange: DecimalNumber? {
        guard let base = baseline?.value.number, let goal = target?.value.number else { return nil }
        return goal.subtracting(base)
    }

    /// The planned change with its unit: 「△2人」, 「△140億円」; a change of a rate in percent is
    /// in points (「3.7ポイント」), as Japanese reports write it.
    public var plannedChangeText: String? {
        guard let change = plannedChange else { return nil }
        let isRate = unit == "%" || unit == "％"
        return change.formatted() + (isRate ? "ポイント" : unit)
    }
}

public enum KPIDirection: String, Sendable, CaseIterable {
    case increase
    case decrease
}

/// A value at a point in time: a baseline or a target.
public struct KPIPoint: Sendable, Hashable {
    /// The fiscal year, or years for a target over a span (業務改革件数 2020～2024年度 100件).
    public let years: FiscalYearRange?
    public let value: KPIValue

    public init(years: FiscalYearRange?, value: KPIValue) {
        self.years = years
        self.value = value
    }
}

/// A number, a text, or a number with the text a document writes for it.
///
/// Targets are not always numbers: Kodaira's 経常収支比率 target is 「80%台」, Komatsu's 地域協議会
/// target is 「全校下」. A number written approximately keeps its wording: 「約340万件」.
public struct KPIValue: Sendable, Hashable {
    public let number: DecimalNumber?
    /// How the document writes it, shown instead of the formatted number.
    public let text: String?
    /// The unit as written after the number when it is the KPI's unit in another width (35％ for %).
    public let unitAsWritten: String?

    public init(number: DecimalNumber?, text: String?, unitAsWritten: String? = nil) {
        self.number = number
        self.text = text
        self.unitAsWritten = unitAsWritten
    }

    /// The text as written, else the number with separators and the unit.
    public func display(unit: String) -> String {
        if let text, !text.isEmpty { return text }
        guard let number else { return "—" }
        return number.formatted() + (unitAsWritten ?? unit)
    }
}

/// One year's actual value of a KPI, with its own grade where the plan grades KPIs separately.
public struct KPIActual: Sendable, Hashable {
    public let year: FiscalYear
    public let value: KPIValue
    /// Index on the plan's grade scale.
    public let grade: Int?
    public let location: SourceLocation

    public init(year: FiscalYear, value: KPIValue, grade: Int?, location: SourceLocation) {
        self.year = year
        self.value = value
        self.grade = grade
        self.location = location
    }
}
