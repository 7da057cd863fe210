import MierukaDiagnostics
import MierukaModel

/// Reads a plan's `revisions:` (計画の見直し・改定), each as written.
enum RevisionDecoder {
    static let keys = [
        "year", "date", "title", "note", "source", "period", "items", "added", "deleted", "finished", "rescheduled",
        "targets",
    ]
    static let changeKeys = ["before", "after"]
    static let countKeys = ["before", "after", "noun"]
    static let itemKeys = ["item", "title", "number", "reason"]
    static let rescheduledKeys = ["item", "title", "number", "part", "from", "to", "reason"]
    static let targetKeys = ["item", "kpi", "before", "after", "reason"]

    static func decode(_ reader: MappingReader, diagnostics: inout Diagnostics) -> [RevisionDocument] {
        reader.list("revisions", diagnostics: &diagnostics).compactMap { revision($0, diagnostics: &diagnostics) }
    }

    static func revision(_ node: YAMLNode, diagnostics: inout Diagnostics) -> RevisionDocument? {
        guard let reader = MappingReader(node, what: "a plan revision", knownKeys: keys, diagnostics: &diagnostics) else {
            return nil
        }
        let year = reader.fiscalYear("year", diagnostics: &diagnostics)
        if year == nil, !reader.has("year") {
            diagnostics.error(
                at: reader.location, "a plan revision has no \"year\"",
                hint: "add the first fiscal year the revised plan holds for, e.g. year: R7 (with date: 令和7年3月 for when it was decided)")
        }
        let period = reader.node("period").flatMap { periodChange($0, diagnostics: &diagnostics) }
        let itemCount = reader.node("items").flatMap { countChange($0, diagnostics: &diagnostics) }
        let added = items(reader, "added", diagnostics: &diagnostics)
        let deleted = items(reader, "deleted", diagnostics: &diagnostics)
        let finished = items(reader, "finished", diagnostics: &diagnostics)
        let rescheduled = reader.list("rescheduled", diagnostics: &diagnostics).compactMap {
            RescheduledItemDecoder.decode($0, diagnostics: &diagnostics)
        }
        let targets = reader.list("targets", diagnostics: &diagnostics).compactMap { target($0, diagnostics: &diagnostics) }
        guard let year else { return nil }
        if period == nil, itemCount == nil, added.isEmpty, deleted.isEmpty, finished.isEmpty, rescheduled.isEmpty,
            targets.isEmpty, !reader.has("period"), !reader.has("items"), !reader.has("added"), !reader.has("deleted"),
            !reader.has("finished"), !reader.has("rescheduled"), !reader.has("targets")
        {
            diagnostics.error(
                at: reader.location, "the plan revision of \(year.value.label(.wareki)) says nothing that changed",
                hint: "add what the revision changed: period:, added:, deleted:, finished:, rescheduled: or targets:")
            return nil
        }
        return RevisionDocument(
            year: year, date: reader.text("date", diagnostics: &diagnostics)?.value,
            title: reader.text("title", diagnostics: &diagnostics)?.value,
            note: reader.markdown("note", diagnostics: &diagnostics),
            source: reader.text("source", diagnostics: &diagnostics)?.value, period: period, itemCount: itemCount,
            added: added, deleted: deleted, finished: finished, rescheduled: rescheduled, targets: targets,
            location: reader.location)
    }

    /// `period: {before: R2～R6, after: R2～R7}`.
    static func periodChange(_ node: YAMLNode, diagnostics: inout Diagnostics) -> PeriodChangeDocument? {
        guard let reader = MappingReader(node, what: "a revision's period", knownKeys: changeKeys, diagnostics: &diagnostics)
        else { return nil }
        let before = reader.fiscalYearRange("before", diagnostics: &diagnostics)
        let after = reader.fiscalYearRange("after", diagnostics: &diagnostics)
        for key in changeKeys where !reader.has(key) {
            diagnostics.error(
                at: reader.location, "a revision's period has no \"\(key)\"",
                hint: "write the period before and after the revision, e.g. period: {before: R2～R6, after: R2～R7}")
        }
        guard let before, let after else { return nil }
        return PeriodChangeDocument(before: before, after: after, location: reader.location)
    }

