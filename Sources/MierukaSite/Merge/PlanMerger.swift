import MierukaDiagnostics
import MierukaModel

/// Merges one plan: its document, its item documents, and the results for it in seeds/.
struct PlanMerger {
    let document: PlanDocument
    /// Numbers of the plan's item documents that could not be read.
    var unreadableItems: Set<String> = []

    func merge(items: [ItemDocument], results: [ResultsDocument], diagnostics: inout Diagnostics) -> Plan {
        let grades = ScaleBuilder.grades(document.grades, ranked: document.gradesRanked, of: nil, diagnostics: &diagnostics)
        let states = ScaleBuilder.states(document.states, grades: grades, diagnostics: &diagnostics)
        let axes = AxisBuilder(planSlug: document.slug).build(document.axes, grades: grades, diagnostics: &diagnostics)
        let period = document.period.value
        let kpiBuilder = KPIBuilder(grades: grades, period: period, yearStyle: document.yearStyle)
        let policies = PolicyFlattener(kpiBuilder: kpiBuilder).flatten(
            document.policies, planFile: document.location.file, diagnostics: &diagnostics)
        let resolver = PolicyResolver(planSlug: document.slug, policies: policies)
        if policies.isEmpty, !items.isEmpty {
            diagnostics.error(
                at: document.location, "the plan has items but no policies",
                hint: "list the policies (方針) the items belong to under policies:")
        }

        var (drafts, numbers) = itemDrafts(
            items, resolver: resolver, kpiBuilder: kpiBuilder, grades: grades, states: states, diagnostics: &diagnostics)
        var applier = ResultApplier(
            planSlug: document.slug, period: period, yearStyle: document.yearStyle, grades: grades, states: states,
            moneyUnit: document.moneyUnit)
        applier.axes = axes
        apply(results, to: &drafts, numbers: numbers, with: applier, diagnostics: &diagnostics)

        let declared = DeclaredAxesBuilder(
            axes: axes, policies: resolver, moneyUnit: document.moneyUnit, period: period, yearStyle: document.yearStyle
        ).attach(
            document.declared,
            to: DeclaredBuilder(
                grades: grades, policies: resolver, moneyUnit: document.moneyUnit, period: period,
                yearStyle: document.yearStyle, states: states
            ).build(document.declared, diagnostics: &diagnostics), diagnostics: &diagnostics)

        let built = drafts.map { $0.build() }.sorted {
            NaturalOrder.areInIncreasingOrder($0.number, $1.number)
        }
        var plan = Plan(
            slug: document.slug, city: document.city.value, title: document.title.value, subtitle: document.subtitle,
            period: period, yearStyle: document.yearStyle, moneyUnit: document.moneyUnit, grades: grades,
            gradeShare: ScaleBuilder.share(document.gradeShare, grades: grades, diagnostics: &diagnostics), states: states, levelNames: document.levelNames, policies: policies, items: built, declared: declared,
            lineage: document.lineage, matrices: matrices(resolver, diagnostics: &diagnostics), timelines: document.timelines,
            tables: document.tables, sources: document.sources,
            summary: document.summary, body: document.body, bodyLocation: document.bodyLocation, order: document.order,
            location: document.location)
        plan.reported = AchievementGradeResolver(grades: grades).resolve(document.reported, diagnostics: &diagnostics)
        plan.planKPIs = document.planKPIs
        plan.publisher = Publisher(city: document.city.value, declaredKind: document.publisherKind?.value)
        plan.revisions = RevisionBuilder(plan: plan, kpiBuilder: kpiBuilder).build(document.revisions, diagnostics: &diagnostics)
        plan.axes = axes
        plan.gradedBy = document.gradedBy?.value
        if let heading = document.statesHeading?.value { plan.statesHeading = heading }
        plan.opinions = OpinionBuilder(plan: plan).build(document.opinions, diagnostics: &diagnostics)
        return plan
    }

    /// The item numbers taken by kept items, and those written by items rejected here: their
    /// results are not reported again as results for an unknown number (the item's own error says
    /// what to fix).
    struct ItemNumbers {
        var kept: [String: (draft: Int, location: SourceLocation)] = [:]
        var rejected: Set<String> = []
    }

