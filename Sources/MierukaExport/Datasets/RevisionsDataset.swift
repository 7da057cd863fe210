import MierukaModel
import MierukaSite

/// 計画の見直し: the plan's declared revisions (`revisions:`), oldest first, one row per change a
/// revision makes (the period, the published number of items, an item added, deleted or finished,
/// a KPI target), each with its reason; a revision that names no change has one row of its own.
/// The revision's own cells (year, date, title, note, source) are repeated on each of its rows.
/// A plan whose revisions write 整理番号 (`number:`), parts (`part:`) or move scheduled years
/// (`rescheduled:`) has the columns and words for them; other plans' files keep their columns.
enum RevisionsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("年度", .fiscalYear, required: true, "見直し後の計画が始まる年度（追加した項目はこの年度から計画にあり、削除・完了した項目は前年度まで）"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "その年度の和暦"),
        DatasetColumn("見直しの時期", .text, "見直しの時期（資料の表記。例：令和7年3月）"),
        DatasetColumn("見直しの名称", .text, "見直しの名称（資料の表記）"),
        DatasetColumn(
            "変更の種類", .code, required: true,
            "計画期間、項目数（公表された項目の数）、追加、削除、完了（完了として進行管理から外した項目）、目標値。変更の記載がない見直しは「見直し」"),
        DatasetColumn("番号", .code, "変更した取組項目の番号（サイトに載っていない項目は空欄）"),
        DatasetColumn("取組項目", .text, "変更した取組項目の名称（見直しでの表記）。「項目数」の行では資料での項目の呼び方（例：実施項目）"),
        DatasetColumn("指標ID", .code, "目標値を変更した成果指標の識別子"),
        DatasetColumn("指標", .text, "目標値を変更した成果指標の名称"),
        DatasetColumn("変更前", .text, "変更前の値（計画期間は和暦、項目数と目標値は資料の表記）"),
        DatasetColumn("変更前の数値", .decimal, "変更前の値の数値（項目数、数値で書かれた目標値）"),
        DatasetColumn("変更後", .text, "変更後の値（「変更前」と同じ書き方）"),
        DatasetColumn("変更後の数値", .decimal, "変更後の値の数値"),
        DatasetColumn("理由", .text, "変更の理由（資料の表記）"),
        DatasetColumn("見直しの説明", .text, "見直し全体についての説明（Markdown）"),
        DatasetColumn("出典", .text, "見直しの出典"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let count = plan.revisions.revisions.reduce(0) { $0 + max(1, changeCount($1)) }
        let revisions = plan.revisions
        let extra = Extra(
            numbers: revisions.hasReferenceNumbers, parts: revisions.hasParts, moves: revisions.hasMoves)
        return Dataset(
            name: "revisions", title: "計画の見直し",
            summary: (extra.moves
                ? "計画の見直しで変わった計画期間・項目数・取組項目（追加・削除・完了・予定年度の変更）・目標値を、理由とともに資料の表記で。"
                : "計画の見直しで変わった計画期間・項目数・取組項目（追加・削除・完了）・目標値を、理由とともに資料の表記で。")
                + "1行が1つの変更です。",
            columns: columns(extra), rowCount: count
        ) { revisions.revisions.flatMap { rows($0, plan, extra) } }
    }

    /// Which of the optional columns and words the plan's file has.
    struct Extra {
        let numbers: Bool
        let parts: Bool
        let moves: Bool
    }

    /// The columns, with 整理番号 and 対象の部分 after 取組項目 when the plan uses them, and the
    /// words for a moved scheduled year when a revision moves one.
    static func columns(_ extra: Extra) -> [DatasetColumn] {
        var result = columns
        if extra.moves {
            result[5] = DatasetColumn(
                "変更の種類", .code, required: true,
                "計画期間、項目数（公表された項目の数）、追加、削除、完了（完了として進行管理から外した項目）、予定年度の変更（実施予定年度を変えた項目。計画には残る）、目標値。変更の記載がない見直しは「見直し」")
            result[10] = DatasetColumn("変更前", .text, "変更前の値（計画期間と予定年度は和暦、項目数と目標値は資料の表記）")
            result[11] = DatasetColumn("変更前の数値", .decimal, "変更前の値の数値（項目数、数値で書かれた目標値、予定年度の西暦）")
            result[13] = DatasetColumn("変更後の数値", .decimal, "変更後の値の数値（予定年度は西暦）")
        }
        var inserted: [DatasetColumn] = []
        if extra.numbers { inserted.append(DatasetColumn("整理番号", .code, "変更した取組項目の整理番号（資料の表記。書かれていない項目は空欄）")) }
        if extra.parts { inserted.append(DatasetColumn("対象の部分", .text, "取組項目の一部だけを変更したとき、その部分（資料の表記）")) }
        result.insert(contentsOf: inserted, at: 8)
        return result
    }

    static func changeCount(_ revision: PlanRevision) -> Int {
        (revision.period == nil ? 0 : 1) + (revision.itemCount == nil ? 0 : 1) + revision.items.count + revision.targets.count
    }

    /// 種類, 番号, 取組項目, 指標ID, 指標, 変更前, 変更前の数値, 変更後, 変更後の数値, 理由
    private typealias Change = [String]

    static func rows(_ revision: PlanRevision, _ plan: Plan, _ extra: Extra) -> [[String]] {
        var changes: [Change] = []
        // 整理番号 and 対象の部分, which only items have, are kept after 理由 and moved in place below.
        let extraCells = [String](repeating: "", count: (extra.numbers ? 1 : 0) + (extra.parts ? 1 : 0))
        if let period = revision.period {
            changes.append(
                ["計画期間", "", "", "", "", DataFormat.eraYears(period.before), "", DataFormat.eraYears(period.after), "", ""]
                    + extraCells)
        }
        if let count = revision.itemCount {
            changes.append(
                ["項目数", "", count.noun, "", "", count.beforeText, String(count.before), count.afterText, String(count.after), ""]
                    + extraCells)
        }
        for kind in RevisedItem.Kind.allCases {
            for entry in revision.items(kind) {
                let before = entry.move.map { [DataFormat.eraYear($0.from), DataFormat.year($0.from)] } ?? ["", ""]
                let after = entry.move.map { [DataFormat.eraYear($0.to), DataFormat.year($0.to)] } ?? ["", ""]
                changes.append(
                    [name(kind), entry.number ?? "", entry.title, "", ""] + before + after + [entry.reason ?? ""]
                        + (extra.numbers ? [entry.referenceNumber ?? ""] : []) + (extra.parts ? [entry.part ?? ""] : []))
            }
        }
        for target in revision.targets {
            let item = plan.items[target.item]
            let kpi = target.kpi < item.kpis.count ? item.kpis[target.kpi] : nil
            let unit = kpi?.unit ?? ""
            let names: [String] = ["目標値", item.number, item.title, kpi?.id ?? "", kpi?.name ?? ""]
            let before: [String] = [shown(target.before, unit: unit), DataFormat.number(target.before.value.number)]
            let after: [String] = [shown(target.after, unit: unit), DataFormat.number(target.after.value.number)]
            changes.append(names + before + after + [target.reason ?? ""] + extraCells)
        }
        if changes.isEmpty { changes.append(["見直し", "", "", "", "", "", "", "", "", ""] + extraCells) }
        let revisionCells: [String] = [
            plan.slug, DataFormat.year(revision.year), DataFormat.eraYear(revision.year), revision.date ?? "",
            revision.title ?? "",
        ]
        let endCells: [String] = [revision.note ?? "", revision.source ?? ""]
        return changes.map { change in
            // 種類, 番号, 取組項目 | 整理番号, 対象の部分 | 指標ID … 理由
            let itemCells = Array(change.prefix(3))
            let extras = Array(change.suffix(extraCells.count))
            let rest = Array(change.dropFirst(3).dropLast(extraCells.count))
            return revisionCells + itemCells + extras + rest + endCells
        }
    }

    static func name(_ kind: RevisedItem.Kind) -> String {
        switch kind {
        case .added: "追加"
        case .deleted: "削除"
        case .finished: "完了"
        case .rescheduled: "予定年度の変更"
        }
    }

    /// A target as the plan writes it: its words, or its number with the KPI's unit.
    static func shown(_ point: KPIPoint, unit: String) -> String {
        let wording = DataFormat.wording(point.value, unit: unit)
        if !wording.isEmpty { return wording }
        return point.value.number.map { $0.description + unit } ?? ""
    }
}
