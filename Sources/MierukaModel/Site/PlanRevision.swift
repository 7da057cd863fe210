import MierukaDiagnostics

/// A revision of a plan (計画の見直し・改定) as the city declared it: from which fiscal year the
/// revised plan holds, the items it added, deleted or took out as finished (each with the reason
/// the city gives), the KPI targets it changed and the period it extended. Every part is
/// transcribed; Mieruka only reads the plan as it stood in each year from them.
package struct PlanRevision: Sendable {
    /// The first fiscal year the revised plan holds for: an item added here is in the plan from
    /// this year; an item deleted or finished here is in the plan up to the year before.
    package let year: FiscalYear
    /// When the revision was made, as written (令和7年3月).
    package let date: String?
    package let title: String?
    /// Why (Markdown).
    package let note: String?
    package let source: String?
    package let period: PeriodChange?
    package let itemCount: ItemCountChange?
    package let items: [RevisedItem]
    package let targets: [TargetRevision]
    package let location: SourceLocation

    package init(
        year: FiscalYear, date: String?, title: String?, note: String?, source: String?, period: PeriodChange?,
        itemCount: ItemCountChange?, items: [RevisedItem], targets: [TargetRevision], location: SourceLocation
    ) {
        self.year = year
        self.date = date
        self.title = title
        self.note = note
        self.source = source
        self.period = period
        self.itemCount = itemCount
        self.items = items
        self.targets = targets
        self.location = location
    }

    package func items(_ kind: RevisedItem.Kind) -> [RevisedItem] { items.filter { $0.kind == kind } }

    /// The items the revision added or took out: the ones that change the plan as it stood.
    package var inOrOut: [RevisedItem] { items.filter { $0.kind != .rescheduled } }
}

/// The plan period before and after a revision (変更前 令和2年度～令和6年度, 変更後 令和2年度～令和7年度).
package struct PeriodChange: Sendable, Hashable {
    package let before: FiscalYearRange
    package let after: FiscalYearRange

    package init(before: FiscalYearRange, after: FiscalYearRange) {
        self.before = before
        self.after = after
    }
}

/// The numbers of items a revision publishes before and after it (倉吉市: 74件 → 21件), as written.
package struct ItemCountChange: Sendable, Hashable {
    package let before: Int
    package let after: Int
    /// As written (「74件」, or 「74」).
    package let beforeText: String
    package let afterText: String
    /// What the report calls the items (実施項目); 取組項目 when it does not say.
    package let noun: String

    package init(before: Int, after: Int, beforeText: String, afterText: String, noun: String = "取組項目") {
        self.before = before
        self.after = after
        self.beforeText = beforeText
        self.afterText = afterText
        self.noun = noun
    }
}

/// An item a revision added, deleted, took out of the plan as finished, or rescheduled.
package struct RevisedItem: Sendable {
    package enum Kind: Sendable, Hashable, CaseIterable {
        /// 追加: in the plan from the revision's year.
        case added
        /// 削除: out of the plan from the revision's year.
        case deleted
        /// 完了: taken out of progress management as done, from the revision's year.
        case finished
        /// 予定年度の変更: its scheduled year (実施予定年度) moved; it stays in the plan.
        case rescheduled
    }

    package let kind: Kind
    /// Index in `Plan.items`; nil for an item the site does not detail (named by `title` only).
    package let item: Int?
    /// The item's title as the revision names it (or the item's own title).
    package let title: String
    /// The item's number on the site, when it has a page.
    package let number: String?
    /// The item's 整理番号 as the revision writes it (8-(1)-(2)), when it writes one.
    package let referenceNumber: String?
    /// The part of the item the entry is about, as written (「9.要・準要保護児童生徒医療扶助事業」).
    package let part: String?
    /// For a rescheduled item: its scheduled year before and after the revision.
    package let move: ScheduleMove?
    package let reason: String?
    package let location: SourceLocation

    package init(
        kind: Kind, item: Int?, title: String, number: String?, referenceNumber: String? = nil, part: String? = nil,
        move: ScheduleMove? = nil, reason: String?, location: SourceLocation
    ) {
        self.kind = kind
        self.item = item
        self.title = title
        self.number = number
        self.referenceNumber = referenceNumber
        self.part = part
        self.move = move
        self.reason = reason
        self.location = location
    }
}

/// The scheduled year (実施予定年度) of an item before and after a revision (平成17年度 → 平成18年度).
package struct ScheduleMove: Sendable, Hashable {
    package let from: FiscalYear
    package let to: FiscalYear

    package init(from: FiscalYear, to: FiscalYear) {
        self.from = from
        self.to = to
    }
}

