import MierukaDiagnostics
import MierukaModel

/// Resolves a plan's published tables: policy ids, grade codes and amounts.
struct DeclaredBuilder {
    let grades: GradeScale
    let policies: PolicyResolver
    let moneyUnit: MoneyUnit
    let period: FiscalYearRange
    let yearStyle: FiscalYearStyle
    /// The plan's states (`states:`), for `state_total:`.
    var states = GradeScale([])
    /// The status axis whose published counts these are (its scale is `grades`), named in
    /// messages; nil for the plan's own table.
    var axis: String? = nil

    func build(_ documents: [DeclaredDocument], diagnostics: inout Diagnostics) -> [DeclaredYear] {
        // A year may have one table per point: its end (no as_of:) and each point within it.
        var points: [(year: FiscalYear, asOf: Snapshot?, location: SourceLocation)] = []
        var result: [DeclaredYear] = []
        for document in documents {
            let year = document.year.value
            if let first = points.first(where: { $0.year == year && Snapshot.samePoint($0.asOf, document.asOf) }) {
                let point = document.asOf.map { "at \($0.pointLabel)" } ?? "at the year's end"
                diagnostics.error(
                    at: document.year.location, "two declared tables for \(year.label(yearStyle)) \(point)",
                    hint: "the first is at \(first.location); put all of a point's published numbers in one entry, "
                        + "and give a table at another point of the year its as_of: (as_of: 8月末; none for the year's end)")
                continue
            }
            points.append((year, document.asOf, document.year.location))
            if !period.contains(year) {
                diagnostics.error(
                    at: document.year.location,
                    "\(year.label(yearStyle)) is outside the plan period (\(period.label(yearStyle)))",
                    hint: "check the year, or the plan's period:")
            }
            var rows: [DeclaredGradeRow] = []
            var seenPolicies: [Int: SourceLocation] = [:]
            for row in document.gradeRows {
                guard let policy = policies.resolve(row.policy, diagnostics: &diagnostics),
                    let counts = counts(row.counts, diagnostics: &diagnostics)
                else { continue }
                if let first = seenPolicies[policy] {
                    diagnostics.error(
                        at: row.policy.location, "policy \"\(row.policy.value)\" has two rows in the declared table",
                        hint: "the first is at \(first)")
                    continue
                }
                seenPolicies[policy] = row.policy.location
                rows.append(DeclaredGradeRow(policy: policy, counts: counts, location: row.location))
            }
            let total = document.gradeTotal.flatMap { counts($0, diagnostics: &diagnostics) }
            var effectRows: [DeclaredEffectRow] = []
            for row in document.effectRows {
                guard let policy = policies.resolve(row.policy, diagnostics: &diagnostics) else { continue }
                effectRows.append(
                    DeclaredEffectRow(policy: policy, effect: effect(row.effect, diagnostics: &diagnostics), location: row.location))
            }
            var built =
                DeclaredYear(
                    year: year, listings: document.listings?.value, relisted: document.relisted?.value,
                    gradeRows: rows, gradeTotal: total, effectRows: effectRows,
                    effectTotal: document.effectTotal.map { effect($0, diagnostics: &diagnostics) },
                    effectCumulative: document.effectCumulative.map { effect($0, diagnostics: &diagnostics) },
                    publishedShare: document.publishedShare,
                    source: document.source, highlights: document.highlights, notes: document.notes,
                    location: document.location)
            built.moreEffectTotals = document.moreEffectTotals.map { effect($0, diagnostics: &diagnostics) }
            built.moreEffectCumulatives = document.moreEffectCumulatives.map { effect($0, diagnostics: &diagnostics) }
            built.gradeChange = document.gradeChange.flatMap { counts($0, diagnostics: &diagnostics) }
            if built.gradeChange != nil, let change = document.gradeChange {
                // Placed per grade as the numbers were; any mistake was reported just above.
                var reported = Diagnostics()
                built.gradeChangeWritten = perGrade(change, values: change.texts, diagnostics: &reported)
            }
            rates(document.gradeRates, into: &built, diagnostics: &diagnostics)
            built.asOf = document.asOf
            built.stateTotal = document.stateTotal.flatMap { stateCounts($0, diagnostics: &diagnostics) }
            if let grouping = document.grouping {
                built.grouping = grouping.value
                built.groupRows = groupRows(document.groupRows, diagnostics: &diagnostics)
            }
            result.append(built)
        }
        return result.sorted {
            ($0.year, DeclaredYear.pointOrder($0.asOf)) < ($1.year, DeclaredYear.pointOrder($1.asOf))
        }
    }

