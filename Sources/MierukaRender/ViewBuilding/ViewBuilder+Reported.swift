import MierukaModel

extension ViewBuilder {
    /// The plan's money tables, with only the columns the report prints.
    func moneyTableViews(_ plan: Plan) -> [MoneyTableView] {
        let format = PlanFormatter(plan: plan)
        return plan.reported.moneyTables.map { table in
            if let grid = table.grid { return gridView(table, grid, format: format) }
            let all = table.allRows
            var columns: [(String, (MoneyTableRow) -> String?)] = []
            if all.contains(where: { $0.planned != nil }) { columns.append((table.headings.planned, { $0.planned?.text })) }
            if all.contains(where: { $0.actual != nil }) { columns.append((table.headings.actual, { $0.actual?.text })) }
            if all.contains(where: { $0.difference != nil }) {
                columns.append((table.headings.difference, { $0.difference?.text }))
            }
            if all.contains(where: { $0.rate != nil }) { columns.append((table.headings.rate, { $0.rate?.text })) }
            func row(_ row: MoneyTableRow) -> ReportedRowView {
                ReportedRowView(label: row.label, cells: columns.map { $0.1(row) ?? "—" })
            }
            var view = MoneyTableView(
                title: table.title, years: pointLabel(table.years, table.asOf, format: format), unit: table.unit.map { "（単位：\($0.rawValue)）" },
                basis: table.basis, rowHeading: table.rowHeading, headings: columns.map(\.0), rows: table.rows.map(row),
                total: table.total.map(row), spanNote: spanNote(table.years, table.asOf, format: format), note: table.note,
                source: table.source)
            view.groups = [ReportedRowGroupView(label: nil, rows: view.rows)]
            view.columnCount = columns.count + 1
            let amounts = all.flatMap { [$0.planned, $0.actual, $0.difference] }
            if amounts.contains(where: { $0?.approximate == true }) { view.approximateNote = approximateNote(format) }
            return view
        }
    }

    /// A table in the report's own layout: its columns, its group headings and its rows in order,
    /// every cell as written (「—」 where the report prints none), sums marked as the report's rows.
    private func gridView(_ table: MoneyTable, _ grid: MoneyGrid, format: PlanFormatter) -> MoneyTableView {
        var groups: [ReportedRowGroupView] = []
        var label: String?
        var rows: [ReportedRowView] = []
        let textColumns = Set(grid.columns.indices.filter { grid.columns[$0].isText })
        for entry in grid.rows {
            switch entry {
            case .group(let heading, _):
                if label != nil || !rows.isEmpty { groups.append(ReportedRowGroupView(label: label, rows: rows)) }
                label = heading
                rows = []
            case .amounts(let row):
                // A text column's words as written (empty where the report prints none), an amount as
                // written (a two-figure cell whole, 「950（9500）」) or 「—」; a text row's figures as written.
                var view = ReportedRowView(
                    label: row.label,
                    cells: row.cells.indices.map { index in
                        if textColumns.contains(index) { return row.text(at: index) ?? "" }
                        if row.isText { return row.text(at: index) ?? "—" }
                        return row.cells[index]?.cell ?? "—"
                    },
                    isSum: row.sum != nil)
                view.textColumns = textColumns
                rows.append(view)
            }
        }
        if label != nil || !rows.isEmpty { groups.append(ReportedRowGroupView(label: label, rows: rows)) }
        var view = MoneyTableView(
            title: table.title, years: pointLabel(table.years, table.asOf, format: format),
            unit: table.unit.map { "（単位：\($0.rawValue)）" }, basis: table.basis, rowHeading: table.rowHeading,
            headings: grid.columns.map(\.heading), rows: groups.flatMap(\.rows), total: nil,
            // Its columns or rows say which year each figure is for, so a span is not called one figure's period.
            spanNote: table.asOf == nil ? nil : spanNote(table.years, table.asOf, format: format), note: table.note,
            source: table.source)
        view.groups = groups
        view.columnCount = grid.columns.count + 1
        view.textColumns = textColumns
        view.bracketNote = grid.bracket.map { bracketNote($0, format: format) }
        let approximate = grid.rows.contains { entry in
            guard case .amounts(let row) = entry else { return false }
            return row.cells.contains { $0?.written.approximate == true || $0?.bracketed?.written.approximate == true }
        }
        if approximate { view.approximateNote = approximateNote(format) }
        return view
    }

