/// A plan's revisions (「計画の見直し」): each as the city declared it.
package struct PlanRevisionsView: TemplateView {
    package let revisions: [RevisionView]

    package static let fields = FieldTable<PlanRevisionsView>(
        "plan revisions",
        [
            .list("revisions", RevisionView.self) { $0.revisions },
        ])
}

/// One revision: from which year it holds, when and why, and what it changed.
package struct RevisionView: TemplateView {
    /// 「令和7年度からの見直し」
    package let heading: String
    package let id: String
    /// 「令和7年3月」, as written.
    package let date: String?
    package let title: String?
    package let noteHTML: String?
    /// The period before and after (「令和2年度～令和6年度」, 「令和2年度～令和7年度」).
    package let periodBefore: String?
    package let periodAfter: String?
    /// What the published counts count (実施項目).
    package let countNoun: String?
    /// The item counts the city published before and after, as written.
    package let countBefore: String?
    package let countAfter: String?
    /// 「見直しで追加・削除した取組項目（令和7年度から）」
    package let itemCaption: String
    package let items: [RevisedItemRowView]
    /// 「追加2項目、削除5項目」, said to be Mieruka's count of the rows.
    package let itemCounts: String?
    package let targetCaption: String
    package let targets: [TargetRevisionRowView]
    package let source: String?

    package static let fields = FieldTable<RevisionView>(
        "revision",
        [
            .text("heading") { $0.heading },
            .text("id") { $0.id },
            .text("date") { $0.date },
            .text("title") { $0.title },
            .html("noteHTML") { $0.noteHTML },
            .text("periodBefore") { $0.periodBefore },
            .text("periodAfter") { $0.periodAfter },
            .flag("hasPeriod") { $0.periodAfter != nil },
            .text("countNoun") { $0.countNoun },
            .text("countBefore") { $0.countBefore },
            .text("countAfter") { $0.countAfter },
            .flag("hasCount") { $0.countAfter != nil },
            .text("itemCaption") { $0.itemCaption },
            .list("items", RevisedItemRowView.self) { $0.items },
            .flag("hasItems") { !$0.items.isEmpty },
            .flag("hasReferenceNumbers") { $0.items.haveReferenceNumbers },
            .flag("hasMoves") { $0.items.haveMoves },
            .text("itemCounts") { $0.itemCounts },
            .text("targetCaption") { $0.targetCaption },
            .list("targets", TargetRevisionRowView.self) { $0.targets },
            .flag("hasTargets") { !$0.targets.isEmpty },
            .text("source") { $0.source },
        ])
}

/// An item a revision added, deleted, took out as finished or rescheduled.
package struct RevisedItemRowView: TemplateView {
    /// 「追加」, 「削除」, 「完了」, 「予定年度の変更」.
    package let change: String
    package let number: String?
    /// The 整理番号 as the revision writes it.
    package let referenceNumber: String?
    package let title: String
    /// The part of the item moved, as written.
    package let part: String?
    /// The item's page, when the site details it.
    package let url: String?
    /// 「平成17年度」, 「平成18年度」: the scheduled year before and after, for a move.
    package let scheduleBefore: String?
    package let scheduleAfter: String?
    package let reason: String?

    package static let fields = FieldTable<RevisedItemRowView>(
        "revised item",
        [
            .text("change") { $0.change },
            .text("number") { $0.number },
            .text("referenceNumber") { $0.referenceNumber },
            .text("title") { $0.title },
            .text("part") { $0.part },
            .text("url") { $0.url },
            .text("scheduleBefore") { $0.scheduleBefore },
            .text("scheduleAfter") { $0.scheduleAfter },
            .text("reason") { $0.reason },
        ])
}

extension [RevisedItemRowView] {
    /// Whether a row has a 整理番号, or a scheduled year moved: the table has those columns only then.
    var haveReferenceNumbers: Bool { contains { $0.referenceNumber != nil } }
    var haveMoves: Bool { contains { $0.scheduleAfter != nil } }
}

/// A KPI target a revision changed: both targets as written.
package struct TargetRevisionRowView: TemplateView {
    package let number: String
    package let item: String
    package let url: String
    package let kpi: String
    package let before: String
    package let after: String
    /// 「令和7年度」: from when the revised target holds (on an item's page).
    package let year: String
    package let reason: String?

    package static let fields = FieldTable<TargetRevisionRowView>(
        "target revision",
        [
            .text("number") { $0.number },
            .text("item") { $0.item },
            .text("url") { $0.url },
            .text("kpi") { $0.kpi },
            .text("before") { $0.before },
            .text("after") { $0.after },
            .text("year") { $0.year },
            .text("reason") { $0.reason },
        ])
}

/// An item's history in the plan (「計画の見直しによる変更」): when it was added or taken out, and
/// its targets revised, each as the city declared it.
package struct ItemRevisionHistoryView: TemplateView {
    package let caption: String
    package let rows: [ItemRevisionEventView]
    package let targets: [TargetRevisionRowView]
    /// 「この取組項目は、令和7年度からの計画にはありません（令和7年度の見直しで削除）。」
    package let status: String?

    package static let fields = FieldTable<ItemRevisionHistoryView>(
        "item revision history",
        [
            .text("caption") { $0.caption },
            .list("rows", ItemRevisionEventView.self) { $0.rows },
            .flag("hasRows") { !$0.rows.isEmpty },
            .list("targets", TargetRevisionRowView.self) { $0.targets },
            .flag("hasTargets") { !$0.targets.isEmpty },
            .text("status") { $0.status },
        ])
}

package struct ItemRevisionEventView: TemplateView {
    package let year: String
    package let date: String?
    /// 「追加」, 「削除」, 「完了（進捗管理の終了）」.
    package let change: String
    package let reason: String?
    package let revisionURL: String

    package static let fields = FieldTable<ItemRevisionEventView>(
        "item revision event",
        [
            .text("year") { $0.year },
            .text("date") { $0.date },
            .text("change") { $0.change },
            .text("reason") { $0.reason },
            .text("revisionURL") { $0.revisionURL },
        ])
}

/// What a year's plan changed from the year before, from the city's declared revisions: the items
/// new, deleted and finished that year, the period and targets as they stood.
package struct RevisionYearView: TemplateView {
    /// 「令和7年度の計画は、令和7年度からの見直しを反映しています。」 and the period in force.
    package let summary: String
    package let caption: String
    package let items: [RevisedItemRowView]
    /// Derived counts of the rows, said to be Mieruka's.
    package let counts: String?
    package let targets: [TargetRevisionRowView]
    package let targetCaption: String
    package let planURL: String

    package static let fields = FieldTable<RevisionYearView>(
        "revisions of a year",
        [
            .text("summary") { $0.summary },
            .text("caption") { $0.caption },
            .list("items", RevisedItemRowView.self) { $0.items },
            .flag("hasItems") { !$0.items.isEmpty },
            .flag("hasReferenceNumbers") { $0.items.haveReferenceNumbers },
            .flag("hasMoves") { $0.items.haveMoves },
            .text("counts") { $0.counts },
            .list("targets", TargetRevisionRowView.self) { $0.targets },
            .flag("hasTargets") { !$0.targets.isEmpty },
            .text("targetCaption") { $0.targetCaption },
            .text("planURL") { $0.planURL },
        ])
}
