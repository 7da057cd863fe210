import MierukaModel
import MierukaSite

/// The plan's structure as its page shows it, transcribed from the plan's documents: the earlier
/// plans that led to it (`lineage:`), its two-way tables (`matrices:`) and its timelines
/// (`timelines:`), in `plan.json` as written. Each key only for a plan that has what it holds, so
/// that other plans' files keep their bytes.
extension PlanJSON {
    var structureMembers: [(String, JSONValue)] {
        let plan = planIndex.plan
        var members: [(String, JSONValue)] = []
        if !plan.lineage.isEmpty { members.append(("lineage", .array(plan.lineage.map(lineage)))) }
        if !plan.matrices.isEmpty { members.append(("matrices", .array(plan.matrices.map(matrix)))) }
        if !plan.timelines.isEmpty { members.append(("timelines", .array(plan.timelines.map(timeline)))) }
        return members
    }

    func lineage(_ entry: LineageEntry) -> JSONValue {
        .object([
            ("title", .string(entry.title)),
            ("date", .text(entry.date)),
            ("period", years(entry.period)),
            ("text", .text(entry.text)),
            ("effect", .text(entry.effect)),
            ("effect_years", years(entry.effectYears)),
        ])
    }

    func matrix(_ matrix: Matrix) -> JSONValue {
        let plan = planIndex.plan
        let columns: [JSONValue] = matrix.columns.map { column in
            .object([
                ("number", .text(column.number)),
                ("title", .string(column.title)),
                ("policy", column.policy.map { .string(plan.policies[$0].id) } ?? .null),
            ])
        }
        let rows: [JSONValue] = matrix.rows.map { row in
            let cells: [JSONValue] = row.cells.map { cell in
                guard let cell else { return .null }
                return .object([("number", .text(cell.number)), ("title", .string(cell.title)), ("text", .text(cell.text))])
            }
            return .object([("number", .text(row.number)), ("title", .string(row.title)), ("cells", .array(cells))])
        }
        return .object([
            ("title", .string(matrix.title)),
            ("row_heading", .string(matrix.rowHeading)),
            ("column_heading", .string(matrix.columnHeading)),
            ("columns", .array(columns)),
            ("rows", .array(rows)),
            ("source", .text(matrix.source)),
        ])
    }

    func timeline(_ timeline: Timeline) -> JSONValue {
        let rows: [JSONValue] = timeline.rows.map { row in
            let spans: [JSONValue] = row.spans.map { span in
                .object([("years", years(span.years)), ("label", .text(span.label)), ("continues", .bool(span.continues))])
            }
            return .object([
                ("group", .text(row.group)), ("label", .string(row.label)), ("spans", .array(spans)), ("note", .text(row.note)),
            ])
        }
        return .object([
            ("title", .string(timeline.title)),
            ("years", years(timeline.years)),
            ("open_end", .bool(timeline.openEnd)),
            ("row_heading", .string(timeline.rowHeading)),
            ("rows", .array(rows)),
            ("source", .text(timeline.source)),
        ])
    }
}
