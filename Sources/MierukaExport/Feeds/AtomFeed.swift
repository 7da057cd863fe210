import MierukaModel
import MierukaSite

/// An Atom feed (RFC 4287) of a plan's yearly reports, so that residents and journalists can follow
/// new results in a feed reader: one entry per fiscal year with results or a published table.
///
/// Atom needs absolute, permanent identifiers, so a feed is written only when `base_url` gives the
/// site's origin. The documents give no publication dates, so an entry's `updated` is the day
/// after its fiscal year ends, the first day its results can exist: deterministic, and in the
/// order the reports appear.
struct AtomFeed {
    let planIndex: PlanIndex
    let baseURL: BaseURL
    let siteTitle: String
    let publisher: String?
    let language: String

    /// Nil without an origin.
    var xml: String? {
        let plan = planIndex.plan
        guard let planURL = baseURL.absolute(SiteRoutes.percentEncode(SiteRoutes.plan(plan.slug))),
            let selfURL = baseURL.absolute(SiteRoutes.percentEncode(SiteRoutes.feed(plan.slug)))
        else { return nil }
        let format = { (year: FiscalYear) in year.label(plan.yearStyle) }
        let years = planIndex.years.sorted(by: >)
        let fullTitle = plan.title.hasPrefix(plan.city) ? plan.title : "\(plan.city) \(plan.title)"
        let title = "\(fullTitle)の進捗状況"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escaped(language))">
              <title>\(XMLText.escaped(title))</title>
              <subtitle>\(XMLText.escaped(siteTitle))</subtitle>
              <id>\(XMLText.escaped(planURL))</id>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escaped(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(XMLText.escaped(planURL))"/>
              <updated>\(Self.updated(years.first ?? plan.period.first))</updated>
              <author><name>\(XMLText.escaped(publisher ?? plan.city))</name></author>
              <generator>Mieruka</generator>

            """
        for year in years {
            guard let url = baseURL.absolute(SiteRoutes.percentEncode(SiteRoutes.report(plan.slug, year: year.year))) else { continue }
            xml += """
                  <entry>
                    <title>\(XMLText.escaped(format(year) + pointsLabel(year) + "の進捗状況"))</title>
                    <id>\(XMLText.escaped(url))</id>
                    <link rel="alternate" type="text/html" href="\(XMLText.escaped(url))"/>
                    <updated>\(Self.updated(year))</updated>
                    <summary>\(XMLText.escaped(summary(year)))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// The points within the year its figures stand at, when it has none at its end (no table
    /// published for the year's end, no item's result for it): 宮古島市's year published at 9月末, or
    /// a year with items' results at 8月末 only. Empty for a year with figures at its end.
    func pointsOnly(_ year: FiscalYear) -> [Snapshot] {
        let plan = planIndex.plan
        guard !plan.declared.contains(where: { $0.year == year && $0.asOf == nil }),
            (planIndex.tallies[year]?.itemsWithResult ?? 0) == 0
        else { return [] }
        return plan.snapshotPoints(in: year)
    }

    /// 「（8月末時点）」 after the year of an entry whose figures all stand at points within it, so that
    /// the entry never reads as the year's end.
    func pointsLabel(_ year: FiscalYear) -> String {
        let points = pointsOnly(year)
        return points.isEmpty ? "" : "（" + points.map(\.pointLabel).joined(separator: "・") + "）"
    }

    /// 「8月末時点：1項目の結果：A … 0項目、B … 1項目」: the counts the year's report shows at each point
    /// from the items' results there (Mieruka's, as in `grade-counts`), for a year with none at its end.
    func pointCounts(_ year: FiscalYear) -> [String] {
        let plan = planIndex.plan
        return AggregatesDataset.points(planIndex, year: year).compactMap { point, _, counted in
            guard let tally = counted else { return nil }
            var counts = zip(plan.grades.grades, tally.totalCounts).map { "\($0.spelledOut) \($1)項目" }
            if tally.totalUngraded > 0 { counts.append("未評価 \(tally.totalUngraded)項目") }
            return "\(point.pointLabel)：\(tally.itemsWithResult)項目の結果：" + counts.joined(separator: "、")
        }
    }

    /// 「全43項目：S 3項目、A 25項目、B 15項目（公表値）。財政効果 …」
    func summary(_ year: FiscalYear) -> String {
        let plan = planIndex.plan
        var parts: [String] = []
        let atPoints = !pointsOnly(year).isEmpty
        if let declared = plan.declared(in: year), let totals = declared.gradeTotals {
            let counts = zip(plan.grades.grades, totals).map { "\($0.spelledOut) \($1)項目" }.joined(separator: "、")
            let all = declared.totalListings.map { "全\($0)項目：" } ?? ""
            // Totals the report does not print (no total row beside its own grouping) are the groups' sum, as the page says.
            let summed = declared.grouping != nil && declared.gradeTotal == nil
            let point = atPoints ? declared.asOf.map { "\($0.pointLabel)：" } ?? "" : ""
            parts.append("\(point)\(all)\(counts)（\(plan.publisher.publishedMark)\(summed ? "の和" : "")）")
            if let grouping = declared.grouping { parts.append(groupCounts(declared, grouping: grouping)) }
        } else if atPoints {
            parts += pointCounts(year)
        } else if let tally = planIndex.tallies[year], tally.totalListings > 0 {
            var counts = zip(plan.grades.grades, tally.totalCounts).map { "\($0.spelledOut) \($1)項目" }
            if tally.totalUngraded > 0 { counts.append("未評価 \(tally.totalUngraded)項目") }
            parts.append("\(tally.itemsWithResult)項目の結果：" + counts.joined(separator: "、"))
        }
        if let unreadable = unreadableText(year) { parts.append(unreadable) }
        // One figure per kind of amounts (単年度 / 継続), never one across kinds.
        for kind in planIndex.effectKinds {
            let effect = plan.declared(in: year)?.effectTotals(of: kind)
                ?? planIndex.tallies[year]?.effectSums(of: kind).map { Effect(expected: $0.totalExpected, actual: $0.totalActual) }
            // A published total given as approximate (「約…」) or as an increase is said as written,
            // with the plan's unit put in when the words have none.
            if let text = effect?.actualWrittenWithUnit(plan.moneyUnit) ?? effect?.actual.map({ $0.formatted(in: plan.moneyUnit) }) {
                let name = planIndex.namesEffectKinds ? "財政効果（\(kind?.label ?? "種類の記載なし")）" : "財政効果"
                parts.append(name + " " + text)
            }
        }
        return parts.isEmpty ? "\(year.label(plan.yearStyle))の報告" : parts.joined(separator: "。")
    }

    /// 「所管区分ごと（市の公表値）：局が評価する項目 A 2項目、B 4項目／委員会が評価する項目 …」: the
    /// counts the report publishes under its own grouping, row by row as the report page shows them.
    func groupCounts(_ declared: DeclaredYear, grouping: String) -> String {
        let plan = planIndex.plan
        let rows = declared.groupRows.map { row in
            row.name + " " + zip(plan.grades.grades, row.counts).map { "\($0.spelledOut) \($1)項目" }.joined(separator: "、")
        }
        return "\(grouping)ごと（\(plan.publisher.publishedMark)）：" + rows.joined(separator: "／")
    }

    /// 「評価が読み取れなかった1項目（理由）は、評価の件数に含めていません」: items the report grades whose
    /// grade the copy does not show (`grade_unreadable:`), with the reasons, as the year's report says.
    func unreadableText(_ year: FiscalYear) -> String? {
        let plan = planIndex.plan
        guard let tally = planIndex.tallies[year], tally.totalUnreadable > 0 else { return nil }
        var reasons: [String] = []
        for item in plan.items {
            if let reason = item.result(in: year)?.gradeUnreadable, !reasons.contains(reason) { reasons.append(reason) }
        }
        return "掲載している取組項目のうち、評価が読み取れなかった\(tally.totalUnreadable)項目（\(reasons.joined(separator: "。"))）は、評価の件数に含めていません"
    }

    /// The day after the fiscal year ends, in Japan Standard Time.
    static func updated(_ year: FiscalYear) -> String {
        "\(year.year + 1)-04-01T00:00:00+09:00"
    }
}
