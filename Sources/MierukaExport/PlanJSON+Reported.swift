import MierukaModel
import MierukaSite

/// The figures a plan transcribes outside its items and policy tree (`money_tables:`,
/// `achievements:`, `plan_kpis:`, `revisions:`, `opinions:`), in `plan.json` exactly as published: every figure
/// keeps its written text (`text`), and where Mieruka read a number from it, the number is beside
/// it under a key that says what it is (`yen`, `percent`, `value` with `unit`). The one figure
/// Mieruka derives here, a plan KPI's comparison with its target, is under `computed`.
extension PlanJSON {
    /// The members to add to the document, each only when the plan has it, so that the files of
    /// plans without them keep their bytes.
    var reportedMembers: [(String, JSONValue)] {
        let plan = planIndex.plan
        var members: [(String, JSONValue)] = []
        if !plan.reported.moneyTables.isEmpty {
            members.append(("money_tables", .array(plan.reported.moneyTables.map(moneyTable))))
        }
        if !plan.reported.achievements.isEmpty {
            members.append(("achievements", .array(plan.reported.achievements.map(achievement))))
        }
        if !plan.planKPIs.isEmpty {
            members.append(("plan_kpis", .array(plan.planKPIs.map(planKPITable))))
        }
        if !plan.revisions.isEmpty {
            members.append(("revisions", .array(plan.revisions.revisions.map(revision))))
        }
        if !plan.opinions.isEmpty {
            members.append(("opinions", .array(plan.opinionsInReportOrder.map(opinion))))
        }
        return members
    }

    /// An opinion as published, with the item it is on (null for the year's results as a whole)
    /// and the address of the page that shows it.
    func opinion(_ opinion: CommitteeOpinion) -> JSONValue {
        let item = opinion.item.map { planIndex.plan.items[$0] }
        return .object([
            ("year", .int(opinion.year.year)),
            ("item", item.map { .string($0.slug) } ?? .null),
            ("number", .text(item?.number)),
            ("by", .string(opinion.by)),
            ("date", .text(opinion.date)),
            ("text", .string(opinion.text)),
            ("source", .text(opinion.source)),
            ("url", .text(OpinionsDataset.page(of: opinion, planIndex, links: links))),
        ])
    }

    /// {"text": "9月末", "month": 9, "day": null}, or null for the year's end.
    func snapshot(_ snapshot: Snapshot?) -> JSONValue {
        guard let snapshot else { return .null }
        return .object([
            ("text", .string(snapshot.text)), ("month", .int(snapshot.month)), ("day", snapshot.day.map { .int($0) } ?? .null),
        ])
    }

    /// {"text": "347.0", "yen": 347000000}
    func amount(_ amount: PublishedAmount?) -> JSONValue {
        guard let amount else { return .null }
        let approximate: [(String, JSONValue)] = amount.approximate ? [("approximate", .bool(true))] : []
        return .object([("text", .string(amount.text)), ("yen", .int64(amount.money.yen))] + approximate)
    }

    /// {"text": "104.4%", "percent": 104.4}
    func rate(_ rate: PublishedRate?) -> JSONValue {
        guard let rate else { return .null }
        return .object([("text", .string(rate.text)), ("percent", .number(rate.percent.description))])
    }

    func moneyTable(_ table: MoneyTable) -> JSONValue {
        func row(_ row: MoneyTableRow) -> JSONValue {
            .object([
                ("label", .string(row.label)), ("planned", amount(row.planned)), ("actual", amount(row.actual)),
                ("difference", amount(row.difference)), ("rate", rate(row.rate)),
            ])
        }
        // A column the report does not print has no heading (null), as it has no figures.
        let headings = table.printedHeadings
        return .object([
            ("title", .string(table.title)),
            ("years", years(table.years)),
            ("as_of", snapshot(table.asOf)),
            ("unit", .text(table.unit?.rawValue)),
            ("basis", .text(table.basis)),
            ("row_heading", .string(table.rowHeading)),
            (
                "headings",
                .object([
                    ("planned", .text(headings.planned)), ("actual", .text(headings.actual)),
                    ("difference", .text(headings.difference)), ("rate", .text(headings.rate)),
                ])
            ),
            ("rows", .array(table.rows.map(row))),
            ("total", table.total.map(row) ?? .null),
            ("note", .text(table.note)),
            ("source", .text(table.source)),
        ] + (table.grid.map { [("grid", grid($0, sign: table.sign))] } ?? []))
    }

