import MierukaModel
import MierukaSite

/// Builds the tables that appear on several pages: grade distributions, financial effects,
/// KPIs and effects by year. All counting and summing is done here, none in templates.
struct TableBuilder {
    let index: PlanIndex
    let links: LinkMaker
    /// What the grade tables count, named in their captions: 評価, or a status axis's name (着手状況).
    var subject = "評価"
    /// The kind of chart in chart ids: another for each status axis, so that a page's charts differ.
    var chartKind = "grades"
    /// The point within the year the counted tables stand at (the plan seen at a point, `Plan.at`);
    /// nil for the year's end.
    var point: Snapshot? = nil

    var plan: Plan { index.plan }
    var format: PlanFormatter { PlanFormatter(plan: plan) }

    func policyTitle(_ policy: Int) -> String { plan.policies[policy].numberedTitle }

    func policyURL(_ policy: Int) -> String { links.href(SiteRoutes.policy(plan.slug, plan.policies[policy].slug)) }

    var gradeViews: [GradeView] { plan.grades.grades.indices.compactMap { format.grade($0) } }

    /// 「「計画以上」か「概ね計画どおり」の割合」: the column of the share the plan declares, or nil. No
    /// share is ever shown for grades the city did not name itself.
    var shareHeading: String? {
        plan.gradeShare.map { "\($0.label)の割合" }
    }

    /// The named grades' share of the graded count, one decimal (「83.8%」), or 「—」 when nothing is
    /// graded; nil when the plan names no share.
    func share(_ counts: [Int]) -> String {
        guard let gradeShare = plan.gradeShare else { return "" }
        let graded = counts.reduce(0, +)
        guard graded > 0 else { return "—" }
        return Percentage(ratio: Double(gradeShare.count(in: counts)) / Double(graded))?.formatted() ?? "—"
    }

    /// What the share is of, and who computed it: 「「計画以上」か「概ね計画どおり」の割合は、評価した
    /// 74件（うち再掲0件）のうち A・B の評価の件数が占める割合で、…」.
    /// `relisted`: how many of the graded listings are 再掲, when known; nil when only some of the
    /// plan's 再掲 listings are known to be among them (the note then says how they are counted).
    func shareNote(graded: Int, relisted: Int?, hasRelistings: Bool, from source: String) -> String? {
        guard let gradeShare = plan.gradeShare else { return nil }
        let names = gradeShare.grades.map { plan.grades.grades[$0].shortName }.joined(separator: "・")
        var denominator = "評価した\(format.items(graded))"
        if let relisted, relisted > 0 {
            denominator += "（再掲の\(format.items(relisted))を含む）"
        } else if relisted == nil, hasRelistings {
            denominator += "（再掲の項目は掲載ごとに数えます）"
        }
        return "\(gradeShare.label)の割合は、\(denominator)のうち\(names)の評価の件数が占める割合で、"
            + "Mieruka が\(source)から計算したものです（未評価の項目は含めません）。"
    }

    /// 「2項目（目標年度が未到来 1項目、対象外 1項目）」: listings with a state instead of a grade, or
    /// nil when there are none. `published`: the counts per state are the city's (`state_total:`), so a
    /// total over two or more states is Mieruka's sum of published figures, and says so.
    func outsideText(_ outside: [Int], published: Bool = false) -> String? {
        let total = outside.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = zip(plan.states.grades, outside).filter { $0.1 > 0 }.map { "\($0.0.spelledOut) \(format.items($0.1))" }
        let sum = published && parts.count > 1 ? "。計は公表値の和" : ""
        return "\(format.items(total))（\(parts.joined(separator: "、"))\(sum)）"
    }

    /// 「報告書では評価されているものの、評価が読み取れなかった1項目（保存された写しが…）は、
    /// 未評価にも計にも割合にも含めていません。」: listings the report grades whose grade could not be
    /// read (`grade_unreadable:`), with the transcriber's reasons; nil when there are none.
    func unreadableNote(year: FiscalYear, within policy: Int?) -> String? {
        guard let tally = index.tallies[year] else { return nil }
        let count = policy.map { tally.unreadableCounts[$0] } ?? tally.totalUnreadable
        guard count > 0 else { return nil }
        var reasons: [String] = []
        for item in plan.items {
            guard let reason = item.result(in: year)?.gradeUnreadable, !reasons.contains(reason),
                policy.map({ policy in item.listings.contains { plan.policy($0.policy, isWithin: policy) } }) ?? true
            else { continue }
            reasons.append(reason)
        }
        return "報告書では評価されているものの、評価が読み取れなかった\(format.items(count))（\(reasons.joined(separator: "。"))）は、"
            + "未評価にも計にも割合にも含めていません。"
    }

