import MierukaDiagnostics
import MierukaModel

/// Reads a plan's published tables (`declared:`), the numbers a city publishes without every item.
enum DeclaredDecoder {
    static let keys = [
        "year", "as_of", "listings", "relisted", "grades", "grade_total", "state_total", "grade_change", "effects", "effect_total", "effect_cumulative", "grade_share", "grade_rates", "total_rate", "source",
        "highlights", "axes", "grouped_by", "groups",
        "notes",
    ]
    static let gradeRowKeys = ["policy", "counts"]
    static let groupRowKeys = ["group", "counts"]
    static let effectRowKeys = ["policy", "expected", "actual", "kind"]
    static let shareKeys = ["rate", "count", "denominator"]
    static let axisKeys = ["axis", "grades", "grade_total", "grade_share", "grade_change", "grade_rates", "total_rate"]

    static func decode(_ node: YAMLNode, diagnostics: inout Diagnostics) -> DeclaredDocument? {
        guard let reader = MappingReader(node, what: "a declared table", knownKeys: keys, diagnostics: &diagnostics)
        else { return nil }
        guard let year = reader.fiscalYear("year", diagnostics: &diagnostics) else {
            if !reader.has("year") {
                diagnostics.error(
                    at: reader.location, "a declared table has no \"year\"",
                    hint: "add the fiscal year the published numbers are for, e.g. year: 平成29年度")
            }
            return nil
        }
        let gradeRows = decodeGradeRows(reader.list("grades", diagnostics: &diagnostics), diagnostics: &diagnostics)
        let gradeTotal = reader.node("grade_total").flatMap { decodeCounts($0, diagnostics: &diagnostics) }
        let axes: [DeclaredAxisDocument] = reader.list("axes", diagnostics: &diagnostics).compactMap { node in
            guard
                let axis = MappingReader(
                    node, what: "published counts on a status axis", knownKeys: axisKeys, diagnostics: &diagnostics),
                let name = axis.requiredText("axis", diagnostics: &diagnostics)
            else { return nil }
            let rows = decodeGradeRows(axis.list("grades", diagnostics: &diagnostics), diagnostics: &diagnostics)
            let total = axis.node("grade_total").flatMap { decodeCounts($0, diagnostics: &diagnostics) }
            let share = decodeShare(axis, diagnostics: &diagnostics)
            let change = axis.node("grade_change").flatMap { decodeCounts($0, signed: true, diagnostics: &diagnostics) }
            guard !rows.isEmpty || total != nil || share != nil || change != nil else {
                if !axis.has("grade_share"), !axis.has("grade_change") {
                    diagnostics.error(
                        at: axis.location, "the published counts on the status axis \"\(name.value)\" give no counts",
                        hint: "transcribe the report's table: grades: (a row per policy) and/or grade_total: {未着手: 1, 取組中: 4, 完了: 5}, or its grade_share: or grade_change:")
                }
                return nil
            }
            var document = DeclaredAxisDocument(axis: name, gradeRows: rows, gradeTotal: total, location: axis.location)
            document.publishedShare = share
            document.gradeChange = change
            document.gradeRates = decodeRates(axis, diagnostics: &diagnostics)
            return document
        }
        let effectRows: [DeclaredEffectRowDocument] = reader.list("effects", diagnostics: &diagnostics).compactMap { row in
            guard let rowReader = MappingReader(row, what: "a row of declared effects", knownKeys: effectRowKeys, diagnostics: &diagnostics),
                let policy = rowReader.requiredText("policy", diagnostics: &diagnostics)
            else { return nil }
            let expected = rowReader.effectMoney("expected", diagnostics: &diagnostics)
            let actual = rowReader.effectMoney("actual", diagnostics: &diagnostics)
            var effect = EffectDocument(expected: expected, actual: actual, location: rowReader.location)
            effect.kind = rowReader.effectKind("kind", diagnostics: &diagnostics)
            return DeclaredEffectRowDocument(policy: policy, effect: effect, location: rowReader.location)
        }
        let effectTotals = reader.node("effect_total").map {
            ResultDecoder.effects($0, key: "effect_total", diagnostics: &diagnostics)
        } ?? []
        let effectCumulatives = reader.node("effect_cumulative").map {
            ResultDecoder.effects($0, key: "effect_cumulative", diagnostics: &diagnostics)
        } ?? []
        let effectTotal = effectTotals.first
        let effectCumulative = effectCumulatives.first
        let publishedShare = decodeShare(reader, diagnostics: &diagnostics)
        var document = DeclaredDocument(
            year: year, listings: reader.count("listings", diagnostics: &diagnostics),
            relisted: reader.count("relisted", diagnostics: &diagnostics), gradeRows: gradeRows, gradeTotal: gradeTotal,
            effectRows: effectRows, effectTotal: effectTotal, effectCumulative: effectCumulative, publishedShare: publishedShare, source: reader.text("source", diagnostics: &diagnostics)?.value,
            highlights: PlanExtrasDecoder.highlights(reader.list("highlights", diagnostics: &diagnostics), diagnostics: &diagnostics),
            notes: reader.markdown("notes", diagnostics: &diagnostics), location: reader.location)
        document.asOf = SnapshotDecoder.decode(
            reader, what: "the declared table for \(year.value.year)", years: FiscalYearRange(year.value, year.value),
            diagnostics: &diagnostics)
        document.gradeChange = reader.node("grade_change").flatMap { decodeCounts($0, signed: true, diagnostics: &diagnostics) }
        document.stateTotal = reader.node("state_total").flatMap { decodeCounts($0, diagnostics: &diagnostics) }
        document.axes = axes
        document.gradeRates = decodeRates(reader, diagnostics: &diagnostics)
        document.moreEffectTotals = Array(effectTotals.dropFirst())
        document.moreEffectCumulatives = Array(effectCumulatives.dropFirst())
        decodeGroups(reader, into: &document, diagnostics: &diagnostics)
        return document
    }

