/// One year's result of an item: grade, 進捗状況, 要因, 今後の対応.
package struct YearResultView: TemplateView {
    package let year: String
    package let reportURL: String
    package let grade: GradeView?
    /// 「対象外（評価の対象外）」: the state the year gives instead of a grade (outside the grade counts).
    package let state: String?
    package let progressHTML: String?
    package let factorsHTML: String?
    package let nextStepsHTML: String?
    /// 「効果見込額 … 実績効果額 …」 when the year has amounts.
    package let effect: String?
    /// 「細目の評価」, when the year gives results for the item's sub-items.
    package var subitemResults: SubItemResultsView? = nil
    /// The year's values on the plan's status axes.
    package var axes: [AxisValueView] = []
    /// Who gave the grade, when the report says.
    package var gradedBy: String? = nil
    /// Why the grade the report gives could not be read (`grade_unreadable:`), in the transcriber's words.
    package var unreadable: String? = nil
    /// 「評価の方法：委員個々の評価を平均化。委員ごとの評価：B、C、C（…）」, when the report says.
    package var composition: String? = nil

    package static let fields = FieldTable<YearResultView>(
        "year result",
        [
            .text("year") { $0.year },
            .text("reportURL") { $0.reportURL },
            .view("grade", GradeView.self) { $0.grade },
            .text("state") { $0.state },
            .html("progressHTML") { $0.progressHTML },
            .html("factorsHTML") { $0.factorsHTML },
            .html("nextStepsHTML") { $0.nextStepsHTML },
            .text("effect") { $0.effect },
            .view("subitemResults", SubItemResultsView.self) { $0.subitemResults },
            .list("axes", AxisValueView.self) { $0.axes },
            .flag("hasAxes") { !$0.axes.isEmpty },
            .text("gradedBy") { $0.gradedBy },
            .text("unreadable") { $0.unreadable },
            .text("composition") { $0.composition },
        ])
}
