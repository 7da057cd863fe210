import MierukaDiagnostics
import MierukaModel

/// The validate stage: rules that hold across a merged plan (the merge stage has already resolved
/// every reference). Each rule reports where the offending value was written.
package struct SiteValidator: Sendable {
    package init() {}

    package func validate(_ site: Site, diagnostics: inout Diagnostics) {
        for plan in site.plans {
            for policy in plan.policies {
                for kpi in policy.kpis { checkDirection(kpi, in: plan, diagnostics: &diagnostics) }
            }
            for item in plan.items {
                for kpi in item.kpis { checkDirection(kpi, in: plan, diagnostics: &diagnostics) }
            }
            for axisIndex in plan.axes.indices where plan.declared.contains(where: { $0.axes[axisIndex] != nil }) {
                let projected = plan.projected(onto: axisIndex)
                for table in projected.declared {
                    checkDeclaredTotals(table, in: projected, subject: plan.axes[axisIndex].name, diagnostics: &diagnostics)
                }
            }
            for table in plan.declared {
                checkDeclaredTotals(table, in: plan, diagnostics: &diagnostics)
                checkPublishedCumulative(table, in: plan, diagnostics: &diagnostics)
                checkPublishedShare(table, in: plan, diagnostics: &diagnostics)
                checkPublishedChange(table, in: plan, diagnostics: &diagnostics)
            }
            ReportedFiguresChecker().check(plan, diagnostics: &diagnostics)
            let tally = plan.reportedYears.map { PlanYearTally(plan: plan, year: $0) }
            if tally.contains(where: \.overflowed) {
                diagnostics.error(
                    at: plan.location, "the plan's amounts add up to more than can be counted",
                    hint: "check the amounts and the plan's money_unit")
            }
        }
    }

    /// A KPI that should fall must not have a target above its baseline, and the other way round.
    func checkDirection(_ kpi: KPI, in plan: Plan, diagnostics: inout Diagnostics) {
        guard let direction = kpi.direction, let change = kpi.plannedChange, change.units != 0 else { return }
        let rises = change.units > 0
        if direction == .decrease, rises {
            diagnostics.error(
                at: kpi.location, "the KPI \"\(kpi.name)\" should decrease, but its target is above its baseline",
                hint: "check the baseline and target values, or the direction:")
        } else if direction == .increase, !rises {
            diagnostics.error(
                at: kpi.location, "the KPI \"\(kpi.name)\" should increase, but its target is below its baseline",
                hint: "check the baseline and target values, or write direction: decrease (shown with △)")
        }
    }

    /// The start of every hint about published figures that disagree with each other.
    static let publishedAsPublished = "the site shows each figure as published; "

    /// A published table should add up in itself: rows against the total row, counts against the
    /// number of listings, effect rows against the effect total. Where the city's own figures
    /// disagree, the site shows each as published and `check` warns (it does not fail): the
    /// transcription may be wrong, or the report itself may be; neither is silently "fixed".
    /// `subject`: the status axis the table counts on (「着手状況」), named in the messages.
    func checkDeclaredTotals(_ table: DeclaredYear, in plan: Plan, subject: String? = nil, diagnostics: inout Diagnostics) {
        let label = table.year.label(plan.yearStyle) + (subject.map { "（\($0)）" } ?? "")
        if let total = table.gradeTotal, !table.gradeRows.isEmpty {
            for (index, grade) in plan.grades.grades.enumerated() {
                let sum = table.gradeRows.reduce(0) { $0 + $1.counts[index] }
                if sum != total[index] {
                    diagnostics.warning(
                        at: table.location,
                        "the declared table for \(label) gives \(total[index]) × \(grade.code) in total, but its rows add up to \(sum)",
                        hint: Self.publishedAsPublished + "compare each row of grades: with the published table")
                }
            }
        }
        if let listings = table.listings, let totals = table.gradeTotals {
            let sum = totals.reduce(0, +)
            if sum != listings {
                diagnostics.warning(
                    at: table.location,
                    "the declared table for \(label) counts \(listings) listings, but its grades add up to \(sum)",
                    hint: Self.publishedAsPublished + "compare listings: with the published total")
            }
        }
        if let relisted = table.relisted, let listings = table.totalListings, relisted > listings {
            diagnostics.warning(
                at: table.location, "the declared table for \(label) has more 再掲 listings (\(relisted)) than listings (\(listings))",
                hint: Self.publishedAsPublished + "compare relisted: and listings: with the published table")
        }
        if let total = table.effectTotal, !table.effectRows.isEmpty {
            let expected = Money.sum(table.effectRows.map(\.effect.expected))
            let actual = Money.sum(table.effectRows.map(\.effect.actual))
            if let declared = total.expected, let expected, declared != expected {
                diagnostics.warning(
                    at: table.location,
                    "the declared 効果見込額 total for \(label) is \(declared.formatted(in: plan.moneyUnit)), but its rows add up to \(expected.formatted(in: plan.moneyUnit))",
                    hint: Self.publishedAsPublished + "compare each row of effects: with the published table")
            }
            if let declared = total.actual, let actual, declared != actual {
                diagnostics.warning(
                    at: table.location,
                    "the declared 実績効果額 total for \(label) is \(declared.formatted(in: plan.moneyUnit)), but its rows add up to \(actual.formatted(in: plan.moneyUnit))",
                    hint: Self.publishedAsPublished + "compare each row of effects: with the published table")
            }
        }
    }

    /// A published 累計 against the sum of the published years, when every fiscal year from the
    /// plan's first one to the 累計's has a published total: a difference is a warning (the city's
    /// figures are shown as published, and someone should look at them), never a silent fix.
    func checkPublishedCumulative(_ table: DeclaredYear, in plan: Plan, diagnostics: inout Diagnostics) {
        guard let cumulative = table.effectCumulative else { return }
        let label = table.year.label(plan.yearStyle)
        let years = (plan.period.first.year...max(plan.period.first.year, table.year.year)).map(FiscalYear.init)
        // The years' own totals: amounts at a point within a year (as_of:) are not the year's.
        let totals = years.map { plan.declared(in: $0, at: nil)?.effectTotals }
        guard totals.allSatisfy({ $0 != nil }) else { return }
        let span = FiscalYearRange(plan.period.first, table.year).label(plan.yearStyle)
        for (name, published, parts) in [
            ("効果見込額", cumulative.expected, totals.map { $0?.expected }),
            ("実績効果額", cumulative.actual, totals.map { $0?.actual }),
        ] {
            guard let published, parts.allSatisfy({ $0 != nil }), let sum = Money.sum(parts) else { continue }
            if sum != published {
                diagnostics.warning(
                    at: table.location,
                    "the published \(name) 累計 for \(label) is \(published.formatted(in: plan.moneyUnit)), but the published years \(span) add up to \(sum.formatted(in: plan.moneyUnit))",
                    hint: "the site shows both as published; check the transcription against the report, and keep both if the city's own figures differ")
            }
        }
    }

    /// A published 増減 against the published counts of the year and of the year before, when both
    /// are published at the same point of their years (like with like only): a difference is a
    /// warning (each figure is shown as published).
    func checkPublishedChange(_ table: DeclaredYear, in plan: Plan, diagnostics: inout Diagnostics) {
        let previousYear = FiscalYear(table.year.year - 1)
        guard let change = table.gradeChange, let now = table.gradeTotals,
            let before = plan.declared(in: previousYear, at: table.asOf)?.gradeTotals
        else { return }
        for (index, grade) in plan.grades.grades.enumerated() where index < change.count {
            let difference = now[index] - before[index]
            if difference != change[index] {
                diagnostics.warning(
                    at: table.location,
                    "the published 増減 of \(grade.shortName) for \(table.year.label(plan.yearStyle)) is \(NumberGrouping.format(change[index])), but the published counts of \(previousYear.label(plan.yearStyle)) and \(table.year.label(plan.yearStyle)) differ by \(NumberGrouping.format(difference))",
                    hint: Self.publishedAsPublished + "check grade_change: and both years' counts against the reports")
            }
        }
    }

    /// A published share needs the plan to name its grades; its count is compared with the
    /// published counts of those grades (a warning when they differ: both are shown as published).
    func checkPublishedShare(_ table: DeclaredYear, in plan: Plan, diagnostics: inout Diagnostics) {
        guard let published = table.publishedShare else { return }
        guard let share = plan.gradeShare else {
            diagnostics.error(
                at: published.location, "a published share, but the plan does not say which grades it counts",
                hint: "add grade_share: {grades: [A, B], label: …} to the plan, with the report's wording")
            return
        }
        guard let count = published.count, let totals = table.gradeTotals else { return }
        let sum = share.count(in: totals)
        if sum != count {
            let names = share.grades.map { plan.grades.grades[$0].shortName }.joined(separator: "・")
            diagnostics.warning(
                at: published.location,
                "the published share for \(table.year.label(plan.yearStyle)) counts \(count), but the published counts of \(names) add up to \(sum)",
                hint: "the site shows both as published; check the transcription against the report")
        }
    }
}