    /// A table in the report's own layout (`columns:` as a list), only for such a table, so that
    /// other files keep their bytes: its columns (heading, text: a column of words, sum: what a
    /// printed sum adds up) and its rows in order, a group heading ({"group": …}) or a row of cells,
    /// each cell as written (`text`), with the yen read from it (△ and ▲ as minus) and what it
    /// counts as in the table's sums by its sign convention (`sign`: signed / reduction).
    func grid(_ grid: MoneyGrid, sign: MoneySign) -> JSONValue {
        func sum(_ sum: MoneySum?) -> JSONValue {
            switch sum {
            case nil: .null
            case .group: .string("group")
            case .all: .string("all")
            case .of(let names): .array(names.map { .string($0) })
            }
        }
        let columns: [JSONValue] = grid.columns.map {
            .object([("heading", .string($0.heading)), ("text", .bool($0.isText)), ("sum", sum($0.sum))])
        }
        let rows: [JSONValue] = grid.rows.map { entry in
            switch entry {
            case .group(let label, _):
                return .object([("group", .string(label))])
            case .amounts(let row):
                let cells: [JSONValue] = grid.columns.indices.map { index in
                    if grid.columns[index].isText || row.isText {
                        return row.text(at: index).map { .object([("text", .string($0))]) } ?? .null
                    }
                    guard index < row.cells.count, let cell = row.cells[index] else { return .null }
                    return amountCell(cell)
                }
                // A row of words (a 達成率 row) says so; other rows keep their members as before.
                return .object(
                    [("label", .string(row.label)), ("sum", sum(row.sum))] + (row.isText ? [("text", .bool(true))] : [])
                        + [("cells", .array(cells))])
            }
        }
        // Only for a table whose cells hold two figures, so that other files keep their bytes.
        let bracket: [(String, JSONValue)] =
            grid.bracket.map { [("bracket", .object([("label", .string($0.label)), ("counts", .text($0.rule?.rawValue))]))] } ?? []
        return .object([("sign", .string(sign.rawValue))] + bracket + [("columns", .array(columns)), ("rows", .array(rows))])
    }

    /// An amount cell of a grid: as printed (`text`, the whole cell), the yen read from it and what
    /// it counts as; a two-figure cell also gives its first figure (`amount`) and the figure in
    /// brackets (`bracketed`) apart.
    func amountCell(_ cell: GridAmount) -> JSONValue {
        var members: [(String, JSONValue)] = [("text", .string(cell.cell))]
        if cell.bracketed != nil { members.append(("amount", .string(cell.written.text))) }
        members += [("yen", .int64(cell.written.money.yen)), ("value_yen", .int64(cell.value.yen))]
        if cell.written.approximate { members.append(("approximate", .bool(true))) }
        if let bracketed = cell.bracketed {
            members.append(
                (
                    "bracketed",
                    .object([
                        ("text", .string(bracketed.written.text)), ("yen", .int64(bracketed.written.money.yen)),
                        ("value_yen", .int64(bracketed.value.yen)),
                    ])
                ))
        }
        return .object(members)
    }

    func achievement(_ count: AchievementCount) -> JSONValue {
        let plan = planIndex.plan
        return .object([
            ("title", .string(count.title)),
            ("years", years(count.years)),
            ("as_of", snapshot(count.asOf)),
            ("of", .int(count.total)),
            ("noun", .string(count.noun)),
            (
                "counts",
                .array(
                    count.parts.map { part in
                        // `grades` only on a count the plan ties to its scale: other plans' files keep their bytes.
                        let grades: [(String, JSONValue)] =
                            part.grades.isEmpty ? [] : [("grades", .array(part.grades.map { .string(plan.grades.grades[$0].code) }))]
                        return .object(
                            [("label", .string(part.label)), ("count", .int(part.count)), ("rate", rate(part.rate))] + grades)
                    })
            ),
            ("note", .text(count.note)),
            ("source", .text(count.source)),
        ])
    }

    func planKPITable(_ table: PlanKPITable) -> JSONValue {
        .object([
            ("title", .string(table.title)),
            ("kpis", .array(table.kpis.map(planKPI))),
            ("note", .text(table.note)),
            ("source", .text(table.source)),
        ])
    }

    /// {"yen": 200000000} or {"value": 98, "unit": "パーセント"}: a value read exactly from its text.
    func quantity(_ quantity: PlanKPIQuantity?) -> JSONValue {
        switch quantity {
        case nil: .null
        case .money(let money): .object([("yen", .int64(money.yen))])
        case .number(let number, let unit): .object([("value", .number(number.description)), ("unit", .string(unit))])
        }
    }

