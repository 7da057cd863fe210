import MierukaDiagnostics
import MierukaModel

/// Reads KPIs, their baseline and target, and yearly actuals.
enum KPIDecoder {
    static let keys = ["id", "name", "unit", "direction", "baseline", "target", "actuals", "note"]
    static let pointKeys = ["year", "years", "value", "text"]
    static let actualKeys = ["year", "value", "text", "grade", "graded_by", "provisional"]
    static let resultActualKeys = ["kpi", "value", "text", "grade", "graded_by", "provisional"]
    static let provisionalKeys = ["label", "as_of", "note"]

    static func decodeList(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [KPIDocument] {
        nodes.compactMap { decode($0, diagnostics: &diagnostics) }
    }

    static func decode(_ node: YAMLNode, diagnostics: inout Diagnostics) -> KPIDocument? {
        guard let reader = MappingReader(node, what: "a KPI", knownKeys: keys, diagnostics: &diagnostics) else {
            return nil
        }
        guard let name = reader.requiredText("name", diagnostics: &diagnostics) else { return nil }
        let direction = reader.choice(
            "direction", [("increase", KPIDirection.increase), ("decrease", .decrease), ("増加", .increase), ("減少", .decrease)],
            diagnostics: &diagnostics)
        let baseline = reader.node("baseline").flatMap { point($0, what: "the KPI's baseline", diagnostics: &diagnostics) }
        let target = reader.node("target").flatMap { point($0, what: "the KPI's target", diagnostics: &diagnostics) }
        let actuals = reader.node("actuals").map { actualsList($0, diagnostics: &diagnostics) } ?? []
        return KPIDocument(
            id: reader.text("id", diagnostics: &diagnostics), name: name,
            unit: reader.text("unit", diagnostics: &diagnostics)?.value ?? "", direction: direction,
            baseline: baseline, target: target, actuals: actuals,
            note: reader.text("note", diagnostics: &diagnostics)?.value, location: reader.location)
    }

    /// `{year: H28, value: 9855}`, `{years: 2020～2024, value: 100}`, or just `9855`.
    static func point(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> KPIPointDocument? {
        if case .scalar(let scalar) = node {
            guard let value = QuantityDecoder.fromScalar(scalar) else { return nil }
            return KPIPointDocument(years: nil, value: value, location: scalar.location)
        }
        guard let reader = MappingReader(node, what: what, knownKeys: pointKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let years = reader.fiscalYearRange("year", diagnostics: &diagnostics)
            ?? reader.fiscalYearRange("years", diagnostics: &diagnostics)
        guard let value = QuantityDecoder.fromReader(reader, diagnostics: &diagnostics) else { return nil }
        return KPIPointDocument(years: years, value: value, location: reader.location)
    }

    /// A list of `{year, value, text, grade}`, or a mapping `{H28: 9855, H29: 9718}`.
    static func actualsList(_ node: YAMLNode, diagnostics: inout Diagnostics) -> [KPIActualDocument] {
        switch node {
        case .sequence(let sequence):
            return sequence.items.compactMap { item in
                guard let reader = MappingReader(item, what: "a KPI actual", knownKeys: actualKeys, diagnostics: &diagnostics)
                else { return nil }
                guard let year = reader.fiscalYear("year", diagnostics: &diagnostics) else {
                    if !reader.has("year") {
                        diagnostics.error(at: reader.location, "a KPI actual has no \"year\"", hint: "add year: (e.g. year: R6)")
                    }
                    return nil
                }
                guard let value = QuantityDecoder.fromReader(reader, diagnostics: &diagnostics) else { return nil }
                let (grade, gradedBy) = gradeAndGrader(reader, diagnostics: &diagnostics)
                var actual = KPIActualDocument(
                    kpi: nil, year: year, value: value, grade: grade, gradedBy: gradedBy, location: reader.location)
                actual.provisional = provisional(reader, diagnostics: &diagnostics)
                // A provisional: that could not be read (reported) never makes the value a confirmed one.
                if actual.provisional == nil, reader.has("provisional") { return nil }
                return actual
            }
        case .mapping(let mapping):
            return mapping.entries.compactMap { entry in
                guard let year = FiscalYearParser.parse(entry.key.text) else {
                    diagnostics.error(
                        at: entry.key.location, "\"\(entry.key.text)\" is not a fiscal year",
                        hint: "in actuals: {H28: 9855}, each key is a year: " + FiscalYearParser.hint(for: entry.key.text))
                    return nil
                }
                guard let value = QuantityDecoder.decode(entry.value, what: "a KPI actual", diagnostics: &diagnostics)
                else { return nil }
                return KPIActualDocument(
                    kpi: nil, year: Located(year, at: entry.key.location), value: value, grade: nil,
                    location: entry.key.location)
            }
        case .scalar:
            diagnostics.error(
                at: node.location, "\"actuals\" should be a list of yearly values",
                hint: "write actuals: {H28: 9855, H29: 9718}, or a list of {year, value}")
            return []
        }
    }

    /// In a result: a list of `{kpi, value, text, grade}`, or a mapping `{visitors: 9718}`.
    static func resultActuals(_ node: YAMLNode, diagnostics: inout Diagnostics) -> [KPIActualDocument] {
        switch node {
        case .sequence(let sequence):
            return sequence.items.compactMap { item in
                guard
                    let reader = MappingReader(
                        item, what: "a KPI actual", knownKeys: resultActualKeys, diagnostics: &diagnostics)
                else { return nil }
                guard let kpi = reader.requiredText("kpi", diagnostics: &diagnostics) else { return nil }
                guard let value = QuantityDecoder.fromReader(reader, diagnostics: &diagnostics) else { return nil }
                let (grade, gradedBy) = gradeAndGrader(reader, diagnostics: &diagnostics)
                var actual = KPIActualDocument(
                    kpi: kpi, year: nil, value: value, grade: grade, gradedBy: gradedBy, location: reader.location)
                actual.provisional = provisional(reader, diagnostics: &diagnostics)
                // A provisional: that could not be read (reported) never makes the value a confirmed one.
                if actual.provisional == nil, reader.has("provisional") { return nil }
                return actual
            }
        case .mapping(let mapping):
            return mapping.entries.compactMap { entry in
                guard let value = QuantityDecoder.decode(entry.value, what: "a KPI actual", diagnostics: &diagnostics)
                else { return nil }
                return KPIActualDocument(
                    kpi: Located(entry.key.text, at: entry.key.location), year: nil, value: value, grade: nil,
                    location: entry.key.location)
            }
        case .scalar:
            diagnostics.error(
                at: node.location, "\"kpis\" in a result should name KPIs and their values",
                hint: "write kpis: {visitors: 9718}, where visitors is the KPI's id (or its name)")
            return []
        }
    }

    /// `provisional: 見込み`, or `provisional: {label: 速報値, as_of: 9月末, note: 10月確定予定}`
    /// (any of the three; the mapping needs one).
    static func provisional(_ reader: MappingReader, diagnostics: inout Diagnostics) -> KPIProvisional? {
        guard let node = reader.node("provisional") else { return nil }
        if case .scalar = node {
            guard let label = reader.text("provisional", diagnostics: &diagnostics) else { return nil }
            return KPIProvisional(label: label.value, asOf: nil, note: nil)
        }
        guard let mapping = MappingReader(node, what: "\"provisional\" of a KPI actual", knownKeys: provisionalKeys, diagnostics: &diagnostics)
        else { return nil }
        let label = mapping.text("label", diagnostics: &diagnostics)?.value
        let asOf = mapping.text("as_of", diagnostics: &diagnostics)?.value
        let note = mapping.text("note", diagnostics: &diagnostics)?.value
        guard label != nil || asOf != nil || note != nil else {
            diagnostics.error(
                at: node.location, "\"provisional\" of a KPI actual says nothing",
                hint: "write the report's word (provisional: 見込み), or {label: 速報値, as_of: 9月末} with the date or point the value stands at")
            return nil
        }
        return KPIProvisional(label: label, asOf: asOf, note: note)
    }

    /// An actual's grade and who gave it; `graded_by:` without a grade is an error at it.
    static func gradeAndGrader(
        _ reader: MappingReader, diagnostics: inout Diagnostics
    ) -> (grade: Located<String>?, gradedBy: Located<String>?) {
        let grade = reader.text("grade", diagnostics: &diagnostics)
        guard let gradedBy = reader.text("graded_by", diagnostics: &diagnostics) else { return (grade, nil) }
        guard grade != nil else {
            diagnostics.error(
                at: gradedBy.location, "a KPI actual says who graded it (\"\(gradedBy.value)\"), but it has no grade",
                hint: "add grade: with the grade that was given, or leave graded_by: out")
            return (grade, nil)
        }
        return (grade, gradedBy)
    }
}
