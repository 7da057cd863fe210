import MierukaDiagnostics
import MierukaModel

/// Reads a plan's index document (`content/<plan>/_index.md`).
enum PlanDecoder {
    static let keys = [
        "city", "publisher_kind", "title", "subtitle", "period", "year_style", "money_unit", "grades", "grade_order", "grade_share", "states", "states_heading", "policy_levels", "policies",
        "declared", "lineage", "matrices", "timelines", "tables", "money_tables", "achievements", "plan_kpis", "revisions", "sources", "summary", "order", "axes", "graded_by", "opinions",
    ]
    static let periodKeys = ["from", "to"]
    static let gradeKeys = ["code", "label", "definition"]
    static let gradeShareKeys = ["grades", "label"]
    static let policyKeys = ["id", "number", "title", "description", "slug", "kpis", "children"]

    /// `start` is the file's first line, where the document itself is reported (the file named
    /// once, in `DocumentParser`, for all the document's locations).
    static func decode(
        _ node: YAMLNode, slug: String, body: String, bodyLine: Int, start: SourceLocation, diagnostics: inout Diagnostics
    ) -> PlanDocument? {
        guard let reader = MappingReader(node, what: "the plan's front matter", knownKeys: keys, diagnostics: &diagnostics)
        else { return nil }
        let city = reader.requiredText("city", diagnostics: &diagnostics)
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        let period = decodePeriod(reader, diagnostics: &diagnostics)
        let yearStyle =
            reader.choice(
                "year_style", FiscalYearStyle.allCases.map { ($0.rawValue, $0) }, diagnostics: &diagnostics) ?? .wareki
        let moneyUnit =
            reader.choice("money_unit", MoneyUnit.allCases.map { ($0.rawValue, $0) }, diagnostics: &diagnostics)
            ?? .thousandYen
        let grades = decodeGrades(reader, diagnostics: &diagnostics)
        let states = decodeGrades(reader, key: "states", what: "a state", diagnostics: &diagnostics)
        let levelNames = reader.textList("policy_levels", diagnostics: &diagnostics).map(\.value)
        let policies = reader.list("policies", diagnostics: &diagnostics).compactMap {
            decodePolicy($0, depth: 0, diagnostics: &diagnostics)
        }
        let declared = reader.list("declared", diagnostics: &diagnostics).compactMap {
            DeclaredDecoder.decode($0, diagnostics: &diagnostics)
        }
        let order = reader.integer("order", diagnostics: &diagnostics)?.value ?? 0
        // Only the plan can say that its scale runs from best to worst; nothing is assumed.
        let ranked = reader.choice("grade_order", [("best_first", true)], diagnostics: &diagnostics) ?? false
        let reported = ReportedDecoder.decode(reader, moneyUnit: moneyUnit, diagnostics: &diagnostics)
        let revisions = RevisionDecoder.decode(reader, diagnostics: &diagnostics)
        let axes = AxisDecoder.decode(reader, diagnostics: &diagnostics)
        let opinions = OpinionDecoder.decode(reader, diagnostics: &diagnostics)
        guard let city, let title, let period else { return nil }
        var document = PlanDocument(
            slug: slug, city: city, title: title, subtitle: reader.text("subtitle", diagnostics: &diagnostics)?.value,
            period: period, yearStyle: yearStyle, moneyUnit: moneyUnit, grades: grades,
            gradeShare: decodeGradeShare(reader, diagnostics: &diagnostics), states: states, levelNames: levelNames,
            policies: policies, declared: declared,
            lineage: PlanExtrasDecoder.lineage(reader.list("lineage", diagnostics: &diagnostics), diagnostics: &diagnostics),
            matrices: PlanExtrasDecoder.matrices(reader.list("matrices", diagnostics: &diagnostics), diagnostics: &diagnostics),
            timelines: PlanExtrasDecoder.timelines(reader.list("timelines", diagnostics: &diagnostics), diagnostics: &diagnostics),
            tables: PlanExtrasDecoder.tables(reader.list("tables", diagnostics: &diagnostics), diagnostics: &diagnostics),
            sources: reader.textList("sources", diagnostics: &diagnostics).map(\.value),
            summary: reader.text("summary", diagnostics: &diagnostics)?.value,
            body: body, bodyLocation: start.at(line: bodyLine, column: 1), order: order, location: start)
        document.gradesRanked = ranked
        document.reported = reported
        document.planKPIs = PlanKPIDecoder.decode(reader, period: period.value, diagnostics: &diagnostics)
        document.publisherKind = decodePublisherKind(reader, city: city, diagnostics: &diagnostics)
        document.revisions = revisions
        document.axes = axes
        document.opinions = opinions
        document.gradedBy = reader.text("graded_by", diagnostics: &diagnostics)
        document.statesHeading = decodeStatesHeading(reader, states: states, diagnostics: &diagnostics)
        return document
    }