    func planKPI(_ kpi: PlanKPI) -> JSONValue {
        .object([
            ("name", .string(kpi.name)),
            ("baseline", kpi.baseline.map { .object([("years", years($0.years)), ("text", .string($0.text))]) } ?? .null),
            (
                "target",
                .object([
                    ("years", years(kpi.target.years)),
                    ("text", .string(kpi.target.text)),
                    (
                        "bound",
                        kpi.target.bound.map {
                            .object([("relation", .string($0.relation.rawValue)), ("limit", quantity($0.limit))])
                        } ?? .null
                    ),
                ])
            ),
            ("actuals", .array(kpi.actuals.map(planKPIActual))),
            (
                "rate",
                kpi.publishedRate.map {
                    .object([("label", .string($0.label)), ("text", .string($0.text)), ("years", years($0.years))])
                } ?? .null
            ),
            ("note", .text(kpi.note)),
            ("computed", .object([("target_met", kpi.targetMet.map { .bool($0) } ?? .null)])),
        ])
    }

    func revision(_ revision: PlanRevision) -> JSONValue {
        let plan = planIndex.plan
        // 整理番号, parts and moves are members only in plans that write them (others' files stay as they were).
        let numbers = plan.revisions.hasReferenceNumbers
        let parts = plan.revisions.hasParts
        func entries(_ kind: RevisedItem.Kind) -> JSONValue {
            .array(
                revision.items(kind).map { entry in
                    var members: [(String, JSONValue)] = [
                        ("item", entry.item.map { .string(plan.items[$0].slug) } ?? .null),
                        ("number", .text(entry.number)),
                    ]
                    if numbers { members.append(("reference_number", .text(entry.referenceNumber))) }
                    members.append(("title", .string(entry.title)))
                    if kind == .rescheduled {
                        if parts { members.append(("part", .text(entry.part))) }
                        members.append(("from", entry.move.map { .int($0.from.year) } ?? .null))
                        members.append(("to", entry.move.map { .int($0.to.year) } ?? .null))
                    }
                    members.append(("reason", .text(entry.reason)))
                    return .object(members)
                })
        }
        var lists: [(String, JSONValue)] = [("added", entries(.added)), ("deleted", entries(.deleted)), ("finished", entries(.finished))]
        if plan.revisions.hasMoves { lists.append(("rescheduled", entries(.rescheduled))) }
        return .object([
            ("year", .int(revision.year.year)),
            ("date", .text(revision.date)),
            ("title", .text(revision.title)),
            ("note", .text(revision.note)),
            ("source", .text(revision.source)),
            (
                "period",
                revision.period.map { .object([("before", years($0.before)), ("after", years($0.after))]) } ?? .null
            ),
            (
                "items",
                revision.itemCount.map {
                    .object([
                        ("before", .int($0.before)), ("after", .int($0.after)), ("before_text", .string($0.beforeText)),
                        ("after_text", .string($0.afterText)), ("noun", .string($0.noun)),
                    ])
                } ?? .null
            ),
        ] + lists + [
            (
                "targets",
                .array(
                    revision.targets.map { target in
                        let item = plan.items[target.item]
                        return .object([
                            ("item", .string(item.slug)),
                            ("number", .string(item.number)),
                            ("kpi", .string(target.kpi < item.kpis.count ? item.kpis[target.kpi].id : "")),
                            ("before", point(target.before)),
                            ("after", point(target.after)),
                            ("reason", .text(target.reason)),
                        ])
                    })
            ),
        ])
    }

    func planKPIActual(_ actual: PlanKPIActual) -> JSONValue {
        // The report's word (確定前の値 where it gives only a date or a note); the date or point and
        // the note only where the report gives them.
        let word: String? = actual.provisional.map { $0.label ?? "確定前の値" }
        var members: [(String, JSONValue)] = [
            ("years", years(actual.years)),
            ("cumulative", .bool(actual.isCumulative)),
            ("text", .string(actual.text)),
            ("interim_target", .text(actual.interimTarget)),
            ("provisional", .text(word)),
        ]
        members += provisionalDetails(actual.provisional)
        members.append(("quantity", quantity(actual.quantity)))
        return .object(members)
    }

    /// `provisional_as_of`, `provisional_note` of a plan KPI's actual: only where the report gives them.
    func provisionalDetails(_ provisional: KPIProvisional?) -> [(String, JSONValue)] {
        guard let provisional, provisional.asOf != nil || provisional.note != nil else { return [] }
        return [("provisional_as_of", .text(provisional.asOf)), ("provisional_note", .text(provisional.note))]
    }
}
