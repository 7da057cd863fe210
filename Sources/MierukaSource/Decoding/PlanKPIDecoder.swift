import MierukaDiagnostics
import MierukaModel

/// Reads a plan's `plan_kpis:`: tables of the plan's own KPIs (主要目標), every figure as written.
enum PlanKPIDecoder {
    static let tableKeys = ["title", "kpis", "note", "source"]
    static let kpiKeys = ["name", "baseline", "target", "actuals", "rate", "note"]
    static let pointKeys = ["year", "years", "value"]
    static let actualKeys = ["year", "years", "value", "interim_target", "provisional"]
    static let rateKeys = ["label", "value", "year", "years"]

    static func decode(
        _ reader: MappingReader, period: FiscalYearRange?, diagnostics: inout Diagnostics
    ) -> [PlanKPITable] {
        reader.list("plan_kpis", diagnostics: &diagnostics).compactMap { node in
            guard let table = MappingReader(node, what: "a table of plan KPIs", knownKeys: tableKeys, diagnostics: &diagnostics)
            else { return nil }
            let kpis = table.list("kpis", diagnostics: &diagnostics).compactMap {
                kpi($0, period: period, diagnostics: &diagnostics)
            }
            if kpis.isEmpty {
                if !table.has("kpis") {
                    diagnostics.error(
                        at: table.location, "a table of plan KPIs has no \"kpis\"",
                        hint: "add kpis: with each KPI's name, target and actuals as the report prints them")
                }
                return nil
            }
            return PlanKPITable(
                title: table.text("title", diagnostics: &diagnostics)?.value ?? "主要目標", kpis: kpis,
                note: table.text("note", diagnostics: &diagnostics)?.value,
                source: table.text("source", diagnostics: &diagnostics)?.value, location: table.location)
        }
    }

    static func kpi(_ node: YAMLNode, period: FiscalYearRange?, diagnostics: inout Diagnostics) -> PlanKPI? {
        guard let reader = MappingReader(node, what: "a plan KPI", knownKeys: kpiKeys, diagnostics: &diagnostics),
            let name = reader.requiredText("name", diagnostics: &diagnostics)
        else { return nil }
        let what = "the KPI \"\(name.value)\""
        guard let targetNode = reader.node("target") else {
            diagnostics.error(
                at: reader.location, "\(what) has no \"target\"",
                hint: "add the target as written, e.g. target: {year: H22, value: 98パーセント未満}")
            return nil
        }
        guard let target = point(targetNode, what: "the target of \(what)", period: period, diagnostics: &diagnostics)
        else { return nil }
        let baseline = reader.node("baseline").flatMap {
            point($0, what: "the baseline of \(what)", period: period, diagnostics: &diagnostics)
        }
        var seen: [FiscalYearRange: SourceLocation] = [:]
        let actuals: [PlanKPIActual] = reader.list("actuals", diagnostics: &diagnostics).compactMap { node in
            guard let actual = MappingReader(node, what: "an actual of \(what)", knownKeys: actualKeys, diagnostics: &diagnostics),
                let years = years(actual, what: "an actual of \(what)", period: period, diagnostics: &diagnostics),
                let value = actual.requiredText("value", diagnostics: &diagnostics)
            else { return nil }
            if let first = seen[years.value] {
                diagnostics.error(
                    at: years.location, "\(what) has two actuals for the same years",
                    hint: "the first is at \(first); keep one value per year or span")
                return nil
            }
            seen[years.value] = years.location
            // The word (provisional: 見込み) or {label, as_of, note}, as a KPI actual of an item takes it.
            let provisional = KPIDecoder.provisional(actual, diagnostics: &diagnostics)
            // A provisional: that could not be read (reported) never makes the value a confirmed one.
            if provisional == nil, actual.has("provisional") { return nil }
            return PlanKPIActual(
                years: years.value, text: value.value,
                interimTarget: actual.text("interim_target", diagnostics: &diagnostics)?.value,
                provisional: provisional,
                quantity: quantity(value.value))
        }
        var rate: PlanKPIRate? = nil
        if let node = reader.node("rate"),
            let rateReader = MappingReader(node, what: "the published rate of \(what)", knownKeys: rateKeys, diagnostics: &diagnostics)
        {
            if let value = rateReader.requiredText("value", diagnostics: &diagnostics) {
                rate = PlanKPIRate(
                    label: rateReader.text("label", diagnostics: &diagnostics)?.value ?? "達成率", text: value.value,
                    years: years(rateReader, what: "the published rate of \(what)", period: period, required: false, diagnostics: &diagnostics)?.value)
            }
        }
        return PlanKPI(
            name: name.value, baseline: baseline.map { PlanKPIFigure(years: $0.years, text: $0.text) },
            target: target, actuals: actuals.sorted { ($0.years.first, $0.years.last ?? $0.years.first) < ($1.years.first, $1.years.last ?? $1.years.first) },
            publishedRate: rate, note: reader.text("note", diagnostics: &diagnostics)?.value, location: reader.location)
    }

