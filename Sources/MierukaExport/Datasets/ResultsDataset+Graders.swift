import MierukaModel

/// Who graded, in 取組の年度別結果, where a result says so itself (a report's 「委員会評価」 for one
/// item): 評価者 for the plan's grade, 「<axis>の評価者」 for a value on a status axis. A column is
/// there only when some result of the plan names a grader for it, at the end (after the sub-items'
/// columns), so that the columns before it stay where they were; an empty cell means the plan's
/// (or the axis's) `graded_by:` holds, as in the sheet it reads back as.
extension ResultsDataset {
    static func gradesHaveGraders(_ plan: Plan) -> Bool {
        anyResult(plan) { $0.gradedBy != nil }
    }

    /// The axes (by index) on which some value names its grader.
    static func axesWithGraders(_ plan: Plan) -> [Int] {
        plan.axes.indices.filter { index in
            anyResult(plan) { $0.value(on: index)?.gradedBy != nil }
        }
    }

    static func graderColumns(_ plan: Plan) -> [DatasetColumn] {
        (gradesHaveGraders(plan)
            ? [
                DatasetColumn(
                    "評価者", .text,
                    "その項目の「評価」をだれが評価したか、報告書がその項目について書いているとき（例：委員会評価）。空欄は"
                        + (plan.gradedBy.map { "計画の評価者（\($0)）" } ?? "報告書が評価者を書いていないこと"))
            ] : [])
            + axesWithGraders(plan).map { index in
                let axis = plan.axes[index]
                return DatasetColumn(
                    axisHeader(axis) + "の評価者", .text,
                    "「\(axis.name)」の評価をだれが評価したか、報告書がその項目について書いているとき。空欄は"
                        + (axis.gradedBy.map { "その軸の評価者（\($0)）" } ?? "報告書が評価者を書いていないこと"))
            }
    }

    /// Which grader columns a plan's file has, found once for all its rows.
    struct Graders {
        let grades: Bool
        let axes: [Int]

        init(_ plan: Plan) {
            grades = ResultsDataset.gradesHaveGraders(plan)
            axes = ResultsDataset.axesWithGraders(plan)
        }

        func cells(_ result: YearResult) -> [String] {
            (grades ? [result.gradedBy ?? ""] : []) + axes.map { result.value(on: $0)?.gradedBy ?? "" }
        }
    }
}
