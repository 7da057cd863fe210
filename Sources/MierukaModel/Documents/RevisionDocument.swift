import MierukaDiagnostics

/// A plan revision (計画の見直し・改定) as written under a plan's `revisions:`.
package struct RevisionDocument: Sendable {
    /// The first fiscal year the revised plan holds for.
    package let year: Located<FiscalYear>
    /// When the revision was made, as written (令和7年3月).
    package let date: String?
    package let title: String?
    /// Why the plan was revised (Markdown).
    package let note: String?
    package let source: String?
    /// The plan period before and after, when the revision changed it.
    package let period: PeriodChangeDocument?
    /// The published number of items before and after the revision (「74項目から21項目に」).
    package let itemCount: ItemCountChangeDocument?
    package let added: [RevisedItemDocument]
    package let deleted: [RevisedItemDocument]
    package let finished: [RevisedItemDocument]
    /// Items whose scheduled year (実施予定年度) the revision moved; they stay in the plan.
    package let rescheduled: [RevisedItemDocument]
    package let targets: [TargetRevisionDocument]
    package let location: SourceLocation

    package init(
        year: Located<FiscalYear>, date: String?, title: String?, note: String?, source: String?,
        period: PeriodChangeDocument?, itemCount: ItemCountChangeDocument?, added: [RevisedItemDocument],
        deleted: [RevisedItemDocument], finished: [RevisedItemDocument], rescheduled: [RevisedItemDocument] = [],
        targets: [TargetRevisionDocument], location: SourceLocation
    ) {
        self.year = year
        self.date = date
        self.title = title
        self.note = note
        self.source = source
        self.period = period
        self.itemCount = itemCount
        self.added = added
        self.deleted = deleted
        self.finished = finished
        self.rescheduled = rescheduled
        self.targets = targets
        self.location = location
    }
}

/// `period: {before: R2～R6, after: R2～R7}`.
package struct PeriodChangeDocument: Sendable {
    package let before: Located<FiscalYearRange>
    package let after: Located<FiscalYearRange>
    package let location: SourceLocation

    package init(before: Located<FiscalYearRange>, after: Located<FiscalYearRange>, location: SourceLocation) {
        self.before = before
        self.after = after
        self.location = location
    }
}

/// `items: {before: 74件, after: 21件, noun: 実施項目}`: item counts the revision publishes, as written.
package struct ItemCountChangeDocument: Sendable {
    package let before: Located<Int>
    package let after: Located<Int>
    package let beforeText: String
    package let afterText: String
    /// What the items are called (実施項目); nil for 取組項目.
    package let noun: String?
    package let location: SourceLocation

    package init(
        before: Located<Int>, after: Located<Int>, beforeText: String, afterText: String, noun: String?,
        location: SourceLocation
    ) {
        self.before = before
        self.after = after
        self.beforeText = beforeText
        self.afterText = afterText
        self.noun = noun
        self.location = location
    }
}

/// An item the revision adds, deletes, takes out as finished or reschedules: an item of the site
/// (`item:`, its number), or one the site does not detail, named as the revision names it (`title:`).
package struct RevisedItemDocument: Sendable {
    package let item: Located<String>?
    package let title: Located<String>?
    /// The item's 整理番号 as the revision writes it (`number: 8-(1)-(2)`).
    package let referenceNumber: Located<String>?
    /// The part of the item the entry is about, as written (「9.要・準要保護児童生徒医療扶助事業」).
    package let part: Located<String>?
    /// The scheduled year (実施予定年度) before and after, for a rescheduled item.
    package let from: Located<FiscalYear>?
    package let to: Located<FiscalYear>?
    package let reason: String?
    package let location: SourceLocation

    package init(
        item: Located<String>?, title: Located<String>?, referenceNumber: Located<String>? = nil,
        part: Located<String>? = nil, from: Located<FiscalYear>? = nil, to: Located<FiscalYear>? = nil, reason: String?,
        location: SourceLocation
    ) {
        self.item = item
        self.title = title
        self.referenceNumber = referenceNumber
        self.part = part
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }
}

/// A KPI target the revision changes: the target before and after, both as the plan writes them.
package struct TargetRevisionDocument: Sendable {
    package let item: Located<String>
    /// The KPI's id (or name); may be left out when the item has one KPI.
    package let kpi: Located<String>?
    package let before: KPIPointDocument
    package let after: KPIPointDocument
    package let reason: String?
    package let location: SourceLocation

    package init(
        item: Located<String>, kpi: Located<String>?, before: KPIPointDocument, after: KPIPointDocument, reason: String?,
        location: SourceLocation
    ) {
        self.item = item
        self.kpi = kpi
        self.before = before
        self.after = after
        self.reason = reason
        self.location = location
    }
}