    /// 「約」 before an amount is the report's own: the figure is approximate, shown as written.
    private func approximateNote(_ format: PlanFormatter) -> String {
        let publisher = format.publisher.kind.map { "\($0)の" } ?? ""
        return "「約」の付いた額は、\(publisher)公表どおりの概数です（表記のまま）。"
    }

    /// What the figure in brackets is, in the report's word, and how the report counts it.
    private func bracketNote(_ bracket: MoneyBracket, format: PlanFormatter) -> String {
        let publisher = format.publisher.kind.map { "\($0)の" } ?? ""
        let base = "（ ）内の金額は、\(publisher)表の「\(bracket.label)」です（表記のまま）。"
        switch bracket.rule {
        case nil: return base
        case .runningTotal: return base + "初年度からその年度までの各年度の額の合計として数えられています。"
        case .continuing:
            return base + "各年度の額を、その効果が計画期間の以後の年度も続くものとして、以後の年度にも重ねて数えたものです。"
        }
    }

    func achievementViews(_ plan: Plan) -> [AchievementView] {
        let format = PlanFormatter(plan: plan)
        return plan.reported.achievements.map { count in
            AchievementView(
                title: count.title, years: pointLabel(count.years, count.asOf, format: format), noun: count.noun,
                rows: count.parts.map {
                    ReportedRowView(
                        label: $0.label + (gradeCodes($0, plan: plan).map { "（\($0)）" } ?? ""),
                        cells: [NumberGrouping.format($0.count), $0.rate?.text ?? "—"])
                },
                total: ReportedRowView(label: "\(count.noun)の数", cells: [NumberGrouping.format(count.total), "—"]),
                spanNote: spanNote(count.years, count.asOf, format: format), note: count.note, source: count.source,
                gradesNote: gradesNote(count, plan: plan))
        }
    }

    /// 「A・B」: the plan's grades a count counts, by their codes (words on a scale of words only).
    private func gradeCodes(_ part: AchievementPart, plan: Plan) -> String? {
        guard !part.grades.isEmpty else { return nil }
        return part.grades.map { plan.grades.grades[$0].shortName }.joined(separator: "・")
    }

    /// What a count tied to the plan's grades counts, spelled out (never the codes alone), and that
    /// the number is the city's, not Mieruka's count of those grades.
    private func gradesNote(_ count: AchievementCount, plan: Plan) -> String? {
        let tied = count.parts.filter { !$0.grades.isEmpty }
        guard !tied.isEmpty else { return nil }
        let sentences = tied.map { part in
            let grades = part.grades.map { "「\(plan.grades.grades[$0].spelledOut)」" }.joined(separator: "と")
            return "「\(part.label)」は、計画の評価の\(grades)の\(count.noun)の数です。"
        }
        let figures = tied.contains { $0.rate != nil } ? "件数と割合" : "件数"
        return sentences.joined() + "\(figures)は\(plan.publisher.publishedMark)で、Mieruka が各項目の評価から数えたものではありません。"
    }

    /// A span's figures are said to be the span's, never one fiscal year's; a snapshot's are said
    /// to stand at that point, not at the year's end.
    private func spanNote(_ years: FiscalYearRange, _ asOf: Snapshot?, format: PlanFormatter) -> String? {
        if let asOf {
            return "この表は\(format.years(years))の\(asOf.pointLabel)の公表値で、年度末の数値ではありません。"
        }
        guard !years.isSingleYear else { return nil }
        return "この表は\(format.years(years))の期間についての公表値で、単年度の数値ではありません。"
    }

    /// 「平成19年度・9月末時点」 for a snapshot, else the year or the span.
    func pointLabel(_ years: FiscalYearRange, _ asOf: Snapshot?, format: PlanFormatter) -> String {
        asOf.map { "\(format.years(years))・\($0.pointLabel)" } ?? format.years(years)
    }
}