    /// `{year: H22, value: 98パーセント未満}` or the value alone.
    private static func point(
        _ node: YAMLNode, what: String, period: FiscalYearRange?, diagnostics: inout Diagnostics
    ) -> PlanKPITarget? {
        if case .scalar(let scalar) = node {
            let text = scalar.text.trimmingWhitespace()
            guard !text.isEmpty else {
                diagnostics.error(at: scalar.location, "\(what) is empty", hint: "write it as the report prints it")
                return nil
            }
            return PlanKPITarget(years: nil, text: text, bound: bound(text))
        }
        guard let reader = MappingReader(node, what: what, knownKeys: pointKeys, diagnostics: &diagnostics),
            let value = reader.requiredText("value", diagnostics: &diagnostics)
        else { return nil }
        let range = years(reader, what: what, period: period, required: false, diagnostics: &diagnostics)
        return PlanKPITarget(years: range?.value, text: value.value, bound: bound(value.value))
    }

    /// `year: H22` or `years: H20～H22`, inside the plan's period.
    private static func years(
        _ reader: MappingReader, what: String, period: FiscalYearRange?, required: Bool = true, diagnostics: inout Diagnostics
    ) -> Located<FiscalYearRange>? {
        let range = reader.fiscalYearRange("year", diagnostics: &diagnostics) ?? reader.fiscalYearRange("years", diagnostics: &diagnostics)
        guard let range else {
            if required, !reader.has("year"), !reader.has("years") {
                diagnostics.error(
                    at: reader.location, "\(what) has no \"year\"",
                    hint: "add the fiscal year it is for (year: H22), or the span of a cumulative figure (years: H20～H22)")
            }
            return nil
        }
        // A baseline may lie before the plan (基準値 H16); actuals and targets lie inside it.
        if let period, !what.hasPrefix("the baseline"),
            !period.contains(range.value.first) || !(range.value.last.map(period.contains) ?? true)
        {
            diagnostics.error(
                at: range.location, "\(what) is for \(range.value.label(.wareki)), outside the plan period (\(period.label(.wareki)))",
                hint: "check year:, or the plan's period:")
            return nil
        }
        return range
    }

    /// 「98パーセント未満」 → < 98%; nil when the text is not one figure followed by an inequality word.
    static func bound(_ text: String) -> PlanKPIBound? {
        for relation in PlanKPIBound.Relation.allCases where text.hasSuffix(relation.rawValue) {
            guard let limit = quantity(String(text.dropLast(relation.rawValue.count))) else { return nil }
            return PlanKPIBound(relation: relation, limit: limit)
        }
        return nil
    }

    /// One plain figure, read exactly: an amount of money with its unit (「89億9,960万円」), or a
    /// number with its unit (「93.5パーセント」, percent in any spelling); nil for anything else.
    static func quantity(_ raw: String) -> PlanKPIQuantity? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty, !text.contains(where: { "()（）、約".contains($0) }) else { return nil }
        if text.hasSuffix("円") {
            guard let written = MoneyParser.parse(text, location: SourceLocation(file: "", line: 0, column: 0)),
                written.writtenUnit != nil, let money = written.money(defaultUnit: .yen)
            else { return nil }
            return .money(money)
        }
        guard let parsed = NumberParser.parse(WidthNormalization.fold(text)) else { return nil }
        var unit = parsed.suffix.trimmingWhitespace()
        if unit == "パーセント" || unit == "％" { unit = "%" }
        guard !unit.contains(where: { $0.isNumber }) else { return nil }
        return .number(parsed.number, unit: unit)
    }
}
