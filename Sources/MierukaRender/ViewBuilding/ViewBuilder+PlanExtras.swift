import MierukaModel
import MierukaSite

extension ViewBuilder {
    func lineageViews(_ plan: Plan) -> [LineageEntryView] {
        let format = PlanFormatter(plan: plan)
        return plan.lineage.map { entry in
            LineageEntryView(
                title: entry.title, date: entry.date, period: entry.period.map(format.years), textHTML: html(entry.text, under: 3),
                effect: entry.effect, effectYears: entry.effectYears.map(format.years))
        }
    }

    func matrixViews(_ plan: Plan) -> [MatrixView] {
        plan.matrices.enumerated().map { offset, matrix in
            let id = "matrix-\(offset + 1)"
            let columnTitles = matrix.columns.map { numbered($0.number, $0.title) }
            return MatrixView(
                id: id, title: matrix.title,
                corner: [matrix.rowHeading, matrix.columnHeading].filter { !$0.isEmpty }.joined(separator: "＼"),
                rowHeading: matrix.rowHeading,
                columns: matrix.columns.map { column in
                    MatrixColumnView(
                        title: numbered(column.number, column.title),
                        url: column.policy.map { links.href(SiteRoutes.policy(plan.slug, plan.policies[$0].slug)) })
                },
                rows: matrix.rows.enumerated().map { rowOffset, row in
                    MatrixRowView(
                        title: numbered(row.number, row.title),
                        cells: row.cells.enumerated().map { columnOffset, cell in
                            MatrixCellView(
                                title: cell.map { numbered($0.number, $0.title) },
                                anchor: "\(id)-\(rowOffset + 1)-\(columnOffset + 1)",
                                row: [matrix.rowHeading, numbered(row.number, row.title)].filter { !$0.isEmpty }
                                    .joined(separator: " "),
                                column: columnOffset < columnTitles.count ? columnTitles[columnOffset] : "",
                                textHTML: html(cell?.text, under: 4))
                        })
                }, source: matrix.source)
        }
    }

    /// The cells of every matrix column that stands for `policy`, for the policy's own page.
    func policyMatrixViews(_ plan: Plan, policy: Int) -> [PolicyMatrixView] {
        let all = matrixViews(plan)
        return plan.matrices.enumerated().flatMap { offset, matrix -> [PolicyMatrixView] in
            matrix.columns.enumerated().compactMap { columnOffset, column in
                guard column.policy == policy else { return nil }
                let view = all[offset]
                let cells = view.rows.compactMap { row in
                    columnOffset < row.cells.count && row.cells[columnOffset].title != nil ? row.cells[columnOffset] : nil
                }
                return PolicyMatrixView(
                    title: matrix.title, url: links.href(SiteRoutes.plan(plan.slug)) + "#" + view.id, cells: cells)
            }
        }
    }

    private func numbered(_ number: String?, _ title: String) -> String {
        guard let number, !number.isEmpty else { return title }
        // 「①コミュニケーション…」: circled numbers and brackets need no space.
        let last = number.unicodeScalars.last.map { JapaneseWidth.isWide($0) || $0 == ")" } ?? false
        return last ? number + title : number + " " + title
    }

    func timelineViews(_ plan: Plan) -> [TimelineView] {
        let format = PlanFormatter(plan: plan)
        return plan.timelines.map { timeline in
            let first = timeline.years.first.year
            let last = timeline.years.last?.year ?? first
            let years = Array(first...last)
            var header = years.map { year in
                plan.yearStyle == .western ? String(year) : FiscalYear(year).eraLabel
            }
            if timeline.openEnd, let lastHeader = header.popLast() { header.append(lastHeader + "以降") }
            let rows = timeline.rows.map { row -> TimelineRowView in
                var cells: [TimelineCellView] = []
                var cursor = first
                func gap(until year: Int) {
                    if year > cursor {
                        cells.append(TimelineCellView(span: String(year - cursor), label: nil, period: nil, isBar: false, continues: false))
                    }
                }
                if row.spans.isEmpty {
                    cells.append(TimelineCellView(span: String(years.count), label: row.note, period: nil, isBar: false, continues: false))
                } else {
                    for span in row.spans {
                        let start = max(span.years.first.year, cursor, first)
                        let end = min(span.years.last?.year ?? last, last)
                        guard end >= start else { continue }
                        gap(until: start)
                        cells.append(
                            TimelineCellView(
                                span: String(end - start + 1), label: span.label,
                                period: format.years(span.years) + (span.continues ? "以降" : ""),
                                isBar: true, continues: span.continues))
                        cursor = end + 1
                    }
                    gap(until: last + 1)
                }
                let label = row.label
                var parts = row.spans.map { span -> String in
                    var text = format.years(span.years)
                    if let spanLabel = span.label { text = "\(spanLabel) \(text)" }
                    if span.continues { text += "以降" }
                    return text
                }
                if let note = row.note { parts.append(note) }
                let named = [row.group, row.label].compactMap { $0 }.joined(separator: " ")
                return TimelineRowView(label: label, cells: cells, sentence: "\(named)：" + parts.joined(separator: "、"))
            }
            // Consecutive rows of the same group are shown under the group's heading.
            var groups: [TimelineGroupView] = []
            for (offset, row) in timeline.rows.enumerated() {
                if let last = groups.last, last.title == row.group {
                    groups[groups.count - 1] = TimelineGroupView(title: last.title, rows: last.rows + [rows[offset]])
                } else {
                    groups.append(TimelineGroupView(title: row.group, rows: [rows[offset]]))
                }
            }
            return TimelineView(
                title: timeline.title, rowHeading: timeline.rowHeading, years: header, groups: groups,
                source: timeline.source)
        }
    }

    func tableViews(_ plan: Plan) -> [PublishedTableView] {
        plan.tables.map { table in
            PublishedTableView(
                title: table.title, header: table.header,
                rows: table.rows.map { PublishedRowView(heading: $0.first ?? "", cells: Array($0.dropFirst())) },
                note: table.note, source: table.source)
        }
    }

    /// `level`: the heading level the groups' titles stand at (the entries' own headings go under it).
    func highlightViews(_ declared: DeclaredYear?, plan: Plan, withYear: Bool, level: Int = 3) -> [HighlightGroupView] {
        guard let declared else { return [] }
        let yearLabel = PlanFormatter(plan: plan).year(declared.year)
        return declared.highlights.map { group in
            HighlightGroupView(
                title: withYear ? "\(group.title)（\(yearLabel)）" : group.title,
                entries: group.entries.map {
                    HighlightView(title: $0.title, department: $0.department, amount: $0.amount, textHTML: html($0.text, under: level))
                })
        }
    }
}

/// Width classes of characters (for joining numbers and titles without a stray space).
enum JapaneseWidth {
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2460...0x24FF, 0x2776...0x2793, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }
}
