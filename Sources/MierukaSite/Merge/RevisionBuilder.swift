import MierukaDiagnostics
import MierukaModel

/// Resolves a plan's written revisions against its items and KPIs and checks them: a revision
/// inside the period, items that exist, an item added or taken out once, no result for an item in
/// a year it was not in the plan, a chain of periods and targets ending where the plan stands now.
/// Published figures that contradict each other (an item count that does not follow from the
/// items listed) are warnings, shown as published.
struct RevisionBuilder {
    let plan: Plan
    let kpiBuilder: KPIBuilder

    func build(_ documents: [RevisionDocument], diagnostics: inout Diagnostics) -> PlanRevisions {
        guard !documents.isEmpty else { return .none }
        let style = plan.yearStyle
        var numbers: [String: Int] = [:]
        for (index, item) in plan.items.enumerated() {
            for listing in item.listings { numbers[WidthNormalization.fold(listing.number)] = index }
        }
        var revisions: [PlanRevision] = []
        var seenYears: [FiscalYear: SourceLocation] = [:]
        var added: [Int: SourceLocation] = [:]
        var removed: [Int: SourceLocation] = [:]
        for document in documents.sorted(by: { $0.year.value < $1.year.value }) {
            let year = document.year.value
            if let first = seenYears[year] {
                diagnostics.error(
                    at: document.year.location, "the plan has two revisions holding from \(year.label(style))",
                    hint: "the other is at \(first); write everything one revision changed under one entry")
                continue
            }
            seenYears[year] = document.year.location
            if !plan.period.contains(year) {
                diagnostics.error(
                    at: document.year.location,
                    "the revision holding from \(year.label(style)) is outside the plan period \(plan.period.label(style))",
                    hint: "year: is the first fiscal year the revised plan holds for; a revision extending the plan also needs period: {before: …, after: …}, and the plan's period: is the period as it stands now")
                continue
            }
            let items = revisedItems(document, numbers: numbers, added: &added, removed: &removed, diagnostics: &diagnostics)
            let targets = document.targets.compactMap { target($0, numbers: numbers, diagnostics: &diagnostics) }
            let period = document.period.map { PeriodChange(before: $0.before.value, after: $0.after.value) }
            if let change = document.period, !change.after.value.contains(year) {
                diagnostics.error(
                    at: change.after.location,
                    "the revision holds from \(year.label(style)), outside the period it sets (\(change.after.value.label(style)))",
                    hint: "year: is the first fiscal year the revised plan holds for, inside its new period")
            }
            revisions.append(
                PlanRevision(
                    year: year, date: document.date, title: document.title, note: document.note, source: document.source,
                    period: period,
                    itemCount: document.itemCount.map {
                        ItemCountChange(
                            before: $0.before.value, after: $0.after.value, beforeText: $0.beforeText, afterText: $0.afterText,
                            noun: $0.noun ?? "取組項目")
                    }, items: items,
                    targets: targets, location: document.location))
            // Only a revision that lists its items can contradict its counts: one that publishes
            // the counts alone (倉吉市: 74件 → 21件) says nothing about which items went.
            if let count = document.itemCount, items.contains(where: { $0.kind != .rescheduled }) {
                checkCount(count, items: items, diagnostics: &diagnostics)
            }
        }
        let result = PlanRevisions(revisions)
        checkPeriods(documents, diagnostics: &diagnostics)
        checkTargets(result, diagnostics: &diagnostics)
        checkResults(result, diagnostics: &diagnostics)
        checkRescheduled(result, diagnostics: &diagnostics)
        return result
    }

