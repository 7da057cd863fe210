import MierukaModel

/// What reading a results sheet needs to know of its columns besides their headers.
extension CSVField {
    /// Amounts of money: a unit in the header (「効果額（千円）」) applies to cells written without one.
    var isMoney: Bool { self == .effectExpected || self == .effectActual }
    /// The cells of an amount: 効果見込額, 効果額 and their kind (効果額の種類).
    var isEffect: Bool { isMoney || self == .effectKind }

    /// Cells that describe the item's result for the year (as opposed to one KPI's actual): on an
    /// item's several rows they are given once, or repeated identically.
    static let itemLevel: [CSVField] = [
        .title, .grade, .gradeLabel, .progress, .factors, .nextSteps, .effectExpected, .effectActual, .gradedBy, .grading, .memberGrades,
        .gradeUnreadable, .effectKind, .previousGrade,
    ]

    /// The end of a status axis's grader column's header: 「達成度の評価者」.
    static let graderSuffix = "の評価者"

    /// The ends of a status axis's columns on how its grade was reached: 「達成度の評価の方法」,
    /// 「達成度の委員ごとの評価」.
    static let gradingSuffix = "の評価の方法"
    static let memberGradesSuffix = "の委員ごとの評価"

    /// Cells about the row's sub-item (細目番号 says which).
    static let subitemLevel: [CSVField] = [.subitemTitle, .subitemGrade, .subitemProgress]
}