    /// Listings graded in `year` among the items transcribed.
    func transcribedListings(_ year: FiscalYear) -> Int {
        guard let tally = index.tallies[year] else { return 0 }
        return tally.totalListings - tally.totalUngraded
    }

    /// The plan's grade distribution for a year: the city's published table when the plan declares
    /// one, else the count of the transcribed items. `rows` are policy indices (subtrees).
    /// `counted`: always the table Mieruka counts from the items, even where the year has a
    /// published one (a status axis shows both).
    func gradeTable(
        year: FiscalYear, rows: [Int], rowHeading: String, restrictTo policy: Int? = nil, counted: Bool = false
    ) -> GradeTableView? {
        guard !plan.grades.isEmpty else { return nil }
        if !counted, let declared = plan.declared(in: year), declared.hasGradeCounts {
            let declaredRows = declared.gradeRows.filter { row in
                policy.map { plan.policy(row.policy, isWithin: $0) } ?? true
            }
            if policy == nil, declaredRows.isEmpty, let grouping = declared.grouping, !declared.groupRows.isEmpty {
                // Rows under the report's own grouping (管理区分), headed as the report heads them.
                return declaredTable(
                    declared, rows: [], groups: declared.groupRows, yearLabel: format.year(year, asOf: declared.asOf),
                    rowHeading: grouping, whole: true)
            }
            if policy == nil || !declaredRows.isEmpty {
                return declaredTable(declared, rows: declaredRows, yearLabel: format.year(year, asOf: declared.asOf), rowHeading: rowHeading, whole: policy == nil)
            }
        }
        // A year with results at points within it only (Item.snapshots) has no count of its own.
        guard let tally = index.tallies[year], tally.itemsWithResult > 0 || plan.declared(in: year) != nil else { return nil }
        let distribution = tally.distribution(rows: rows)
        guard distribution.total.total > 0 else { return nil }
        let total: GradeDistribution.Row
        if let policy {
            let own = tally.distribution(rows: [policy]).rows[0]
            total = own
        } else {
            total = distribution.total
        }
        var totalNote: String?
        if total.relisted > 0 {
            totalNote = "計\(format.items(total.total))（うち再掲\(format.items(total.relisted))）"
        }
        let caption = "\(subject)の分布（\(format.year(year, asOf: point))）"
        var derivedNote =
            point.map {
                "この表は、掲載している取組項目の\($0.pointLabel)の評価を Mieruka が数えた集計で、\(plan.publisher.publishedMark)でも年度末の数値でもありません。"
            } ?? "この表は、掲載している取組項目の評価を Mieruka が数えた集計で、\(plan.publisher.publishedMark)ではありません。"
        if let outside = outsideText(total.outside) {
            derivedNote += "\(plan.statesHeading)の\(outside)は、計にも割合にも含めていません。"
        }
        if let unreadable = unreadableNote(year: year, within: policy) {
            derivedNote += unreadable
        }
        let chart = GradeBarChart(
            scope: chartScope(chartKind, year, policy), title: caption, grades: plan.grades.grades, ranked: plan.grades.isRanked,
            rows: distribution.rows.map {
                GradeBarChart.Row(label: $0.policy.map(policyTitle) ?? "計", counts: $0.counts, ungraded: $0.ungraded)
            })
        return GradeTableView(
            caption: caption, isDeclared: false, source: nil, rowHeading: rowHeading,
            grades: gradeViews, hasUngraded: total.ungraded > 0,
            rows: distribution.rows.map { row in
                computedRow(title: row.policy.map(policyTitle) ?? "計", url: row.policy.map(policyURL), row)
            },
            total: computedRow(title: "計", url: nil, total), totalNote: totalNote, coverageNote: nil,
            chartHTML: chart.markup, shareHeading: shareHeading,
            shareNote: shareNote(graded: total.graded, relisted: nil, hasRelistings: total.relisted > 0, from: "各項目の評価"),
            derivedNote: derivedNote,
            // A share the report publishes without its counts is shown here, the year's only table.
            publishedShare: plan.declared(in: year).flatMap { policy == nil && !$0.hasGradeCounts ? publishedShareText($0) : nil })
    }