    /// The items a revision adds, deletes or finishes, each resolved to an item of the plan (or
    /// kept by its title when the site does not detail it); an item is added once and taken out
    /// once over all revisions (`added` and `removed` remember where). Then the items it
    /// reschedules, which stay in the plan.
    private func revisedItems(
        _ document: RevisionDocument, numbers: [String: Int], added: inout [Int: SourceLocation],
        removed: inout [Int: SourceLocation], diagnostics: inout Diagnostics
    ) -> [RevisedItem] {
        var items: [RevisedItem] = []
        var listed: [Int: SourceLocation] = [:]
        for (kind, entries) in [(RevisedItem.Kind.added, document.added), (.deleted, document.deleted), (.finished, document.finished)] {
            for entry in entries {
                guard let written = entry.item else {
                    items.append(
                        RevisedItem(
                            kind: kind, item: nil, title: entry.title?.value ?? "", number: nil,
                            referenceNumber: entry.referenceNumber?.value, reason: entry.reason, location: entry.location))
                    continue
                }
                guard let index = resolve(written, numbers: numbers, diagnostics: &diagnostics) else { continue }
                let claimed =
                    kind == .added
                    ? Self.claim(
                        index, in: &added, by: written, "the item \(written.value) is added by two revisions",
                        hint: { "the other is at \($0); an item is added once" }, diagnostics: &diagnostics)
                    : Self.claim(
                        index, in: &removed, by: written, "the item \(written.value) is taken out of the plan by two revisions",
                        hint: { "the other is at \($0); an item is deleted or finished once" }, diagnostics: &diagnostics)
                guard claimed else { continue }
                listed[index] = written.location
                let item = plan.items[index]
                items.append(
                    RevisedItem(
                        kind: kind, item: index, title: entry.title?.value ?? item.title, number: item.number,
                        referenceNumber: entry.referenceNumber?.value, reason: entry.reason, location: entry.location))
            }
        }
        return items + rescheduledItems(document, numbers: numbers, listed: listed, diagnostics: &diagnostics)
    }

    /// The items a revision reschedules: each once per part, and not also added, deleted or
    /// finished by the same revision (`listed` says where those are).
    private func rescheduledItems(
        _ document: RevisionDocument, numbers: [String: Int], listed: [Int: SourceLocation], diagnostics: inout Diagnostics
    ) -> [RevisedItem] {
        var items: [RevisedItem] = []
        var seen: [[String]: SourceLocation] = [:]
        for entry in document.rescheduled {
            guard let from = entry.from?.value, let to = entry.to?.value else { continue }
            let move = ScheduleMove(from: from, to: to)
            guard let written = entry.item else {
                items.append(
                    RevisedItem(
                        kind: .rescheduled, item: nil, title: entry.title?.value ?? "", number: nil,
                        referenceNumber: entry.referenceNumber?.value, part: entry.part?.value, move: move,
                        reason: entry.reason, location: entry.location))
                continue
            }
            guard let index = resolve(written, numbers: numbers, diagnostics: &diagnostics) else { continue }
            if let other = listed[index] {
                diagnostics.error(
                    at: written.location,
                    "the item \(written.value) is rescheduled by the revision that also adds, deletes or finishes it",
                    hint: "the other entry is at \(other); a revision that adds an item gives its schedule as it stands, and one that takes it out leaves nothing to reschedule: keep the one the city's document says")
                continue
            }
            guard
                Self.claim(
                    [String(index), entry.part?.value ?? ""], in: &seen, by: written,
                    "the item \(written.value) is rescheduled twice by the same revision",
                    hint: { "the other entry is at \($0); write each move once (give part: when the revision moves parts of the item separately)" },
                    diagnostics: &diagnostics)
            else { continue }
            let item = plan.items[index]
            items.append(
                RevisedItem(
                    kind: .rescheduled, item: index, title: entry.title?.value ?? item.title, number: item.number,
                    referenceNumber: entry.referenceNumber?.value, part: entry.part?.value, move: move, reason: entry.reason,
                    location: entry.location))
        }
        return items
    }

    /// The plan's item a revision names by its number, or an error with the numbers there are.
    /// Records that `written` names `key`, or, when an earlier entry named it already, reports
    /// `message` at `written` with a hint naming the earlier one, and returns false.
    private static func claim<Key: Hashable>(
        _ key: Key, in claimed: inout [Key: SourceLocation], by written: Located<String>, _ message: String,
        hint: (SourceLocation) -> String, diagnostics: inout Diagnostics
    ) -> Bool {
        if let first = claimed[key] {
            diagnostics.error(at: written.location, message, hint: hint(first))
            return false
        }
        claimed[key] = written.location
        return true
    }

