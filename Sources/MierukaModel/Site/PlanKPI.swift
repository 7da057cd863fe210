import MierukaDiagnostics

/// A KPI of the plan as a whole (主要目標, 基本目標), transcribed as the reports print it: a target
/// over the period as written (「98パーセント未満」, 「2億円以上」, 「11人(3カ年累計)」), single-year and
/// cumulative actuals, provisional values marked (見込み, 速報値), a baseline year, and a published
/// 進捗率 or 達成率. Every figure is kept as written; Mieruka adds only an exact comparison of the
/// target year's actual with a target written as an inequality.
package struct PlanKPI: Sendable {
    package let name: String
    /// The baseline as written, with its year (基準値 H16).
    package let baseline: PlanKPIFigure?
    package let target: PlanKPITarget
    /// Single-year actuals and cumulative ones (years is a span), in the order of their years.
    package let actuals: [PlanKPIActual]
    /// 進捗率 / 達成率 as the report prints it.
    package let publishedRate: PlanKPIRate?
    package let note: String?
    package let location: SourceLocation

    package init(
        name: String, baseline: PlanKPIFigure?, target: PlanKPITarget, actuals: [PlanKPIActual],
        publishedRate: PlanKPIRate?, note: String?, location: SourceLocation
    ) {
        self.name = name
        self.baseline = baseline
        self.target = target
        self.actuals = actuals
        self.publishedRate = publishedRate
        self.note = note
        self.location = location
    }

    /// Whether the actual for the target's year meets the target, when the target is an inequality
    /// (未満, 以下, 以上, 超, 〜台) and the actual is a confirmed plain figure in the same unit; nil
    /// otherwise (a provisional value, 見込み or 速報値, is not judged).
    package var targetMet: Bool? {
        guard let bound = target.bound, let year = target.years?.last ?? target.years?.first,
            let actual = actuals.last(where: { !$0.isCumulative && $0.years.first == year }),
            actual.provisional == nil, let value = actual.quantity
        else { return nil }
        return bound.isMet(by: value)
    }
}

/// A figure as written (「98.1パーセント」) with the years it is for.
package struct PlanKPIFigure: Sendable {
    package let years: FiscalYearRange?
    package let text: String

    package init(years: FiscalYearRange?, text: String) {
        self.years = years
        self.text = text
    }
}

package struct PlanKPITarget: Sendable {
    /// The target year or period (平成22年度, or 平成20年度～平成22年度 for a 3-year total).
    package let years: FiscalYearRange?
    /// As written: 「98パーセント未満」.
    package let text: String
    /// The inequality the text states, when it is one Mieruka can read exactly.
    package let bound: PlanKPIBound?

    package init(years: FiscalYearRange?, text: String, bound: PlanKPIBound?) {
        self.years = years
        self.text = text
        self.bound = bound
    }
}

package struct PlanKPIActual: Sendable {
    /// One fiscal year, or a span for a cumulative figure (累計).
    package let years: FiscalYearRange
    /// As written, including any remark the report prints in the cell (「91.4パーセント(91.6パーセント)」).
    package let text: String
    /// The interim target printed beside it, when the report says what that figure is.
    package let interimTarget: String?
    /// 見込み, 速報値 …: the value is not yet confirmed, in the report's word, with the date or
    /// point it stands at and a note where the report gives them; nil when confirmed.
    package let provisional: KPIProvisional?
    /// The value read exactly, for comparing with an inequality target; nil when the text is more
    /// than one plain figure.
    package let quantity: PlanKPIQuantity?

    package init(
        years: FiscalYearRange, text: String, interimTarget: String?, provisional: KPIProvisional?, quantity: PlanKPIQuantity?
    ) {
        self.years = years
        self.text = text
        self.interimTarget = interimTarget
        self.provisional = provisional
        self.quantity = quantity
    }

    package var isCumulative: Bool { !years.isSingleYear }
}

/// A published 進捗率 or 達成率, under the report's own heading.
package struct PlanKPIRate: Sendable {
    package let label: String
    package let text: String
    package let years: FiscalYearRange?

    package init(label: String, text: String, years: FiscalYearRange?) {
        self.label = label
        self.text = text
        self.years = years
    }
}

/// An amount of money or a number with its unit, read exactly.
package enum PlanKPIQuantity: Sendable, Hashable {
    case money(Money)
    case number(DecimalNumber, unit: String)
}

/// A target written as an inequality: 「98パーセント未満」 (< 98%), 「2億円以上」 (≥ 2億円),
/// 「80%台」 (80% ≤ x < 90%).
package struct PlanKPIBound: Sendable, Hashable {
    package enum Relation: String, Sendable, CaseIterable {
        case below = "未満"
        case atMost = "以下"
        case atLeast = "以上"
        case above = "超"
        /// 〜台: from the number to the next step of its last non-zero digit's place (80%台: 80 ≤ x < 90);
    /// met inside that band, not judged outside it (the text does not say which side is better).
        case decade = "台"
    }

    package let relation: Relation
    package let limit: PlanKPIQuantity

    package init(relation: Relation, limit: PlanKPIQuantity) {
        self.relation = relation
        self.limit = limit
    }

    /// Nil when the value is not in the limit's unit (no comparison is made then).
    package func isMet(by value: PlanKPIQuantity) -> Bool? {
        switch (limit, value) {
        case let (.money(limit), .money(value)):
            return compare(value.yen, limit.yen)
        case let (.number(limit, unit), .number(value, valueUnit)) where unit == valueUnit:
            if relation == .decade {
                // 80%台: the limit is a whole number of the place of its last non-zero digit.
                guard limit.scale == 0, limit.units > 0 else { return nil }
                var step: Int64 = 1
                while limit.units % (step * 10) == 0 { step *= 10 }
                // Inside the band it is met; outside, the text does not say which side is better.
                let upper = DecimalNumber(units: limit.units + step, scale: 0)
                return !(value < limit) && value < upper ? true : nil
            }
            return compare(value, limit)
        default:
            return nil
        }
    }

    private func compare<T: Comparable>(_ value: T, _ limit: T) -> Bool? {
        switch relation {
        case .below: value < limit
        case .atMost: value <= limit
        case .atLeast: value >= limit
        case .above: value > limit
        case .decade: nil
        }
    }
}

/// A table of the plan's own KPIs as a report prints them (栄町's 基本目標).
package struct PlanKPITable: Sendable {
    package let title: String
    package let kpis: [PlanKPI]
    package let note: String?
    package let source: String?
    package let location: SourceLocation

    package init(title: String, kpis: [PlanKPI], note: String?, source: String?, location: SourceLocation) {
        self.title = title
        self.kpis = kpis
        self.note = note
        self.source = source
        self.location = location
    }
}
