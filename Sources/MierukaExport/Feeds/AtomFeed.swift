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
                    <title>\(XMLText.escaped(format(year) + "の進捗状況"))</title>
                    <id>\(XMLText.escaped(url))</id>
                    <link rel="alternate" type="text/html" href="\(XMLText.escaped(url))"/>
                    <updated>\(Self.updated(year))</updated>
                    <summary>\(XMLText.escaped(summary(year)))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// 「全43項目：S 3項目、A 25項目、B 15項目（公表値）。財政効果 …」
    func summary(_ year: FiscalYear) -> String {
        let plan = planIndex.plan
        var parts: [String] = []
        if let declared = plan.declared(in: year), let totals = declared.gradeTotals {
            let counts = zip(plan.grades.grades, totals).map { "\($0.spelledOut) \($1)項目" }.joined(separator: "、")
            let all = declared.totalListings.map { "全\($0)項目：" } ?? ""
            parts.append("\(all)\(counts)（\(plan.publisher.publishedMark)）")
        } else if let tally = planIndex.tallies[year], tally.totalListings > 0 {
            var counts = zip(plan.grades.grades, tally.totalCounts).map { "\($0.spelledOut) \($1)項目" }
            if tally.totalUngraded > 0 { counts.append("未評価 \(tally.totalUngraded)項目") }
            parts.append("\(tally.itemsWithResult)項目の結果：" + counts.joined(separator: "、"))
        }
        // One figure per kind of amounts (単年度 / 継続), never one across kinds.
        for kind in planIndex.effectKinds {
            let effect = plan.declared(in: year)?.effectTotals(of: kind)
                ?? planIndex.tallies[year]?.effectSums(of: kind).map { Effect(expected: $0.totalExpected, actual: $0.totalActual) }
            if let actual = effect?.actual {
                let name = planIndex.namesEffectKinds ? "財政効果（\(kind?.label ?? "種類の記載なし")）" : "財政効果"
                parts.append(name + " " + (effect?.actualIncrease ?? actual.formatted(in: plan.moneyUnit)))
            }
        }
        return parts.isEmpty ? "\(year.label(plan.yearStyle))の報告" : parts.joined(separator: "。")
    }

    /// The day after the fiscal year ends, in Japan Standard Time.
    static func updated(_ year: FiscalYear) -> String {
        "\(year.year + 1)-04-01T00:00:00+09:00"
    }
}