    /// 「「達成」：4割（4項目）」, with 「（分母：…）」 where the report says what the share is of: the
    /// report's own share, transcribed, or nil when the year publishes none (or the plan names no share).
    func publishedShareText(_ declared: DeclaredYear) -> String? {
        guard let share = plan.gradeShare, let published = declared.publishedShare else { return nil }
        let parts = [published.rate, published.count.map(format.items)].compactMap { $0 }
        var text = "\(share.label)：" + (parts.count == 2 ? "\(parts[0])（\(parts[1])）" : parts[0])
        if let denominator = published.denominator { text += "（分母：\(denominator)）" }
        return text
    }

    /// Where a chart is (plan, kind, year, policy): the seed of its ids, unique on any page.
    func chartScope(_ kind: String, _ year: FiscalYear?, _ policy: Int?) -> String {
        "\(plan.slug)/\(kind)/\(year.map { String($0.year) } ?? "-")/\(policy.map { plan.policies[$0].id } ?? "-")"
    }

    private func computedRow(title: String, url: String?, _ row: GradeDistribution.Row) -> GradeTableRowView {
        GradeTableRowView(
            title: title, url: url,
            counts: row.counts.enumerated().compactMap { offset, count in
                format.grade(offset).map { CountView(value: format.count(count), grade: $0) }
            },
            ungraded: format.count(row.ungraded), total: format.count(row.total), share: share(row.counts))
    }

    /// `groups`: rows under the report's own grouping instead of policies (`rows` is then empty):
    /// shown with their names as published, linked to nothing.
    private func declaredTable(
        _ declared: DeclaredYear, rows: [DeclaredGradeRow], groups: [DeclaredGroupRow] = [], yearLabel: String, rowHeading: String,
        whole: Bool
    ) -> GradeTableView {
        func row(title: String, url: String?, counts: [Int]) -> GradeTableRowView {
            GradeTableRowView(
                title: title, url: url,
                counts: counts.enumerated().compactMap { offset, count in
                    format.grade(offset).map { CountView(value: format.count(count), grade: $0) }
                },
                ungraded: "0", total: format.count(counts.reduce(0, +)), share: share(counts))
        }
        let totals: [Int]
        if whole, let all = declared.gradeTotals {
            totals = all
        } else {
            totals = plan.grades.grades.indices.map { grade in rows.reduce(0) { $0 + $1.counts[grade] } }
        }
        let listings = whole ? (declared.totalListings ?? totals.reduce(0, +)) : totals.reduce(0, +)
        var totalNote = "全\(format.items(listings))"
        if whole, let relisted = declared.relisted, relisted > 0 {
            totalNote += "（うち再掲\(format.items(relisted))）"
        }
        if whole, let states = declared.stateTotal, let outside = outsideText(states, published: true) {
            totalNote += "。うち\(plan.statesHeading)\(outside)は、評価ごとの件数と計に含めていません"
        }
        let transcribed: Int
        if whole {
            transcribed = transcribedListings(declared.year)
        } else {
            let tally = index.tallies[declared.year]
            transcribed = rows.reduce(0) { sum, row in
                sum + (tally.map { $0.listingCounts[row.policy][0..<plan.grades.count].reduce(0, +) } ?? 0)
            }
        }
        let caption = "\(subject)の分布（\(yearLabel)・公表値）"
        // The report's own figure for the share, transcribed, shown beside the computed one.
        let publishedShare = whole ? publishedShareText(declared) : nil
        let chart = GradeBarChart(
            scope: chartScope(chartKind, declared.year, whole ? nil : rows.first.map { plan.policies[$0.policy].parent ?? $0.policy }),
            title: caption, grades: plan.grades.grades, ranked: plan.grades.isRanked,
            rows: rows.map { GradeBarChart.Row(label: policyTitle($0.policy), counts: $0.counts, ungraded: 0) }
                + groups.map { GradeBarChart.Row(label: $0.name, counts: $0.counts, ungraded: 0) })
        var view = GradeTableView(
            caption: caption, isDeclared: true, source: declared.source,
            rowHeading: rowHeading, grades: gradeViews, hasUngraded: false,
            rows: rows.map { row(title: policyTitle($0.policy), url: policyURL($0.policy), counts: $0.counts) }
                + groups.map { row(title: $0.name, url: nil, counts: $0.counts) },
            total: row(title: "計", url: nil, counts: totals), totalNote: totalNote,
            coverageNote: "\(format.items(listings))中\(format.items(transcribed))を掲載", chartHTML: chart.markup,
            shareHeading: shareHeading,
            shareNote: shareNote(
                graded: totals.reduce(0, +), relisted: whole ? declared.relisted : nil,
                hasRelistings: !whole && (declared.relisted ?? 0) > 0, from: "公表された件数"),
            derivedNote: whole && declared.gradeTotal != nil
                ? "計の列は、公表された評価ごとの件数の和です。"
                : "計の列と計の行は、公表された評価ごとの件数の和です。",
            publishedShare: publishedShare)
        view.rateRow = whole ? publishedRatesRow(declared) : nil
        return view
    }