    private func resolve(_ written: Located<String>, numbers: [String: Int], diagnostics: inout Diagnostics) -> Int? {
        if let index = numbers[WidthNormalization.fold(written.value)] { return index }
        var hint = "give the number of an item of \(plan.slug) ("
            + numbers.keys.sorted(by: NaturalOrder.areInIncreasingOrder).prefix(20).joined(separator: ", ")
            + (numbers.count > 20 ? " …" : "") + "), or, for an item the site does not detail, its title: instead of item:"
        if numbers.isEmpty { hint = "the plan has no item documents; name the item with title: as the revision does" }
        diagnostics.error(at: written.location, "the plan \(plan.slug) has no item number \(written.value)", hint: hint)
        return nil
    }

    private func target(
        _ written: TargetRevisionDocument, numbers: [String: Int], diagnostics: inout Diagnostics
    ) -> TargetRevision? {
        guard let index = numbers[WidthNormalization.fold(written.item.value)] else {
            diagnostics.error(
                at: written.item.location, "the plan \(plan.slug) has no item number \(written.item.value)",
                hint: "a revised target names the item (item:) and its KPI (kpi:, the KPI's id or name)")
            return nil
        }
        let item = plan.items[index]
        let kpiIndex: Int?
        if let kpi = written.kpi {
            kpiIndex = item.kpis.firstIndex { $0.id == kpi.value || $0.name == kpi.value }
            if kpiIndex == nil {
                diagnostics.error(
                    at: kpi.location, "the item \(item.number) has no KPI \"\(kpi.value)\"",
                    hint: item.kpis.isEmpty
                        ? "add the KPI to the item's kpis: first"
                        : "its KPIs: " + item.kpis.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))
                return nil
            }
        } else if item.kpis.count == 1 {
            kpiIndex = 0
        } else {
            diagnostics.error(
                at: written.location, "the revised target does not say which KPI of the item \(item.number) it is",
                hint: item.kpis.isEmpty
                    ? "the item has no kpis:; add the KPI to the item first"
                    : "add kpi: with one of " + item.kpis.map(\.id).joined(separator: ", "))
            return nil
        }
        guard let kpiIndex else { return nil }
        let unit = item.kpis[kpiIndex].unit
        guard let before = kpiBuilder.point(written.before, unit: unit, diagnostics: &diagnostics),
            let after = kpiBuilder.point(written.after, unit: unit, diagnostics: &diagnostics)
        else { return nil }
        return TargetRevision(
            item: index, kpi: kpiIndex, before: before, after: after, reason: written.reason, location: written.location)
    }

    /// The period the last revision sets is the plan's `period:`; each revision starts from the
    /// period the one before it set (a warning: both are published figures).
    private func checkPeriods(_ documents: [RevisionDocument], diagnostics: inout Diagnostics) {
        let style = plan.yearStyle
        let ordered = documents.sorted { $0.year.value < $1.year.value }.compactMap(\.period)
        guard let last = ordered.last else { return }
        if last.after.value != plan.period {
            diagnostics.error(
                at: last.after.location,
                "the last revision sets the period to \(last.after.value.label(style)), but the plan's period: is \(plan.period.label(style))",
                hint: "the plan's period: is the period as it stands now, after every revision; write the same span in both")
        }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.before.value != earlier.after.value {
            diagnostics.warning(
                at: later.before.location,
                "the period before this revision is published as \(later.before.value.label(style)), but the revision before it set \(earlier.after.value.label(style))",
                hint: "check both against the city's documents; both are shown as written")
        }
    }

    /// The target after the last revision of a KPI is the KPI's `target:`; each revision starts
    /// from the target the one before it set (a warning).
    private func checkTargets(_ revisions: PlanRevisions, diagnostics: inout Diagnostics) {
        var seen: Set<[Int]> = []
        for revision in revisions.revisions {
            for target in revision.targets where !seen.contains([target.item, target.kpi]) {
                seen.insert([target.item, target.kpi])
                let chain = revisions.targetRevisions(item: target.item, kpi: target.kpi).map(\.revision)
                let kpi = plan.items[target.item].kpis[target.kpi]
                guard let last = chain.last else { continue }
                if let current = kpi.target, !Self.same(current.value, last.after.value) {
                    diagnostics.error(
                        at: last.location,
                        "the KPI \"\(kpi.name)\" of the item \(plan.items[target.item].number) has the target \(current.value.display(unit: kpi.unit)), but its last revision sets \(last.after.value.display(unit: kpi.unit))",
                        hint: "the KPI's target: is the target as it stands now, after every revision; write the revised target there and the original as the revision's before:")
                } else if kpi.target == nil {
                    diagnostics.error(
                        at: last.location, "the KPI \"\(kpi.name)\" of the item \(plan.items[target.item].number) has no target: but a revised one",
                        hint: "write the target as it stands now under the KPI's target:")
                }
                for (earlier, later) in zip(chain, chain.dropFirst()) where !Self.same(later.before.value, earlier.after.value) {
                    diagnostics.warning(
                        at: later.location,
                        "the target before this revision is published as \(later.before.value.display(unit: kpi.unit)), but the revision before it set \(earlier.after.value.display(unit: kpi.unit))",
                        hint: "check both against the city's documents; both are shown as written")
                }
            }
        }
    }

    private static func same(_ a: KPIValue, _ b: KPIValue) -> Bool {
        a.number == b.number && a.text == b.text
    }

    /// No result for an item in a year it was not in the plan.
    private func checkResults(_ revisions: PlanRevisions, diagnostics: inout Diagnostics) {
        let style = plan.yearStyle
        for (index, item) in plan.items.enumerated() {
            for result in item.results where !revisions.isInPlan(index, in: result.year) {
                if let added = revisions.addedYear(of: index), result.year < added {
                    diagnostics.error(
                        at: result.location,
                        "a result for the item \(item.number) in \(result.year.label(style)), before the revision of \(added.label(style)) added it to the plan",
                        hint: "check the result's year, or the year: of the revision that added the item (the first year it is in the plan)")
                } else if let removal = revisions.removal(of: index) {
                    let went = removal.kind == .deleted ? "deleted it" : "took it out as finished"
                    diagnostics.error(
                        at: result.location,
                        "a result for the item \(item.number) in \(result.year.label(style)), after the revision of \(removal.year.label(style)) \(went)",
                        hint: "an item deleted or finished by a revision is in the plan up to the year before the revision's year: check the result's year, or the revision's year:")
                }
            }
        }
    }

    /// A rescheduled item is in the plan in the year of the revision that moves it.
    private func checkRescheduled(_ revisions: PlanRevisions, diagnostics: inout Diagnostics) {
        let style = plan.yearStyle
        for revision in revisions.revisions {
            for entry in revision.items(.rescheduled) {
                guard let index = entry.item, !revisions.isInPlan(index, in: revision.year) else { continue }
                let number = plan.items[index].number
                if let added = revisions.addedYear(of: index), revision.year < added {
                    diagnostics.error(
                        at: entry.location,
                        "the revision of \(revision.year.label(style)) reschedules the item \(number), which the revision of \(added.label(style)) adds to the plan later",
                        hint: "an item is rescheduled while it is in the plan; check the item and both revisions' year:")
                } else if let removal = revisions.removal(of: index) {
                    diagnostics.error(
                        at: entry.location,
                        "the revision of \(revision.year.label(style)) reschedules the item \(number), which is out of the plan from \(removal.year.label(style))",
                        hint: "an item deleted or finished by a revision is in the plan up to the year before; check the item and both revisions' year:")
                }
            }
        }
    }

    /// A published count before and after that does not follow from the items listed (a warning).
    private func checkCount(_ count: ItemCountChangeDocument, items: [RevisedItem], diagnostics: inout Diagnostics) {
        let added = items.filter { $0.kind == .added }.count
        let removed = items.filter { $0.kind == .deleted || $0.kind == .finished }.count
        let expected = count.before.value + added - removed
        if expected != count.after.value {
            diagnostics.warning(
                at: count.after.location,
                "the revision publishes \(count.before.value) items before and \(count.after.value) after, but lists \(added) added and \(removed) deleted or finished (\(count.before.value) + \(added) − \(removed) = \(expected))",
                hint: "both are shown as published; list every item the revision adds or takes out, or check the counts against the city's document")
        }
    }
}
