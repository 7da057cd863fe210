import MierukaDiagnostics
import MierukaModel

/// Compares what a plan declares (the city's published tables) with what its transcribed items
/// add up to. Items may be fewer than the published count, but never contradict it:
/// - no policy × grade cell may have more transcribed listings than published;
/// - when every listing is transcribed, every cell must be equal;
/// - the published 再掲 count (`relisted:`) is of graded listings, as the year's sentence counts
///   them: no more graded 再掲 listings in the items, and as many once every listing is graded;
/// - amounts follow the same rule where the transcribed amounts summed have one sign: when they
///   are all reductions (0 or more) and so is the published one, their sum may not be more than
///   the published; when all are increases (「…の増」, 0 or less) and so is the published one, their
///   sum may not be a larger increase. Amounts of both signs (or a published amount of the other
///   sign) say that the untranscribed items may have either, so only the complete case is compared.
package struct DeclaredReconciler: Sendable {
    package init() {}

    package func reconcile(_ site: Site, severity: Severity, diagnostics: inout Diagnostics) {
        for plan in site.plans {
            // A table at a point within the year is compared with the items' results at that point.
            for table in plan.declared {
                reconcile(table, in: table.asOf.map { plan.at($0, in: table.year) } ?? plan, severity: severity, diagnostics: &diagnostics)
            }
            // Counts published on a status axis: compared the same way with the items' values on
            // the axis, but only ever warned about (the axis's counts are the report's, shown as
            // published beside Mieruka's own count).
            for axisIndex in plan.axes.indices where plan.declared.contains(where: { $0.axes[axisIndex] != nil }) {
                let projected = plan.projected(onto: axisIndex)
                for table in projected.declared {
                    reconcile(
                        table, in: table.asOf.map { projected.at($0, in: table.year) } ?? projected, severity: .warning,
                        subject: plan.axes[axisIndex].name, diagnostics: &diagnostics)
                }
            }
        }
    }

    /// `subject`: the status axis the table counts on (「着手状況」), named in the messages.
    func reconcile(
        _ table: DeclaredYear, in plan: Plan, severity: Severity, subject: String? = nil, diagnostics: inout Diagnostics
    ) {
        let tally = PlanYearTally(plan: plan, year: table.year)
        let label = table.year.label(plan.yearStyle) + (table.asOf.map { "・\($0.pointLabel)" } ?? "") + (subject.map { "（\($0)）" } ?? "")
        let transcribed = tally.totalListings - tally.totalUngraded
        let complete = table.totalListings.map { transcribed == $0 } ?? false

        func report(_ location: SourceLocation, _ message: String, _ hint: String) {
            diagnostics.append(Diagnostic(severity, at: location, message, hint: hint))
        }

        if let listings = table.totalListings, transcribed > listings {
            report(
                table.location,
                "\(label): \(transcribed) listings are graded in the items, but the published table counts \(listings)",
                "check the items' grades for \(label), or listings: in the declared table")
        }
        // A published 再掲 count is of the listings the published table counts, the graded ones
        // (「全43項目（うち再掲2項目）」; 宮古島市's 「3項目再掲のため実質」 takes them from its
        // count): a 再掲 listing without a grade, or with a state, is not among them.
        if let relisted = table.relisted {
            let graded = tally.totalGradedRelistings
            let allGraded = table.totalListings.map { tally.totalGraded == $0 } ?? false
            if graded > relisted || (allGraded && graded != relisted) {
                report(
                    table.location,
                    "\(label): \(graded) graded listing\(graded == 1 ? " is" : "s are") 再掲 in the items, but the published table says \(relisted)",
                    (allGraded ? "every listing of the published count is graded in the items; " : "")
                        + "check relisted: in the items, or in the declared table (it counts graded 再掲 listings only)")
            }
        }
        for row in table.gradeRows {
            let policy = plan.policies[row.policy]
            let counted = tally.listingCounts[row.policy]
            for (index, grade) in plan.grades.grades.enumerated() {
                let published = row.counts[index]
                let found = counted[index]
                if found > published || (complete && found != published) {
                    let items = itemsGraded(index, under: row.policy, in: plan, year: table.year)
                    report(
                        row.location,
                        "\(label), \(policy.numberedTitle): the published table has \(published) × \(grade.code), but \(found) transcribed listing\(found == 1 ? " is" : "s are") graded \(grade.code)",
                        items.isEmpty ? "check the declared counts" : "graded \(grade.code) there: " + items.joined(separator: ", "))
                }
            }
        }
        // Like with like: each published amount against the items' amounts of the same kind.
        for row in table.effectRows {
            let policy = plan.policies[row.policy]
            let sums = tally.effectSums(of: row.effect.kind)
            compare(
                published: row.effect.expected, written: row.effect.expectedIncrease, found: sums?.expected[row.policy], what: "効果見込額" + kindWord(row.effect.kind),
                signs: AmountSigns(plan, year: table.year, under: row.policy, of: row.effect.kind, \.expected),
                where_: "\(label), \(policy.numberedTitle)", complete: complete, unit: plan.moneyUnit,
                location: row.location, report: report)
            compare(
                published: row.effect.actual, written: row.effect.actualIncrease, found: sums?.actual[row.policy], what: "実績効果額" + kindWord(row.effect.kind),
                signs: AmountSigns(plan, year: table.year, under: row.policy, of: row.effect.kind, \.actual),
                where_: "\(label), \(policy.numberedTitle)", complete: complete, unit: plan.moneyUnit,
                location: row.location, report: report)
        }
        for total in table.publishedEffectTotals {
            let sums = tally.effectSums(of: total.kind)
            compare(
                published: total.expected, written: total.expectedIncrease, found: sums?.totalExpected, what: "効果見込額" + kindWord(total.kind),
                signs: AmountSigns(plan, year: table.year, under: nil, of: total.kind, \.expected), where_: "\(label), total",
                complete: complete, unit: plan.moneyUnit, location: table.location, report: report)
            compare(
                published: total.actual, written: total.actualIncrease, found: sums?.totalActual, what: "実績効果額" + kindWord(total.kind),
                signs: AmountSigns(plan, year: table.year, under: nil, of: total.kind, \.actual), where_: "\(label), total",
                complete: complete, unit: plan.moneyUnit, location: table.location, report: report)
        }
    }

    /// 「（単年度）」 after the name of an amount of a kind, in messages.
    private func kindWord(_ kind: EffectKind?) -> String { kind.map { "（\($0.word)）" } ?? "" }
    /// Which signs the transcribed amounts of one column have where a published amount sums them:
    /// each item's amount of the year of the same kind (単年度 / 継続, or none), under its primary
    /// listing (as `PlanYearTally` sums them) within `policy`'s subtree, or the whole plan's for
    /// the total.
    struct AmountSigns {
        var positive = false
        var negative = false

        init(_ plan: Plan, year: FiscalYear, under policy: Int?, of kind: EffectKind?, _ column: KeyPath<Effect, Money?>) {
            for (index, item) in plan.items.enumerated() where plan.revisions.isInPlan(index, in: year) {
                guard let effect = item.result(in: year)?.effect(of: kind), let amount = effect[keyPath: column],
                    let primary = item.primaryPolicy,
                    primary < plan.policies.count, policy.map({ plan.policy(primary, isWithin: $0) }) ?? true
                else { continue }
                if amount.yen > 0 { positive = true }
                if amount.yen < 0 { negative = true }
            }
        }
    }

    private func compare(
        published: Money?, written: String? = nil, found: Money?, what: String, signs: AmountSigns, where_: String, complete: Bool,
        unit: MoneyUnit, location: SourceLocation, report: (SourceLocation, String, String) -> Void
    ) {
        guard let published, let found else { return }
        // A part of a whole of one sign cannot pass the whole: more reduction than a published
        // reduction, or more increase than a published increase. Either sign among the amounts
        // (or a published amount of the other sign) bounds nothing.
        let exceeds =
            (published.yen >= 0 && !signs.negative && found > published)
            || (published.yen <= 0 && !signs.positive && found < published)
        if exceeds || (complete && found != published) {
            report(
                location,
                "\(where_): the published \(what) is \(written.map { "「\($0)」 (\(published.formatted(in: unit)))" } ?? published.formatted(in: unit)), but the items add up to \(found.formatted(in: unit))",
                "check the items' effect: amounts and the plan's money_unit (\(unit.rawValue))")
        }
    }

    private func itemsGraded(_ grade: Int, under policy: Int, in plan: Plan, year: FiscalYear) -> [String] {
        var numbers: [String] = []
        for item in plan.items where item.result(in: year)?.grade == grade {
            for listing in item.listings where plan.policy(listing.policy, isWithin: policy) {
                numbers.append("No \(listing.number) (\(item.location.file))")
            }
        }
        return numbers
    }
}
