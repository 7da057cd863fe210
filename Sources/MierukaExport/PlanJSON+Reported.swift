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
    func reportedMembers(to json: inout JSONWriter) {
        let plan = planIndex.plan
        if !plan.reported.moneyTables.isEmpty {
            json.member("money_tables", plan.reported.moneyTables) { table, json in moneyTable(table, to: &json) }
        }
        if !plan.reported.achievements.isEmpty {
            json.member("achievements", plan.reported.achievements) { count, json in achievement(count, to: &json) }
        }
        if !plan.planKPIs.isEmpty {
            json.member("plan_kpis", plan.planKPIs) { table, json in planKPITable(table, to: &json) }
        }
        if !plan.revisions.isEmpty {
            json.member("revisions", plan.revisions.revisions) { revision, json in self.revision(revision, to: &json) }
        }
        if !plan.opinions.isEmpty {
            json.member("opinions", plan.opinionsInReportOrder) { opinion, json in self.opinion(opinion, to: &json) }
        }
    }

    /// An opinion as published, with the item it is on (null for the year's results as a whole)
    /// and the address of the page that shows it.
    func opinion(_ opinion: CommitteeOpinion, to json: inout JSONWriter) {
        let item = opinion.item.map { planIndex.plan.items[$0] }
        json.object { json in
            json.member("year", opinion.year.year)
            json.member("item", item?.slug)
            json.member("number", item?.number)
            json.member("by", opinion.by)
            json.member("date", opinion.date)
            json.member("text", opinion.text)
            json.member("source", opinion.source)
            json.member("url", OpinionsDataset.page(of: opinion, planIndex, links: links))
        }
    }

    /// {"text": "9月末", "month": 9, "day": null}, or null for the year's end.
    func snapshot(_ snapshot: Snapshot?, to json: inout JSONWriter) {
        guard let snapshot else { return json.null() }
        json.object { json in
            json.member("text", snapshot.text)
            json.member("month", snapshot.month)
            json.member("day", snapshot.day)
        }
    }

    /// {"text": "347.0", "yen": 347000000}
    func amount(_ amount: PublishedAmount?, to json: inout JSONWriter) {
        guard let amount else { return json.null() }
        json.object { json in
            json.member("text", amount.text)
            json.member("yen", .int64(amount.money.yen))
            if amount.approximate { json.member("approximate", true) }
        }
    }

    /// {"text": "104.4%", "percent": 104.4}
    func rate(_ rate: PublishedRate?, to json: inout JSONWriter) {
        guard let rate else { return json.null() }
        json.object { json in
            json.member("text", rate.text)
            json.member("percent", .number(rate.percent.description))
        }
    }

    func moneyTable(_ table: MoneyTable, to json: inout JSONWriter) {
        func row(_ row: MoneyTableRow, to json: inout JSONWriter) {
            json.object { json in
                json.member("label", row.label)
                json.member("planned") { json in amount(row.planned, to: &json) }
                json.member("actual") { json in amount(row.actual, to: &json) }
                json.member("difference") { json in amount(row.difference, to: &json) }
                json.member("rate") { json in rate(row.rate, to: &json) }
            }
        }
        // A column the report does not print has no heading (null), as it has no figures.
        let headings = table.printedHeadings
        json.object { json in
            json.member("title", table.title)
            json.member("years") { json in years(table.years, to: &json) }
            json.member("as_of") { json in snapshot(table.asOf, to: &json) }
            json.member("unit", table.unit?.rawValue)
            json.member("basis", table.basis)
            json.member("row_heading", table.rowHeading)
            json.object("headings") { json in
                json.member("planned", headings.planned)
                json.member("actual", headings.actual)
                json.member("difference", headings.difference)
                json.member("rate", headings.rate)
            }
            json.member("rows", table.rows) { entry, json in row(entry, to: &json) }
            json.member("total") { json in
                guard let total = table.total else { return json.null() }
                row(total, to: &json)
            }
            json.member("note", table.note)
            json.member("source", table.source)
            if let grid = table.grid { json.member("grid") { json in self.grid(grid, sign: table.sign, to: &json) } }
        }
    }

    /// A table in the report's own layout (`columns:` as a list), only for such a table, so that
    /// other files keep their bytes: its columns (heading, text: a column of words, sum: what a
    /// printed sum adds up) and its rows in order, a group heading ({"group": …}) or a row of cells,
    /// each cell as written (`text`), with the yen read from it (△ and ▲ as minus) and what it
    /// counts as in the table's sums by its sign convention (`sign`: signed / reduction).
    func grid(_ grid: MoneyGrid, sign: MoneySign, to json: inout JSONWriter) {
        json.object { json in
            json.member("sign", sign.rawValue)
            // Only for a table whose cells hold two figures, so that other files keep their bytes.
            if let bracket = grid.bracket {
                json.object("bracket") { json in
                    json.member("label", bracket.label)
                    json.member("counts", bracket.rule?.rawValue)
                }
            }
            json.member("columns", grid.columns) { column, json in
                json.object { json in
                    json.member("heading", column.heading)
                    json.member("text", column.isText)
                    json.member("sum") { json in sum(column.sum, to: &json) }
                }
            }
            json.member("rows", grid.rows) { entry, json in gridRow(entry, of: grid, to: &json) }
        }
    }

    /// A grid's row: a group heading, or a row of cells (a row of words, a 達成率 row, says so).
    private func gridRow(_ entry: MoneyGridRow, of grid: MoneyGrid, to json: inout JSONWriter) {
        switch entry {
        case .group(let label, _):
            json.object { json in json.member("group", label) }
        case .amounts(let row):
            json.object { json in
                json.member("label", row.label)
                json.member("sum") { json in sum(row.sum, to: &json) }
                if row.isText { json.member("text", true) }
                json.member("cells", grid.columns.indices) { index, json in
                    if grid.columns[index].isText || row.isText {
                        guard let text = row.text(at: index) else { return json.null() }
                        return json.object { json in json.member("text", text) }
                    }
                    guard index < row.cells.count, let cell = row.cells[index] else { return json.null() }
                    amountCell(cell, to: &json)
                }
            }
        }
    }

    /// What a printed sum adds up: "group", "all", the headings it adds, or null.
    private func sum(_ sum: MoneySum?, to json: inout JSONWriter) {
        switch sum {
        case nil: json.null()
        case .group: json.string("group")
        case .all: json.string("all")
        case .of(let names): json.array(names) { name, json in json.string(name) }
        }
    }

    /// An amount cell of a grid: as printed (`text`, the whole cell), the yen read from it and what
    /// it counts as; a two-figure cell also gives its first figure (`amount`) and the figure in
    /// brackets (`bracketed`) apart.
    func amountCell(_ cell: GridAmount, to json: inout JSONWriter) {
        json.object { json in
            json.member("text", cell.cell)
            if cell.bracketed != nil { json.member("amount", cell.written.text) }
            json.member("yen", .int64(cell.written.money.yen))
            json.member("value_yen", .int64(cell.value.yen))
            if cell.written.approximate { json.member("approximate", true) }
            if let bracketed = cell.bracketed {
                json.object("bracketed") { json in
                    json.member("text", bracketed.written.text)
                    json.member("yen", .int64(bracketed.written.money.yen))
                    json.member("value_yen", .int64(bracketed.value.yen))
                }
            }
        }
    }

    func achievement(_ count: AchievementCount, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("title", count.title)
            json.member("years") { json in years(count.years, to: &json) }
            json.member("as_of") { json in snapshot(count.asOf, to: &json) }
            json.member("of", count.total)
            json.member("noun", count.noun)
            json.member("counts", count.parts) { part, json in
                json.object { json in
                    json.member("label", part.label)
                    json.member("count", part.count)
                    json.member("rate") { json in rate(part.rate, to: &json) }
                    // `grades` only on a count the plan ties to its scale: other plans' files keep their bytes.
                    if !part.grades.isEmpty { json.member("grades", strings: part.grades.map { plan.grades.grades[$0].code }) }
                }
            }
            json.member("note", count.note)
            json.member("source", count.source)
        }
    }

    func planKPITable(_ table: PlanKPITable, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", table.title)
            json.member("kpis", table.kpis) { kpi, json in planKPI(kpi, to: &json) }
            json.member("note", table.note)
            json.member("source", table.source)
        }
    }

    /// {"yen": 200000000} or {"value": 98, "unit": "パーセント"}: a value read exactly from its text.
    func quantity(_ quantity: PlanKPIQuantity?, to json: inout JSONWriter) {
        switch quantity {
        case nil: json.null()
        case .money(let money): json.object { json in json.member("yen", .int64(money.yen)) }
        case .number(let number, let unit):
            json.object { json in
                json.member("value", .number(number.description))
                json.member("unit", unit)
            }
        }
    }

    func planKPI(_ kpi: PlanKPI, to json: inout JSONWriter) {
        json.object { json in
            json.member("name", kpi.name)
            json.member("baseline") { json in
                guard let baseline = kpi.baseline else { return json.null() }
                json.object { json in
                    json.member("years") { json in years(baseline.years, to: &json) }
                    json.member("text", baseline.text)
                }
            }
            json.object("target") { json in
                json.member("years") { json in years(kpi.target.years, to: &json) }
                json.member("text", kpi.target.text)
                json.member("bound") { json in
                    guard let bound = kpi.target.bound else { return json.null() }
                    json.object { json in
                        json.member("relation", bound.relation.rawValue)
                        json.member("limit") { json in quantity(bound.limit, to: &json) }
                    }
                }
            }
            json.member("actuals", kpi.actuals) { actual, json in planKPIActual(actual, to: &json) }
            json.member("rate") { json in
                guard let rate = kpi.publishedRate else { return json.null() }
                json.object { json in
                    json.member("label", rate.label)
                    json.member("text", rate.text)
                    json.member("years") { json in years(rate.years, to: &json) }
                }
            }
            json.member("note", kpi.note)
            json.object("computed") { json in json.member("target_met", kpi.targetMet.map { JSONValue.bool($0) } ?? .null) }
        }
    }

    func revision(_ revision: PlanRevision, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("year", revision.year.year)
            json.member("date", revision.date)
            json.member("title", revision.title)
            json.member("note", revision.note)
            json.member("source", revision.source)
            json.member("period") { json in
                guard let period = revision.period else { return json.null() }
                json.object { json in
                    json.member("before") { json in years(period.before, to: &json) }
                    json.member("after") { json in years(period.after, to: &json) }
                }
            }
            json.member("items") { json in
                guard let count = revision.itemCount else { return json.null() }
                json.object { json in
                    json.member("before", count.before)
                    json.member("after", count.after)
                    json.member("before_text", count.beforeText)
                    json.member("after_text", count.afterText)
                    json.member("noun", count.noun)
                }
            }
            json.member("added") { json in revisedItems(revision, .added, to: &json) }
            json.member("deleted") { json in revisedItems(revision, .deleted, to: &json) }
            json.member("finished") { json in revisedItems(revision, .finished, to: &json) }
            if plan.revisions.hasMoves { json.member("rescheduled") { json in revisedItems(revision, .rescheduled, to: &json) } }
            json.member("targets", revision.targets) { target, json in
                let item = plan.items[target.item]
                json.object { json in
                    json.member("item", item.slug)
                    json.member("number", item.number)
                    json.member("kpi", target.kpi < item.kpis.count ? item.kpis[target.kpi].id : "")
                    json.member("before") { json in point(target.before, to: &json) }
                    json.member("after") { json in point(target.after, to: &json) }
                    json.member("reason", target.reason)
                }
            }
        }
    }

    /// A revision's items of one kind. 整理番号, parts and moves are members only in plans that
    /// write them (others' files stay as they were).
    private func revisedItems(_ revision: PlanRevision, _ kind: RevisedItem.Kind, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.array(revision.items(kind)) { entry, json in
            json.object { json in
                json.member("item", entry.item.map { plan.items[$0].slug })
                json.member("number", entry.number)
                if plan.revisions.hasReferenceNumbers { json.member("reference_number", entry.referenceNumber) }
                json.member("title", entry.title)
                if kind == .rescheduled {
                    if plan.revisions.hasParts { json.member("part", entry.part) }
                    json.member("from", entry.move?.from.year)
                    json.member("to", entry.move?.to.year)
                }
                json.member("reason", entry.reason)
            }
        }
    }

    func planKPIActual(_ actual: PlanKPIActual, to json: inout JSONWriter) {
        // The report's word (確定前の値 where it gives only a date or a note); the date or point and
        // the note only where the report gives them.
        let word: String? = actual.provisional.map { $0.label ?? "確定前の値" }
        json.object { json in
            json.member("years") { json in years(actual.years, to: &json) }
            json.member("cumulative", actual.isCumulative)
            json.member("text", actual.text)
            json.member("interim_target", actual.interimTarget)
            json.member("provisional", word)
            // `provisional_as_of`, `provisional_note`: only where the report gives them.
            if let provisional = actual.provisional, provisional.asOf != nil || provisional.note != nil {
                json.member("provisional_as_of", provisional.asOf)
                json.member("provisional_note", provisional.note)
            }
            json.member("quantity") { json in quantity(actual.quantity, to: &json) }
        }
    }
}
