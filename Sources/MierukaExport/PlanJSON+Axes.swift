import MierukaModel

/// What a result says beside its grade, in `plan.json` as the item's page shows it: a state
/// instead of a grade (`states:`, 対象外 …), its values on the plan's status axes (`axes:`) and who
/// graded (`graded_by:`). Each key only in a plan that has what it holds (states, axes, a grader),
/// so that other plans' files keep their bytes; in such a plan every result has the key.
extension PlanJSON {
    /// The top-level members: the plan's states and its axes with their scales.
    var axisMembers: [(String, JSONValue)] {
        let plan = planIndex.plan
        var members: [(String, JSONValue)] = []
        if !plan.states.isEmpty { members.append(("states", scale(plan.states))) }
        // The report's own heading over the states, only when the plan writes one (`states_heading:`).
        if plan.statesHeading != Plan.defaultStatesHeading { members.append(("states_heading", .string(plan.statesHeading))) }
        if !plan.axes.isEmpty {
            members.append(
                (
                    "axes",
                    .array(
                        plan.axes.map { axis in
                            var fields: [(String, JSONValue)] = [
                                ("id", .string(axis.key)),
                                ("name", .string(axis.name)),
                                ("grades", scale(axis.grades)),
                                ("states", scale(axis.states)),
                            ]
                            if axis.statesHeading != Plan.defaultStatesHeading {
                                fields.append(("states_heading", .string(axis.statesHeading)))
                            }
                            fields.append(("graded_by", .text(axis.gradedBy)))
                            return .object(fields)
                        })
                ))
        }
        return members
    }

    /// [{"code": "A", "label": "達成", "definition": null}]: a scale's grades or states, best first.
    func scale(_ scale: GradeScale) -> JSONValue {
        .array(scale.grades.map { .object([("code", .string($0.code)), ("label", .string($0.label)), ("definition", .text($0.definition))]) })
    }

    /// Whether some result names who graded it, or the plan does (then every result has `graded_by`).
    var resultsHaveGraders: Bool {
        let plan = planIndex.plan
        return plan.gradedBy != nil || plan.items.contains { item in (item.results + item.snapshots).contains { $0.gradedBy != nil } }
    }

    /// The members a result gets after its grade: `state`, `graded_by` and `axes`, each only in a
    /// plan that has what it holds.
    func gradeExtras(_ result: YearResult, gradersNamed: Bool) -> [(String, JSONValue)] {
        let plan = planIndex.plan
        var members: [(String, JSONValue)] = []
        if !plan.states.isEmpty { members.append(("state", code(result.state, plan.states))) }
        if gradersNamed {
            // Who gave the grade or state, as the item's page says it: the result's own word, else the plan's.
            let graded = result.grade != nil || result.state != nil
            members.append(("graded_by", .text(graded ? result.gradedBy ?? plan.gradedBy : nil)))
        }
        if !plan.axes.isEmpty {
            members.append(
                (
                    "axes",
                    .object(
                        plan.axes.enumerated().map { index, axis in
                            guard let value = result.value(on: index) else { return (axis.key, .null) }
                            return (
                                axis.key,
                                .object([
                                    ("grade", code(value.grade, axis.grades)),
                                    ("state", code(value.state, axis.states)),
                                    ("graded_by", .text(value.gradedBy ?? axis.gradedBy)),
                                ])
                            )
                        })
                ))
        }
        return members
    }

    func code(_ index: Int?, _ scale: GradeScale) -> JSONValue {
        guard let index, index < scale.count else { return .null }
        return .string(scale.grades[index].code)
    }

