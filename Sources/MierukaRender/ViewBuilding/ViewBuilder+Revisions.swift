import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// 「追加」, 「削除」, 「完了」: how a revision changed an item, in the words of the reports.
    static func revisionWord(_ kind: RevisedItem.Kind) -> String {
        switch kind {
        case .added: "追加"
        case .deleted: "削除"
        case .finished: "完了（進捗管理の終了）"
        case .rescheduled: "予定年度の変更"
        }
    }

    /// 「令和7年度から削除」, 「令和7年度から追加」: an item's place in the revised plan, for lists of items.
    func revisionMark(_ plan: Plan, _ item: Int) -> String? {
        let format = PlanFormatter(plan: plan)
        if let removal = plan.revisions.removal(of: item) {
            return "\(format.year(removal.year))から\(removal.kind == .deleted ? "削除" : "完了（進捗管理の終了）")"
        }
        return plan.revisions.addedYear(of: item).map { "\(format.year($0))から追加" }
    }

    /// 「令和7年度からの見直し」
    func revisionHeading(_ plan: Plan, _ revision: PlanRevision) -> String {
        "\(PlanFormatter(plan: plan).year(revision.year))からの見直し"
    }

    /// A published count as written, with 項目 after a bare number (「74」 → 「74項目」, 「74件」 stays).
    static func writtenCount(_ text: String) -> String {
        text.allSatisfy { $0.isNumber || $0 == "," } ? text + "項目" : text
    }

    static func revisionAnchor(_ revision: PlanRevision) -> String { "revision-\(revision.year.year)" }

    func revisedItemRows(_ plan: Plan, _ revision: PlanRevision) -> [RevisedItemRowView] {
        let format = PlanFormatter(plan: plan)
        return RevisedItem.Kind.allCases.flatMap { kind in
            revision.items(kind).map { entry in
                RevisedItemRowView(
                    change: Self.revisionWord(kind), number: entry.number, referenceNumber: entry.referenceNumber,
                    title: entry.title, part: entry.part,
                    url: entry.item.map { links.href(SiteRoutes.item(plan.slug, plan.items[$0].slug)) },
                    scheduleBefore: entry.move.map { format.year($0.from) }, scheduleAfter: entry.move.map { format.year($0.to) },
                    reason: entry.reason)
            }
        }
    }

    /// The caption of a table of a revision's items: it names rescheduling only when a row is one
    /// (the caption of revisions without it stays as it was).
    static func revisedItemsCaption(_ items: [RevisedItem], plain: String, withMoves: String) -> String {
        items.contains { $0.kind == .rescheduled } ? withMoves : plain
    }

    /// 「追加2項目、削除5項目」: Mieruka's count of a revision's rows, per kind.
    func revisedItemCounts(_ plan: Plan, _ items: [RevisedItem]) -> String? {
        let format = PlanFormatter(plan: plan)
        let parts = RevisedItem.Kind.allCases.compactMap { kind -> String? in
            let count = items.filter { $0.kind == kind }.count
            guard count > 0 else { return nil }
            let word = kind == .finished ? "完了" : Self.revisionWord(kind)
            return "\(word)\(format.items(count))"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "、")
    }

    func targetRevisionRow(_ plan: Plan, year: FiscalYear, _ target: TargetRevision) -> TargetRevisionRowView {
        let format = PlanFormatter(plan: plan)
        let item = plan.items[target.item]
        let kpi = item.kpis[target.kpi]
        func shown(_ point: KPIPoint) -> String {
            point.value.display(unit: kpi.unit) + (point.years.map { "（\(format.years($0))）" } ?? "")
        }
        return TargetRevisionRowView(
            number: item.number, item: item.title, url: links.href(SiteRoutes.item(plan.slug, item.slug)), kpi: kpi.name,
            before: shown(target.before), after: shown(target.after), year: format.year(year), reason: target.reason)
    }

    /// The plan page's 「計画の見直し」, or nil when the plan declares no revision.
    func planRevisions(_ planIndex: PlanIndex) -> PlanRevisionsView? {
        let plan = planIndex.plan
        guard !plan.revisions.isEmpty else { return nil }
        let format = PlanFormatter(plan: plan)
        return PlanRevisionsView(
            revisions: plan.revisions.revisions.map { revision in
                let counts = revisedItemCounts(plan, revision.items)
                return RevisionView(
                    heading: revisionHeading(plan, revision), id: Self.revisionAnchor(revision), date: revision.date,
                    title: revision.title, noteHTML: html(revision.note, under: 3),
                    periodBefore: revision.period.map { format.years($0.before) },
                    periodAfter: revision.period.map { format.years($0.after) },
                    countNoun: revision.itemCount?.noun,
                    countBefore: revision.itemCount.map { Self.writtenCount($0.beforeText) },
                    countAfter: revision.itemCount.map { Self.writtenCount($0.afterText) },
                    itemCaption: Self.revisedItemsCaption(
                        revision.items, plain: "見直しで追加・削除した取組項目（\(format.year(revision.year))から）",
                        withMoves: "見直しで追加・削除・予定年度を変更した取組項目（\(format.year(revision.year))から）"),
                    items: revisedItemRows(plan, revision),
                    itemCounts: counts.map { "この表の取組項目は\($0)です（Mieruka が表の行を数えた集計）。" },
                    targetCaption: "見直しで変更した目標（\(format.year(revision.year))から）",
                    targets: revision.targets.map { targetRevisionRow(plan, year: revision.year, $0) },
                    source: revision.source)
            })
    }

    /// An item's 「計画の見直しによる変更」, or nil when no revision touches it.
    func itemRevisionHistory(_ planIndex: PlanIndex, _ itemIndex: Int) -> ItemRevisionHistoryView? {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        var rows: [ItemRevisionEventView] = []
        var targets: [TargetRevisionRowView] = []
        for revision in plan.revisions.revisions {
            for entry in revision.items where entry.item == itemIndex {
                rows.append(
                    ItemRevisionEventView(
                        year: format.year(revision.year), date: revision.date, change: historyChange(plan, entry),
                        reason: entry.reason,
                        revisionURL: links.href(SiteRoutes.plan(plan.slug)) + "#" + Self.revisionAnchor(revision)))
            }
            for target in revision.targets where target.item == itemIndex {
                targets.append(targetRevisionRow(plan, year: revision.year, target))
            }
        }
        guard !rows.isEmpty || !targets.isEmpty else { return nil }
        var status: String? = nil
        if let added = plan.revisions.addedYear(of: itemIndex) {
            status = "この取組項目は、\(format.year(added))からの見直しで計画に加わりました。それより前の年度の集計には含めていません。"
        }
        if let removal = plan.revisions.removal(of: itemIndex) {
            let went = removal.kind == .deleted ? "削除" : "完了として進捗管理を終了"
            let text = "この取組項目は、\(format.year(removal.year))からの見直しで\(went)され、\(format.year(removal.year))以降の計画にはありません。"
            status = (status ?? "") + text
        }
        return ItemRevisionHistoryView(
            caption: "計画の見直しによる変更", rows: rows, targets: targets, status: status)
    }

    /// 「追加」, or for a move 「予定年度の変更：平成17年度から平成18年度へ」 (with the part moved).
    func historyChange(_ plan: Plan, _ entry: RevisedItem) -> String {
        guard let move = entry.move else { return Self.revisionWord(entry.kind) }
        let format = PlanFormatter(plan: plan)
        let part = entry.part.map { "「\($0)」を" } ?? ""
        return "\(Self.revisionWord(entry.kind))：\(part)\(format.year(move.from))から\(format.year(move.to))へ"
    }

    /// What a year's plan changed, from the declared revisions: shown in the year's report, or nil
    /// when no revision holds from that year and none changed the period.
    func revisionYear(_ planIndex: PlanIndex, year: FiscalYear) -> RevisionYearView? {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let revisions = plan.revisions.revisions(in: year)
        let period = plan.revisions.period(in: year)
        guard !revisions.isEmpty || period != nil else { return nil }
        var summary = ""
        if let period {
            summary += "\(format.year(year))の時点の計画期間は\(format.years(period))です（市が公表した計画の見直しによる）。"
        }
        if !revisions.isEmpty {
            summary += "この年度から、\(revisions.map { revisionHeading(plan, $0) + ($0.date.map { "（\($0)）" } ?? "") }.joined(separator: "、"))による計画で進捗を管理しています。"
            summary += "見直しで計画に加わった取組項目は前年度までの件数に含めず、削除・完了した取組項目はこの年度からの件数に含めていません。"
            if revisions.contains(where: { !$0.items(.rescheduled).isEmpty }) {
                summary += "予定年度を変更した取組項目は計画に残るため、件数は変わりません。"
            }
        } else if plan.revisions.revisions.contains(where: { $0.year > year }) {
            summary += "この年度の件数は、その後の見直しで加わった取組項目を含まない、この年度の計画によります。"
        }
        let items = revisions.flatMap { revisedItemRows(plan, $0) }
        let counts = revisedItemCounts(plan, revisions.flatMap(\.items))
        return RevisionYearView(
            summary: summary,
            caption: Self.revisedItemsCaption(
                revisions.flatMap(\.items), plain: "\(format.year(year))からの見直しで新たに加わった・削除した・完了した取組項目",
                withMoves: "\(format.year(year))からの見直しで新たに加わった・削除した・完了した・予定年度を変更した取組項目"),
            items: items,
            counts: counts.map { "見直しによる前年度からの変化は、\($0)です（市が公表した見直しの取組項目を Mieruka が数えた集計）。" },
            targets: revisions.flatMap { revision in revision.targets.map { targetRevisionRow(plan, year: year, $0) } },
            targetCaption: "\(format.year(year))から変わった目標",
            planURL: links.href(SiteRoutes.plan(plan.slug)) + "#revisions")
    }
}