    /// Counts published under the report's own grouping rather than the plan's policies
    /// (相模原市's 管理区分): `grouped_by: 管理区分` and `groups: [{group: 局管理項目, counts: {…}}]`.
    private static func decodeGroups(_ reader: MappingReader, into document: inout DeclaredDocument, diagnostics: inout Diagnostics) {
        let grouping = reader.text("grouped_by", diagnostics: &diagnostics)
        let groupsNode = reader.node("groups")
        let rows: [DeclaredGroupRowDocument] = reader.list("groups", diagnostics: &diagnostics).compactMap { row in
            guard let rowReader = MappingReader(row, what: "a row of published counts per group", knownKeys: groupRowKeys, diagnostics: &diagnostics),
                let group = rowReader.requiredText("group", diagnostics: &diagnostics)
            else { return nil }
            guard let countsNode = rowReader.node("counts") else {
                diagnostics.error(
                    at: rowReader.location, "the row \"\(group.value)\" of the published counts per group has no \"counts\"",
                    hint: "add the row's counts per grade as the report prints them, e.g. counts: {A: 37, B: 14, C: 4, D: 0}")
                return nil
            }
            guard let counts = decodeCounts(countsNode, diagnostics: &diagnostics) else { return nil }
            return DeclaredGroupRowDocument(group: group, counts: counts, location: rowReader.location)
        }
        if let groupsNode {
            if grouping == nil {
                diagnostics.error(
                    at: groupsNode.location, "published counts per group (groups:), but the table does not say what its groups are",
                    hint: "add grouped_by: with the heading the report gives its rows, e.g. grouped_by: 管理区分")
            } else if !document.gradeRows.isEmpty {
                diagnostics.error(
                    at: groupsNode.location, "the declared table gives its rows both per policy (grades:) and per group (groups:)",
                    hint: "give one kind of rows per year: grades: when the rows are the plan's policies, groups: when they are the report's own grouping; a second published table can go in the plan's tables:")
            } else if !rows.isEmpty {
                document.grouping = grouping
                document.groupRows = rows
                document.groupsLocation = groupsNode.location
            }
        } else if let grouping {
            diagnostics.error(
                at: grouping.location, "grouped_by: \"\(grouping.value)\" names a grouping, but the table has no groups:",
                hint: "add the published rows, e.g. groups: [{group: 局管理項目, counts: {A: 37, B: 14, C: 4, D: 0}}], or remove grouped_by:")
        }
    }

    /// A share of named grades as the report publishes it (`grade_share: {rate: 8割程度, count: 62}`),
    /// with what it is a share of where the report says (`denominator: 目標年度を迎えた12項目`).
    private static func decodeShare(_ reader: MappingReader, diagnostics: inout Diagnostics) -> PublishedShare? {
        guard let node = reader.node("grade_share"),
            let share = MappingReader(node, what: "a published share", knownKeys: shareKeys, diagnostics: &diagnostics)
        else { return nil }
        let rate = share.text("rate", diagnostics: &diagnostics)?.value
        let count = share.count("count", diagnostics: &diagnostics)?.value
        guard rate != nil || count != nil else {
            diagnostics.error(
                at: share.location, "a published share has neither \"rate\" nor \"count\"",
                hint: "transcribe what the report gives, e.g. {rate: 8割程度, count: 62}")
            return nil
        }
        var published = PublishedShare(rate: rate, count: count, location: share.location)
        published.denominator = share.text("denominator", diagnostics: &diagnostics)?.value
        return published
    }