    /// The 割合 the report prints beside every count (`grade_rates:`), as published, under the 計
    /// row: 「割合（市の公表値）」, the 合計's rate (`total_rate:`) in the 計 column, else 「—」.
    func publishedRatesRow(_ declared: DeclaredYear) -> GradeTableRowView? {
        guard let rates = declared.gradeRates else { return nil }
        return GradeTableRowView(
            title: "割合（\(plan.publisher.publishedMark)）", url: nil,
            counts: rates.enumerated().compactMap { offset, rate in
                format.grade(offset).map { CountView(value: rate.text, grade: $0) }
            },
            ungraded: "", total: declared.totalRate?.text ?? "—", share: "")
    }

    static let differenceRule = "差額（実績効果額−効果見込額）と達成率（実績効果額÷効果見込額）は Mieruka の計算です。"

    /// Said under a table whose derived figures count an amount written as an increase.
    static let increaseRule =
        "「…の増」とある額は公表どおりの表記で、支出などが増えた額（効果のマイナス）として、Mieruka の合計・累計・差額・達成率では差し引いています（Mieruka の計算の△は負の額です）。"

    /// Said under a table with an amount written as an approximate figure (「約…」).
    static let approximateRule =
        "「約」の付いた額は、公表どおりの概数です（表記のまま）。Mieruka の合計・累計・差額・達成率には入れず、概数が入るはずの欄は「—」です。"

    /// Said under every effect table of a plan whose amounts name their kind (単年度 / 継続).
    func kindNote(_ kind: EffectKind?) -> String {
        guard index.namesEffectKinds else { return "" }
        let what =
            kind.map { "この表は\($0.label)です（\($0.meaning)）。" }
            ?? "この表は、資料が種類（単年度・継続）を示していない効果額です。"
        return what + Self.kindRule
    }

    /// The rule by which Mieruka keeps the kinds apart.
    static let kindRule =
        "単年度効果額と継続的効果額（と種類の示されていない額）は足し合わせられないため、Mieruka は種類ごとに合計し、種類の異なる額を一つの合計・累計・差額・達成率にしません。"

    /// 「・単年度効果額」 in a caption, in a plan whose amounts name their kind (「・種類の記載なし」
    /// for those that do not); nothing otherwise.
    func kindCaption(_ kind: EffectKind?) -> String {
        guard index.namesEffectKinds else { return "" }
        return "・" + (kind?.label ?? "種類の記載なし")
    }

    /// The year's effect tables, one per kind of the plan's amounts (one table in a plan whose
    /// amounts do not name their kind).
    func effectTables(year: FiscalYear, rows: [Int], rowHeading: String, restrictTo policy: Int? = nil) -> [EffectTableView] {
        index.effectKinds.compactMap { effectTable(year: year, rows: rows, rowHeading: rowHeading, restrictTo: policy, kind: $0) }
    }

