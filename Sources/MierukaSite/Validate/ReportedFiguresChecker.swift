import MierukaDiagnostics
import MierukaModel

/// Checks a plan's money tables and achievement counts against themselves. Their figures are the
/// city's and are shown as published; where they contradict each other (差 ≠ 実績 − 計画,
/// 達成率 ≠ 実績 ÷ 計画, rows that do not add up to 合計, a share that is not count ÷ 総数) `check`
/// warns, so that a transcription slip can be told from the city's own inconsistency.
package struct ReportedFiguresChecker: Sendable {
    package init() {}

    package func check(_ plan: Plan, diagnostics: inout Diagnostics) {
        for table in plan.reported.moneyTables { check(table, in: plan, diagnostics: &diagnostics) }
        for count in plan.reported.achievements { check(count, in: plan, diagnostics: &diagnostics) }
    }

    static let keepHint = "the site shows the figures as published; check the transcription against the report, and keep them if the city's own figures differ"

    func checkYears(_ years: FiscalYearRange, what: String, at location: SourceLocation, in plan: Plan, diagnostics: inout Diagnostics) {
        // A span without an end (「平成22年度～」) fits only a plan whose period has none either.
        let inside = plan.period.contains(years.first) && (years.last.map(plan.period.contains) ?? (plan.period.last == nil))
        if !inside {
            diagnostics.error(
                at: location, "\(what) is for \(years.label(plan.yearStyle)), outside the plan period (\(plan.period.label(plan.yearStyle)))",
                hint: "check years:, or the plan's period:")
        }
    }

    func check(_ table: MoneyTable, in plan: Plan, diagnostics: inout Diagnostics) {
        let name = "the money table 「\(table.title)」"
        checkYears(table.years, what: name, at: table.location, in: plan, diagnostics: &diagnostics)
        if let grid = table.grid {
            MoneyGridChecker(table: table, grid: grid, plan: plan).check(diagnostics: &diagnostics)
            return
        }
        let headings = table.headings
        for row in table.allRows {
            guard let planned = row.planned, let actual = row.actual else { continue }
            // An approximate figure (「約49億円」) is not held to the yen, nor are others held to it.
            guard !planned.approximate, !actual.approximate else { continue }
            if let difference = row.difference, !difference.approximate, let expected = actual.money.subtracting(planned.money),
                expected != difference.money
            {
                diagnostics.warning(
                    at: difference.location,
                    "\(name), \(row.label): \(headings.difference) is published as \(difference.text), but \(headings.actual) \(actual.text) − \(headings.planned) \(planned.text) is \(amount(expected, like: difference, table: table, plan: plan))",
                    hint: Self.keepHint)
            }
            if let rate = row.rate, rate.agrees(numerator: actual.money.yen, denominator: planned.money.yen) == false {
                let computed = rate.computed(numerator: actual.money.yen, denominator: planned.money.yen) ?? "—"
                diagnostics.warning(
                    at: rate.location,
                    "\(name), \(row.label): \(headings.rate) is published as \(rate.text), but \(headings.actual) \(actual.text) ÷ \(headings.planned) \(planned.text) is \(computed)",
                    hint: Self.keepHint)
            }
        }
        guard let total = table.total, !table.rows.isEmpty else { return }
        for (heading, column) in [
            (headings.planned, \MoneyTableRow.planned), (headings.actual, \MoneyTableRow.actual),
            (headings.difference, \MoneyTableRow.difference),
        ] {
            guard let published = total[keyPath: column], !published.approximate,
                !table.rows.contains(where: { $0[keyPath: column]?.approximate == true })
            else { continue }
            let parts = table.rows.map { $0[keyPath: column]?.money }
            guard parts.allSatisfy({ $0 != nil }), let sum = Money.sum(parts), sum != published.money else { continue }
            diagnostics.warning(
                at: published.location,
                "\(name): \(total.label) of \(heading) is published as \(published.text), but its rows add up to \(amount(sum, like: published, table: table, plan: plan))",
                hint: Self.keepHint)
        }
    }

    func check(_ count: AchievementCount, in plan: Plan, diagnostics: inout Diagnostics) {
        let name = "the achievement count 「\(count.title)」"
        checkYears(count.years, what: name, at: count.location, in: plan, diagnostics: &diagnostics)
        let sum = count.parts.reduce(0) { $0 + $1.count }
        if sum > count.total {
            diagnostics.warning(
                at: count.location, "\(name): its counts add up to \(sum), more than the \(count.total) \(count.noun) they are out of",
                hint: Self.keepHint)
        }
        for part in count.parts {
            guard let rate = part.rate, rate.agrees(numerator: Int64(part.count), denominator: Int64(count.total)) == false
            else { continue }
            let computed = rate.computed(numerator: Int64(part.count), denominator: Int64(count.total)) ?? "—"
            diagnostics.warning(
                at: rate.location,
                "\(name), \(part.label): the rate is published as \(rate.text), but \(part.count) of \(count.total) is \(computed)",
                hint: Self.keepHint)
        }
        checkGrades(count, in: plan, diagnostics: &diagnostics)
    }

    /// A count tied to the plan's grades (`grades: [A, B]`) is compared with the items' grades only
    /// where the site holds them all: a count for one fiscal year (or one point of it) whose `of`
    /// is exactly the listings graded that year on the site, with none left ungraded, in a state or
    /// unreadable. A count over a span is the city's evaluation of the span, which no year's
    /// grades give, so it is never compared.
    func checkGrades(_ count: AchievementCount, in plan: Plan, diagnostics: inout Diagnostics) {
        guard count.years.isSingleYear, count.parts.contains(where: { !$0.grades.isEmpty }) else { return }
        let year = count.years.first
        let seen = count.asOf.map { plan.at($0, in: year) } ?? plan
        let tally = PlanYearTally(plan: seen, year: year)
        guard tally.totalGraded == count.total, tally.totalListings == tally.totalGraded, tally.totalUnreadable == 0 else { return }
        for part in count.parts where !part.grades.isEmpty {
            let found = part.grades.reduce(0) { $0 + tally.totalCounts[$1] }
            guard found != part.count else { continue }
            let codes = part.grades.map { plan.grades.grades[$0].code }.joined(separator: "・")
            diagnostics.warning(
                at: part.location,
                "\(name(count)), \(part.label): the published count is \(part.count), but \(found) of the \(count.total) listings graded in the items are graded \(codes)",
                hint: Self.keepHint)
        }
    }

    private func name(_ count: AchievementCount) -> String { "the achievement count 「\(count.title)」" }

    /// An amount in the form the compared figure was written in: in the table's unit (else the
    /// plan's), negative with △ only when the report writes its negatives so.
    private func amount(_ money: Money, like written: PublishedAmount, table: MoneyTable, plan: Plan) -> String {
        let negative: NegativeStyle = written.text.hasPrefix("△") || written.text.hasPrefix("▲") ? .triangle : .minus
        if let unit = table.unit { return money.formatted(in: unit, withUnit: false, negative: negative) }
        return money.formatted(in: plan.moneyUnit, negative: negative)
    }
}
