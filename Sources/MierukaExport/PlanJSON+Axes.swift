import MierukaModel

/// What a result says beside its grade, in `plan.json` as the item's page shows it: a state
/// instead of a grade (`states:`, 対象外 …), its values on the plan's status axes (`axes:`) and who
/// graded (`graded_by:`). Each key only in a plan that has what it holds (states, axes, a grader),
/// so that other plans' files keep their bytes; in such a plan every result has the key.
extension PlanJSON {
    /// The top-level members: the plan's states and its axes with their scales.
    func axisMembers(to json: inout JSONWriter) {
        let plan = planIndex.plan
        if !plan.states.isEmpty { json.member("states") { json in scale(plan.states, to: &json) } }
        // The report's own heading over the states, only when the plan writes one (`states_heading:`).
        if plan.statesHeading != Plan.defaultStatesHeading { json.member("states_heading", plan.statesHeading) }
        guard !plan.axes.isEmpty else { return }
        json.member("axes", plan.axes) { axis, json in
            json.object { json in
                json.member("id", axis.key)
                json.member("name", axis.name)
                json.member("grades") { json in scale(axis.grades, to: &json) }
                json.member("states") { json in scale(axis.states, to: &json) }
                if axis.statesHeading != Plan.defaultStatesHeading { json.member("states_heading", axis.statesHeading) }
                json.member("graded_by", axis.gradedBy)
            }
        }
    }

    /// [{"code": "A", "label": "達成", "definition": null}]: a scale's grades or states, best first.
    func scale(_ scale: GradeScale, to json: inout JSONWriter) {
        json.array(scale.grades) { grade, json in
            json.object { json in
                json.member("code", grade.code)
                json.member("label", grade.label)
                json.member("definition", grade.definition)
            }
        }
    }

    /// Whether some result names who graded it, or the plan does (then every result has `graded_by`).
    var resultsHaveGraders: Bool {
        let plan = planIndex.plan
        return plan.gradedBy != nil
            || plan.items.contains { item in item.results.contains { $0.gradedBy != nil } || item.snapshots.contains { $0.gradedBy != nil } }
    }

    /// The members a result gets after its grade: `state`, `graded_by` and `axes`, each only in a
    /// plan that has what it holds.
    func gradeExtras(_ result: YearResult, gradersNamed: Bool, to json: inout JSONWriter) {
        let plan = planIndex.plan
        if !plan.states.isEmpty { json.member("state", code(result.state, plan.states)) }
        if gradersNamed {
            // Who gave the grade or state, as the item's page says it: the result's own word, else the plan's.
            let graded = result.grade != nil || result.state != nil
            json.member("graded_by", graded ? result.gradedBy ?? plan.gradedBy : nil)
        }
        guard !plan.axes.isEmpty else { return }
        json.object("axes") { json in
            for (index, axis) in plan.axes.enumerated() {
                guard let value = result.value(on: index) else {
                    json.member(named: axis.key, .null)
                    continue
                }
                json.key(named: axis.key)
                json.object { json in
                    json.member("grade", code(value.grade, axis.grades))
                    json.member("state", code(value.state, axis.states))
                    json.member("graded_by", value.gradedBy ?? axis.gradedBy)
                }
            }
        }
    }

    func code(_ index: Int?, _ scale: GradeScale) -> JSONValue {
        guard let index, index < scale.count else { return .null }
        return .string(scale.grades[index].code)
    }

    /// `years[].axes`, in a plan with axes only: each axis's counts for the year, as its section of
    /// the year's report and `axis-counts` give them: counted from the items on the site (its
    /// grades, ungraded and states) and as published on the axis (`declared:` → `axes:`), each
    /// point within the year apart.
    func axisCounts(_ year: FiscalYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        guard !plan.axes.isEmpty else { return }
        json.member("axes", plan.axes.indices.filter { $0 < planIndex.axes.count }) { index, json in
            let projected = planIndex.axes[index]
            // The plan seen through the axis, so that codes and states are the axis's.
            let seen = PlanJSON(planIndex: projected, links: links, settings: settings, publisher: publisher)
            json.object { json in
                json.member("axis", plan.axes[index].key)
                seen.axisYearMembers(year, to: &json)
            }
        }
    }

    /// An axis's counts for a year, written by the plan seen through the axis.
    private func axisYearMembers(_ year: FiscalYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        if let tally = planIndex.tallies[year] {
            json.object("computed") { json in axisTallyMembers(tally, to: &json) }
        } else {
            json.member("computed", JSONValue.null)
        }
        json.member("published") { json in
            guard let declared = plan.declared(in: year) else { return json.null() }
            axisPublished(declared, to: &json)
        }
        let others = plan.otherSnapshots(in: year)
        if !others.isEmpty { json.member("published_at_points", others) { declared, json in axisPublished(declared, to: &json) } }
        // The items' values on the axis at points within the year, counted (集計), each point apart.
        let counted = AggregatesDataset.points(planIndex, year: year).compactMap { entry in entry.counted.map { (entry.point, $0) } }
        if !counted.isEmpty {
            json.member("computed_at_points", counted) { entry, json in axisPointCounts(entry.0, entry.1, to: &json) }
        }
    }

    /// Counts on an axis at a point, from the items' values there: as the axis's `computed`.
    func axisPointCounts(_ point: Snapshot, _ tally: PlanYearTally, to json: inout JSONWriter) {
        json.object { json in
            json.member("as_of") { json in snapshot(point, to: &json) }
            axisTallyMembers(tally, to: &json)
        }
    }

    /// An axis's counts from the items' values: listings, counts per value, and per policy that
    /// lists any.
    private func axisTallyMembers(_ tally: PlanYearTally, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.member("listings", tally.totalListings)
        json.member("grade_counts") { json in counts(tally.totalCounts, gradeCount: tally.gradeCount, to: &json) }
        json.member("policies", plan.policies.indices.filter { tally.listingCounts[$0].contains { $0 > 0 } }) { policy, json in
            json.object { json in
                json.member("policy", plan.policies[policy].id)
                json.member("grade_counts") { json in counts(tally.listingCounts[policy], gradeCount: tally.gradeCount, to: &json) }
            }
        }
    }

    /// A table published on an axis: its point (only where it has one), per-policy counts, total and states.
    func axisPublished(_ declared: DeclaredYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            if let asOf = declared.asOf { json.member("as_of") { json in snapshot(asOf, to: &json) } }
            json.member("listings", declared.totalListings)
            json.member("grade_counts", declared.gradeRows) { row, json in
                json.object { json in
                    json.member("policy", plan.policies[row.policy].id)
                    json.member("counts") { json in codeCounts(zip(plan.grades.grades, row.counts), to: &json) }
                }
            }
            json.member("grade_totals") { json in
                guard let totals = declared.gradeTotals else { return json.null() }
                codeCounts(zip(plan.grades.grades, totals), to: &json)
            }
            if let states = declared.stateTotal {
                json.member("state_totals") { json in codeCounts(zip(plan.states.grades, states).filter { $0.1 > 0 }, to: &json) }
            }
        }
    }
}