    /// `states_heading: 達成状況が確定できないもの`: the report's own heading over its states, which
    /// the pages then say instead of 「評価の対象外」. Only beside `states:`, never empty.
    static func decodeStatesHeading(
        _ reader: MappingReader, states: [GradeDocument], diagnostics: inout Diagnostics
    ) -> Located<String>? {
        guard reader.has("states_heading") else { return nil }
        let location = reader.node("states_heading")?.location ?? reader.location
        guard let heading = reader.text("states_heading", diagnostics: &diagnostics) else {
            if case .scalar = reader.node("states_heading") {
                diagnostics.error(
                    at: location, "\"states_heading\" is empty",
                    hint: "write the report's own heading over its states (e.g. states_heading: 達成状況が確定できないもの), or leave the key out for 「評価の対象外」")
            }
            return nil
        }
        guard !states.isEmpty else {
            diagnostics.error(
                at: location, "\"states_heading\" names the states, but there is no \"states\" beside it",
                hint: "list the states the heading is over under states: (e.g. states: [{code: ③, label: 数値目標が最終年度まで}]), or remove states_heading:")
            return nil
        }
        return heading
    }

    /// `publisher_kind: 広域連合`. Without it, `city:` must end with 市, 町, 村 or 区 for the pages to
    /// name the body (「町の公表値」); otherwise they say 「公表値」 and this warns, at `city:`.
    private static func decodePublisherKind(
        _ reader: MappingReader, city: Located<String>, diagnostics: inout Diagnostics
    ) -> Located<String>? {
        if reader.has("publisher_kind") {
            if let kind = reader.text("publisher_kind", diagnostics: &diagnostics) { return kind }
            if case .scalar = reader.node("publisher_kind") {
                diagnostics.error(
                    at: reader.node("publisher_kind")?.location ?? reader.location, "\"publisher_kind\" is empty",
                    hint: "write the kind of body that publishes the reports, e.g. publisher_kind: 県, or leave the key out")
            }
            return nil
        }
        if Publisher.kind(endingOf: city.value) == nil {
            diagnostics.warning(
                at: city.location,
                "city: 「\(city.value)」 does not end with 市, 町, 村 or 区, so the pages say 「公表値」 without naming who published it",
                hint: "add publisher_kind: with the kind of body, as it calls itself (e.g. publisher_kind: 県 or publisher_kind: 広域連合)")
        }
        return nil
    }

    /// `period: {from: H28, to: R2}`, `period: 2019～2023`, or `period: {from: H28}` when the end is not known.
    private static func decodePeriod(_ reader: MappingReader, diagnostics: inout Diagnostics) -> Located<FiscalYearRange>? {
        guard let node = reader.node("period") else {
            diagnostics.error(
                at: reader.location, "the plan has no \"period\"",
                hint: "add the plan period in fiscal years, e.g. period: {from: 2019, to: 2023}")
            return nil
        }
        if case .scalar = node { return reader.fiscalYearRange("period", diagnostics: &diagnostics) }
        guard let period = MappingReader(node, what: "the plan period", knownKeys: periodKeys, diagnostics: &diagnostics)
        else { return nil }
        guard let from = period.fiscalYear("from", diagnostics: &diagnostics) else {
            if !period.has("from") {
                diagnostics.error(at: period.location, "the plan period has no \"from\"", hint: "add from: (the first fiscal year)")
            }
            return nil
        }
        let to = period.fiscalYear("to", diagnostics: &diagnostics)
        if let to, to.value < from.value {
            diagnostics.error(
                at: to.location, "the plan period ends (\(to.value.year)) before it starts (\(from.value.year))",
                hint: "check from: and to:")
            return nil
        }
        let range = FiscalYearRange(
            from.value, to?.value, firstWritten: period.writtenEraYear("from"), lastWritten: period.writtenEraYear("to"))
        return Located(range, at: period.location)
    }