    /// Expected against actual effect per policy for a year, of one kind: published when declared,
    /// else computed.
    func effectTable(
        year: FiscalYear, rows: [Int], rowHeading: String, restrictTo policy: Int? = nil, kind: EffectKind? = nil
    ) -> EffectTableView? {
        let yearLabel = format.year(year)
        // The published rows when there are any for these policies; otherwise the items' own sums.
        if let declared = plan.declared(in: year), declared.hasEffects(of: kind),
            case let declaredRows = declared.effectRows(of: kind).filter({ row in
                policy.map { plan.policy(row.policy, isWithin: $0) } ?? true
            }),
            !declaredRows.isEmpty || policy == nil
        {
            var total =
                policy == nil
                ? declared.effectTotals(of: kind)
                : Effect.sum(declaredRows.map(\.effect))
            total?.kind = kind
            var note = Self.differenceRule
            if policy != nil || declared.publishedTotal(of: kind) == nil { note = "合計は公表された額の和です。" + note }
            if declaredRows.contains(where: { $0.effect.hasIncrease }) || total?.hasIncrease == true {
                note += Self.increaseRule
            }
            if declaredRows.contains(where: { $0.effect.hasApproximate }) || total?.hasApproximate == true {
                note += Self.approximateRule
            }
            note += kindNote(kind)
            return EffectTableView(
                caption: "財政効果額（\(format.year(year, asOf: declared.asOf))\(kindCaption(kind))・公表値）", isDeclared: true,
                source: declared.source, rowHeading: rowHeading, unit: plan.moneyUnit.rawValue,
                rows: declaredRows.map {
                    effectRow(title: policyTitle($0.policy), url: policyURL($0.policy), $0.effect)
                },
                total: effectRow(title: "合計", url: nil, total ?? Effect(expected: nil, actual: nil)),
                derivedNote: note)
        }
        guard let tally = index.tallies[year], let sums = tally.effectSums(of: kind) else { return nil }
        let summary = sums.effects(rows: rows)
        guard !summary.isEmpty else { return nil }
        return EffectTableView(
            caption: "財政効果額（\(yearLabel)\(kindCaption(kind))）", isDeclared: false, source: nil, rowHeading: rowHeading,
            unit: plan.moneyUnit.rawValue,
            rows: summary.rows.map {
                effectRow(title: $0.policy.map(policyTitle) ?? "", url: $0.policy.map(policyURL), Effect(expected: $0.expected, actual: $0.actual))
            },
            total: effectRow(title: "合計", url: nil, Effect(expected: summary.total.expected, actual: summary.total.actual)),
            derivedNote: "この表は、掲載している取組項目の効果額を Mieruka が合計した集計で、\(plan.publisher.publishedMark)ではありません。"
                + Self.differenceRule + (sums.includesIncrease ? Self.increaseRule : "")
                + (sums.includesApproximate ? Self.approximateRule : "") + kindNote(kind))
    }

    /// A row of an effect table: amounts written as increases are shown as written.
    private func effectRow(title: String, url: String?, _ effect: Effect) -> EffectRowView {
        let row = EffectSummary.Row(policy: nil, expected: effect.expected, actual: effect.actual)
        return EffectRowView(
            title: title, url: url, expected: format.money(effect.expected, increase: effect.expectedWritten),
            actual: format.money(effect.actual, increase: effect.actualWritten),
            difference: format.money(row.difference), rate: row.rate?.formatted() ?? "—")
    }

    /// The plan's effects year by year, one table per kind of its amounts (none when no year has
    /// amounts): each year the city's published total of that kind when it declares one, else
    /// Mieruka's sum of the items' amounts of that kind.
    func planEffectByYears() -> [EffectByYearView] {
        index.effectKinds.compactMap { planEffectByYear(kind: $0) }
    }

    /// The plan's effects of one kind year by year, or nil when no year has amounts of it.
    func planEffectByYear(kind: EffectKind? = nil) -> EffectByYearView? {
        let entries: [EffectYear] = index.years.compactMap { year in
            // Figures at a point within the year (as_of:) are not the year's: they stay out of the
            // years and of any 累計 (the table then says which years it holds).
            if plan.declared(in: year)?.asOf != nil { return nil }
            let cumulative = plan.declared(in: year)?.publishedCumulative(of: kind)
            if let declared = plan.declared(in: year), let total = declared.effectTotals(of: kind) {
                var entry = EffectYear(year: year, expected: total.expected, actual: total.actual, basis: .published, publishedCumulative: cumulative)
                entry.written = total
                // A total Mieruka added up from the published rows counts their increases.
                entry.includesIncrease = total.hasIncrease || declared.effectRows(of: kind).contains { $0.effect.hasIncrease }
                entry.includesApproximate = total.hasApproximate || declared.effectRows(of: kind).contains { $0.effect.hasApproximate }
                return entry
            }
            guard let sums = index.tallies[year]?.effectSums(of: kind),
                sums.totalExpected != nil || sums.totalActual != nil || sums.includesApproximate
            else {
                return cumulative.map { EffectYear(year: year, expected: nil, actual: nil, basis: .published, publishedCumulative: $0) }
            }
            var entry = EffectYear(year: year, expected: sums.totalExpected, actual: sums.totalActual, basis: .summed, publishedCumulative: cumulative)
            entry.includesIncrease = sums.includesIncrease
            entry.includesApproximate = sums.includesApproximate
            return entry
        }
        return effectByYear(
            entries, caption: "年度別の財政効果額" + kindSuffix(kind), scope: chartScope("effects" + kindScope(kind), nil, nil),
            kind: kind)
    }