    /// The 割合 printed beside every count: `grade_rates: {未達成: 30.4%, 一部達成: 66.7%, 達成: 2.9%}`
    /// and, beside the 合計, `total_rate: 100%`, each as the report prints it.
    private static func decodeRates(_ reader: MappingReader, diagnostics: inout Diagnostics) -> DeclaredRatesDocument? {
        let total = ReportedDecoder.rate(reader, "total_rate", diagnostics: &diagnostics)
        guard let node = reader.node("grade_rates") else {
            if reader.has("total_rate") {
                diagnostics.error(
                    at: reader.node("total_rate")?.location ?? reader.location, "total_rate: is given without grade_rates:",
                    hint: "transcribe the rate printed beside each grade's count too, e.g. grade_rates: {未達成: 30.4%, 一部達成: 66.7%, 達成: 2.9%}")
            }
            return nil
        }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                at: node.location, "grade_rates: should map grades to rates, but is \(node.kindDescription)",
                hint: "write grade_rates: {未達成: 30.4%, 一部達成: 66.7%, 達成: 2.9%}, each rate as printed")
            return nil
        }
        var rates: [(code: Located<String>, rate: PublishedRate)] = []
        for entry in mapping.entries {
            let (key, value) = (entry.key, entry.value)
            guard case .scalar(let scalar) = value, !scalar.isNull else {
                diagnostics.error(
                    at: value.location, "the rate for grade \"\(key.text)\" is not a rate in percent",
                    hint: "write it as the report prints it, with its unit: 30.4%")
                continue
            }
            guard let rate = ReportedDecoder.rate(Located(scalar.text, at: scalar.location), diagnostics: &diagnostics)
            else { continue }
            rates.append((Located(key.text, at: key.location), rate))
        }
        return DeclaredRatesDocument(rates: rates, total: total, location: mapping.location)
    }

    /// Rows of published counts per policy: `- {policy: "1", counts: {A: 3, B: 15}}`.
    private static func decodeGradeRows(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [DeclaredGradeRowDocument] {
        nodes.compactMap { row in
            guard let rowReader = MappingReader(row, what: "a row of declared grades", knownKeys: gradeRowKeys, diagnostics: &diagnostics),
                let policy = rowReader.requiredText("policy", diagnostics: &diagnostics)
            else { return nil }
            guard let countsNode = rowReader.node("counts") else {
                diagnostics.error(
                    at: rowReader.location, "a row of declared grades has no \"counts\"",
                    hint: "add counts per grade, e.g. counts: {S: 1, A: 4, B: 2}")
                return nil
            }
            guard let counts = decodeCounts(countsNode, diagnostics: &diagnostics) else { return nil }
            return DeclaredGradeRowDocument(policy: policy, counts: counts, location: rowReader.location)
        }
    }

    /// `{S: 1, A: 4, B: 2}`: grade codes and counts, in the order written.
    /// `signed`: 増減, written as the reports print them (`▲22`, `△1`, `-1`, `+3`, `0`).
    private static func decodeCounts(_ node: YAMLNode, signed: Bool = false, diagnostics: inout Diagnostics) -> DeclaredCountsDocument? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                at: node.location, "counts should map grades to numbers, but are \(node.kindDescription)",
                hint: "write counts: {S: 1, A: 4, B: 2}")
            return nil
        }
        var counts: [(code: Located<String>, count: Int)] = []
        var texts: [String] = []
        for entry in mapping.entries {
            let (key, value) = (entry.key, entry.value)
            if signed {
                guard case .scalar(let scalar) = value, let parsed = NumberParser.parse(scalar.text),
                    parsed.number.scale == 0, ["", "項目", "件"].contains(parsed.suffix),
                    let change = Int(exactly: parsed.number.units)
                else {
                    diagnostics.error(
                        at: value.location, "the 増減 for grade \"\(key.text)\" is not a whole number",
                        hint: "write it as the report prints it: 3, +3, ▲2 or △2 (a decrease), 0")
                    continue
                }
                counts.append((Located(key.text, at: key.location), change))
                texts.append(scalar.text.trimmingWhitespace())
                continue
            }
            guard case .scalar(let scalar) = value, let count = NumberParser.parseCount(scalar.text) else {
                diagnostics.error(
                    at: value.location, "the count for grade \"\(key.text)\" is not a whole number",
                    hint: "write a number such as 4 (0 where the table shows none)")
                continue
            }
            counts.append((Located(key.text, at: key.location), count))
        }
        var document = DeclaredCountsDocument(counts: counts, location: mapping.location)
        document.texts = texts
        return document
    }
}
