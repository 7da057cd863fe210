import MierukaModel
import MierukaSite

/// A year's published figures (`years[].published`, `years[].published_at_points[]`): the counts
/// and amounts the report gives, as it gives them. Members the report has only sometimes are added
/// only where it has them, so that other files keep their bytes.
extension PlanJSON {
    /// `shown`: the table the year's report page shows, whose notes and highlights are shown with it.
    /// `notesShown`: a table at another point whose notes and highlights the page shows with that point's tables.
    func published(_ declared: DeclaredYear, shown: Bool = false, notesShown: Bool = false, to json: inout JSONWriter) {
        json.object { json in
            // Only for a year whose figures stand at a point within it, so that other files keep their bytes.
            if let asOf = declared.asOf { json.member("as_of") { json in snapshot(asOf, to: &json) } }
            publishedTables(declared, to: &json)
            publishedEffectExtras(declared, to: &json)
            publishedCountExtras(declared, to: &json)
            if shown || notesShown { publishedPageText(declared, to: &json) }
        }
    }

    /// The tables every published year has: counts per policy and in total, amounts per policy and in total.
    private func publishedTables(_ declared: DeclaredYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.member("source", declared.source)
        json.member("listings", declared.totalListings)
        json.member("relistings", declared.relisted)
        json.member("grade_counts", declared.gradeRows) { row, json in
            json.object { json in
                json.member("policy", plan.policies[row.policy].id)
                json.member("counts") { json in gradeObject(row.counts, to: &json) }
            }
        }
        json.member("grade_totals") { json in
            guard let totals = declared.gradeTotals else { return json.null() }
            gradeObject(totals, to: &json)
        }
        json.member("effects", declared.effectRows) { row, json in
            json.object { json in
                json.member("policy", plan.policies[row.policy].id)
                amountMembers(row.effect, to: &json)
                increaseTexts(row.effect, prefix: "", to: &json)
                kindMember(row.effect.kind, to: &json)
            }
        }
        json.member("effect_totals") { json in
            guard let totals = declared.effectTotals else { return json.null() }
            json.object { json in
                amountMembers(totals, to: &json)
                increaseTexts(totals, prefix: "", to: &json)
            }
        }
    }

    /// Amounts only where the report publishes them: a 累計, and in a plan whose amounts name their
    /// kind, every kind's total (published, or the published rows' sum) and 累計, kind by kind.
    private func publishedEffectExtras(_ declared: DeclaredYear, to json: inout JSONWriter) {
        if let cumulative = declared.effectCumulative {
            json.object("effect_cumulative") { json in
                amountMembers(cumulative, to: &json)
                increaseTexts(cumulative, prefix: "", to: &json)
                kindMember(cumulative.kind, to: &json)
            }
        }
        guard planIndex.namesEffectKinds, declared.hasEffects || !declared.publishedEffectCumulatives.isEmpty else { return }
        let totals = declared.effectKinds.compactMap { kind in declared.effectTotals(of: kind).map { (kind, $0) } }
        json.member("effect_totals_by_kind", totals) { entry, json in
            json.object { json in
                kindMember(entry.0, to: &json)
                amountMembers(entry.1, to: &json)
                json.member("published", declared.publishedTotal(of: entry.0) != nil)
                increaseTexts(entry.1, prefix: "", to: &json)
            }
        }
        if declared.moreEffectCumulatives.count > 0 {
            json.member("effect_cumulatives", declared.publishedEffectCumulatives) { cumulative, json in
                json.object { json in
                    kindMember(cumulative.kind, to: &json)
                    amountMembers(cumulative, to: &json)
                    increaseTexts(cumulative, prefix: "", to: &json)
                }
            }
        }
    }

    /// Counts only where the report publishes them: a share of named grades, a 増減 per grade,
    /// counts under its own grouping, listings in a state.
    private func publishedCountExtras(_ declared: DeclaredYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        if let share = declared.publishedShare {
            json.object("grade_share") { json in
                json.member("rate", share.rate)
                json.member("count", share.count)
                // What the share is of, only where the report says it (other files keep their bytes).
                if let denominator = share.denominator { json.member("denominator", denominator) }
            }
        }
        if let rates = declared.gradeRates {
            // The 割合 printed beside every count, as published (「30.4%」), and beside the 合計.
            json.object("grade_rates") { json in
                for (grade, rate) in zip(plan.grades.grades, rates) { json.member(named: grade.code, .string(rate.text)) }
            }
            json.member("total_rate", declared.totalRate?.text)
        }
        if let change = declared.gradeChange {
            json.member("grade_change") { json in codeCounts(zip(plan.grades.grades, change), to: &json) }
        }
        if let grouping = declared.grouping {
            // Counts the report publishes under its own grouping (管理区分), never per policy.
            json.member("grouped_by", grouping)
            json.member("group_counts", declared.groupRows) { row, json in
                json.object { json in
                    json.member("group", row.name)
                    json.member("counts") { json in gradeObject(row.counts, to: &json) }
                }
            }
        }
        if let states = declared.stateTotal {
            // Listings the report counts in a state (state_total:), by the states it counts.
            json.member("state_totals") { json in codeCounts(zip(plan.states.grades, states).filter { $0.1 > 0 }, to: &json) }
        }
    }

    /// What the year's report page shows beside its tables, only where the report has it.
    private func publishedPageText(_ declared: DeclaredYear, to json: inout JSONWriter) {
        if let notes = declared.notes, !notes.isBlank { json.member("notes", notes) }
        guard !declared.highlights.isEmpty else { return }
        json.member("highlights", declared.highlights) { group, json in
            json.object { json in
                json.member("title", group.title)
                json.member("entries", group.entries) { entry, json in
                    json.object { json in
                        json.member("title", entry.title)
                        json.member("department", entry.department)
                        json.member("amount", entry.amount)
                        json.member("text", entry.text)
                    }
                }
            }
        }
    }

    /// Counts per grade of the plan's scale, keyed by the grades' codes.
    private func gradeObject(_ counts: [Int], to json: inout JSONWriter) {
        codeCounts(zip(planIndex.plan.grades.grades, counts), to: &json)
    }

    /// An effect's two amounts in yen (the figure after 「約」 of an approximate one).
    private func amountMembers(_ effect: Effect, to json: inout JSONWriter) {
        json.member("expected_yen", money(effect.expectedFigure))
        json.member("actual_yen", money(effect.actualFigure))
    }
}