/// A KPI target a revision changed: both targets, as the plan writes them.
package struct TargetRevision: Sendable {
    /// Index in `Plan.items`.
    package let item: Int
    /// Index in the item's `kpis`.
    package let kpi: Int
    package let before: KPIPoint
    package let after: KPIPoint
    package let reason: String?
    package let location: SourceLocation

    package init(item: Int, kpi: Int, before: KPIPoint, after: KPIPoint, reason: String?, location: SourceLocation) {
        self.item = item
        self.kpi = kpi
        self.before = before
        self.after = after
        self.reason = reason
        self.location = location
    }
}

/// A plan's revisions, oldest first, and the plan as it stood in a year read from them.
package struct PlanRevisions: Sendable {
    package let revisions: [PlanRevision]
    /// Per item of the plan: the year it was added (nil: in the plan from the start).
    private let addedIn: [Int: FiscalYear]
    /// Per item: the year from which it is out of the plan, and how it went.
    private let removedIn: [Int: (year: FiscalYear, kind: RevisedItem.Kind)]

    package init(_ revisions: [PlanRevision]) {
        self.revisions = revisions.sorted { $0.year < $1.year }
        var added: [Int: FiscalYear] = [:]
        var removed: [Int: (year: FiscalYear, kind: RevisedItem.Kind)] = [:]
        for revision in self.revisions {
            for entry in revision.items {
                guard let item = entry.item else { continue }
                switch entry.kind {
                case .added: added[item] = revision.year
                case .deleted, .finished: removed[item] = (revision.year, entry.kind)
                // A rescheduled item stays in the plan: the plan as it stood is not changed.
                case .rescheduled: break
                }
            }
        }
        self.addedIn = added
        self.removedIn = removed
    }

    package static let none = PlanRevisions([])

    package var isEmpty: Bool { revisions.isEmpty }

    /// Whether some entry writes a 整理番号 (`number:`), some a part (`part:`), some moves a
    /// scheduled year (`rescheduled:`): downloads carry those columns only then.
    package var hasReferenceNumbers: Bool { revisions.contains { $0.items.contains { $0.referenceNumber != nil } } }
    package var hasParts: Bool { revisions.contains { $0.items.contains { $0.part != nil } } }
    package var hasMoves: Bool { revisions.contains { $0.items.contains { $0.kind == .rescheduled } } }

    /// The year an item of the site was added by a revision, if it was.
    package func addedYear(of item: Int) -> FiscalYear? { addedIn[item] }

    /// The year from which an item of the site is out of the plan, and whether it was deleted or finished.
    package func removal(of item: Int) -> (year: FiscalYear, kind: RevisedItem.Kind)? { removedIn[item] }

    /// Whether an item of the site belongs to the plan as it stood in `year`.
    package func isInPlan(_ item: Int, in year: FiscalYear) -> Bool {
        if let added = addedIn[item], year < added { return false }
        if let removed = removedIn[item], year >= removed.year { return false }
        return true
    }

    /// The revisions that hold from `year`.
    package func revisions(in year: FiscalYear) -> [PlanRevision] { revisions.filter { $0.year == year } }

    /// The plan period as it stood in `year`: the period after the last revision that changed it
    /// and holds by then; before any, the period before the first. Nil when no revision changes it.
    package func period(in year: FiscalYear) -> FiscalYearRange? {
        let changes = revisions.filter { $0.period != nil }
        guard let first = changes.first?.period else { return nil }
        return changes.last { $0.year <= year }?.period?.after ?? first.before
    }

    /// The revisions of one item's KPI target, oldest first.
    package func targetRevisions(item: Int, kpi: Int) -> [(year: FiscalYear, revision: TargetRevision)] {
        revisions.flatMap { revision in
            revision.targets.filter { $0.item == item && $0.kpi == kpi }.map { (revision.year, $0) }
        }
    }

    /// The KPI target in force in `year`: the target after the last revision holding by then,
    /// the target before the first revision for earlier years, or `current` when none revised it.
    package func target(item: Int, kpi: Int, in year: FiscalYear, current: KPIPoint?) -> KPIPoint? {
        let changes = targetRevisions(item: item, kpi: kpi)
        guard let first = changes.first else { return current }
        return changes.last { $0.year <= year }?.revision.after ?? first.revision.before
    }
}

extension KPI {
    /// The same KPI against another target: the target in force in a year a revision changed it.
    package func withTarget(_ target: KPIPoint?) -> KPI {
        KPI(
            id: id, name: name, unit: unit, direction: direction, baseline: baseline, target: target, actuals: actuals,
            note: note, location: location)
    }
}
