import MierukaDiagnostics
import MierukaModel

/// Reads a plan's `money_tables:` and `achievements:`: figures a report publishes outside the
/// policy tree, kept as written.
enum ReportedDecoder {
    static let tableKeys = [
        "title", "years", "as_of", "unit", "basis", "row_heading", "columns", "rows", "total", "note", "source", "sign",
        "bracket",
    ]
    static let columnKeys = ["planned", "actual", "difference", "rate"]
    static let rowKeys = ["label", "planned", "actual", "difference", "rate"]
    static let achievementKeys = ["title", "years", "as_of", "of", "noun", "counts", "note", "source"]
    static let partKeys = ["label", "count", "rate", "grades"]

    static func decode(_ reader: MappingReader, moneyUnit: MoneyUnit, diagnostics: inout Diagnostics) -> ReportedFigures {
        ReportedFigures(
            moneyTables: reader.list("money_tables", diagnostics: &diagnostics).compactMap {
                moneyTable($0, planUnit: moneyUnit, diagnostics: &diagnostics)
            },
            achievements: reader.list("achievements", diagnostics: &diagnostics).compactMap {
                achievement($0, diagnostics: &diagnostics)
            })
    }

    static func moneyTable(_ node: YAMLNode, planUnit: MoneyUnit, diagnostics: inout Diagnostics) -> MoneyTable? {
        guard let reader = MappingReader(node, what: "a money table", knownKeys: tableKeys, diagnostics: &diagnostics),
            let title = reader.requiredText("title", diagnostics: &diagnostics)
        else { return nil }
        guard let years = reader.fiscalYearRange("years", diagnostics: &diagnostics) else {
            if !reader.has("years") {
                diagnostics.error(
                    at: reader.location, "the money table \"\(title.value)\" has no \"years\"",
                    hint: "add the fiscal year the amounts are for (years: H20), or the span they add up (years: H20～H22)")
            }
            return nil
        }
        let unit = reader.choice("unit", MoneyUnit.allCases.map { ($0.rawValue, $0) }, diagnostics: &diagnostics)
        let sign = reader.choice("sign", MoneySign.allCases.map { ($0.rawValue, $0) }, diagnostics: &diagnostics) ?? .signed
        if let columns = reader.node("columns"), case .sequence = columns {
            return MoneyGridDecoder.table(
                reader, title: title, years: years.value, unit: unit, sign: sign, planUnit: planUnit, diagnostics: &diagnostics)
        }
        var headings = MoneyTableHeadings()
        if let columns = reader.node("columns"),
            let columnReader = MappingReader(columns, what: "the columns of a money table", knownKeys: columnKeys, diagnostics: &diagnostics)
        {
            headings = MoneyTableHeadings(
                planned: columnReader.text("planned", diagnostics: &diagnostics)?.value ?? headings.planned,
                actual: columnReader.text("actual", diagnostics: &diagnostics)?.value ?? headings.actual,
                difference: columnReader.text("difference", diagnostics: &diagnostics)?.value ?? headings.difference,
                rate: columnReader.text("rate", diagnostics: &diagnostics)?.value ?? headings.rate)
        }
        let amountUnit = unit ?? planUnit
        let rows = reader.list("rows", diagnostics: &diagnostics).compactMap {
            row($0, unit: amountUnit, diagnostics: &diagnostics)
        }
        let total = reader.node("total").flatMap { row($0, unit: amountUnit, diagnostics: &diagnostics) }
        if rows.isEmpty, total == nil {
            diagnostics.error(
                at: reader.location, "the money table \"\(title.value)\" has no rows",
                hint: "add rows: with a label and the amounts each row shows, and total: for the 合計 row")
            return nil
        }
        var table = MoneyTable(
            title: title.value, years: years.value, unit: unit, basis: reader.text("basis", diagnostics: &diagnostics)?.value,
            rowHeading: reader.text("row_heading", diagnostics: &diagnostics)?.value ?? "区分", headings: headings,
            rows: rows, total: total, note: reader.text("note", diagnostics: &diagnostics)?.value,
            source: reader.text("source", diagnostics: &diagnostics)?.value, location: reader.location)
        table.asOf = SnapshotDecoder.decode(
            reader, what: "the money table \"\(title.value)\"", years: years.value, diagnostics: &diagnostics)
        if reader.has("bracket") {
            diagnostics.error(
                at: reader.keyLocation("bracket") ?? reader.location,
                "bracket: applies to a money table whose columns: are the report's own (a list)",
                hint: "write the table in the report's layout (columns: [18年度, …]) to transcribe cells of two figures such as 「950（9500）」")
        }
        if reader.has("sign") {
            diagnostics.error(
                at: reader.keyLocation("sign") ?? reader.location,
                "sign: applies to a money table whose columns: are the report's own (a list)",
                hint: "leave sign: out here: 差 and 達成率 are compared with the amounts as written (△ is negative)")
        }
        return table
    }

    static func row(_ node: YAMLNode, unit: MoneyUnit, diagnostics: inout Diagnostics) -> MoneyTableRow? {
        guard let reader = MappingReader(node, what: "a row of a money table", knownKeys: rowKeys, diagnostics: &diagnostics),
            let label = reader.requiredText("label", diagnostics: &diagnostics)
        else { return nil }
        return MoneyTableRow(
            label: label.value,
            planned: amount(reader, "planned", unit: unit, diagnostics: &diagnostics),
            actual: amount(reader, "actual", unit: unit, diagnostics: &diagnostics),
            difference: amount(reader, "difference", unit: unit, diagnostics: &diagnostics),
            rate: rate(reader, "rate", diagnostics: &diagnostics), location: reader.location)
    }