    /// The rows of a table published under the report's own grouping, each name once. They are
    /// never resolved to policies: a group named like a policy is still only the report's group.
    private func groupRows(_ written: [DeclaredGroupRowDocument], diagnostics: inout Diagnostics) -> [DeclaredGroupRow] {
        var rows: [DeclaredGroupRow] = []
        var seen: [String: SourceLocation] = [:]
        for row in written {
            guard let counts = counts(row.counts, diagnostics: &diagnostics) else { continue }
            let name = row.group.value
            if let first = seen[name] {
                diagnostics.error(
                    at: row.group.location, "the group \"\(name)\" has two rows in the declared table",
                    hint: "the first is at \(first); give each of the report's rows once")
                continue
            }
            seen[name] = row.group.location
            rows.append(DeclaredGroupRow(name: name, counts: counts, location: row.location))
        }
        return rows
    }

    /// `grade_rates:` (one per grade of the scale, every grade given) and `total_rate:`, beside
    /// published counts only: a rate is shown beside the count it is printed with.
    private func rates(_ written: DeclaredRatesDocument?, into built: inout DeclaredYear, diagnostics: inout Diagnostics) {
        guard let written else { return }
        guard built.hasGradeCounts else {
            diagnostics.error(
                at: written.location, "grade_rates: gives the rates printed beside counts, but the table gives no counts",
                hint: "transcribe the counts they are printed with (grade_total: {未達成: 21, 一部達成: 46, 達成: 2}, or grades: per policy)")
            return
        }
        let codes = DeclaredCountsDocument(counts: written.rates.map { ($0.code, 0) }, location: written.location)
        guard let rates = perGrade(codes, values: written.rates.map(\.rate), what: "rates (grade_rates:)", diagnostics: &diagnostics)
        else { return }
        built.gradeRates = rates
        built.totalRate = written.total
    }

    /// One count per grade of the scale; every grade must be given (0 where the table shows none).
    private func counts(_ written: DeclaredCountsDocument, diagnostics: inout Diagnostics) -> [Int]? {
        perGrade(written, values: written.counts.map(\.count), diagnostics: &diagnostics)
    }

    /// `values` (one per entry of `written`, in its order) placed at their grades' indexes in the
    /// scale, or nil when a code is not a grade or a grade has none.
    private func perGrade<Value>(
        _ written: DeclaredCountsDocument, values: [Value], what: String = "counts", diagnostics: inout Diagnostics
    ) -> [Value]? {
        guard values.count == written.counts.count else { return nil }
        guard !grades.isEmpty else {
            diagnostics.error(
                at: written.location, "declared grade counts, but the plan has no grading scale",
                hint: "add grades: to the plan")
            return nil
        }
        var counts = [Value?](repeating: nil, count: grades.count)
        var ok = true
        for (entry, value) in zip(written.counts, values) {
            guard let index = GradeResolver(grades: grades, axis: axis).resolve(entry.code, diagnostics: &diagnostics) else {
                ok = false
                continue
            }
            counts[index] = value
        }
        let missing = grades.codes.enumerated().filter { counts[$0.offset] == nil }.map(\.element)
        if !missing.isEmpty {
            diagnostics.error(
                at: written.location, "the declared \(what) give no number for \(missing.joined(separator: ", "))",
                hint: "write every grade of the scale, with 0 where the published table shows none")
            ok = false
        }
        return ok ? counts.compactMap { $0 } : nil
    }

