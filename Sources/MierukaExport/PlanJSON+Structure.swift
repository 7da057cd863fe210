import MierukaModel
import MierukaSite

/// The plan's structure as its page shows it, transcribed from the plan's documents: the earlier
/// plans that led to it (`lineage:`), its two-way tables (`matrices:`) and its timelines
/// (`timelines:`), in `plan.json` as written. Each key only for a plan that has what it holds, so
/// that other plans' files keep their bytes.
extension PlanJSON {
    func structureMembers(to json: inout JSONWriter) {
        let plan = planIndex.plan
        if !plan.lineage.isEmpty { json.member("lineage", plan.lineage) { entry, json in lineage(entry, to: &json) } }
        if !plan.matrices.isEmpty { json.member("matrices", plan.matrices) { matrix, json in self.matrix(matrix, to: &json) } }
        if !plan.timelines.isEmpty { json.member("timelines", plan.timelines) { timeline, json in self.timeline(timeline, to: &json) } }
    }

    func lineage(_ entry: LineageEntry, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", entry.title)
            json.member("date", entry.date)
            json.member("period") { json in years(entry.period, to: &json) }
            json.member("text", entry.text)
            json.member("effect", entry.effect)
            json.member("effect_years") { json in years(entry.effectYears, to: &json) }
        }
    }

    func matrix(_ matrix: Matrix, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("title", matrix.title)
            json.member("row_heading", matrix.rowHeading)
            json.member("column_heading", matrix.columnHeading)
            json.member("columns", matrix.columns) { column, json in
                json.object { json in
                    json.member("number", column.number)
                    json.member("title", column.title)
                    json.member("policy", column.policy.map { plan.policies[$0].id })
                }
            }
            json.member("rows", matrix.rows) { row, json in
                json.object { json in
                    json.member("number", row.number)
                    json.member("title", row.title)
                    json.member("cells", row.cells) { cell, json in
                        guard let cell else { return json.null() }
                        json.object { json in
                            json.member("number", cell.number)
                            json.member("title", cell.title)
                            json.member("text", cell.text)
                        }
                    }
                }
            }
            json.member("source", matrix.source)
        }
    }

    func timeline(_ timeline: Timeline, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", timeline.title)
            json.member("years") { json in years(timeline.years, to: &json) }
            json.member("open_end", timeline.openEnd)
            json.member("row_heading", timeline.rowHeading)
            json.member("rows", timeline.rows) { row, json in
                json.object { json in
                    json.member("group", row.group)
                    json.member("label", row.label)
                    json.member("spans", row.spans) { span, json in
                        json.object { json in
                            json.member("years") { json in years(span.years, to: &json) }
                            json.member("label", span.label)
                            json.member("continues", span.continues)
                        }
                    }
                    json.member("note", row.note)
                }
            }
            json.member("source", timeline.source)
        }
    }
}
