import MierukaModel

/// How a grade was reached and the members' grades behind it, in 取組の年度別結果, where a result
/// says so (佐渡市: a committee's grade averaged from its members'): 評価の方法 and 委員ごとの評価 for
/// the plan's grade, 「<axis>の評価の方法」 and 「<axis>の委員ごとの評価」 for a value on a status
/// axis. A column is there only when some result of the plan fills it, at the very end (after the
/// graders' columns), so that the columns before it stay where they were.
extension ResultsDataset {
    /// Whether some result (or some value on axis `axis`) gives the method, and the members' grades.
    static func compositionKinds(_ plan: Plan, axis: Int?) -> (method: Bool, members: Bool) {
        var method = false
        var members = false
        func look(at result: YearResult) {
            let composition = axis.map { result.value(on: $0)?.composition } ?? result.composition
            guard let composition else { return }
            if composition.method != nil { method = true }
            if !composition.members.isEmpty { members = true }
        }
        // (Each list looked through in place: joining them copied every result.)
        for item in plan.items {
            item.results.forEach(look)
            item.snapshots.forEach(look)
        }
        return (method, members)
    }

    static func compositionColumns(_ plan: Plan) -> [DatasetColumn] {
        Compositions(plan).columns(plan)
    }

    /// 「B、C、C」, or 「A委員：B、B委員：C」 when the report names the members.
    static func memberGradesCell(_ composition: GradeComposition?, scale: GradeScale) -> String {
        guard let composition else { return "" }
        return composition.members.map { member in
            let grade = member.grade < scale.count ? scale.grades[member.grade].shortName : ""
            return member.member.map { "\($0)：\(grade)" } ?? grade
        }.joined(separator: "、")
    }

    /// Which composition columns a plan's file has, found once for all its rows.
    struct Compositions {
        let grades: (method: Bool, members: Bool)
        let axes: [(index: Int, method: Bool, members: Bool)]

        init(_ plan: Plan) {
            grades = ResultsDataset.compositionKinds(plan, axis: nil)
            axes = plan.axes.indices.compactMap { index in
                let kinds = ResultsDataset.compositionKinds(plan, axis: index)
                return kinds.method || kinds.members ? (index, kinds.method, kinds.members) : nil
            }
        }

        /// Whether the plan's file has any of these columns.
        var hasColumns: Bool { grades.method || grades.members || !axes.isEmpty }

        func columns(_ plan: Plan) -> [DatasetColumn] {
            var columns: [DatasetColumn] = []
            let counted = "評価の分布には数えない"
            if grades.method {
                columns.append(DatasetColumn("評価の方法", .text, "「評価」がどのように決められたか、報告書の言葉で（例：委員個々の評価を平均化）"))
            }
            if grades.members {
                columns.append(
                    DatasetColumn(
                        "委員ごとの評価", .text,
                        "「評価」の背後にある委員一人ひとりの評価の記号を、報告書の順に「、」で区切ったもの（名前があるときは「A委員：B」）。\(counted)"))
            }
            for axis in axes {
                let header = ResultsDataset.axisHeader(plan.axes[axis.index])
                if axis.method {
                    columns.append(DatasetColumn(header + "の評価の方法", .text, "「\(plan.axes[axis.index].name)」の評価がどのように決められたか、報告書の言葉で"))
                }
                if axis.members {
                    columns.append(
                        DatasetColumn(
                            header + "の委員ごとの評価", .text,
                            "「\(plan.axes[axis.index].name)」の評価の背後にある委員一人ひとりの評価（「、」区切り）。\(counted)"))
                }
            }
            return columns
        }

        func cells(_ result: YearResult, plan: Plan) -> [String] {
            var cells: [String] = []
            if grades.method { cells.append(result.composition?.method ?? "") }
            if grades.members { cells.append(ResultsDataset.memberGradesCell(result.composition, scale: plan.grades)) }
            for axis in axes {
                let composition = result.value(on: axis.index)?.composition
                if axis.method { cells.append(composition?.method ?? "") }
                if axis.members {
                    cells.append(ResultsDataset.memberGradesCell(composition, scale: plan.axes[axis.index].grades))
                }
            }
            return cells
        }
    }
}