    /// 「（単年度効果額）」 after a caption, in a plan whose amounts name their kind.
    func kindSuffix(_ kind: EffectKind?) -> String {
        guard index.namesEffectKinds else { return "" }
        return "（\(kind?.label ?? "種類の記載なし")）"
    }

    /// The kind in chart ids, so that a page's charts of several kinds differ.
    func kindScope(_ kind: EffectKind?) -> String {
        guard index.namesEffectKinds else { return "" }
        return "-" + (kind?.rawValue ?? "unstated")
    }

    /// One year of an effects-by-year table.
    struct EffectYear {
        enum Basis { case published, summed, item }
        let year: FiscalYear
        let expected: Money?
        let actual: Money?
        let basis: Basis
        /// The city's own 累計 up to this year, when it publishes one.
        var publishedCumulative: Effect?
        /// The amounts as published, when they are one published effect (an item's, or the
        /// year's published total): their words are shown for amounts written as increases.
        var written: Effect? = nil
        /// True when the year's amounts count an amount written as an increase (「…の増」).
        var includesIncrease = false
        /// True when an amount of the year is an approximate figure (「約…」), kept out of its sums.
        var includesApproximate = false
    }

    /// The years as a table. A running total (累計) is the city's published one where it gives one;
    /// otherwise Mieruka sums a column only while every fiscal year from the plan's first one has an
    /// amount in it, and shows 「—」 from the first gap on. The 累計 row is shown only when the
    /// years shown run unbroken from the plan's first year.
    func effectByYear(_ entries: [EffectYear], caption: String, scope: String, kind: EffectKind? = nil) -> EffectByYearView? {
        guard !entries.isEmpty else { return nil }
        let first = plan.period.first
        var expectedRun = RunningTotal()
        var actualRun = RunningTotal()
        var yearsUnbroken = true
        var previous: FiscalYear? = nil
        var rows: [EffectYearRowView] = []
        // Each year's label, made once for its row, the chart and the notes.
        let format = self.format
        let yearLabels = entries.map { format.year($0.year) }
        // Each year's amounts in the plan's unit, made once for its row and the chart's bars and
        // text equivalent (each was formatted three times).
        let figures = entries.map { entry in
            (expected: entry.expected.map { format.money($0) }, actual: entry.actual.map { format.money($0) })
        }
        for (offset, entry) in entries.enumerated() {
            // A year missing between the plan's first year (or the previous row) and this one breaks the run.
            // So does a year whose amounts are of another kind than the first's (a published total
            // after a sum of the transcribed items): adding them would mix two different things.
            let expectedYear = previous.map { FiscalYear($0.year + 1) } ?? first
            if entry.year != expectedYear || entry.basis != entries[0].basis {
                yearsUnbroken = false
                expectedRun.breakRun()
                actualRun.breakRun()
            }
            previous = entry.year
            expectedRun.add(entry.expected)
            actualRun.add(entry.actual)
            let published = entry.publishedCumulative
            let row = EffectSummary.Row(policy: nil, expected: entry.expected, actual: entry.actual)
            rows.append(
                EffectYearRowView(
                    year: yearLabels[offset],
                    basis: entry.basis == .published ? "公表値" : entry.basis == .summed ? "集計" : nil,
                    expected: entry.written?.expectedWritten ?? figures[offset].expected ?? "—",
                    actual: entry.written?.actualWritten ?? figures[offset].actual ?? "—",
                    difference: format.money(row.difference),
                    cumulativeExpected: published?.expectedApproximate?.text
                        ?? published?.expected.map { format.money($0, increase: published?.expectedIncrease) }
                        ?? format.money(expectedRun.value),
                    cumulativeActual: published?.actualApproximate?.text
                        ?? published?.actual.map { format.money($0, increase: published?.actualIncrease) }
                        ?? format.money(actualRun.value),
                    cumulativeIsPublished: published?.actual != nil || published?.actualApproximate != nil,
                    rate: row.rate?.formatted() ?? "—"))
        }
        var total: EffectYearRowView? = nil
        if yearsUnbroken {
            let (expected, actual) = (expectedRun.value, actualRun.value)
            let totalRow = EffectSummary.Row(policy: nil, expected: expected, actual: actual)
            let (expectedText, actualText) = (format.money(expected), format.money(actual))
            total = EffectYearRowView(
                year: "累計（\(format.years(FiscalYearRange(first, entries[entries.count - 1].year)))）", basis: "集計",
                expected: expectedText, actual: actualText,
                difference: format.money(totalRow.difference), cumulativeExpected: expectedText,
                cumulativeActual: actualText, cumulativeIsPublished: false,
                rate: totalRow.rate?.formatted() ?? "—")
        }
        // A chart needs more than one year to show a course.
        let chart =
            entries.count > 1
            ? EffectBarChart(
                scope: scope, title: caption, unit: plan.moneyUnit,
                years: entries.indices.map { offset in
                    let entry = entries[offset]
                    return EffectBarChart.Year(
                        label: yearLabels[offset], expected: entry.expected, actual: entry.actual,
                        expectedText: entry.written?.expectedIncrease, actualText: entry.written?.actualIncrease,
                        expectedApproximate: entry.written?.expectedApproximate?.text,
                        actualApproximate: entry.written?.actualApproximate?.text,
                        expectedFigure: figures[offset].expected, actualFigure: figures[offset].actual)
                }).markup
            : nil
        let notes = effectNotes(entries, yearLabels: yearLabels, yearsUnbroken: yearsUnbroken)
        return EffectByYearView(
            caption: caption, unit: plan.moneyUnit.rawValue, rows: rows, total: total, chartHTML: chart,
            yearsNote: notes.years, derivedNote: notes.derived + kindNote(kind))
    }

