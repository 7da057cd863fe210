import MierukaDiagnostics
import MierukaModel
import MierukaParallel

/// The validate stage: rules that hold across a merged plan (the merge stage has already resolved
/// every reference). Each rule reports where the offending value was written.
package struct SiteValidator: Sendable {
    /// Threads to validate plans with (all processors when nil).
    let jobs: Int?

    package init(jobs: Int? = nil) {
        self.jobs = jobs
    }

    /// Validates the plans side by side (each rule holds within one plan); their problems are
    /// reported in the order of the plans, as when validated one by one.
    /// `tallies`: each plan's yearly tallies when already counted (`PlanIndex.tallies`, the same
    /// counts of the same plan), so that they are not counted twice; counted here when nil.
    package func validate(_ site: Site, tallies: [[FiscalYear: PlanYearTally]]? = nil, diagnostics: inout Diagnostics) {
        let plans = site.plans.enumerated().map { offset, plan in (plan, tallies?[offset]) }
        let found = Parallel.map(plans, jobs: jobs) { plan, tallies -> Diagnostics in
            var planDiagnostics = Diagnostics()
            validate(plan, tallies: tallies, diagnostics: &planDiagnostics)
            return planDiagnostics
        }
        for planDiagnostics in found { diagnostics.append(contentsOf: planDiagnostics) }
    }

    /// The rules within one plan.
    func validate(_ plan: Plan, tallies: [FiscalYear: PlanYearTally]? = nil, diagnostics: inout Diagnostics) {
        for policy in plan.policies {
            for kpi in policy.kpis {
                checkDirection(kpi, in: plan, diagnostics: &diagnostics)
                KPITypoChecker().check(kpi, diagnostics: &diagnostics)
            }
        }
        for item in plan.items {
            for kpi in item.kpis {
                checkDirection(kpi, in: plan, diagnostics: &diagnostics)
                KPITypoChecker().check(kpi, diagnostics: &diagnostics)
            }
            checkSubitemCount(item, diagnostics: &diagnostics)
            checkPreviousGrades(item, in: plan, diagnostics: &diagnostics)
        }
        for axisIndex in plan.axes.indices where plan.declared.contains(where: { $0.axes[axisIndex] != nil }) {
            let projected = plan.projected(onto: axisIndex)
            let subject = plan.axes[axisIndex].name
            for table in projected.declared {
                checkDeclaredTotals(table, in: projected, subject: subject, diagnostics: &diagnostics)
                checkPublishedShare(table, in: projected, subject: subject, diagnostics: &diagnostics)
                checkPublishedChange(table, in: projected, subject: subject, diagnostics: &diagnostics)
                checkPublishedRates(table, in: projected, subject: subject, diagnostics: &diagnostics)
            }
        }
        for table in plan.declared {
            checkDeclaredTotals(table, in: plan, diagnostics: &diagnostics)
            checkPublishedCumulative(table, in: plan, diagnostics: &diagnostics)
            checkPublishedShare(table, in: plan, diagnostics: &diagnostics)
            checkPublishedChange(table, in: plan, diagnostics: &diagnostics)
            checkPublishedRates(table, in: plan, diagnostics: &diagnostics)
        }
        ReportedFiguresChecker().check(plan, diagnostics: &diagnostics)
        checkNotesAtPoints(plan, diagnostics: &diagnostics)
        let overflowed =
            tallies.map { $0.values.contains(where: \.overflowed) }
            ?? plan.reportedYears.contains { PlanYearTally(plan: plan, year: $0).overflowed }
        if overflowed {
            diagnostics.error(
                at: plan.location, "the plan's amounts add up to more than can be counted",
                hint: "check the amounts and the plan's money_unit")
        }
    }

    /// The 割合 printed beside every count (`grade_rates:`, `total_rate:`) against the published
    /// counts: each grade's count ÷ the table's 計 × 100, rounded or cut at the decimals the report
    /// printed (the rule the money tables' 達成率 are checked by). A difference is a warning: the
    /// rates are shown as published.
    func checkPublishedRates(_ table: DeclaredYear, in plan: Plan, subject: String? = nil, diagnostics: inout Diagnostics) {
        guard let totals = table.gradeTotals else { return }
        let sum = Int64(totals.reduce(0, +))
        let label = table.year.label(plan.yearStyle) + (subject.map { "（\($0)）" } ?? "")
        for (grade, pair) in zip(plan.grades.grades, zip(totals, table.gradeRates ?? [])) {
            let (count, rate) = pair
            guard rate.agrees(numerator: Int64(count), denominator: sum) == false else { continue }
            diagnostics.warning(
                at: rate.location,
                "the published rate of \(grade.shortName) for \(label) is \(rate.text), but its count \(count) of the \(sum) counted is \(rate.computed(numerator: Int64(count), denominator: sum) ?? "—")",
                hint: ReportedFiguresChecker.keepHint)
        }
        if let rate = table.totalRate, rate.agrees(numerator: sum, denominator: sum) == false {
            diagnostics.warning(
                at: rate.location,
                "the published rate of the total for \(label) is \(rate.text), but the total \(sum) is \(rate.computed(numerator: sum, denominator: sum) ?? "—") of itself",
                hint: ReportedFiguresChecker.keepHint)
        }
    }

    /// An item's published number of 細目 (`subitem_count:`) counts every 細目 the city has; the site
    /// may list fewer (a plan transcribed in part), never more.
    func checkSubitemCount(_ item: Item, diagnostics: inout Diagnostics) {
        guard let published = item.publishedSubitemCount, item.subitems.count > published.value else { return }
        diagnostics.warning(
            at: published.location,
            "the item \(item.listings.first?.number ?? item.slug) lists \(item.subitems.count) 細目, more than the \(published.value) the city publishes (subitem_count:)",
            hint: "check subitem_count: against the report, and the item's subitems: for one given twice or belonging to another item")
    }

    /// The previous year's grade a report prints beside an item (`previous_grade:`) is shown as
    /// printed; when it is a grade of the plan's scale and the previous year's own result on the
    /// site has another grade (or a state), `check` says so at the printed grade.
    func checkPreviousGrades(_ item: Item, in plan: Plan, diagnostics: inout Diagnostics) {
        for result in item.results + item.snapshots {
            guard let printed = result.previousGrade,
                let index = plan.grades.index(of: WidthNormalization.fold(printed.value.trimmingWhitespace())),
                let previous = item.result(in: FiscalYear(result.year.year - 1)),
                previous.grade != index, previous.grade != nil || previous.state != nil
            else { continue }
            let own = previous.grade.map { plan.grades.codes[$0] } ?? previous.state.map { plan.states.codes[$0] } ?? ""
            diagnostics.warning(
                at: printed.location,
                "the item \(item.listings.first?.number ?? item.slug)'s \(result.year.label(plan.yearStyle)) result prints \(printed.value) as the previous year's grade, but its \(previous.year.label(plan.yearStyle)) result on the site is \(own)",
                hint: "check previous_grade: (前年度評価) and the grade of the previous year's result against the reports; each is shown as its report prints it")
        }
    }

    /// The notes of a table published at a point within a year (`as_of:`) other than the year's own
    /// are shown with the tables of that point on the year's report; a point with no table to show
    /// (no counts published at it, no item graded at it) shows them nowhere, so `check` says so.
    /// The same holds for the items such a table singles out (`highlights:`).
    func checkNotesAtPoints(_ plan: Plan, diagnostics: inout Diagnostics) {
        for year in plan.reportedYears {
            for table in plan.otherSnapshots(in: year) {
                guard let point = table.asOf, !plan.showsTables(at: point, in: year) else { continue }
                let what = [
                    table.notes.map { !$0.isBlank } == true ? "notes" : nil, table.highlights.isEmpty ? nil : "highlights",
                ].compactMap { $0 }.joined(separator: " and ")
                guard !what.isEmpty else { continue }
                diagnostics.warning(
                    at: table.location,
                    "the \(what) of the table published at \(point.text) of \(year.label(plan.yearStyle)) are shown nowhere: the year's report shows a point's \(what) with the point's tables, and this point has none",
                    hint: "add the counts published at that point (grades:, grade_total:, groups: or axes:), or move the \(what) to the year's own table")
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
        if let total = table.gradeTotal, !table.rowCounts.isEmpty {
            for (index, grade) in plan.grades.grades.enumerated() {
                let sum = table.rowCounts.reduce(0) { $0 + $1[index] }
                if sum != total[index] {
                    diagnostics.warning(
                        at: table.location,
                        "the declared table for \(label) gives \(total[index]) × \(grade.code) in total, but its rows add up to \(sum)",
                        hint: Self.publishedAsPublished
                            + "compare each row of \(table.gradeRows.isEmpty ? "groups:" : "grades:") with the published table")
                }
            }
        }
        if let listings = table.listings, let totals = table.gradeTotals {
            // Listings in a state (state_total:) are counted in listings: but not in the grades.
            let sum = totals.reduce(0, +)
            let inStates = table.stateTotal?.reduce(0, +) ?? 0
            if sum + inStates != listings {
                diagnostics.warning(
                    at: table.location,
                    "the declared table for \(label) counts \(listings) listings, but its grades add up to \(sum)"
                        + (inStates > 0 ? " and its states (state_total:) to \(inStates)" : ""),
                    hint: Self.publishedAsPublished + "compare listings: with the published total")
            }
        }
        if let relisted = table.relisted, let listings = table.totalListings, relisted > listings {
            diagnostics.warning(
                at: table.location, "the declared table for \(label) has more 再掲 listings (\(relisted)) than listings (\(listings))",
                hint: Self.publishedAsPublished + "compare relisted: and listings: with the published table")
        }
        // Each published total against the published rows of its own kind (amounts of different
        // kinds are never added together).
        for total in table.publishedEffectTotals {
            let rows = table.effectRows(of: total.kind)
            guard !rows.isEmpty else { continue }
            let kind = total.kind.map { "（\($0.word)）" } ?? ""
            // A published figure given as approximate (「約…」) is held to no sum, nor a sum to it.
            let sums = Effect.sum(rows.map(\.effect))
            let expected = total.expectedApproximate == nil ? sums.expected : nil
            let actual = total.actualApproximate == nil ? sums.actual : nil
            if let declared = total.expected, let expected, declared != expected {
                diagnostics.warning(
                    at: table.location,
                    "the declared 効果見込額\(kind) total for \(label) is \(declared.formatted(in: plan.moneyUnit)), but its rows add up to \(expected.formatted(in: plan.moneyUnit))",
                    hint: Self.publishedAsPublished + "compare each row of effects: with the published table")
            }
            if let declared = total.actual, let actual, declared != actual {
                diagnostics.warning(
                    at: table.location,
                    "the declared 実績効果額\(kind) total for \(label) is \(declared.formatted(in: plan.moneyUnit)), but its rows add up to \(actual.formatted(in: plan.moneyUnit))",
                    hint: Self.publishedAsPublished + "compare each row of effects: with the published table")
            }
        }
    }

    /// A published 累計 against the sum of the published years, when every fiscal year from the
    /// plan's first one to the 累計's has a published total: a difference is a warning (the city's
    /// figures are shown as published, and someone should look at them), never a silent fix.
    func checkPublishedCumulative(_ table: DeclaredYear, in plan: Plan, diagnostics: inout Diagnostics) {
        for cumulative in table.publishedEffectCumulatives {
            checkPublishedCumulative(cumulative, of: table, in: plan, diagnostics: &diagnostics)
        }
    }

    /// One published 累計 (of one kind) against the published years' totals of the same kind.
    private func checkPublishedCumulative(
        _ cumulative: Effect, of table: DeclaredYear, in plan: Plan, diagnostics: inout Diagnostics
    ) {
        let label = table.year.label(plan.yearStyle) + (cumulative.kind.map { "（\($0.word)）" } ?? "")
        let years = (plan.period.first.year...max(plan.period.first.year, table.year.year)).map(FiscalYear.init)
        // The years' own totals: amounts at a point within a year (as_of:) are not the year's.
        let totals = years.map { plan.declared(in: $0, at: nil)?.effectTotals(of: cumulative.kind) }
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

    /// A published 増減 against the counts of the year and of the year before at the same point of
    /// their years (like with like only): each year's published counts, else the items' own count
    /// where the year's published listings are all graded in the items (so the items are the whole
    /// count). A difference is a warning (each figure is shown as published); where either year has
    /// neither, nothing is compared.
    func checkPublishedChange(_ table: DeclaredYear, in plan: Plan, subject: String? = nil, diagnostics: inout Diagnostics) {
        let previousYear = FiscalYear(table.year.year - 1)
        guard let change = table.gradeChange, let now = Self.wholeCounts(plan, table.year, at: table.asOf),
            let before = Self.wholeCounts(plan, previousYear, at: table.asOf)
        else { return }
        let label = table.year.label(plan.yearStyle) + (subject.map { "（\($0)）" } ?? "")
        let basis =
            now.published && before.published
            ? "the published counts" : now.published || before.published ? "the counts (published or all graded in the items)" : "the items' counts"
        for (index, grade) in plan.grades.grades.enumerated() where index < change.count {
            let difference = now.counts[index] - before.counts[index]
            if difference != change[index] {
                diagnostics.warning(
                    at: table.location,
                    "the published 増減 of \(grade.shortName) for \(label) is \(NumberGrouping.format(change[index])), but \(basis) of \(previousYear.label(plan.yearStyle)) and \(table.year.label(plan.yearStyle)) differ by \(NumberGrouping.format(difference))",
                    hint: Self.publishedAsPublished + "check grade_change: and both years' counts against the reports")
            }
        }
    }

    /// A year's whole count per grade at a point of the year (nil: its end): the published one,
    /// else the items' at that point when every listing the published table counts is graded in
    /// the items; nil when neither is known.
    static func wholeCounts(_ plan: Plan, _ year: FiscalYear, at point: Snapshot?) -> (counts: [Int], published: Bool)? {
        let declared = plan.declared(in: year, at: point)
        if let totals = declared?.gradeTotals { return (totals, true) }
        guard let listings = declared?.totalListings else { return nil }
        let tally = PlanYearTally(plan: point.map { plan.at($0, in: year) } ?? plan, year: year)
        guard tally.totalGraded == listings else { return nil }
        return (Array(tally.totalCounts[0..<plan.grades.count]), false)
    }

    /// A published share needs the plan (or the status axis) to name its grades. Its count is
    /// compared with the published counts of those grades: equal where the report says nothing of
    /// its denominator (a share of all the listings counted), not above them where it names one.
    /// Without published counts, it is compared the same way with the items graded in those grades
    /// (not above them while items are missing; equal once every listing is graded in the items),
    /// only where the report names no denominator. A difference is a warning: both are shown as published.
    func checkPublishedShare(_ table: DeclaredYear, in plan: Plan, subject: String? = nil, diagnostics: inout Diagnostics) {
        guard let published = table.publishedShare else { return }
        guard let share = plan.gradeShare else {
            if let subject {
                diagnostics.error(
                    at: published.location, "a published share on the status axis 「\(subject)」, but the axis does not say which grades it counts",
                    hint: "add grade_share: {grades: […], label: …} to the axis under axes:, with the report's wording")
            } else {
                diagnostics.error(
                    at: published.location, "a published share, but the plan does not say which grades it counts",
                    hint: "add grade_share: {grades: [A, B], label: …} to the plan, with the report's wording")
            }
            return
        }
        guard let count = published.count else { return }
        let label = table.year.label(plan.yearStyle) + (subject.map { "（\($0)）" } ?? "")
        let names = share.grades.map { plan.grades.grades[$0].shortName }.joined(separator: "・")
        if let totals = table.gradeTotals {
            let sum = share.count(in: totals)
            if published.denominator == nil ? sum != count : count > sum {
                diagnostics.warning(
                    at: published.location,
                    "the published share for \(label) counts \(count), but the published counts of \(names) add up to \(sum)",
                    hint: "the site shows both as published; check the transcription against the report")
            }
            return
        }
        guard published.denominator == nil else { return }
        let tally = PlanYearTally(plan: plan, year: table.year)
        let found = share.count(in: Array(tally.totalCounts[0..<plan.grades.count]))
        let complete = table.totalListings == tally.totalGraded
        if found > count || (complete && found != count) {
            diagnostics.warning(
                at: published.location,
                "the published share for \(label) counts \(count), but \(found) transcribed listing\(found == 1 ? " is" : "s are") graded \(names)",
                hint: "the site shows the share as published; check the items' grades for the year, or the transcription of the share")
        }
    }
}
