import MierukaDiagnostics
import MierukaModel

/// Reads the parts of a plan that are transcribed as the documents lay them out: the plan's
/// lineage, matrices, timelines, published tables and highlighted items.
enum PlanExtrasDecoder {
    static let lineageKeys = ["title", "date", "period", "text", "effect", "effect_years"]
    static let matrixKeys = ["title", "row_heading", "column_heading", "columns", "rows", "source"]
    static let columnKeys = ["number", "title", "policy"]
    static let rowKeys = ["number", "title", "cells"]
    static let cellKeys = ["number", "title", "text"]
    static let timelineKeys = ["title", "years", "row_heading", "open_end", "rows", "source"]
    static let timelineRowKeys = ["label", "group", "spans", "note"]
    static let spanKeys = ["years", "label", "continues"]
    static let tableKeys = ["title", "header", "rows", "note", "source"]
    static let highlightGroupKeys = ["title", "entries"]
    static let highlightKeys = ["title", "department", "amount", "text"]

    static func lineage(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [LineageEntry] {
        nodes.compactMap { node in
            guard let reader = MappingReader(node, what: "a lineage entry", knownKeys: lineageKeys, diagnostics: &diagnostics),
                let title = reader.requiredText("title", diagnostics: &diagnostics)
            else { return nil }
            return LineageEntry(
                title: title.value, date: reader.text("date", diagnostics: &diagnostics)?.value,
                period: reader.fiscalYearRange("period", diagnostics: &diagnostics)?.value,
                text: reader.markdown("text", diagnostics: &diagnostics),
                effect: reader.text("effect", diagnostics: &diagnostics)?.value,
                effectYears: reader.fiscalYearRange("effect_years", diagnostics: &diagnostics)?.value)
        }
    }

    static func matrices(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [MatrixDocument] {
        nodes.compactMap { matrix($0, diagnostics: &diagnostics) }
    }

    static func matrix(_ node: YAMLNode, diagnostics: inout Diagnostics) -> MatrixDocument? {
        guard let reader = MappingReader(node, what: "a matrix", knownKeys: matrixKeys, diagnostics: &diagnostics),
            let title = reader.requiredText("title", diagnostics: &diagnostics)
        else { return nil }
        let columns: [MatrixColumnDocument] = reader.list("columns", diagnostics: &diagnostics).compactMap { column in
            guard let columnReader = MappingReader(column, what: "a matrix column", knownKeys: columnKeys, diagnostics: &diagnostics)
            else { return nil }
            let title = columnReader.text("title", diagnostics: &diagnostics)
            let policy = columnReader.text("policy", diagnostics: &diagnostics)
            if title == nil, policy == nil {
                diagnostics.error(
                    at: columnReader.location, "a matrix column has neither \"title\" nor \"policy\"",
                    hint: "name the column, or give the id of the policy it stands for")
                return nil
            }
            return MatrixColumnDocument(
                number: columnReader.text("number", diagnostics: &diagnostics)?.value, title: title?.value,
                policy: policy, location: columnReader.location)
        }
        if columns.isEmpty {
            diagnostics.error(at: reader.location, "the matrix \"\(title.value)\" has no columns", hint: "list them under columns:")
        }
        let rows: [MatrixRow] = reader.list("rows", diagnostics: &diagnostics).compactMap { row in
            guard let rowReader = MappingReader(row, what: "a matrix row", knownKeys: rowKeys, diagnostics: &diagnostics),
                let rowTitle = rowReader.requiredText("title", diagnostics: &diagnostics)
            else { return nil }
            let cellNodes = rowReader.list("cells", diagnostics: &diagnostics)
            if cellNodes.count > columns.count {
                diagnostics.error(
                    at: cellNodes[columns.count].location,
                    "the row \"\(rowTitle.value)\" has \(cellNodes.count) cells, but the matrix has \(columns.count) columns",
                    hint: "give one cell per column, in the columns' order (~ for an empty cell)")
            }
            var cells: [MatrixCell?] = cellNodes.prefix(columns.count).map { cell in
                if cell.isNull { return nil }
                guard let cellReader = MappingReader(cell, what: "a matrix cell", knownKeys: cellKeys, diagnostics: &diagnostics),
                    let cellTitle = cellReader.requiredText("title", diagnostics: &diagnostics)
                else { return nil }
                return MatrixCell(
                    number: cellReader.text("number", diagnostics: &diagnostics)?.value, title: cellTitle.value,
                    text: cellReader.markdown("text", diagnostics: &diagnostics))
            }
            while cells.count < columns.count { cells.append(nil) }
            return MatrixRow(
                number: rowReader.text("number", diagnostics: &diagnostics)?.value, title: rowTitle.value, cells: cells)
        }
        return MatrixDocument(
            title: title.value, rowHeading: reader.text("row_heading", diagnostics: &diagnostics)?.value ?? "",
            columnHeading: reader.text("column_heading", diagnostics: &diagnostics)?.value ?? "", columns: columns,
            rows: rows, source: reader.text("source", diagnostics: &diagnostics)?.value, location: reader.location)
    }

    static func timelines(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [Timeline] {
        nodes.compactMap { timeline($0, diagnostics: &diagnostics) }
    }

    static func timeline(_ node: YAMLNode, diagnostics: inout Diagnostics) -> Timeline? {
        guard let reader = MappingReader(node, what: "a timeline", knownKeys: timelineKeys, diagnostics: &diagnostics),
            let title = reader.requiredText("title", diagnostics: &diagnostics)
        else { return nil }
        guard let years = reader.fiscalYearRange("years", diagnostics: &diagnostics) else {
            if !reader.has("years") {
                diagnostics.error(
                    at: reader.location, "the timeline \"\(title.value)\" has no \"years\"",
                    hint: "give the years it shows, e.g. years: 2018～2028")
            }
            return nil
        }
        guard let last = years.value.last, last.year - years.value.first.year < 40 else {
            diagnostics.error(
                at: years.location, "a timeline shows a closed span of at most 40 years",
                hint: "give both ends, e.g. years: 2018～2028")
            return nil
        }
        let rows: [TimelineRow] = reader.list("rows", diagnostics: &diagnostics).compactMap { row in
            guard let rowReader = MappingReader(row, what: "a timeline row", knownKeys: timelineRowKeys, diagnostics: &diagnostics),
                let label = rowReader.requiredText("label", diagnostics: &diagnostics)
            else { return nil }
            let spans: [TimelineSpan] = rowReader.list("spans", diagnostics: &diagnostics).compactMap { span in
                guard let spanReader = MappingReader(span, what: "a timeline span", knownKeys: spanKeys, diagnostics: &diagnostics)
                else { return nil }
                guard let spanYears = spanReader.fiscalYearRange("years", diagnostics: &diagnostics) else {
                    if !spanReader.has("years") {
                        diagnostics.error(at: spanReader.location, "a timeline span has no \"years\"", hint: "e.g. years: 2019～2023")
                    }
                    return nil
                }
                // A span may reach beyond the chart (a plan that began earlier or ends later): it
                // is drawn within the chart and keeps its whole period in its text.
                let spanLast = spanYears.value.last ?? last
                guard spanYears.value.first <= last, spanLast >= years.value.first else {
                    diagnostics.error(
                        at: spanYears.location, "the span lies outside the timeline's years",
                        hint: "the timeline shows \(years.value.first.year)～\(last.year)")
                    return nil
                }
                return TimelineSpan(
                    years: FiscalYearRange(spanYears.value.first, spanLast),
                    label: spanReader.text("label", diagnostics: &diagnostics)?.value,
                    continues: spanReader.bool("continues", diagnostics: &diagnostics) ?? false)
            }
            return TimelineRow(
                label: label.value, group: rowReader.text("group", diagnostics: &diagnostics)?.value,
                spans: spans.sorted { $0.years.first < $1.years.first },
                note: rowReader.text("note", diagnostics: &diagnostics)?.value)
        }
        return Timeline(
            title: title.value, years: years.value,
            rowHeading: reader.text("row_heading", diagnostics: &diagnostics)?.value ?? "計画",
            openEnd: reader.bool("open_end", diagnostics: &diagnostics) ?? false, rows: rows,
            source: reader.text("source", diagnostics: &diagnostics)?.value)
    }

    static func tables(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [PublishedTable] {
        nodes.compactMap { node in
            guard let reader = MappingReader(node, what: "a published table", knownKeys: tableKeys, diagnostics: &diagnostics),
                let title = reader.requiredText("title", diagnostics: &diagnostics)
            else { return nil }
            let header = reader.textList("header", diagnostics: &diagnostics).map(\.value)
            var rows: [[String]] = []
            for row in reader.list("rows", diagnostics: &diagnostics) {
                guard case .sequence(let cells) = row else {
                    diagnostics.error(
                        at: row.location, "each row of a table is a list of cells",
                        hint: "write a row as [heading, cell, cell, …]")
                    continue
                }
                let texts: [String] = cells.items.map { cell in
                    if case .scalar(let scalar) = cell { return scalar.isNull ? "" : scalar.text.trimmingWhitespace() }
                    diagnostics.error(at: cell.location, "a table cell should be a single value")
                    return ""
                }
                if !header.isEmpty, texts.count != header.count {
                    diagnostics.error(
                        at: row.location, "the row has \(texts.count) cells, but the table's header has \(header.count)",
                        hint: "give one cell per column (an empty cell as \"\")")
                }
                rows.append(texts)
            }
            return PublishedTable(
                title: title.value, header: header, rows: rows, note: reader.text("note", diagnostics: &diagnostics)?.value,
                source: reader.text("source", diagnostics: &diagnostics)?.value, location: reader.location)
        }
    }

    static func highlights(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [HighlightGroup] {
        nodes.compactMap { node in
            guard
                let reader = MappingReader(
                    node, what: "a group of highlighted items", knownKeys: highlightGroupKeys, diagnostics: &diagnostics),
                let title = reader.requiredText("title", diagnostics: &diagnostics)
            else { return nil }
            let entries: [Highlight] = reader.list("entries", diagnostics: &diagnostics).compactMap { entry in
                guard let entryReader = MappingReader(entry, what: "a highlighted item", knownKeys: highlightKeys, diagnostics: &diagnostics),
                    let entryTitle = entryReader.requiredText("title", diagnostics: &diagnostics)
                else { return nil }
                return Highlight(
                    title: entryTitle.value, department: entryReader.text("department", diagnostics: &diagnostics)?.value,
                    amount: entryReader.text("amount", diagnostics: &diagnostics)?.value,
                    text: entryReader.markdown("text", diagnostics: &diagnostics))
            }
            return HighlightGroup(title: title.value, entries: entries)
        }
    }
}