    /// One count per state of the plan; a state the report does not count is 0. Every code must be
    /// one of the plan's states (a grade's code is an error: grades go in grade_total:).
    private func stateCounts(_ written: DeclaredCountsDocument, diagnostics: inout Diagnostics) -> [Int]? {
        guard !states.isEmpty else {
            diagnostics.error(
                at: written.location, "declared state counts (state_total:), but the plan has no states",
                hint: "add the states the report uses to the plan's states:, e.g. states: [{code: 完了, label: 22年度に完了}]")
            return nil
        }
        var counts = [Int](repeating: 0, count: states.count)
        var ok = true
        for (code, count) in written.counts {
            guard let index = states.index(of: WidthNormalization.fold(code.value)) else {
                let isGrade = grades.index(of: WidthNormalization.fold(code.value)) != nil
                diagnostics.error(
                    at: code.location, "\"\(code.value)\" is not one of the plan's states (\(states.codes.joined(separator: ", ")))",
                    hint: isGrade
                        ? "\"\(code.value)\" is a grade: write its count in grade_total:"
                        : "use a code of the plan's states:, or add the state there")
                ok = false
                continue
            }
            counts[index] = count
        }
        return ok ? counts : nil
    }

    func effect(_ written: EffectDocument, diagnostics: inout Diagnostics) -> Effect {
        MoneyConverter.effect(written, unit: moneyUnit, diagnostics: &diagnostics)
    }
}

enum MoneyConverter {
    /// An effect as written: amounts in yen, increases with their words, and approximate figures
    /// (「約…」) kept apart with their words, out of the amounts every sum is made from.
    static func effect(_ written: EffectDocument, unit: MoneyUnit, diagnostics: inout Diagnostics) -> Effect {
        let expected = written.expected.flatMap { money($0, unit: unit, diagnostics: &diagnostics) }
        let actual = written.actual.flatMap { money($0, unit: unit, diagnostics: &diagnostics) }
        let expectedWords = written.expected.map { words($0, planUnit: unit) }
        let actualWords = written.actual.map { words($0, planUnit: unit) }
        let expectedApproximate = expectedWords?.approximate.flatMap { text in expected.map { ApproximateAmount(text: text, money: $0) } }
        let actualApproximate = actualWords?.approximate.flatMap { text in actual.map { ApproximateAmount(text: text, money: $0) } }
        var effect = Effect(
            expected: expectedApproximate == nil ? expected : nil, actual: actualApproximate == nil ? actual : nil,
            expectedIncrease: expectedWords?.increase, actualIncrease: actualWords?.increase)
        effect.expectedApproximate = expectedApproximate
        effect.actualApproximate = actualApproximate
        effect.expectedWrittenInPlanUnit = expectedWords?.inPlanUnit ?? false
        effect.actualWrittenInPlanUnit = actualWords?.inPlanUnit ?? false
        effect.kind = written.kind
        return effect
    }

    /// An amount's words as pages show them in a column of the plan's unit: as written, with the
    /// unit a sheet's column header gave it put in when that is not the plan's (「約100」 in a column
    /// 「効果見込額（万円）」 of a plan in 千円 is 「約100万円」), so that no figure is read in a unit it
    /// is not in. `inPlanUnit` says the words have no unit and are in the plan's.
    static func words(
        _ written: MoneyDocument, planUnit: MoneyUnit
    ) -> (approximate: String?, increase: String?, inPlanUnit: Bool) {
        let unitless = written.writtenUnit == nil || written.unitFromHeader
        let inPlanUnit = unitless && (written.writtenUnit ?? planUnit) == planUnit
        guard unitless, !inPlanUnit, let unit = written.writtenUnit else {
            return (written.approximate, written.increase, inPlanUnit)
        }
        return (written.approximate.map(unit.inserted(into:)), written.increase.map(unit.inserted(into:)), false)
    }

    static func money(_ written: MoneyDocument, unit: MoneyUnit, diagnostics: inout Diagnostics) -> Money? {
        if let money = written.money(defaultUnit: unit) { return money }
        diagnostics.error(
            at: written.location, "the amount \(written.amount.formatted(negative: .minus)) is not a whole number of yen",
            hint: "check the decimals; amounts without a unit are in the plan's money_unit (\(unit.rawValue))")
        return nil
    }
}
