/// A year's report against the year before it (「前年度からの変化」): 増減 per grade and the items
/// whose grade changed. Everything in it is Mieruka's, and said so, unless the city published it.
package struct YearComparisonView: TemplateView {
    /// 「前年度（令和5年度）からの変化」
    package let heading: String
    /// 「両年度に結果を掲載している3項目のうち、…」, or why no comparison is made.
    package let summary: String?
    package var countTable: GradeChangeTableView?
    package var itemTable: ItemChangeTableView?
    /// The items new, deleted and finished this year, from the city's declared revisions.
    package var revisions: RevisionYearView? = nil

    package static let fields = FieldTable<YearComparisonView>(
        "year comparison",
        [
            .text("heading") { $0.heading },
            .text("summary") { $0.summary },
            .view("countTable", GradeChangeTableView.self) { $0.countTable },
            .view("itemTable", ItemChangeTableView.self) { $0.itemTable },
            .view("revisions", RevisionYearView.self) { $0.revisions },
        ])
}

/// 増減 per grade: this year's count, the previous year's, and the difference.
package struct GradeChangeTableView: TemplateView {
    package var caption: String
    /// The 増減 is the city's (`grade_change:`), not Mieruka's difference.
    package let isPublished: Bool
    /// 「令和6年度（公表値）」, 「令和5年度（集計）」: each year and whose counts they are.
    package let yearHeading: String
    package let previousHeading: String
    /// 「増減」, or 「増減（公表値）」 when the city published it.
    package let differenceHeading: String
    package let rows: [GradeChangeRowView]
    package let total: GradeChangeRowView
    /// What Mieruka computed, and from what.
    package let derivedNote: String
    /// The states outside the counts, when some item has one.
    package let outsideNote: String?

    package var isDerived: Bool { !isPublished }

    package static let fields = FieldTable<GradeChangeTableView>(
        "grade change table",
        [
            .text("caption") { $0.caption },
            .flag("isPublished") { $0.isPublished },
            .flag("isDerived") { $0.isDerived },
            .text("yearHeading") { $0.yearHeading },
            .text("previousHeading") { $0.previousHeading },
            .text("differenceHeading") { $0.differenceHeading },
            .list("rows", GradeChangeRowView.self) { $0.rows },
            .view("total", GradeChangeRowView.self) { $0.total },
            .text("derivedNote") { $0.derivedNote },
            .text("outsideNote") { $0.outsideNote },
        ])
}

package struct GradeChangeRowView: TemplateView {
    /// Nil for the 計 row.
    package let grade: GradeView?
    package let count: String
    package let previous: String
    /// 「+2」, 「△1」 or 「0」.
    package let difference: String

    package static let fields = FieldTable<GradeChangeRowView>(
        "grade change row",
        [
            .view("grade", GradeView.self) { $0.grade },
            .text("count") { $0.count },
            .text("previous") { $0.previous },
            .text("difference") { $0.difference },
        ])
}

/// The items whose grade (or state) changed from the previous year.
package struct ItemChangeTableView: TemplateView {
    package var caption: String
    package let year: String
    package let previousYear: String
    package let rows: [ItemChangeRowView]
    package let derivedNote: String

    package static let fields = FieldTable<ItemChangeTableView>(
        "item change table",
        [
            .text("caption") { $0.caption },
            .text("year") { $0.year },
            .text("previousYear") { $0.previousYear },
            .list("rows", ItemChangeRowView.self) { $0.rows },
            .text("derivedNote") { $0.derivedNote },
        ])
}

package struct ItemChangeRowView: TemplateView {
    package let number: String
    package let title: String
    package let url: String
    package let previous: GradeOrStateView
    package let current: GradeOrStateView
    /// 「上がった」, 「下がった」, 「変わった」 (or 「変わらない」 on an item's page).
    package let change: String

    package static let fields = FieldTable<ItemChangeRowView>(
        "item change row",
        [
            .text("number") { $0.number },
            .text("title") { $0.title },
            .text("url") { $0.url },
            .view("previous", GradeOrStateView.self) { $0.previous },
            .view("current", GradeOrStateView.self) { $0.current },
            .text("change") { $0.change },
        ])
}

/// A year's grade, or the state it gives instead (「対象外（評価の対象外）」), or neither.
package struct GradeOrStateView: TemplateView {
    package let grade: GradeView?
    package let state: String?

    package static let fields = FieldTable<GradeOrStateView>(
        "grade or state",
        [
            .view("grade", GradeView.self) { $0.grade },
            .text("state") { $0.state },
        ])
}

/// An item's grades year by year (「評価の推移」), with the change from the year before.
package struct GradeHistoryView: TemplateView {
    package var caption: String
    package let rows: [GradeHistoryRowView]
    package let derivedNote: String

    package static let fields = FieldTable<GradeHistoryView>(
        "grade history",
        [
            .text("caption") { $0.caption },
            .list("rows", GradeHistoryRowView.self) { $0.rows },
            .text("derivedNote") { $0.derivedNote },
        ])
}

package struct GradeHistoryRowView: TemplateView {
    package let year: String
    package let reportURL: String
    package let value: GradeOrStateView
    /// 「上がった」 … or 「—」 when the year before has no result to compare with.
    package let change: String

    package static let fields = FieldTable<GradeHistoryRowView>(
        "grade history row",
        [
            .text("year") { $0.year },
            .text("reportURL") { $0.reportURL },
            .view("value", GradeOrStateView.self) { $0.value },
            .text("change") { $0.change },
        ])
}
