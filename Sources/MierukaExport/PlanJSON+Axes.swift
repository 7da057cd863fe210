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
        if !plan.axes.isEmpty {
            members.append(
                (
                    "axes",
                    .array(
                        plan.axes.map { axis in
                            .object([
                                ("id", .string(axis.key)),
                                ("name", .string(axis.name)),
                                ("grades", scale(axis.grades)),
                                ("states", scale(axis.states)),
                                ("graded_by", .text(axis.gradedBy)),
                            ])
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
}
