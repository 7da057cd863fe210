import MierukaDiagnostics
import MierukaModel

/// Reads yearly results: in an item's `results:` (with `year`) or in a seeds/ file (with `item`).
enum ResultDecoder {
    static let itemResultKeys =
        ["year", "as_of", "grade", "progress", "factors", "next_steps", "kpis", "effect", "subitems", "axes", "graded_by", "grade_unreadable", "previous_grade"]
        + GradeCompositionDecoder.keys
    static let seedResultKeys =
        ["item", "grade", "progress", "factors", "next_steps", "kpis", "effect", "subitems", "axes", "graded_by", "grade_unreadable", "previous_grade"]
        + GradeCompositionDecoder.keys
    static let effectKeys = ["expected", "actual", "kind"]
    static let fileKeys = ["plan", "year", "as_of", "results"]

    /// A result inside an item's front matter.
    static func decodeInItem(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ResultDocument? {
        guard let reader = MappingReader(node, what: "a result", knownKeys: itemResultKeys, diagnostics: &diagnostics)
        else { return nil }
        guard let year = reader.fiscalYear("year", diagnostics: &diagnostics) else {
            if !reader.has("year") {
                diagnostics.error(at: reader.location, "a result has no \"year\"", hint: "add year: (e.g. year: 平成29年度)")
            }
            return nil
        }
        var document = fields(reader, item: nil, year: year, diagnostics: &diagnostics)
        document.asOf = SnapshotDecoder.decode(
            reader, what: "a result", years: FiscalYearRange(year.value, year.value),
            diagnostics: &diagnostics)
        // A point that could not be read: the result is not taken as the year's end's.
        if document.asOf == nil, reader.has("as_of") { return nil }
        return document
    }

    /// A result inside a seeds/ file.
    static func decodeInSeeds(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ResultDocument? {
        guard let reader = MappingReader(node, what: "a result", knownKeys: seedResultKeys, diagnostics: &diagnostics)
        else { return nil }
        guard let item = reader.requiredText("item", diagnostics: &diagnostics) else { return nil }
        return fields(reader, item: item, year: nil, diagnostics: &diagnostics)
    }

    private static func fields(
        _ reader: MappingReader, item: Located<String>?, year: Located<FiscalYear>?, diagnostics: inout Diagnostics
    ) -> ResultDocument {
        // One amount, or a list of them, one per kind (単年度 and 継続 of one item in one year).
        let effects = reader.node("effect").map { self.effects($0, key: "effect", within: "one result", diagnostics: &diagnostics) } ?? []
        if effects.count > 1, let unnamed = effects.first(where: { $0.kind == nil }) {
            diagnostics.error(
                at: unnamed.location, "the result gives amounts of several kinds, but this one says no kind",
                hint: "give each entry of effect: its kind (kind: 単年度 or kind: 継続), as the report names its amounts")
        }
        var document = ResultDocument(
            item: item, year: year, grade: reader.text("grade", diagnostics: &diagnostics),
            progress: reader.markdown("progress", diagnostics: &diagnostics),
            factors: reader.markdown("factors", diagnostics: &diagnostics),
            nextSteps: reader.markdown("next_steps", diagnostics: &diagnostics),
            kpiActuals: reader.node("kpis").map { KPIDecoder.resultActuals($0, diagnostics: &diagnostics) } ?? [],
            effect: effects.first, location: reader.location)
        document.moreEffects = Array(effects.dropFirst())
        document.subitems = SubItemDecoder.decodeResults(reader.list("subitems", diagnostics: &diagnostics), diagnostics: &diagnostics)
        document.axes = reader.node("axes").map { AxisDecoder.values($0, diagnostics: &diagnostics) } ?? []
        document.gradedBy = reader.text("graded_by", diagnostics: &diagnostics)
        document.previousGrade = reader.text("previous_grade", diagnostics: &diagnostics)
        document.composition = GradeCompositionDecoder.decode(reader, diagnostics: &diagnostics)
        if let gradedBy = document.gradedBy, document.grade == nil {
            diagnostics.error(
                at: gradedBy.location, "the result says who graded (\(gradedBy.value)), but gives no grade",
                hint: "add the grade: it was given by, or take graded_by: out (an axis's grader goes with its value: axes: {名前: {grade: B, graded_by: …}})")
        }
        if let key = reader.keyLocation("grade_unreadable") {
            let reason = reader.text("grade_unreadable", diagnostics: &diagnostics)
            if let grade = document.grade {
                diagnostics.error(
                    at: key, "the result gives the grade \"\(grade.value)\" and says it could not be read (grade_unreadable:)",
                    hint: "keep grade: when the report's grade was read, or grade_unreadable: with why it could not be")
            } else if let reason {
                document.gradeUnreadable = reason
            } else if reader.node("grade_unreadable").map({ if case .scalar = $0 { true } else { false } }) ?? true {
                // Empty, or only spaces (a value of another kind has had its own error).
                diagnostics.error(
                    at: key, "grade_unreadable: gives no reason",
                    hint: "say in your words why the report's grade could not be read, e.g. grade_unreadable: 保存された写しが表の途中で切れていて、評価の欄が読めない")
            }
        }
        return document
    }

    static func effect(_ node: YAMLNode, diagnostics: inout Diagnostics) -> EffectDocument? {
        guard let reader = MappingReader(node, what: "an effect", knownKeys: effectKeys, diagnostics: &diagnostics)
        else { return nil }
        let expected = reader.effectMoney("expected", diagnostics: &diagnostics)
        let actual = reader.effectMoney("actual", diagnostics: &diagnostics)
        let kind = reader.effectKind("kind", diagnostics: &diagnostics)
        guard expected != nil || actual != nil else {
            if kind != nil, !reader.has("expected"), !reader.has("actual") {
                diagnostics.error(
                    at: reader.location, "the effect says its kind (kind: \(kind?.word ?? "")) but gives no amount",
                    hint: "add expected: and/or actual: with the amounts the report gives, or leave the effect out")
            }
            return nil
        }
        var document = EffectDocument(expected: expected, actual: actual, location: reader.location)
        document.kind = kind
        return document
    }

    /// `effect_total:` or `effect_cumulative:` of a declared year, or a result's `effect:`: one
    /// effect, or a list of them, one per kind (単年度 / 継続) when the report gives an amount of each.
    /// Two of one kind (or two that do not say their kind) are an error at the second.
    static func effects(
        _ node: YAMLNode, key: String, within: String = "one declared year", diagnostics: inout Diagnostics
    ) -> [EffectDocument] {
        guard case .sequence(let sequence) = node else {
            return effect(node, diagnostics: &diagnostics).map { [$0] } ?? []
        }
        var effects: [EffectDocument] = []
        for item in sequence.items {
            guard let effect = effect(item, diagnostics: &diagnostics) else { continue }
            if let first = effects.first(where: { $0.kind == effect.kind }) {
                let which = effect.kind.map { "of the kind \($0.word)" } ?? "without kind:"
                diagnostics.error(
                    at: effect.location, "two \(key) entries \(which) in \(within)",
                    hint: "the first is at \(first.location); give one entry per kind (kind: 単年度, kind: 継続), as the report prints its \(key == "effect" ? "amounts" : "totals")")
                continue
            }
            effects.append(effect)
        }
        return effects
    }

    /// A whole seeds/ file: `plan`, `year`, `results`.
    static func decodeFile(_ node: YAMLNode, file: String, diagnostics: inout Diagnostics) -> ResultsDocument? {
        guard let reader = MappingReader(node, what: "a results file", knownKeys: fileKeys, diagnostics: &diagnostics)
        else { return nil }
        let plan = reader.requiredText("plan", diagnostics: &diagnostics)
        let year = reader.fiscalYear("year", diagnostics: &diagnostics)
        if year == nil, !reader.has("year") {
            diagnostics.error(
                at: reader.location, "a results file has no \"year\"",
                hint: "add year: (the fiscal year these results are for, e.g. year: 平成29年度)")
        }
        let results = reader.list("results", diagnostics: &diagnostics).compactMap {
            decodeInSeeds($0, diagnostics: &diagnostics)
        }
        guard let plan, let year else { return nil }
        // Every result of the file stands at the file's point in the year (as_of: 8月末), if it names one.
        let asOf = SnapshotDecoder.decode(
            reader, what: "the results file", years: FiscalYearRange(year.value, year.value), diagnostics: &diagnostics)
        // A point that could not be read: the results are not taken as the year's end's.
        if asOf == nil, reader.has("as_of") { return nil }
        var document = ResultsDocument(
            plan: plan, year: year, results: results.map { var result = $0; result.asOf = asOf; return result },
            location: SourceLocation(file: file))
        document.asOf = asOf
        return document
    }
}