    /// `years[].axes`, in a plan with axes only: each axis's counts for the year, as its section of
    /// the year's report and `axis-counts` give them: counted from the items on the site (its
    /// grades, ungraded and states) and as published on the axis (`declared:` → `axes:`), each
    /// point within the year apart.
    func axisCounts(_ year: FiscalYear) -> [(String, JSONValue)] {
        let plan = planIndex.plan
        guard !plan.axes.isEmpty else { return [] }
        let values: [JSONValue] = plan.axes.indices.compactMap { index in
            guard index < planIndex.axes.count else { return nil }
            let projected = planIndex.axes[index]
            // The plan seen through the axis, so that codes and states are the axis's.
            let seen = PlanJSON(planIndex: projected, links: links, settings: settings, publisher: publisher)
            var members: [(String, JSONValue)] = [("axis", .string(plan.axes[index].key))]
            if let tally = projected.tallies[year] {
                let policies: [JSONValue] = projected.plan.policies.indices.compactMap { policy in
                    let counts = tally.listingCounts[policy]
                    guard counts.contains(where: { $0 > 0 }) else { return nil }
                    return .object([
                        ("policy", .string(plan.policies[policy].id)), ("grade_counts", seen.counts(counts, gradeCount: tally.gradeCount)),
                    ])
                }
                members.append(
                    (
                        "computed",
                        .object([
                            ("listings", .int(tally.totalListings)),
                            ("grade_counts", seen.counts(tally.totalCounts, gradeCount: tally.gradeCount)),
                            ("policies", .array(policies)),
                        ])
                    ))
            } else {
                members.append(("computed", .null))
            }
            members.append(("published", projected.plan.declared(in: year).map { seen.axisPublished($0) } ?? .null))
            let others = projected.plan.otherSnapshots(in: year)
            if !others.isEmpty { members.append(("published_at_points", .array(others.map { seen.axisPublished($0) }))) }
            // The items' values on the axis at points within the year, counted (集計), each point apart.
            let counted = AggregatesDataset.points(projected, year: year).compactMap { entry in entry.counted.map { (entry.point, $0) } }
            if !counted.isEmpty {
                members.append(("computed_at_points", .array(counted.map { seen.axisPointCounts($0.0, $0.1) })))
            }
            return .object(members)
        }
        return [("axes", .array(values))]
    }

    /// Counts on an axis at a point, from the items' values there: as the axis's `computed`.
    func axisPointCounts(_ point: Snapshot, _ tally: PlanYearTally) -> JSONValue {
        let plan = planIndex.plan
        let policies: [JSONValue] = plan.policies.indices.compactMap { policy in
            let counts = tally.listingCounts[policy]
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            return .object([("policy", .string(plan.policies[policy].id)), ("grade_counts", self.counts(counts, gradeCount: tally.gradeCount))])
        }
        return .object([
            ("as_of", snapshot(point)),
            ("listings", .int(tally.totalListings)),
            ("grade_counts", counts(tally.totalCounts, gradeCount: tally.gradeCount)),
            ("policies", .array(policies)),
        ])
    }

    /// A table published on an axis: its point (only where it has one), per-policy counts, total and states.
    func axisPublished(_ declared: DeclaredYear) -> JSONValue {
        let plan = planIndex.plan
        func gradeObject(_ counts: [Int]) -> JSONValue {
            .object(zip(plan.grades.grades, counts).map { ($0.code, .int($1)) })
        }
        let point: [(String, JSONValue)] = declared.asOf.map { [("as_of", snapshot($0))] } ?? []
        var members: [(String, JSONValue)] =
            point + [
                ("listings", declared.totalListings.map { .int($0) } ?? .null),
                (
                    "grade_counts",
                    .array(declared.gradeRows.map { .object([("policy", .string(plan.policies[$0.policy].id)), ("counts", gradeObject($0.counts))]) })
                ),
                ("grade_totals", declared.gradeTotals.map(gradeObject) ?? .null),
            ]
        if let states = declared.stateTotal {
            members.append(("state_totals", .object(zip(plan.states.grades, states).filter { $0.1 > 0 }.map { ($0.code, .int($1)) })))
        }
        return .object(members)
    }
}