    static func amount(_ reader: MappingReader, _ key: String, unit: MoneyUnit, diagnostics: inout Diagnostics) -> PublishedAmount? {
        guard let raw = reader.text(key, diagnostics: &diagnostics) else { return nil }
        let (body, approximate) = MoneyParser.splitApproximate(raw.value)
        guard let written = MoneyParser.parse(body, location: raw.location) else {
            let twoFigures = raw.value.contains { "（(".contains($0) }
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not an amount of money",
                hint: twoFigures
                    ? "a cell of two figures (「950（9500）」) is read in a money table in the report's own layout: columns: as a list, with bracket: naming the figure in brackets"
                    : "write the amount as the report prints it, e.g. " + MoneyParser.acceptedForms)
            return nil
        }
        guard let money = written.money(defaultUnit: unit) else {
            diagnostics.error(
                at: raw.location, "the amount \"\(raw.value)\" is not a whole number of yen",
                hint: "check the decimals; amounts without a unit are in the table's unit: (\(unit.rawValue))")
            return nil
        }
        var published = PublishedAmount(text: raw.value.trimmingWhitespace(), money: money, location: raw.location)
        published.approximate = approximate
        return published
    }

    /// 「104.4%」, 「104.4％」, 「67.1パーセント」.
    static func rate(_ reader: MappingReader, _ key: String, diagnostics: inout Diagnostics) -> PublishedRate? {
        guard let raw = reader.text(key, diagnostics: &diagnostics) else { return nil }
        return rate(raw, diagnostics: &diagnostics)
    }

    /// A rate written as a value (`未達成: 30.4%`): 「30.4%」, 「30.4％」, 「30.4パーセント」.
    static func rate(_ raw: Located<String>, diagnostics: inout Diagnostics) -> PublishedRate? {
        let text = raw.value.trimmingWhitespace()
        guard let parsed = NumberParser.parse(WidthNormalization.fold(text)),
            ["%", "パーセント"].contains(parsed.suffix.trimmingWhitespace())
        else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a rate in percent",
                hint: "write the rate as the report prints it, with its unit: 104.4%, 67.1パーセント")
            return nil
        }
        return PublishedRate(text: text, percent: parsed.number, location: raw.location)
    }

    static func achievement(_ node: YAMLNode, diagnostics: inout Diagnostics) -> AchievementCount? {
        guard let reader = MappingReader(node, what: "an achievement count", knownKeys: achievementKeys, diagnostics: &diagnostics),
            let title = reader.requiredText("title", diagnostics: &diagnostics)
        else { return nil }
        let years = reader.fiscalYearRange("years", diagnostics: &diagnostics)
        if years == nil, !reader.has("years") {
            diagnostics.error(
                at: reader.location, "the achievement count \"\(title.value)\" has no \"years\"",
                hint: "add the fiscal year or span the count is for, e.g. years: H24～H26")
        }
        let total = reader.count("of", diagnostics: &diagnostics)
        if total == nil, !reader.has("of") {
            diagnostics.error(
                at: reader.location, "the achievement count \"\(title.value)\" has no \"of\"",
                hint: "add the number of items the report counts out of, e.g. of: 20 for 「20項目中」")
        }
        let parts: [AchievementPart] = reader.list("counts", diagnostics: &diagnostics).compactMap { node in
            guard let partReader = MappingReader(node, what: "a count of an achievement count", knownKeys: partKeys, diagnostics: &diagnostics),
                let label = partReader.requiredText("label", diagnostics: &diagnostics)
            else { return nil }
            guard let count = partReader.count("count", diagnostics: &diagnostics) else {
                if !partReader.has("count") {
                    diagnostics.error(
                        at: partReader.location, "the count \"\(label.value)\" has no \"count\"",
                        hint: "add the number of items the report gives, e.g. count: 16")
                }
                return nil
            }
            var part = AchievementPart(
                label: label.value, count: count.value, rate: rate(partReader, "rate", diagnostics: &diagnostics),
                location: partReader.location)
            // Resolved against the plan's scale when the plan is merged.
            part.writtenGrades = partReader.textList("grades", diagnostics: &diagnostics)
            if part.writtenGrades.isEmpty, let node = partReader.node("grades") {
                diagnostics.error(
                    at: node.location, "\"grades\" of the count \"\(label.value)\" names no grade",
                    hint: "list the plan's grades the count counts, e.g. grades: [A, B], or leave grades: out")
            }
            return part
        }
        if parts.isEmpty, !reader.has("counts") {
            diagnostics.error(
                at: reader.location, "the achievement count \"\(title.value)\" has no \"counts\"",
                hint: "add counts: with the report's words and numbers, e.g. - {label: 達成, count: 16, rate: 80%}")
        }
        let asOf = SnapshotDecoder.decode(
            reader, what: "the achievement count \"\(title.value)\"", years: years?.value, diagnostics: &diagnostics)
        guard let years, let total, !parts.isEmpty else { return nil }
        var count = AchievementCount(
            title: title.value, years: years.value, total: total.value,
            noun: reader.text("noun", diagnostics: &diagnostics)?.value ?? "項目", parts: parts,
            note: reader.text("note", diagnostics: &diagnostics)?.value,
            source: reader.text("source", diagnostics: &diagnostics)?.value, location: reader.location)
        count.asOf = asOf
        return count
    }
}
