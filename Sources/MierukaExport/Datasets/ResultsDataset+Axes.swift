import MierukaModel
import MierukaSite

/// The results' values on a plan's status axes: one column per axis at the end of 取組の年度別結果,
/// headed as a results sheet names the axis, so that the file reads back the same. Plans without
/// axes get no such column.
extension ResultsDataset {
    static func axisColumns(_ plan: Plan) -> [DatasetColumn] {
        plan.axes.map { axis in
            DatasetColumn(
                axisHeader(axis), .code,
                "「\(axis.name)」の評価（" + (axis.grades.grades + axis.states.grades).map { $0.hasCode ? "\($0.code)：\($0.label)" : $0.label }
                    .joined(separator: "、") + "）" + (axis.gradedBy.map { "。評価者：\($0)" } ?? "") + "。その年度に評価のない項目は空欄")
        }
    }

    /// The header a results sheet reads as the axis: its name, or its first `columns:` entry when
    /// the name is spelt like a built-in column.
    static func axisHeader(_ axis: StatusAxis) -> String {
        let builtIn = Set(["評価", "進捗評価", "進捗状況", "取組状況", "要因", "要因分析", "今後の対応", "今後の取組", "今後の方向性", "計画", "年度", "番号", "取組項目", "指標", "単位", "実績値", "細目番号", "細目名", "細目の評価", "細目の進捗状況", "評価者"])
        return builtIn.contains(axis.name) ? (axis.columns.first ?? axis.key) : axis.name
    }

    static func axisCells(_ result: YearResult, plan: Plan) -> [String] {
        plan.axes.indices.map { index in
            guard let value = result.value(on: index) else { return "" }
            let axis = plan.axes[index]
            return value.state.map { DataFormat.grade($0, axis.states).code } ?? DataFormat.grade(value.grade, axis.grades).code
        }
    }
}