    /// `items: {before: 74, after: 21}`.
    static func countChange(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ItemCountChangeDocument? {
        guard let reader = MappingReader(node, what: "a revision's item count", knownKeys: countKeys, diagnostics: &diagnostics)
        else { return nil }
        let before = reader.count("before", diagnostics: &diagnostics)
        let after = reader.count("after", diagnostics: &diagnostics)
        for key in changeKeys where !reader.has(key) {
            diagnostics.error(
                at: reader.location, "a revision's item count has no \"\(key)\"",
                hint: "write the numbers of items the revision publishes, as written, e.g. items: {before: 74件, after: 21件, noun: 実施項目}")
        }
        guard let before, let after,
            let beforeText = reader.text("before", diagnostics: &diagnostics)?.value.trimmingWhitespace(),
            let afterText = reader.text("after", diagnostics: &diagnostics)?.value.trimmingWhitespace()
        else { return nil }
        return ItemCountChangeDocument(
            before: before, after: after, beforeText: beforeText, afterText: afterText,
            noun: reader.text("noun", diagnostics: &diagnostics)?.value, location: reader.location)
    }

    /// `added:`, `deleted:`, `finished:`: `- {item: 12, reason: …}`, `- {title: …, reason: …}`, or a number alone.
    static func items(_ reader: MappingReader, _ key: String, diagnostics: inout Diagnostics) -> [RevisedItemDocument] {
        reader.list(key, diagnostics: &diagnostics).compactMap { node in
            if case .scalar(let scalar) = node {
                let text = scalar.text.trimmingWhitespace()
                guard !text.isEmpty else { return nil }
                return RevisedItemDocument(item: Located(text, at: scalar.location), title: nil, reason: nil, location: scalar.location)
            }
            guard let entry = MappingReader(node, what: "an item of a revision", knownKeys: itemKeys, diagnostics: &diagnostics)
            else { return nil }
            let item = entry.text("item", diagnostics: &diagnostics)
            let title = entry.text("title", diagnostics: &diagnostics)
            if item == nil, title == nil {
                diagnostics.error(
                    at: entry.location, "an item of a revision has neither \"item\" nor \"title\"",
                    hint: "give the item's number on the site (item: 12), or its title as the revision names it when the site does not detail it (title: …)")
                return nil
            }
            return RevisedItemDocument(
                item: item, title: title, referenceNumber: RescheduledItemDecoder.number(entry, diagnostics: &diagnostics),
                reason: entry.text("reason", diagnostics: &diagnostics)?.value, location: entry.location)
        }
    }

    /// `- {item: 20, kpi: ordinary-balance, before: 80%台, after: 85%, reason: …}`.
    static func target(_ node: YAMLNode, diagnostics: inout Diagnostics) -> TargetRevisionDocument? {
        guard let reader = MappingReader(node, what: "a revised target", knownKeys: targetKeys, diagnostics: &diagnostics)
        else { return nil }
        let item = reader.requiredText("item", diagnostics: &diagnostics)
        let before = reader.node("before").flatMap { KPIDecoder.point($0, what: "the target before the revision", diagnostics: &diagnostics) }
        let after = reader.node("after").flatMap { KPIDecoder.point($0, what: "the target after the revision", diagnostics: &diagnostics) }
        for key in changeKeys where !reader.has(key) {
            diagnostics.error(
                at: reader.location, "a revised target has no \"\(key)\"",
                hint: "write the target before and after the revision as the plan gives them, e.g. before: 80%台, after: 85%")
        }
        guard let item, let before, let after else { return nil }
        return TargetRevisionDocument(
            item: item, kpi: reader.text("kpi", diagnostics: &diagnostics), before: before, after: after,
            reason: reader.text("reason", diagnostics: &diagnostics)?.value, location: reader.location)
    }
}
