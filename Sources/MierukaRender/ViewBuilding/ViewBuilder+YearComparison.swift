import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// A year's grade counts for the whole plan and whose they are: the city's published table, or
    /// Mieruka's count of the transcribed items; nil when the year has no grades.
    struct YearGradeCounts {
        let counts: [Int]
        let isPublished: Bool
        let outside: [Int]
        /// `outside` is the report's own count per state (`state_total:`), not the items'.
        var outsideIsPublished = false
        /// The point within the year the published counts stand at (nil: the year's end).
        var asOf: Snapshot? = nil
        /// Published counts given only in rows (per policy or 管理区分) with no total row: the
        /// plan's counts per grade are then Mieruka's sum of the published rows.
        var isSumOfRows = false

        /// 「公表値」, 「公表値の和」 or 「集計」: whose counts these are, as said in the table's headings.
        var basis: String { isPublished ? (isSumOfRows ? "公表値の和" : "公表値") : "集計" }
    }

    /// `point`: the point of the counts to compare with; the year's table at that point when it has
    /// one (like with like), else the year's own.
    func gradeCounts(_ planIndex: PlanIndex, _ year: FiscalYear, at point: Snapshot? = nil) -> YearGradeCounts? {
        let plan = planIndex.plan
        let outside = planIndex.tallies[year]?.totalOutside ?? []
        let atPoint = point.flatMap { plan.declared(in: year, at: $0) }.flatMap { $0.hasGradeCounts ? $0 : nil }
        if let declared = atPoint ?? plan.declared(in: year), declared.hasGradeCounts, let totals = declared.gradeTotals {
            // The report's own count of listings in a state, when it publishes one.
            return YearGradeCounts(
                counts: totals, isPublished: true, outside: declared.stateTotal ?? outside,
                outsideIsPublished: declared.stateTotal != nil, asOf: declared.asOf,
                isSumOfRows: declared.gradeTotal == nil && declared.rowCounts.count > 1)
        }
        guard let tally = planIndex.tallies[year], tally.totalGraded > 0 else { return nil }
        return YearGradeCounts(counts: Array(tally.totalCounts[0..<plan.grades.count]), isPublished: false, outside: outside)
    }

    /// 「上がった」, 「下がった」, 「変わった」, 「変わらない」.
    static func changeWord(_ direction: YearComparison.Direction) -> String {
        switch direction {
        case .rose: "上がった"
        case .fell: "下がった"
        case .changed: "変わった"
        case .same: "変わらない"
        }
    }

    /// 「+2」, 「△1」, 「0」: a difference of counts, △ for a decrease as the cities write it.
    static func signed(_ value: Int) -> String {
        value > 0 ? "+\(NumberGrouping.format(value))" : value < 0 ? "△\(NumberGrouping.format(-value))" : "0"
    }

    func gradeOrState(_ plan: Plan, grade: Int?, state: Int?) -> GradeOrStateView {
        let format = PlanFormatter(plan: plan)
        return GradeOrStateView(
            grade: format.grade(grade),
            state: state.flatMap { $0 < plan.states.count ? "\(plan.states.grades[$0].spelledOut)（\(plan.statesHeading)）" : nil })
    }

    /// How Mieruka compares two grades, as said under each table that does.
    func comparisonRule(_ plan: Plan) -> String {
        if plan.grades.isRanked {
            let order = plan.grades.grades.map { $0.shortName }.joined(separator: "→")
            return "「上がった」「下がった」は、計画が示す評価の順（よいものから\(order)）で、Mieruka が前年度の評価と比べたものです。"
                + "\(plan.statesHeading)との間の変化は「変わった」とし、上下を言いません。"
        }
        return "計画は評価の区分に良し悪しの順を示していないため、Mieruka は前年度の評価と比べて「変わった」かどうかだけを示しています。"
    }

    /// The year's report against the previous fiscal year, or nil when the plan has no scale, the
    /// year has no grades, or the year is the plan's first and the city publishes no 増減 for it.
    /// When the previous year has no grades on the site, the view only says that no comparison is
    /// made, and shows the city's 増減 when it publishes one.
    func yearComparison(_ planIndex: PlanIndex, year: FiscalYear) -> YearComparisonView? {
        let plan = planIndex.plan
        guard !plan.grades.isEmpty, let now = gradeCounts(planIndex, year) else { return nil }
        let previous = FiscalYear(year.year - 1)
        let published = plan.declared(in: year)?.gradeChange
        let format = PlanFormatter(plan: plan)
        let heading = "前年度（\(format.year(previous))）からの変化"
        guard previous >= plan.period.first else {
            // A plan's first year has no year before it on the site, but a report may still print
            // its 増減 against the year before the plan (the previous plan's last year): a published
            // figure is shown as published, never dropped.
            guard let published else { return nil }
            return YearComparisonView(
                heading: heading,
                summary: "\(format.year(previous))は計画期間の前の年度のため、Mieruka は前年度と比べていません。増減は\(plan.publisher.publishedMark)です。",
                countTable: countChangeTable(planIndex, year: year, now: now, before: nil, published: published),
                itemTable: nil)
        }
        guard let before = gradeCounts(planIndex, previous, at: now.asOf) else {
            // The city's own 増減 is shown as published even when the year before is not on the site.
            guard let published else {
                return YearComparisonView(
                    heading: heading,
                    summary: "\(format.year(previous))の評価はこのサイトに掲載されていないため、前年度との比較はしていません。",
                    countTable: nil, itemTable: nil)
            }
            return YearComparisonView(
                heading: heading,
                summary: "\(format.year(previous))の評価はこのサイトに掲載されていないため、Mieruka は前年度と比べていません。増減は\(plan.publisher.publishedMark)です。",
                countTable: countChangeTable(planIndex, year: year, now: now, before: nil, published: published),
                itemTable: nil)
        }
        var summary: [String] = []

        // 増減 per grade: the city's when it publishes one, else Mieruka's between counts of one kind.
        var countTable: GradeChangeTableView? = nil
        if published == nil, now.isPublished, before.isPublished, !Snapshot.samePoint(now.asOf, before.asOf) {
            // Like with like only: counts at 9月末 are not subtracted from counts at the year's end.
            func point(_ counts: YearGradeCounts) -> String { counts.asOf?.pointLabel ?? "年度末" }
            summary.append(
                "評価ごとの件数は、\(format.year(year))が\(point(now))、\(format.year(previous))が\(point(before))の\(plan.publisher.publishedMark)で時点が異なるため、Mieruka は増減を計算していません。")
        } else if published != nil || now.isPublished == before.isPublished {
            countTable = countChangeTable(planIndex, year: year, now: now, before: before, published: published)
        } else {
            let (published, counted) = now.isPublished ? (year, previous) : (previous, year)
            summary.append(
                "評価ごとの件数は、\(format.year(published))が\(plan.publisher.publishedMark)、\(format.year(counted))が掲載している取組項目の集計で種類が異なるため、Mieruka は増減を計算していません。")
        }

        // The items graded in both years.
        let items = itemComparison(plan, year: year, previous: previous)
        if let sentence = items.sentence { summary.insert(sentence, at: 0) }
        let itemTable = items.table
        return YearComparisonView(
            heading: heading, summary: summary.isEmpty ? nil : summary.joined(), countTable: countTable, itemTable: itemTable)
    }

    /// The items graded in both years: a sentence counting how many rose, fell, changed and stayed,
    /// and the table of those whose grade changed. Both nil when no item has a result in both.
    func itemComparison(
        _ plan: Plan, year: FiscalYear, previous: FiscalYear
    ) -> (sentence: String?, table: ItemChangeTableView?) {
        let format = PlanFormatter(plan: plan)
        let comparison = YearComparison(plan: plan, year: year)
        guard !comparison.items.isEmpty else { return (nil, nil) }
        let compared = format.items(comparison.items.count)
        let same = format.items(comparison.count(.same))
        let sentence: String
        if plan.grades.isRanked {
            var text = "Mieruka が両年度の評価を比べると、両年度に結果を掲載している\(compared)のうち、評価が上がった項目は\(format.items(comparison.count(.rose)))、"
                + "下がった項目は\(format.items(comparison.count(.fell)))、変わらない項目は\(same)です"
            if comparison.count(.changed) > 0 {
                text += "（ほかに\(plan.statesHeading)との間で変わった項目が\(format.items(comparison.count(.changed)))あります）"
            }
            sentence = text + "。"
        } else {
            sentence =
                "Mieruka が両年度の評価を比べると、両年度に結果を掲載している\(compared)のうち、評価が変わった項目は\(format.items(comparison.count(.changed)))、変わらない項目は\(same)です。"
        }
        let changes = comparison.changes
        guard !changes.isEmpty else { return (sentence, nil) }
        let table = ItemChangeTableView(
            caption: "前年度から評価が変わった取組項目（\(format.year(previous))→\(format.year(year))）", year: format.year(year),
            previousYear: format.year(previous),
            rows: changes.map { change in
                let item = plan.items[change.item]
                return ItemChangeRowView(
                    number: item.number, title: item.title, url: itemHref(plan, change.item),
                    previous: gradeOrState(plan, grade: change.previousGrade, state: change.previousState),
                    current: gradeOrState(plan, grade: change.grade, state: change.state),
                    change: Self.changeWord(change.direction))
            },
            derivedNote: "この表は、両年度に結果を掲載している取組項目を Mieruka が比べたものです。" + comparisonRule(plan))
        return (sentence, table)
    }

    /// 増減 per grade: the published one (`grade_change:`) as published, else this year's counts
    /// minus the previous year's (both of one kind, checked by the caller).
    func countChangeTable(
        _ planIndex: PlanIndex, year: FiscalYear, now: YearGradeCounts, before: YearGradeCounts?, published: [Int]?
    ) -> GradeChangeTableView {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let previous = FiscalYear(year.year - 1)
        let differences = published ?? before.map { YearComparison.differences(now.counts, previous: $0.counts) } ?? []
        // The city's 増減 is shown as the report prints it (「▲22」, 「22」), not re-signed.
        let written = published == nil ? nil : plan.declared(in: year)?.gradeChangeWritten
        let rows = plan.grades.grades.indices.map { index in
            GradeChangeRowView(
                grade: format.grade(index), count: format.count(now.counts[index]),
                previous: before.map { format.count($0.counts[index]) } ?? "—",
                difference: written.flatMap { index < $0.count ? $0[index] : nil }
                    ?? (index < differences.count ? Self.signed(differences[index]) : "—"))
        }
        let total = now.counts.reduce(0, +)
        let previousTotal = before.map { $0.counts.reduce(0, +) }
        var note: String
        if published != nil {
            // The report's own mark for a decrease, or both when it uses both.
            let marks = ["△", "▲"].filter { mark in written?.contains { $0.contains(mark) } == true }
            let decrease = marks.isEmpty ? "△" : marks.joined(separator: "・")
            note = "増減は\(plan.publisher.publishedMark)です（\(decrease)は減少）。計の行は、各列を Mieruka が足したものです。"
            if !now.isPublished || before.map({ !$0.isPublished }) == true {
                note += "「集計」とある年度の件数は、掲載している取組項目の評価を Mieruka が数えたもので、\(plan.publisher.publishedMark)ではありません。"
            }
            if now.isSumOfRows || before?.isSumOfRows == true {
                note += "「公表値の和」とある年度の件数は、\(plan.publisher.subject)区分ごとに公表した件数を Mieruka が評価ごとに足したものです。"
            }
        } else if now.isPublished {
            note = "増減は、両年度に\(plan.publisher.subject)公表した評価ごとの件数の差を Mieruka が計算したもので、\(plan.publisher.publishedMark)ではありません（△は減少）。計は各年度の件数の和です。"
            if now.isSumOfRows || before?.isSumOfRows == true {
                note += "「公表値の和」とある年度の件数は、\(plan.publisher.subject)区分ごとに公表した件数を Mieruka が評価ごとに足したものです。"
            }
        } else {
            note = "この表は、掲載している取組項目の評価を Mieruka が数えた両年度の件数とその差（増減）で、\(plan.publisher.publishedMark)ではありません（△は減少）。"
        }
        var outsideNote: String? = nil
        let tables = tables(planIndex)
        let parts = [(year, Optional(now)), (previous, before)].compactMap { entry -> String? in
            tables.outsideText(entry.1?.outside ?? [], published: entry.1?.outsideIsPublished == true)
                .map { "\(format.year(entry.0))は\($0)" }
        }
        if !parts.isEmpty {
            outsideNote = "\(plan.statesHeading)（\(parts.joined(separator: "、"))）は、件数にも増減にも含めていません。"
        }
        // Listings whose grade the report gives but could not be read, in a year counted from the items.
        let unreadable = [(year, now), (previous, before)].compactMap { entry -> String? in
            guard let counts = entry.1, !counts.isPublished, let tally = planIndex.tallies[entry.0], tally.totalUnreadable > 0
            else { return nil }
            return "\(format.year(entry.0))は\(format.items(tally.totalUnreadable))"
        }
        if !unreadable.isEmpty {
            outsideNote =
                (outsideNote ?? "")
                + "評価が読み取れなかった項目（\(unreadable.joined(separator: "、"))。理由は各年度の報告のとおり）は、件数にも増減にも含めていません。"
        }
        return GradeChangeTableView(
            caption: "評価ごとの件数の増減（\(format.year(previous))→\(format.year(year))）", isPublished: published != nil,
            yearHeading: "\(format.year(year, asOf: now.asOf))（\(now.basis)）",
            previousHeading: before.map { "\(format.year(previous, asOf: $0.asOf))（\($0.basis)）" } ?? format.year(previous),
            differenceHeading: published != nil ? "増減（公表値）" : "増減",
            rows: rows,
            total: GradeChangeRowView(
                grade: nil, count: format.count(total), previous: previousTotal.map(format.count) ?? "—",
                difference: differences.count == rows.count ? Self.signed(differences.reduce(0, +)) : "—"),
            derivedNote: note, outsideNote: outsideNote)
    }

    /// An item's grades across the years, or nil when it has fewer than two years with a grade or
    /// a state. A year is compared only with the fiscal year just before it.
    func gradeHistory(_ planIndex: PlanIndex, _ itemIndex: Int) -> GradeHistoryView? {
        let plan = planIndex.plan
        let item = plan.items[itemIndex]
        let format = PlanFormatter(plan: plan)
        // Only the fields the table shows: a YearResult is large, and copying one per row and per
        // previous year showed in profiles of the item pages.
        let marks = item.results.map { (year: $0.year, grade: $0.grade, state: $0.state) }
        let graded = marks.filter { $0.grade != nil || $0.state != nil }
        guard graded.count > 1 else { return nil }
        let rows = graded.map { result -> GradeHistoryRowView in
            var change = "—"
            // `Item.result(in:)` of the year before: the last result of that year.
            let previous = result.year.year - 1
            if let before = marks.last(where: { $0.year.year == previous }), before.grade != nil || before.state != nil {
                change = Self.changeWord(
                    YearComparison.direction(
                        from: (before.grade, before.state), to: (result.grade, result.state), ranked: plan.grades.isRanked))
            }
            return GradeHistoryRowView(
                year: format.year(result.year), reportURL: reportHref(plan, result.year),
                value: gradeOrState(plan, grade: result.grade, state: result.state), change: change)
        }
        return GradeHistoryView(
            caption: "評価の推移", rows: rows,
            derivedNote: "「前年度からの変化」は、Mieruka が前年度の評価と比べたもので、前年度の結果がない年度は比べていません（—）。"
                + comparisonRule(plan))
    }
}
