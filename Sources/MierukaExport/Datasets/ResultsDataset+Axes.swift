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
    /// the name is spelt like a built-in column (any of `CSVField`'s headers, compared as a results
    /// sheet compares them).
    static func axisHeader(_ axis: StatusAxis) -> String {
        CSVField.builtInHeaders.contains(CSVField.normalizedHeader(axis.name)) ? (axis.columns.first ?? axis.key) : axis.name
    }

    static func axisCells(_ result: YearResult, plan: Plan) -> [String] {
        plan.axes.indices.map { index in
            guard let value = result.value(on: index) else { return "" }
            let axis = plan.axes[index]
            return value.state.map { DataFormat.grade($0, axis.states).code } ?? DataFormat.grade(value.grade, axis.grades).code
        }
    }
}