    /// The notes under a table of effects by year: which years it holds and why Mieruka gives no
    /// 累計 beyond them (when they do not run unbroken from the plan's first year), and by which
    /// rule its derived figures are made.
    private func effectNotes(
        _ entries: [EffectYear], yearLabels: [String], yearsUnbroken: Bool
    ) -> (years: String?, derived: String) {
        let first = plan.period.first
        let hasPublishedCumulative = entries.contains { $0.publishedCumulative != nil }
        var yearsNote: String? = nil
        if !yearsUnbroken {
            let yearList = yearLabels.joined(separator: "・")
            let reason =
                entries.contains { $0.basis != entries[0].basis }
                ? "\(plan.publisher.publishedMark)と Mieruka の集計が混じるため"
                : "計画の初年度（\(format.year(first))）から年度がそろっていないため"
            yearsNote = "この表は\(yearList)の\(entries.count)年度分です。\(reason)、Mieruka はその先の累計を計算していません"
                + (hasPublishedCumulative ? "（\(plan.publisher.subject)公表した累計は、公表値として示しています）。" : "。")
        }
        let rule = "計画の初年度（\(format.year(first))）から欠けずにそろった同じ種類の額を Mieruka が合計したもので、そろわない年度からは「—」です"
        var derived = "累計は、\(rule)。"
        if hasPublishedCumulative { derived = "累計は、「公表値」とある年度は\(plan.publisher.subject)公表した累計、ほかは\(rule)。" }
        if entries.contains(where: { $0.basis == .summed }) {
            derived = "「集計」とある年度は、掲載している取組項目の効果額を Mieruka が合計した額で、\(plan.publisher.publishedMark)ではありません。" + derived
        }
        let increase =
            entries.contains { $0.includesIncrease || $0.written?.hasIncrease == true || $0.publishedCumulative?.hasIncrease == true }
        let approximate = entries.contains {
            $0.includesApproximate || $0.written?.hasApproximate == true || $0.publishedCumulative?.hasApproximate == true
        }
        return (yearsNote, derived + Self.differenceRule + (increase ? Self.increaseRule : "") + (approximate ? Self.approximateRule : ""))
    }

    /// A running total (累計) of one column: nil from the first year without an amount, a break in
    /// the years, or a sum too large to count.
    private struct RunningTotal {
        private var sum: Money?
        private var unbroken = true
        private var overflow = false

        var value: Money? { unbroken && !overflow ? sum : nil }

        mutating func breakRun() { unbroken = false }

        mutating func add(_ amount: Money?) {
            guard unbroken, let amount else {
                unbroken = false
                return
            }
            guard let current = sum else {
                sum = amount
                return
            }
            if let next = current.adding(amount) { sum = next } else { overflow = true }
        }
    }

