import MierukaModel
import MierukaSite

extension ViewBuilder {
    func itemPage(_ page: PlannedPage, _ planIndex: PlanIndex, _ itemIndex: Int) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let item = plan.items[itemIndex]
        let format = PlanFormatter(plan: plan)
        let tables = tables(planIndex)
        let latest = item.latestGradedResult
        // One table per kind of the item's amounts (単年度 / 継続): never one 累計 across kinds.
        let effectKinds = EffectKind.ordered(item.results.flatMap { $0.effects.filter { !$0.isEmpty }.map(\.kind) })
        let effectByYears: [EffectByYearView] = effectKinds.compactMap { kind in
            let effects: [TableBuilder.EffectYear] = item.results.compactMap { result in
                guard let effect = result.effect(of: kind), !effect.isEmpty else { return nil }
                var entry = TableBuilder.EffectYear(year: result.year, expected: effect.expected, actual: effect.actual, basis: .item)
                entry.written = effect
                entry.includesIncrease = effect.hasIncrease
                entry.includesApproximate = effect.hasApproximate
                return entry
            }
            return tables.effectByYear(
                effects, caption: "財政効果額の推移" + tables.kindSuffix(kind),
                scope: "\(plan.slug)/item/\(item.slug)/effects" + tables.kindScope(kind), kind: kind)
        }
        var view = ItemPageView(
            plan: planHeader(planIndex), number: item.number, title: item.title, summary: item.summary,
            listings: item.listings.map { listing in
                let policy = plan.policies[listing.policy]
                return ListingView(
                    number: listing.number, policy: policy.numberedTitle,
                    policyURL: policyHref(plan, listing.policy), level: plan.levelName(policy.level),
                    isRelisting: listing.isRelisting)
            },
            departments: planIndex.departmentsByItem[itemIndex].map { department in
                let entry = planIndex.departments[department]
                return LinkView(title: entry.name, url: links.href(SiteRoutes.department(plan.slug, entry.slug)))
            },
            latestGrade: format.grade(latest?.grade), latestYear: latest.map { format.year($0.year) },
            kpiTable: tables.kpiTable(item.kpis, caption: "成果指標（KPI）の目標と実績", scope: "\(plan.slug)/item/\(item.slug)"),
            // The years' results and those at points within them (as_of:), each labelled with its
            // point, latest first; a year's end after its points.
            results: (item.results + item.snapshots).sorted {
                ($0.year, DeclaredYear.pointOrder($0.asOf)) < ($1.year, DeclaredYear.pointOrder($1.asOf))
            }.reversed().map { result in
                var view = yearResult(result, plan: plan)
                view.subitemResults = subItemResults(result, item: item, plan: plan)
                return view
            },
            effectByYear: effectByYears.first, bodyHTML: html(item.body, under: 2))
        view.moreEffectByYears = Array(effectByYears.dropFirst())
        view.gradeHistory = gradeHistory(planIndex, itemIndex)
        view.schedule = schedule(planIndex, itemIndex)
        view.subitems = subItemList(item, plan: plan)
        view.revisionHistory = itemRevisionHistory(planIndex, itemIndex)
        view.opinions = itemOpinions(planIndex, itemIndex)
        if let latest = item.results.last(where: { !$0.axisValues.isEmpty }) {
            view.latestAxes = axisValues(latest, plan: plan)
            view.latestAxesYear = format.year(latest.year)
        }
        view.axisHistories = axisHistories(planIndex, itemIndex)
        view.latestGradedBy = gradedBy(latest, plan: plan)
        let trail =
            [planCrumb(planIndex)] + (item.primaryPolicy.map { policyTrail(planIndex, $0, including: true) } ?? [])
        let description =
            item.summary
            ?? "\(format.fullTitle)の取組項目 No.\(item.number)「\(item.title)」の目標と進捗状況"
        return (meta(page, title: item.title, description: description, trail: trail, kind: "item", plan: planIndex), view)
    }

    func yearResult(_ result: YearResult, plan: Plan) -> YearResultView {
        let format = PlanFormatter(plan: plan)
        let reportURL = reportHref(plan, result.year)
        var view = YearResultView(
            year: format.year(result.year, asOf: result.asOf),
            reportURL: result.asOf == nil ? reportURL : reportURL + "#" + Self.snapshotsID,
            grade: format.grade(result.grade),
            state: result.state.flatMap { $0 < plan.states.count ? "\(plan.states.grades[$0].spelledOut)（\(plan.statesHeading)）" : nil },
            progressHTML: html(result.progress, under: 4),
            factorsHTML: html(result.factors, under: 4), nextStepsHTML: html(result.nextSteps, under: 4), effect: effectSentence(result.effects, plan: plan))
        view.axes = axisValues(result, plan: plan)
        view.gradedBy = gradedBy(result, plan: plan)
        view.unreadable = result.gradeUnreadable
        view.composition = Self.compositionSentence(result.composition, scale: plan.grades)
        return view
    }

    /// 「効果見込額 4,700千円、実績効果額 6,352千円」
    /// 「効果見込額 300千円、実績効果額 280千円（単年度効果額）」; amounts of several kinds one after the
    /// other, separated by 「／」, each with its kind, never added together.
    func effectSentence(_ effects: [Effect], plan: Plan) -> String? {
        var sentence: String? = nil
        for effect in effects {
            guard let text = effectSentence(effect, unit: plan.moneyUnit) else { continue }
            sentence = sentence.map { $0 + "／" + text } ?? text
        }
        return sentence
    }

    /// One amount's sentence, made from the plan's money unit alone (a sentence is made for every
    /// result on the item and report pages).
    func effectSentence(_ effect: Effect, unit: MoneyUnit) -> String? {
        guard !effect.isEmpty else { return nil }
        var text = ""
        if let expected = effect.expectedWrittenWithUnit(unit) ?? effect.expected.map({ $0.formatted(in: unit) }) {
            text += "効果見込額 "
            text += expected
        }
        if let actual = effect.actualWrittenWithUnit(unit) ?? effect.actual.map({ $0.formatted(in: unit) }) {
            text += text.isEmpty ? "実績効果額 " : "、実績効果額 "
            text += actual
        }
        // The kind the report gives the amounts (単年度 / 継続), when it says.
        if let kind = effect.kind { text += "（\(kind.label)）" }
        return text
    }
}
