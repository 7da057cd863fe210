import MierukaModel
import MierukaSite

/// Makes the site search's index from the merged site: a document per item (its plan, number,
/// title, latest grade, departments and the beginnings of its texts) and, for every token of its
/// title, departments, KPI names, text (本文) and each year's 進捗状況, 要因 and 今後の対応 (those at
/// points within a year too, as_of:), the postings; then a
/// document per plan (title, summary, text, published tables, money tables, achievement counts, its
/// own KPIs and its revisions), policy (title, description, KPI names), year report (the year's
/// notes, highlights, the policies of its published tables and the items revised that year with
/// the reasons; its items have documents of their own), the home page's text and each standalone page
/// (title, summary, text), and a document per committee opinion (its text, leading to the page that
/// shows it). An item's sub-items and schedule and a plan's two-way tables, timelines and earlier
/// plans are found on the page that shows them.
package struct SearchIndexBuilder: Sendable {
    /// Where the index is written, relative to the output folder.
    package static let path = SiteRoutes.searchIndex
    /// Characters kept of a text for the result list.
    package static let snippetLength = 80

    package let index: SiteIndex

    package init(index: SiteIndex) {
        self.index = index
    }

    package func build() -> SearchIndex {
        var collector = SearchCollector()
        var plans: [SearchIndex.Plan] = []
        for planIndex in index.plans {
            plans.append(addPlan(planIndex, offset: plans.count, to: &collector))
        }
        // The home page's text (content/_index.md) and standalone pages (content/<page>.md), under no plan.
        let baseURL = index.config.baseURL
        for page in [index.merged.home].compactMap({ $0 }) + index.merged.pages {
            let path = page.slug.isEmpty ? SiteRoutes.home : SiteRoutes.page(page.slug)
            collector.addPage(
                .page, plan: nil, title: page.title.isEmpty ? index.config.title : page.title,
                path: baseURL.link(SiteRoutes.percentEncode(path)), texts: [page.summary, page.body].compactMap { $0 })
        }
        return SearchIndex(plans: plans, documents: collector.documents, postings: collector.sortedPostings())
    }

    /// A plan's fiscal years as the index lists them: each once, at the place it was first named;
    /// a point within a year (an item's result `as_of:` 9月末) is listed as 「令和6年度・9月末時点」,
    /// as the item's page labels it.
    private struct YearList {
        let style: FiscalYearStyle
        var offsets: [String: Int] = [:]
        var labels: [String] = []

        mutating func offset(_ year: FiscalYear, at point: Snapshot? = nil) -> Int {
            let label = point.map { "\(year.label(style))・\($0.pointLabel)" } ?? year.label(style)
            if let offset = offsets[label] { return offset }
            offsets[label] = labels.count
            labels.append(label)
            return labels.count - 1
        }
    }

    /// A plan's items, its own pages (the plan, its policies and its year reports, so that a plan
    /// without item pages is found too), and the plan as the index lists it.
    private func addPlan(_ planIndex: PlanIndex, offset: Int, to collector: inout SearchCollector) -> SearchIndex.Plan {
        let plan = planIndex.plan
        // The plan's years in order, so that the list reads chronologically.
        var years = YearList(style: plan.yearStyle)
        for year in planIndex.years { _ = years.offset(year) }
        for item in plan.items {
            addItem(item, of: plan, planOffset: offset, years: &years, to: &collector)
        }
        collector.addPage(
            .plan, plan: offset, title: plan.title, path: "",
            texts: [plan.subtitle, plan.summary, plan.body].compactMap { $0 }
                + plan.tables.flatMap { [$0.title] + $0.header + $0.rows.flatMap { $0 } + [$0.note].compactMap { $0 } }
                + Self.transcribedTexts(plan))
        for policy in plan.policies {
            collector.addPage(
                .policy, label: plan.levelNames.isEmpty ? nil : plan.levelName(policy.level), plan: offset,
                title: policy.numberedTitle, path: SiteRoutes.percentEncode("policies/\(policy.slug)/"),
                texts: [policy.description].compactMap { $0 } + policy.kpis.map(\.name))
        }
        for year in planIndex.years {
            let declared = plan.declared(in: year)
            let rows = (declared?.gradeRows.map(\.policy) ?? []) + (declared?.effectRows.map(\.policy) ?? [])
            let policyTitles = rows.compactMap { $0 < plan.policies.count ? plan.policies[$0].numberedTitle : nil }
            let highlights = declared?.highlights.flatMap { [$0.title] + $0.entries.map(\.title) } ?? []
            // Rows published under the report's own grouping (管理区分), headed as the report heads them.
            let groups = declared.map { declared in [declared.grouping].compactMap { $0 } + declared.groupRows.map(\.name) } ?? []
            // The items whose grade the copy does not show, listed on the page with their reasons.
            let unreadable = Self.unreadableGrades(plan.items, in: year)
            // The items a revision added or took out that year, with the reasons, as the report lists them.
            let revised = plan.revisions.revisions(in: year).flatMap(Self.revisionTexts)
            collector.addPage(
                .report, plan: offset, title: "\(year.label(plan.yearStyle))の進捗状況",
                path: SiteRoutes.percentEncode("reports/\(year.year)/"),
                texts: [declared?.notes].compactMap { $0 } + highlights + policyTitles + groups + unreadable + revised)
        }
        addOpinions(planIndex, offset: offset, to: &collector)
        return SearchIndex.Plan(
            title: plan.title.hasPrefix(plan.city) ? plan.title : "\(plan.city) \(plan.title)",
            url: index.config.baseURL.link(SiteRoutes.percentEncode(SiteRoutes.plan(plan.slug))),
            grades: plan.grades.grades.map { SearchIndex.Grade(code: $0.hasCode ? $0.code : nil, label: $0.label) },
            ranked: plan.grades.isRanked,
            years: years.labels)
    }

    /// The reasons of the items whose grade of `year` the copy does not show (of each item's last
    /// result of the year). Read in place: a result is not copied to read its year.
    private static func unreadableGrades(_ items: [Item], in year: FiscalYear) -> [String] {
        var reasons: [String] = []
        for item in items.indices {
            let results = items[item].results.indices
            guard let last = results.last(where: { items[item].results[$0].year == year }) else { continue }
            if let reason = items[item].results[last].gradeUnreadable { reasons.append(reason) }
        }
        return reasons
    }

    /// A document per committee opinion (`opinions:`), in the order the year's report shows them,
    /// leading to where it is shown: the section 委員会などの意見 of its item's page, or of the year's
    /// report for an opinion on the year's results as a whole (an opinion on a year without a
    /// report page is shown nowhere, and not found). Its title says the year and who gave it (and
    /// the item), its body is the opinion.
    private func addOpinions(_ planIndex: PlanIndex, offset: Int, to collector: inout SearchCollector) {
        let plan = planIndex.plan
        let reportYears = Set(planIndex.years)
        for opinion in plan.opinionsInReportOrder {
            let year = opinion.year.label(plan.yearStyle)
            let by = opinion.by + (opinion.date.map { "（\($0)）" } ?? "")
            let title: String
            let page: String
            if let index = opinion.item, index < plan.items.count {
                let item = plan.items[index]
                title = "No.\(item.number) \(item.title)（\(year)・\(by)）"
                page = item.slug + "/"
            } else {
                guard reportYears.contains(opinion.year) else { continue }
                title = "\(year) \(by)"
                page = "reports/\(opinion.year.year)/"
            }
            collector.addPage(
                .opinion, plan: offset, title: title, path: SiteRoutes.percentEncode(page) + "#opinions", texts: [opinion.text])
        }
    }

    /// An item's document: its title, departments, KPI names, text and each year's 進捗状況, 要因
    /// and 今後の対応, with snippets of the KPI names, the latest of each text and the body.
    /// Its sub-items' titles and its schedule's steps count as its text, their departments as its
    /// departments, and their yearly 進捗状況 as its own.
    private func addItem(
        _ item: Item, of plan: Plan, planOffset: Int, years: inout YearList, to collector: inout SearchCollector
    ) {
        // The item's tokens are recorded as they are met, for the document added at the end.
        func add(_ text: String, _ field: SearchField) {
            collector.addTokens(of: text, in: field)
        }
        // Markdown's plain text, read as UTF-8 (`SearchText.plainUTF8`).
        func add(plain: [UInt8], _ field: SearchField) {
            collector.addTokens(ofUTF8: plain, in: field)
        }
        add(item.title, .title)
        for department in item.departments { add(department, .departments) }
        for kpi in item.kpis { add(kpi.name, .kpis) }
        let body = SearchText.plainUTF8(item.body)
        add(plain: body, .body)
        for subitem in item.subitems {
            add(subitem.title, .body)
            for department in subitem.departments { add(department, .departments) }
        }
        for step in item.schedule { add(step.text, .body) }
        // The years' results and those at points within them (as_of:), in time order (a year's end
        // after its points), as the item's page shows them: the latest of each text is the snippet's.
        // A token's postings do not depend on the order its texts are read in.
        var latest = LatestTexts()
        SearchResultOrder(item).forEach(in: item) { result in
            for sub in result.subitems {
                if let progress = sub.progress { add(plain: SearchText.plainUTF8(progress), .progress) }
            }
            // A grade the copy does not show: its reason, shown under the year's result as 評価：読み取れず.
            if let reason = result.gradeUnreadable { add("評価：読み取れず " + reason, .progress) }
            func read(_ markdown: String?, _ slot: Int) {
                guard let markdown, !markdown.isBlank else { return }
                let plain = SearchText.plainUTF8(markdown)
                add(plain: plain, LatestTexts.fields[slot])
                latest.texts[slot] = (result.year, result.asOf, plain)
            }
            read(result.progress, 0)
            read(result.factors, 1)
            read(result.nextSteps, 2)
        }
        var snippets: [SearchIndex.Snippet] = []
        if !item.kpis.isEmpty {
            let names = item.kpis.map(\.name).joined(separator: "、")
            snippets.append(SearchIndex.Snippet(field: .kpis, year: nil, text: SearchText.excerpt(names, limit: Self.snippetLength)))
        }
        for (slot, field) in LatestTexts.fields.enumerated() {
            if let (year, point, plain) = latest.texts[slot], !plain.isEmpty {
                let text = SearchText.excerpt(utf8: plain, limit: Self.snippetLength)
                snippets.append(SearchIndex.Snippet(field: field, year: years.offset(year, at: point), text: text))
            }
        }
        if !body.isEmpty {
            snippets.append(SearchIndex.Snippet(field: .body, year: nil, text: SearchText.excerpt(utf8: body, limit: Self.snippetLength)))
        }
        // The most recent result with a grade, read in place.
        let graded = item.results.lastIndex { $0.grade != nil }
        collector.add(
            SearchIndex.Document(
                plan: planOffset, number: item.number, title: item.title,
                path: SiteRoutes.percentEncode(item.slug + "/"),
                grade: graded.flatMap { item.results[$0].grade }.flatMap { $0 < plan.grades.count ? $0 : nil },
                gradeYear: graded.map { years.offset(item.results[$0].year) },
                departments: item.departments.joined(separator: "、"), snippets: snippets))
    }

    /// The latest 進捗状況, 要因 and 今後の対応 of an item's results, with the year (and point) of each.
    private struct LatestTexts {
        static let fields: [SearchField] = [.progress, .factors, .nextSteps]
        var texts: [(year: FiscalYear, point: Snapshot?, plain: [UInt8])?] = [nil, nil, nil]
    }

    /// The index as written to `search/index.json`.
    package func json() -> [UInt8] {
        SearchIndexJSON.encode(build())
    }

    /// The words of what a plan transcribes outside its items and shows on its page: money tables
    /// (title, row labels, basis, note; a grid's column and group headings, labels and text cells), achievement counts (title, what is counted, note), the
    /// plan's own KPIs (table title, KPI names, notes) and its revisions (title, note, the items
    /// added, deleted or finished and the reasons, the reasons for revised targets).
    static func transcribedTexts(_ plan: Plan) -> [String] {
        var texts: [String] = []
        for table in plan.reported.moneyTables {
            texts.append(table.title)
            texts += table.allRows.map(\.label)
            if let grid = table.grid {
                // A table in the report's own layout: its headings, labels and words, as its page shows them.
                texts += grid.columns.map(\.heading)
                for row in grid.rows {
                    switch row {
                    case .group(let label, _): texts.append(label)
                    case .amounts(let amounts): texts += [amounts.label] + amounts.texts.compactMap { $0 }
                    }
                }
            }
            texts += [table.basis, table.note].compactMap { $0 }
        }
        for count in plan.reported.achievements {
            texts.append(count.title)
            texts += count.parts.map(\.label)
            texts += [count.note].compactMap { $0 }
        }
        for table in plan.planKPIs {
            texts.append(table.title)
            for kpi in table.kpis { texts += [kpi.name, kpi.note].compactMap { $0 } }
            texts += [table.note].compactMap { $0 }
        }
        texts += plan.revisions.revisions.flatMap(revisionTexts)
        // The plan's structure as its page shows it: two-way tables, timelines and earlier plans.
        for matrix in plan.matrices {
            texts += [matrix.title, matrix.rowHeading, matrix.columnHeading] + matrix.columns.map(\.title)
            for row in matrix.rows {
                texts.append(row.title)
                texts += row.cells.compactMap { $0 }.flatMap { [$0.title, $0.text].compactMap { $0 } }
            }
        }
        for timeline in plan.timelines {
            texts.append(timeline.title)
            texts += timeline.rows.flatMap { [$0.group, $0.label, $0.note].compactMap { $0 } + $0.spans.compactMap(\.label) }
        }
        texts += plan.lineage.flatMap { [$0.title, $0.text, $0.effect].compactMap { $0 } }
        return texts
    }

    static func revisionTexts(_ revision: PlanRevision) -> [String] {
        [revision.title, revision.note].compactMap { $0 } + revision.items.flatMap { [$0.title, $0.part, $0.referenceNumber, $0.reason].compactMap { $0 } }
            + revision.targets.compactMap(\.reason)
    }
}