    /// `grades:` (or `states:`, written the same way).
    static func decodeGrades(
        _ reader: MappingReader, key: String = "grades", what: String = "a grade", diagnostics: inout Diagnostics
    ) -> [GradeDocument] {
        let nodes = reader.list(key, diagnostics: &diagnostics)
        if nodes.isEmpty, !reader.has(key) {
            return []
        }
        return nodes.compactMap { node in
            // 「- 達成」: a word alone, on a scale of words only.
            if case .scalar(let scalar) = node {
                let word = scalar.text.trimmingWhitespace()
                guard !word.isEmpty else {
                    diagnostics.error(at: node.location, "\(what) is empty", hint: "write {code: A, label: 概ね計画どおり}, or the word alone")
                    return nil
                }
                return GradeDocument(code: nil, label: Located(word, at: scalar.location), location: scalar.location)
            }
            guard let grade = MappingReader(node, what: what, knownKeys: gradeKeys, diagnostics: &diagnostics) else {
                return nil
            }
            let code = grade.text("code", diagnostics: &diagnostics)
            let label = grade.text("label", diagnostics: &diagnostics)
            let definition = grade.text("definition", diagnostics: &diagnostics)?.value
            switch (code, label) {
            case let (code, label?):
                var document = GradeDocument(code: code, label: label, location: grade.location)
                document.definition = definition.flatMap { $0.isEmpty ? nil : $0 }
                return document
            case let (code?, nil):
                // Reported, and kept (its code standing for its meaning) so that results and
                // declared counts using it are not also told that the plan has no scale.
                diagnostics.error(
                    at: code.location, "\(what == "a grade" ? "the grade" : "the state") \"\(code.value)\" has no \"label\"",
                    hint: "add what the grade means as the plan writes it, e.g. {code: \(code.value), label: 概ね計画どおり}")
                return GradeDocument(code: code, label: code, location: grade.location)
            case (nil, nil):
                diagnostics.error(
                    at: grade.location, "\(what) has neither \"code\" nor \"label\"",
                    hint: "write {code: A, label: 概ね計画どおり}, or {label: 達成} on a scale of words only")
                return nil
            }
        }
    }

    /// `grade_share: {grades: [A, B], label: 「計画以上」か「概ね計画どおり」}`.
    static func decodeGradeShare(_ reader: MappingReader, diagnostics: inout Diagnostics) -> GradeShareDocument? {
        guard let node = reader.node("grade_share"),
            let share = MappingReader(node, what: "the grade share", knownKeys: gradeShareKeys, diagnostics: &diagnostics)
        else { return nil }
        let grades = share.textList("grades", diagnostics: &diagnostics)
        let label = share.text("label", diagnostics: &diagnostics)
        if grades.isEmpty {
            diagnostics.error(
                at: share.location, "the grade share names no grades",
                hint: "list the grades the city counts together, as its report does, e.g. grades: [A, B]")
            return nil
        }
        if label == nil {
            diagnostics.error(
                at: share.location, "the grade share has no \"label\"",
                hint: "write how the city's report names these grades together, e.g. label: 「計画以上」か「概ね計画どおり」")
            return nil
        }
        return GradeShareDocument(grades: grades, label: label, location: share.location)
    }

    private static func decodePolicy(_ node: YAMLNode, depth: Int, diagnostics: inout Diagnostics) -> PolicyDocument? {
        guard let reader = MappingReader(node, what: "a policy", knownKeys: policyKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let id = reader.requiredText("id", diagnostics: &diagnostics)
        let title = reader.requiredText("title", diagnostics: &diagnostics)
        var children: [PolicyDocument] = []
        let childNodes = reader.list("children", diagnostics: &diagnostics)
        if depth >= 2, let first = childNodes.first {
            diagnostics.error(
                at: first.location, "policies may be nested three levels deep at most",
                hint: "a plan's hierarchy is 基本方針 → 戦略/推進項目 → 取組; items are separate documents")
        } else {
            children = childNodes.compactMap { decodePolicy($0, depth: depth + 1, diagnostics: &diagnostics) }
        }
        let kpis = KPIDecoder.decodeList(reader.list("kpis", diagnostics: &diagnostics), diagnostics: &diagnostics)
        guard let id, let title else { return nil }
        return PolicyDocument(
            id: id, number: reader.text("number", diagnostics: &diagnostics)?.value, title: title.value,
            description: reader.markdown("description", diagnostics: &diagnostics),
            slug: reader.text("slug", diagnostics: &diagnostics), kpis: kpis, children: children,
            location: reader.location)
    }
}