    /// A table of KPIs with one column per year that has an actual.
    func kpiTable(_ kpis: [KPI], caption: String, scope: String) -> KPITableView? {
        guard !kpis.isEmpty else { return nil }
        let years = Set(kpis.flatMap { $0.actuals.map(\.year) }).sorted()
        // The columns' labels, made once for the heading and the charts (every actual's year is a column).
        let format = self.format
        let yearLabels = years.map { format.year($0) }
        func yearLabel(_ year: FiscalYear) -> String { years.firstIndex(of: year).map { yearLabels[$0] } ?? format.year(year) }
        var hasProgress = false
        // Each KPI's values as shown, made once for its row and its chart (each was made twice).
        let texts = kpis.map { kpi in
            KPITexts(
                baseline: kpi.baseline.map { $0.value.display(unit: kpi.unit) },
                target: kpi.target.map { $0.value.display(unit: kpi.unit) },
                actuals: kpi.actuals.map { $0.value.display(unit: kpi.unit) })
        }
        let rows = kpis.indices.map { index -> KPIRowView in
            let kpi = kpis[index]
            let text = texts[index]
            let latest = kpi.latestNumericActual
            let progress = latest.flatMap { kpi.progress(of: $0) }
            if kpi.baseline?.value.number != nil, kpi.target?.value.number != nil { hasProgress = true }
            return KPIRowView(
                name: kpi.name, unit: kpi.unit, baseline: text.baseline ?? "—",
                baselineYear: format.pointYears(kpi.baseline),
                target: text.target ?? "—", targetYear: format.pointYears(kpi.target),
                change: kpi.plannedChangeText,
                direction: kpi.direction == .decrease ? "減少を目指す指標" : nil,
                cells: years.map { year in
                    let position = kpi.actualIndex(in: year)
                    let actual = position.map { kpi.actuals[$0] }
                    let grade = format.grade(actual?.grade)
                    var cell = KPICellView(
                        value: position.map { text.actuals[$0] } ?? "—", grade: grade,
                        gradedBy: grade == nil ? nil : actual?.gradedBy)
                    cell.provisional = actual?.provisional?.shown
                    return cell
                },
                progress: progress?.formatted() ?? "—",
                progressYear: progress != nil ? latest.map { yearLabel($0.year) } : nil,
                note: kpi.note)
        }
        let charts = kpis.indices.compactMap { index -> KPIChartView? in
            let kpi = kpis[index]
            guard let html = kpiChart(kpi, texts: texts[index], scope: scope + "/" + kpi.id, yearLabel: yearLabel) else {
                return nil
            }
            return KPIChartView(caption: "\(kpi.name)の推移", chartHTML: html)
        }
        var table = KPITableView(
            caption: caption, years: yearLabels, rows: rows, hasProgress: hasProgress, charts: charts)
        table.hasProvisional = kpis.contains { kpi in years.contains { kpi.actual(in: $0)?.provisional != nil } }
        return table
    }

    /// A KPI's values as its row shows them: baseline, target, and each of `KPI.actuals`.
    struct KPITexts {
        let baseline: String?
        let target: String?
        let actuals: [String]
    }

    /// A KPI's numeric actuals against its baseline and target. `texts`: its values as the table
    /// shows them; `yearLabel`: a year as the table labels it.
    func kpiChart(_ kpi: KPI, texts: KPITexts, scope: String, yearLabel: (FiscalYear) -> String) -> [UInt8]? {
        func point(_ point: KPIPoint?, text: String?) -> KPILineChart.Point? {
            guard let point, let text, let number = point.value.number else { return nil }
            let year = point.years.map { $0.last ?? $0.first }
            return KPILineChart.Point(year: year?.year, yearLabel: year.map(yearLabel), value: number.doubleValue, text: text)
        }
        // One value a year as the table shows it; a provisional one says so in its words.
        let actuals = kpi.shownActualIndices.compactMap { position -> KPILineChart.Point? in
            let actual = kpi.actuals[position]
            guard let number = actual.value.number else { return nil }
            return KPILineChart.Point(
                year: actual.year.year, yearLabel: yearLabel(actual.year), value: number.doubleValue,
                text: texts.actuals[position] + (actual.provisional.map { "（\($0.label ?? "確定前")）" } ?? ""))
        }
        return KPILineChart(
            scope: scope, title: "\(kpi.name)の推移", baseline: point(kpi.baseline, text: texts.baseline),
            target: point(kpi.target, text: texts.target), actuals: actuals
        ).markup
    }
}
