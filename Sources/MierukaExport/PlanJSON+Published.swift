import MierukaModel
import MierukaSite

/// A year's published figures (`years[].published`, `years[].published_at_points[]`): the counts
/// and amounts the report gives, as it gives them. Members the report has only sometimes are added
/// only where it has them, so that other files keep their bytes.
extension PlanJSON {
    /// `shown`: the table the year's report page shows, whose notes and highlights are shown with it.
    /// `notesShown`: a table at another point whose notes and highlights the page shows with that point's tables.
    func published(_ declared: DeclaredYear, shown: Bool = false, notesShown: Bool = false) -> JSONValue {
        // Only for a year whose figures stand at a point within it, so that other files keep their bytes.
        let snapshotMember: [(String, JSONValue)] = declared.asOf.map { [("as_of", snapshot($0))] } ?? []
        return .object(
            snapshotMember + publishedTables(declared) + publishedEffectExtras(declared) + publishedCountExtras(declared)
                + ((shown || notesShown) ? publishedPageText(declared) : []))
    }

    /// The tables every published year has: counts per policy and in total, amounts per policy and in total.
    private func publishedTables(_ declared: DeclaredYear) -> [(String, JSONValue)] {
        let plan = planIndex.plan
        return [
            ("source", .text(declared.source)),
            ("listings", declared.totalListings.map { .int($0) } ?? .null),
            ("relistings", declared.relisted.map { .int($0) } ?? .null),
            (
                "grade_counts",
                .array(declared.gradeRows.map { .object([("policy", .string(plan.policies[$0.policy].id)), ("counts", gradeObject($0.counts))]) })
            ),
            ("grade_totals", declared.gradeTotals.map(gradeObject) ?? .null),
            (
                "effects",
                .array(
                    declared.effectRows.map {
                        .object(
                            [("policy", .string(plan.policies[$0.policy].id))] + amountMembers($0.effect)
                                + increaseTexts($0.effect, prefix: "") + kindMember($0.effect.kind))
                    })
            ),
            (
                "effect_totals",
                declared.effectTotals.map { .object(amountMembers($0) + increaseTexts($0, prefix: "")) } ?? .null
            ),
        ]
    }

    /// Amounts only where the report publishes them: a 累計, and in a plan whose amounts name their
    /// kind, every kind's total (published, or the published rows' sum) and 累計, kind by kind.
    private func publishedEffectExtras(_ declared: DeclaredYear) -> [(String, JSONValue)] {
        var extras: [(String, JSONValue)] = []
        if let cumulative = declared.effectCumulative {
            extras.append(
                ("effect_cumulative", .object(amountMembers(cumulative) + increaseTexts(cumulative, prefix: "") + kindMember(cumulative.kind))))
        }
        guard planIndex.namesEffectKinds, declared.hasEffects || !declared.publishedEffectCumulatives.isEmpty else { return extras }
        extras.append(
            (
                "effect_totals_by_kind",
                .array(
                    declared.effectKinds.compactMap { kind in
                        declared.effectTotals(of: kind).map {
                            .object(
                                kindMember(kind) + amountMembers($0) + [("published", .bool(declared.publishedTotal(of: kind) != nil))]
                                    + increaseTexts($0, prefix: ""))
                        }
                    })
            ))
        if declared.moreEffectCumulatives.count > 0 {
            extras.append(
                (
                    "effect_cumulatives",
                    .array(
                        declared.publishedEffectCumulatives.map {
                            .object(kindMember($0.kind) + amountMembers($0) + increaseTexts($0, prefix: ""))
                        })
                ))
        }
        return extras
    }

    /// Counts only where the report publishes them: a share of named grades, a 増減 per grade,
    /// counts under its own grouping, listings in a state.
    private func publishedCountExtras(_ declared: DeclaredYear) -> [(String, JSONValue)] {
        let plan = planIndex.plan
        var extras: [(String, JSONValue)] = []
        if let share = declared.publishedShare {
            // What the share is of, only where the report says it (other files keep their bytes).
            let denominator: [(String, JSONValue)] = share.denominator.map { [("denominator", .text($0))] } ?? []
            extras.append(
                ("grade_share", .object([("rate", .text(share.rate)), ("count", share.count.map { .int($0) } ?? .null)] + denominator)))
        }
        if let rates = declared.gradeRates {
            // The 割合 printed beside every count, as published (「30.4%」), and beside the 合計.
            extras.append(("grade_rates", .object(zip(plan.grades.grades, rates).map { ($0.code, .string($1.text)) })))
            extras.append(("total_rate", .text(declared.totalRate?.text)))
        }
        if let change = declared.gradeChange {
            extras.append(("grade_change", .object(zip(plan.grades.grades, change).map { ($0.code, .int($1)) })))
        }
        if let grouping = declared.grouping {
            // Counts the report publishes under its own grouping (管理区分), never per policy.
            extras.append(("grouped_by", .string(grouping)))
            extras.append(
                ("group_counts", .array(declared.groupRows.map { .object([("group", .string($0.name)), ("counts", gradeObject($0.counts))]) })))
        }
        if let states = declared.stateTotal {
            // Listings the report counts in a state (state_total:), by the states it counts.
            extras.append(("state_totals", .object(zip(plan.states.grades, states).filter { $0.1 > 0 }.map { ($0.code, .int($1)) })))
        }
        return extras
    }

    /// What the year's report page shows beside its tables, only where the report has it.
    private func publishedPageText(_ declared: DeclaredYear) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let notes = declared.notes, !notes.isBlank { members.append(("notes", .string(notes))) }
        guard !declared.highlights.isEmpty else { return members }
        members.append(
            (
                "highlights",
                .array(
                    declared.highlights.map { group in
                        .object([
                            ("title", .string(group.title)),
                            (
                                "entries",
                                .array(
                                    group.entries.map {
                                        .object([
                                            ("title", .string($0.title)), ("department", .text($0.department)),
                                            ("amount", .text($0.amount)), ("text", .text($0.text)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ))
        return members
    }

    /// Counts per grade of the plan's scale, keyed by the grades' codes.
    private func gradeObject(_ counts: [Int]) -> JSONValue {
        .object(zip(planIndex.plan.grades.grades, counts).map { ($0.code, .int($1)) })
    }

    /// An effect's two amounts in yen (the figure after 「約」 of an approximate one).
    private func amountMembers(_ effect: Effect) -> [(String, JSONValue)] {
        [("expected_yen", money(effect.expectedFigure)), ("actual_yen", money(effect.actualFigure))]
    }
}