    /// Items, with their listings resolved and numbers checked for uniqueness; an item with a
    /// problem is left out, and takes no number.
    private func itemDrafts(
        _ items: [ItemDocument], resolver: PolicyResolver, kpiBuilder: KPIBuilder, grades: GradeScale, states: GradeScale,
        diagnostics: inout Diagnostics
    ) -> ([ItemDraft], ItemNumbers) {
        let period = document.period.value
        var drafts: [ItemDraft] = []
        var numbers = ItemNumbers()
        var slugs: [String: SourceLocation] = [:]
        for item in items {
            let written = [(item.number, item.policy, false)] + item.relisted.map { ($0.number, $0.policy, true) }
            guard checkSlug(item, slugs: &slugs, diagnostics: &diagnostics) else {
                for (number, _, _) in written { numbers.rejected.insert(WidthNormalization.fold(number.value)) }
                continue
            }
            var listings: [Listing] = []
            var own: [String: SourceLocation] = [:]
            var ok = true
            for (number, policy, isRelisting) in written {
                if let first = numbers.kept[number.value]?.location ?? own[number.value] {
                    diagnostics.error(
                        at: number.location, "item number \(number.value) is used twice in the plan \(document.slug)",
                        hint: "the other is at \(first); each listing needs its own number")
                    ok = false
                    continue
                }
                guard let index = resolver.resolve(policy, diagnostics: &diagnostics) else {
                    ok = false
                    continue
                }
                own[number.value] = number.location
                listings.append(Listing(number: number.value, policy: index, isRelisting: isRelisting))
            }
            // Numbers are taken only by an item that is kept, so results never reach the wrong item.
            guard ok else {
                for (number, _, _) in written { numbers.rejected.insert(WidthNormalization.fold(number.value)) }
                continue
            }
            for (number, location) in own { numbers.kept[number] = (drafts.count, location) }
            let kpis = kpiBuilder.build(item.kpis, owner: "the item \(item.number.value)", diagnostics: &diagnostics)
            var draft = ItemDraft(document: item, listings: listings, kpis: kpis)
            draft.schedule = ScheduleChecker(period: period, yearStyle: document.yearStyle)
                .check(item.schedule, item: item.number.value, diagnostics: &diagnostics)
            draft.subitems = SubItemChecker(grades: grades, states: states)
                .subItems(item.subitems, item: item.number.value, diagnostics: &diagnostics)
            drafts.append(draft)
        }
        return (drafts, numbers)
    }

    /// Results: first those in the items' own front matter, then seeds/ files in path order. A
    /// result for a number no item has is an error, unless that item has errors of its own.
    private func apply(
        _ results: [ResultsDocument], to drafts: inout [ItemDraft], numbers: ItemNumbers, with applier: ResultApplier,
        diagnostics: inout Diagnostics
    ) {
        for index in drafts.indices {
            for result in drafts[index].document.results {
                guard let year = result.year else { continue }
                applier.apply(result, year: year, to: &drafts[index], diagnostics: &diagnostics)
            }
        }
        for file in results {
            for result in file.results {
                guard let number = result.item else { continue }
                guard let target = numbers.kept[number.value] ?? numbers.kept[WidthNormalization.fold(number.value)] else {
                    // The item's document has errors of its own, which say what to fix: it could not be
                    // read, or it was rejected above (a duplicate number, an unknown policy, a bad slug).
                    let folded = WidthNormalization.fold(number.value)
                    if numbers.rejected.contains(folded) { continue }
                    if unreadableItems.contains(where: { WidthNormalization.fold($0) == folded }) { continue }
                    var hint = "item numbers of \(document.slug): "
                        + numbers.kept.keys.sorted(by: NaturalOrder.areInIncreasingOrder).prefix(20).joined(separator: ", ")
                    if numbers.kept.count > 20 { hint += " …" }
                    if numbers.kept.isEmpty { hint = "the plan \(document.slug) has no item documents yet; add content/\(document.slug)/<item>.md" }
                    diagnostics.error(
                        at: number.location, "the plan \(document.slug) has no item number \(number.value)", hint: hint)
                    continue
                }
                applier.apply(result, year: file.year, to: &drafts[target.draft], diagnostics: &diagnostics)
            }
        }
    }

    /// Matrices with their columns' policies resolved (a column named by policy takes its title).
    private func matrices(_ resolver: PolicyResolver, diagnostics: inout Diagnostics) -> [Matrix] {
        document.matrices.map { written in
            let columns = written.columns.map { column -> MatrixColumn in
                let policy = column.policy.flatMap { resolver.resolve($0, diagnostics: &diagnostics) }
                let title = column.title ?? policy.map { resolver.policies[$0].title } ?? ""
                let number = column.number ?? policy.flatMap { resolver.policies[$0].number }
                return MatrixColumn(number: number, title: title, policy: policy)
            }
            return Matrix(
                title: written.title, rowHeading: written.rowHeading, columnHeading: written.columnHeading,
                columns: columns, rows: written.rows, source: written.source)
        }
    }

    private func checkSlug(
        _ item: ItemDocument, slugs: inout [String: SourceLocation], diagnostics: inout Diagnostics
    ) -> Bool {
        let slug = item.slug.value
        guard URLSlug.isValid(slug) else {
            diagnostics.error(
                at: item.slug.location, "\"\(slug)\" cannot be used in a URL",
                hint: "name item files (or their slug:) with letters, digits and hyphens, e.g. 001.md")
            return false
        }
        guard !SiteMerger.reservedItemSlugs.contains(slug) else {
            diagnostics.error(
                at: item.slug.location, "\"\(slug)\" is reserved for the plan's own pages",
                hint: "rename the file or give it another slug:; reserved: "
                    + SiteMerger.reservedItemSlugs.sorted().joined(separator: ", "))
            return false
        }
        if let first = slugs[slug] {
            diagnostics.error(
                at: item.slug.location, "two items of the plan would have the same page /\(document.slug)/\(slug)/",
                hint: "the other is \(first.file); rename one file or give it a slug:")
            return false
        }
        slugs[slug] = item.slug.location
        return true
    }
}
