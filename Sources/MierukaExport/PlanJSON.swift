import MierukaModel
import MierukaSite

/// The whole of a plan as one JSON document (`/<plan>/data/plan.json`): the plan, its grading
/// scale and policies, every item with its KPIs and yearly results, and the yearly aggregates, both
/// published and computed. Amounts are integers in yen (`*_yen`), so no unit has to be guessed;
/// the plan's display unit is given beside them. The layout is documented on the data page and in
/// the README; `format_version` changes only when a field changes meaning or is removed.
///
/// The document is written straight to its bytes (`JSONWriter`), member by member in the order of
/// the file, never built as a `JSONValue` tree and freed again: each function given the writer
/// writes one value, or, where its comment says it gives members, members of the object being
/// written. Functions that return a `JSONValue` give a single value (a string, a number or null).
struct PlanJSON {
    static let formatVersion = 1

    let planIndex: PlanIndex
    let links: ExportLinks
    let settings: DataSettings
    let publisher: String?

    func write(to json: inout JSONWriter) {
        let plan = planIndex.plan
        let gradersNamed = resultsHaveGraders
        json.object { json in
            json.member("format", "mieruka-plan")
            json.member("format_version", Self.formatVersion)
            json.object("license") { json in
                json.member("name", settings.license)
                json.member("url", settings.licenseURL)
                json.member("publisher", publisher)
            }
            json.object("plan") { json in planMembers(to: &json) }
            json.member("grades") { json in scale(plan.grades, to: &json) }
            json.member("levels", strings: plan.levelNames)
            json.member("policies", plan.policies) { policy, json in self.policy(policy, to: &json) }
            json.member("items", plan.items) { item, json in self.item(item, gradersNamed: gradersNamed, to: &json) }
            json.member("years", planIndex.years) { year, json in self.year(year, to: &json) }
            json.member("tables", plan.tables) { table, json in self.table(table, to: &json) }
            axisMembers(to: &json)
            reportedMembers(to: &json)
            structureMembers(to: &json)
        }
    }

    /// The members of `plan`: what the plan is, whose, for which years, and where it is.
    func planMembers(to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.member("id", plan.slug)
        json.member("city", plan.city)
        json.member("title", plan.title)
        json.member("subtitle", plan.subtitle)
        json.member("period") { json in years(plan.period, to: &json) }
        json.member("money_unit", plan.moneyUnit.rawValue)
        json.member("summary", plan.summary)
        json.member("sources", strings: plan.sources)
        json.member("url", links.url(SiteRoutes.plan(plan.slug)))
    }

    /// {"first": 2016, "last": 2020}, or null.
    func years(_ range: FiscalYearRange?, to json: inout JSONWriter) {
        guard let range else { return json.null() }
        json.object { json in
            json.member("first", range.first.year)
            json.member("last", range.last?.year)
            // A span written with a year past its era's end (平成28年度～平成32年度) keeps the city's form beside the years.
            if let written = range.writtenText { json.member("written", written) }
        }
    }

    func policy(_ policy: Policy, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("id", policy.id)
            json.member("level", policy.level)
            json.member("level_name", plan.levelName(policy.level))
            json.member("number", policy.number)
            json.member("title", policy.title)
            json.member("parent", policy.parent.map { plan.policies[$0].id })
            json.member("kpis", policy.kpis) { kpi, json in self.kpi(kpi, to: &json) }
            json.member("url", links.url(SiteRoutes.policy(plan.slug, policy.slug)))
        }
    }

    /// `gradersNamed`: whether the plan's results say who graded (`resultsHaveGraders`, found once).
    func item(_ item: Item, gradersNamed: Bool, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("number", item.number)
            json.member("id", item.slug)
            json.member("title", item.title)
            json.member("summary", item.summary)
            json.member("listings", item.listings) { listing, json in
                json.object { json in
                    json.member("number", listing.number)
                    json.member("policy", plan.policies[listing.policy].id)
                    json.member("relisting", listing.isRelisting)
                }
            }
            json.member("departments", strings: item.departments)
            json.member("schedule", item.schedule) { step, json in
                json.object { json in
                    json.member("years") { json in years(step.years, to: &json) }
                    json.member("step", step.text)
                }
            }
            json.member("subitems", item.subitems) { subitem, json in
                json.object { json in
                    json.member("number", subitem.number)
                    json.member("title", subitem.title)
                    json.member("departments", strings: subitem.departments)
                }
            }
            // The number of 細目 the city publishes (subitem_count:), only where the item gives one.
            if let published = item.publishedSubitemCount { json.member("subitem_count", published.value) }
            json.member("kpis", item.kpis) { kpi, json in self.kpi(kpi, to: &json) }
            json.member("results", item.results) { result, json in
                self.result(result, of: item, gradersNamed: gradersNamed, to: &json)
            }
            json.member("url", links.url(SiteRoutes.item(plan.slug, item.slug)))
            // Results at points within a year (as_of:), only where the item has some, so that other
            // plans' files keep their bytes: each with its point, never among the years' results.
            if !item.snapshots.isEmpty {
                json.member("snapshots", item.snapshots) { result, json in
                    self.result(result, of: item, gradersNamed: gradersNamed, atPoint: true, to: &json)
                }
            }
        }
    }

    func kpi(_ kpi: KPI, to json: inout JSONWriter) {
        json.object { json in
            json.member("id", kpi.id)
            json.member("name", kpi.name)
            json.member("unit", kpi.unit)
            json.member("direction", kpi.direction?.rawValue)
            json.member("baseline") { json in point(kpi.baseline, to: &json) }
            json.member("target") { json in point(kpi.target, to: &json) }
            json.member("note", kpi.note)
            json.member("actuals", kpi.actuals) { actual, json in self.actual(actual, of: kpi, to: &json) }
        }
    }

    func actual(_ actual: KPIActual, of kpi: KPI, to json: inout JSONWriter) {
        json.object { json in
            json.member("year", actual.year.year)
            json.member("value", number(actual.value.number))
            json.member("text", actual.value.text)
            json.member("grade", grade(actual.grade))
            json.member("progress_percent", kpi.progress(of: actual).map { JSONValue.number(DataFormat.percent($0)) } ?? .null)
            // Only on a provisional value, so that other plans' files keep their bytes.
            if let provisional = actual.provisional {
                json.object("provisional") { json in
                    json.member("label", provisional.label)
                    json.member("as_of", provisional.asOf)
                    json.member("note", provisional.note)
                    json.member("replaced", kpi.isReplaced(actual))
                }
            }
        }
    }

    /// {"years": …, "value": 12.5, "text": null}, or null.
    func point(_ point: KPIPoint?, to json: inout JSONWriter) {
        guard let point else { return json.null() }
        json.object { json in
            json.member("years") { json in years(point.years, to: &json) }
            json.member("value", number(point.value.number))
            json.member("text", point.value.text)
        }
    }

    func number(_ number: DecimalNumber?) -> JSONValue {
        number.map { .number($0.description) } ?? .null
    }

    func grade(_ index: Int?) -> JSONValue {
        let plan = planIndex.plan
        guard let index, index < plan.grades.count else { return .null }
        return .string(plan.grades.grades[index].code)
    }

    func money(_ money: Money?) -> JSONValue {
        money.map { .int64($0.yen) } ?? .null
    }

    /// `kind` (single_year, continuing or null) of an amount, in a plan whose amounts name their
    /// kind only, so that other plans' files keep their bytes.
    func kindMember(_ kind: EffectKind?, to json: inout JSONWriter) {
        if planIndex.namesEffectKinds { json.member("kind", kind?.rawValue) }
    }

    /// The words of an effect's amounts written as increases (「425万4千円の増」), beside their
    /// (negative) yen, or as approximate figures (「約1,200千円」, marked `approximate`): only where
    /// there are some, so that other files keep their bytes.
    func increaseTexts(_ effect: Effect?, prefix: String, to json: inout JSONWriter) {
        if let text = effect?.expectedWritten { json.member(named: prefix + "expected_text", .string(text)) }
        if let text = effect?.actualWritten { json.member(named: prefix + "actual_text", .string(text)) }
        // An approximate figure (「約…」): its yen are the figure after 「約」, in no sum Mieruka makes.
        if effect?.expectedApproximate != nil { json.member(named: prefix + "expected_approximate", .bool(true)) }
        if effect?.actualApproximate != nil { json.member(named: prefix + "actual_approximate", .bool(true)) }
    }

    /// `atPoint`: a result at a point within the year (`items[].snapshots[]`), whose point follows its year.
    func result(_ result: YearResult, of item: Item, gradersNamed: Bool, atPoint: Bool = false, to json: inout JSONWriter) {
        json.object { json in
            json.member("year", result.year.year)
            if atPoint { json.member("as_of") { json in snapshot(result.asOf, to: &json) } }
            json.member("grade", grade(result.grade))
            gradeExtras(result, gradersNamed: gradersNamed, to: &json)
            json.member("progress", result.progress)
            json.member("factors", result.factors)
            json.member("next_steps", result.nextSteps)
            json.member("effect_expected_yen", money(result.effect?.expectedFigure))
            json.member("effect_actual_yen", money(result.effect?.actualFigure))
            increaseTexts(result.effect, prefix: "effect_", to: &json)
            // Only where the amounts say their kind (単年度 / 継続), so that other plans' files keep their bytes.
            if let kind = result.effect?.kind { json.member("effect_kind", kind.rawValue) }
            // The year's amounts of other kinds (単年度 beside 継続), only where there are some: never added to the first.
            if !result.moreEffects.isEmpty {
                json.member("more_effects", result.moreEffects) { effect, json in
                    json.object { json in
                        json.member("kind", effect.kind?.rawValue)
                        json.member("expected_yen", money(effect.expected))
                        json.member("actual_yen", money(effect.actual))
                        increaseTexts(effect, prefix: "", to: &json)
                    }
                }
            }
            // Only where the report's grade could not be read, so that other plans' files keep their bytes.
            if let unreadable = result.gradeUnreadable { json.member("grade_unreadable", unreadable) }
            // Only where the report prints the previous year's grade beside the item, as printed.
            if let previous = result.previousGrade { json.member("previous_grade", previous.value) }
            resultDetails(result, of: item, to: &json)
        }
    }

    /// The members a result gives only sometimes: its sub-items' results (only where the item has
    /// sub-items) and how its grades were reached (only where the report says), so that other plans'
    /// files keep their bytes.
    func resultDetails(_ result: YearResult, of item: Item, to json: inout JSONWriter) {
        let plan = planIndex.plan
        if !item.subitems.isEmpty {
            let states = plan.states.grades
            json.member("subitems", result.subitems) { sub, json in
                json.object { json in
                    json.member("number", sub.subitem < item.subitems.count ? item.subitems[sub.subitem].number : "")
                    json.member("grade", grade(sub.grade))
                    json.member("state", sub.state.flatMap { $0 < states.count ? states[$0].label : nil })
                    json.member("progress", sub.progress)
                }
            }
        }
        // How the grade was reached and the members' grades behind it, only where the report says.
        if let composition = result.composition {
            json.member("grade_composition") { json in self.composition(composition, scale: plan.grades, to: &json) }
        }
        let onAxes = result.axisValues.compactMap { value -> (axis: StatusAxis, composition: GradeComposition)? in
            guard let composition = value.composition, value.axis < plan.axes.count else { return nil }
            return (plan.axes[value.axis], composition)
        }
        if !onAxes.isEmpty {
            json.member("axis_grade_compositions", onAxes) { entry, json in
                composition(entry.composition, scale: entry.axis.grades, axis: entry.axis.key, to: &json)
            }
        }
    }

    /// {"method": "委員個々の評価を平均化", "member_grades": [{"member": null, "grade": "C"}, …]}, after
    /// the axis's id for a grade on an axis.
    func composition(_ composition: GradeComposition, scale: GradeScale, axis: String? = nil, to json: inout JSONWriter) {
        json.object { json in
            if let axis { json.member("axis", axis) }
            json.member("method", composition.method)
            json.member("member_grades", composition.members) { member, json in
                json.object { json in
                    json.member("member", member.member)
                    json.member("grade", member.grade < scale.count ? .string(scale.grades[member.grade].code) : JSONValue.null)
                }
            }
        }
    }

    /// One year's aggregates: computed from the items, and as published when the plan declares them.
    func year(_ year: FiscalYear, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("year", year.year)
            if let tally = planIndex.tallies[year] { json.object("computed") { json in computedMembers(tally, to: &json) } }
            if let declared = plan.declared(in: year) {
                json.member("published") { json in published(declared, shown: true, to: &json) }
            }
            // The year's published tables at its other points (as_of:), in their order; only where there
            // are some, so that other files keep their bytes.
            let others = plan.otherSnapshots(in: year)
            if !others.isEmpty {
                // Each with the notes its point's part of the year's report shows (Plan.showsTables).
                json.member("published_at_points", others) { declared, json in
                    published(declared, notesShown: declared.asOf.map { plan.showsTables(at: $0, in: year) } ?? false, to: &json)
                }
            }
            computedAtPoints(year, to: &json)
            axisCounts(year, to: &json)
        }
    }

    /// The members of `years[].computed`: the year's counts and amounts, from the items on the site.
    func computedMembers(_ tally: PlanYearTally, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.member("items_with_result", tally.itemsWithResult)
        json.member("listings", tally.totalListings)
        json.member("grade_counts") { json in counts(tally.totalCounts, gradeCount: tally.gradeCount, to: &json) }
        json.member("relistings", tally.totalRelistings)
        json.member("effect_expected_yen", money(tally.totalExpected))
        json.member("effect_actual_yen", money(tally.totalActual))
        json.member("policies", plan.policies.indices) { policy, json in
            json.object { json in
                json.member("policy", plan.policies[policy].id)
                json.member("grade_counts") { json in counts(tally.listingCounts[policy], gradeCount: tally.gradeCount, to: &json) }
                json.member("relistings", tally.relistingCounts[policy])
                json.member("effect_expected_yen", money(tally.expected[policy]))
                json.member("effect_actual_yen", money(tally.actual[policy]))
            }
        }
        effectsByKind(tally, to: &json)
    }

    /// Mieruka's counts (集計) at each point within the year whose items' results give a grade or a
    /// state, as the year's report and `grade-counts` give them: each point apart, never added to the
    /// year's. Only where there are some, so that other files keep their bytes.
    func computedAtPoints(_ year: FiscalYear, to json: inout JSONWriter) {
        let counted = AggregatesDataset.points(planIndex, year: year).compactMap { entry in entry.counted.map { (entry.point, $0) } }
        guard !counted.isEmpty else { return }
        json.member("computed_at_points", counted) { entry, json in pointCounts(entry.0, entry.1, to: &json) }
    }

    /// One point's counts: like the year's `computed`, without the effects (amounts at a point are
    /// never summed).
    func pointCounts(_ point: Snapshot, _ tally: PlanYearTally, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            json.member("as_of") { json in snapshot(point, to: &json) }
            json.member("items_with_result", tally.itemsWithResult)
            json.member("listings", tally.totalListings)
            json.member("grade_counts") { json in counts(tally.totalCounts, gradeCount: tally.gradeCount, to: &json) }
            json.member("relistings", tally.totalRelistings)
            json.member("policies", plan.policies.indices.filter { tally.listingCounts[$0].contains { $0 > 0 } }) { policy, json in
                json.object { json in
                    json.member("policy", plan.policies[policy].id)
                    json.member("grade_counts") { json in counts(tally.listingCounts[policy], gradeCount: tally.gradeCount, to: &json) }
                    json.member("relistings", tally.relistingCounts[policy])
                }
            }
        }
    }

    /// The items' amounts summed kind by kind, in a plan whose amounts name their kind only (the
    /// year's effect_*_yen above are then those of its one kind, or null when it has several:
    /// amounts of different kinds are never added together).
    func effectsByKind(_ tally: PlanYearTally, to json: inout JSONWriter) {
        let plan = planIndex.plan
        guard planIndex.namesEffectKinds else { return }
        json.member("effects_by_kind", tally.effectSums) { sums, json in
            json.object { json in
                kindMember(sums.kind, to: &json)
                json.member("effect_expected_yen", money(sums.totalExpected))
                json.member("effect_actual_yen", money(sums.totalActual))
                json.member("policies", plan.policies.indices.filter { sums.expected[$0] != nil || sums.actual[$0] != nil }) { policy, json in
                    json.object { json in
                        json.member("policy", plan.policies[policy].id)
                        json.member("effect_expected_yen", money(sums.expected[policy]))
                        json.member("effect_actual_yen", money(sums.actual[policy]))
                    }
                }
            }
        }
    }

    /// {"S": 3, "A": 25, "B": 15, "ungraded": 0}
    func counts(_ counts: [Int], gradeCount: Int, to json: inout JSONWriter) {
        let plan = planIndex.plan
        json.object { json in
            for index in 0..<min(gradeCount, counts.count) { json.member(named: plan.grades.grades[index].code, .int(counts[index])) }
            if counts.count > gradeCount { json.member("ungraded", counts[gradeCount]) }
            // Listings with a state instead of a grade (対象外 …), outside the grade counts.
            if !plan.states.isEmpty, counts.count > gradeCount + 1 {
                json.member("states") { json in codeCounts(zip(plan.states.grades, counts[(gradeCount + 1)...]), to: &json) }
            }
        }
    }

    /// {"A": 3, "B": 0}: numbers keyed by the codes of the grades or states they count.
    func codeCounts(_ counts: some Sequence<(Grade, Int)>, to json: inout JSONWriter) {
        json.object { json in
            for (grade, count) in counts { json.member(named: grade.code, .int(count)) }
        }
    }

    func table(_ table: PublishedTable, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", table.title)
            json.member("header", strings: table.header)
            json.member("rows", table.rows) { row, json in json.array(row) { cell, json in json.string(cell) } }
            json.member("note", table.note)
            json.member("source", table.source)
        }
    }
}

extension PlanDatasets {
    /// The fields of `plan.json`, for its dictionary on the data page. A path names a field inside
    /// another: `items[].results[].grade` is the grade of one result of one item.
    package static let jsonGuide: [(key: String, type: String, meaning: String)] = [
        ("format, format_version", "文字列, 整数", "データの形式名（mieruka-plan）と版。項目の意味を変えるか削るときだけ版が上がる"),
        ("license", "オブジェクト", "利用条件：name（名称）、url（条文）、publisher（公開者）"),
        ("plan", "オブジェクト", "計画：id、city（自治体）、title、subtitle、period（first・last：西暦の年度。last が null なら終期未定）、money_unit（表示の単位）、summary、sources（出典の資料）、url"),
        ("grades", "配列", "評価の段階（良い順）：code（記号）、label（意味）、definition（計画の示す評価の基準。なければ null）"),
        ("levels", "配列", "方針の階層名（上位から）"),
        ("policies[]", "配列", "方針：id、level（0が最上位）、level_name、number、title、parent（上位の方針の id）、kpis（方針の成果指標）、url"),
        ("items[]", "配列", "取組項目：number、id、title、summary、listings（number・policy・relisting：再掲なら true）、departments、schedule（取組の工程：years（first・last：西暦の年度）・step（計画の表記））、subitems（細目：number・title・departments）、kpis、results、url"),
        ("items[].subitem_count", "整数", "市が公表しているその項目の細目の数（subitem_count:。公表値のまま。書いてある項目だけ）"),
        ("items[].kpis[]", "配列", "成果指標：id、name、unit、direction（increase / decrease / null）、baseline・target（years・value（数値か null）・text（表記））、note、actuals（year・value・text・grade・progress_percent）"),
        ("items[].kpis[].actuals[].provisional", "オブジェクト", "確定前の値（見込み・速報値など）の実績だけ：label（資料の語。ないときは null）、as_of（日付や時点）、note（注記）、replaced（同じ年度の確定値があり、サイトでは確定値を載せているなら true）。progress_percent は null（確定前の値からは進捗率を計算しません）。方針の kpis も同じ"),
        ("items[].results[]", "配列", "年度別結果：year、grade（記号か null）、grade_unreadable（報告書にある評価が読み取れなかった年度だけ：その理由）、progress・factors・next_steps（Markdown）、effect_expected_yen・effect_actual_yen（円単位の整数か null。資料が「…の増」と書いた額は負の値で、そのときだけ effect_expected_text・effect_actual_text に資料の表記）、effect_kind（額の種類を資料が示すときだけ：single_year（単年度効果額）か continuing（継続的効果額））、subitems（細目のある項目だけ：number・grade・state（評価の対象外の状態）・progress）。計画にあるときだけ：state（評価に代わる状態の記号か null）、graded_by（評価した者：結果の記載、なければ計画の graded_by。評価のない結果は null）、axes（評価の軸の id ごとに grade・state・graded_by、その年度に値がなければ null）"),
        ("items[].results[].grade_composition", "オブジェクト", "報告書が評価の決め方や委員ごとの評価を示しているときだけ：method（評価の方法。報告書の言葉）、member_grades（委員ごとの評価：member（名前。ないときは null）・grade（記号））。委員ごとの評価は集計に使いません"),
        ("items[].results[].axis_grade_compositions[]", "配列", "評価軸の評価について同じものを示しているときだけ：axis（評価軸の id）、method、member_grades"),
        ("items[].results[].more_effects[]", "配列", "同じ年度に種類の異なる効果額（単年度と継続）があるときだけ：2つ目からの額。kind、expected_yen、actual_yen（「…の増」の額は expected_text・actual_text も）。1つ目の額は effect_expected_yen・effect_actual_yen と effect_kind で、種類の異なる額は足し合わせていません"),
        ("items[].results[].previous_grade", "文字列", "報告書がその項目の横に載せている前年度の評価（記載のとおり。集計には使わない。書いてある結果だけ）"),
        ("items[].snapshots[]", "配列", "年度の途中の時点の結果（時点の結果のある項目だけ）：year、as_of（時点：text（報告書の表記）・month・day（日のないときは null））、ほかは results と同じ。年度の結果には含めず、集計にも使いません"),
        ("years[]", "配列", "年度ごとの集計：year、computed（掲載項目の集計：grade_counts（評価記号ごとの数と ungraded）、relistings、effect_*_yen、policies（方針ごと））、published（公表値：grade_counts、grade_totals、state_totals（状態ごとの数、公表されている年度のみ）、effects、effect_totals（expected_yen・actual_yen。「…の増」と公表された額は負の値で、そのときだけ expected_text・actual_text に資料の表記）、listings、relistings、source）"),
        ("years[].computed.effects_by_kind[]", "配列", "効果額の種類（単年度・継続）を示す計画だけ：種類ごとの掲載項目の効果額の合計。kind（single_year・continuing、種類の示されていない額は null）、effect_expected_yen・effect_actual_yen、policies（policy・effect_expected_yen・effect_actual_yen）。種類の異なる額は足し合わせず、種類が二つ以上ある年度の computed.effect_*_yen は null。published の effects・effect_totals・effect_cumulative にも kind、effect_totals_by_kind（種類ごとの合計：published が false なら公表された行の和）、effect_cumulatives（種類ごとの累計が二つ以上公表されているとき）"),
        ("tables[]", "配列", "計画が公表している表：title、header、rows、note、source"),
        ("states", "配列", "計画にあるときだけ。評価に代わる状態（評価の対象外。例：対象外）：code・label・definition"),
        ("states_heading", "文字列", "計画が書いたときだけ。報告書が評価に代わる状態の全体につけた見出し（例：達成状況が確定できないもの）。ページは「評価の対象外」の代わりにこの語を使う。評価の軸（axes[]）にも、その軸に書かれたときだけある"),
        ("axes", "配列", "計画にあるときだけ。評価の軸（例：着手状況）：id、name、grades・states（code・label・definition）、graded_by（その軸の評価者か null）"),
        ("years[].computed_at_points[]", "配列", "その年度の途中の時点（例：9月末）に評価か状態のある項目の結果があるときだけ：時点の順に、その時点の掲載項目の集計（Mieruka が数えた値）。as_of、items_with_result、listings、grade_counts、relistings、policies（項目のある方針ごとに policy・grade_counts・relistings）。年度の computed とは別の数で、足し合わせていません。効果額は含みません"),
        ("years[].published_at_points[]", "配列", "その年度にほかの時点（例：6月末、9月末）の公表値もあるときだけ：時点の順に、published と同じ形（as_of つき。notes はその時点の表とともに進捗状況のページに載せているときだけ）。年度の数値ではなく、集計にも使いません"),
        ("years[].axes[]", "配列", "評価の軸のある計画だけ。その年度の軸ごとの項目数：axis（軸の id）、computed（掲載項目の集計：listings、grade_counts（軸の評価の記号ごとの数と ungraded、states）、policies（項目のある方針ごとに policy・grade_counts））、published（軸の公表値：as_of（年度途中の時点のときだけ）、listings、grade_counts（方針ごと）、grade_totals、state_totals（公表されているときだけ））、published_at_points（ほかの時点の軸の公表値があるときだけ）、computed_at_points（年度の途中の時点に軸の値のある項目の結果があるときだけ：時点ごとの掲載項目の集計。as_of、listings、grade_counts、policies）"),
        ("years[].published.as_of", "オブジェクト", "公表値が年度途中の時点のものであるときだけ：text（資料の表記。例：9月末）、month（月）、day（日。「末」なら null）"),
        ("years[].published.effect_cumulative・grade_share・grade_change", "オブジェクト", "資料が公表しているときだけ：累計の効果額（expected_yen・actual_yen）、計画の数える評価の割合（rate：資料の表記、count：件数）、前年度との増減（評価の記号ごとの整数。減少は負の数）"),
        ("years[].published.grade_rates・total_rate", "オブジェクト, 文字列", "資料が件数とともに割合を公表しているときだけ：評価の記号ごとの割合（資料の表記。例：30.4%）と、合計の割合（資料の表記。なければ null）"),
        ("years[].published.grouped_by・group_counts", "文字列・配列", "資料が計画の方針ではなく独自の区分（例：管理区分）ごとに件数を公表しているときだけ：grouped_by（区分の見出し。資料の表記）、group_counts（group：行の名称、counts：評価の記号ごとの数）。方針には対応させず、方針ごとの数（grade_counts）にも含めません"),
        ("years[].published.notes・highlights", "文字列, 配列", "資料にあるときだけ。その年度の進捗状況のページに載せている報告書の記述（Markdown）と、報告書が取り上げた主な取組（title（見出し）、entries（title・department・amount（金額の表記）・text））"),
        ("money_tables[]", "配列", "計画にあるときだけ。公表された効果額の表：title、years（first・last）、as_of（年度途中の時点。なければ null）、unit（金額の単位）、basis（算定の基礎）、row_heading、headings（planned・actual・difference・rate：資料の列の見出し。資料にない列は null）、rows と total（label、planned・actual・difference（text：資料の表記、yen：円単位の整数）、rate（text、percent：%の数値））、note、source。資料の列のままの表（columns: を並べた表）は rows が空で、grid に sign（signed：符号のとおり、reduction：△を削減額として計算）、columns（heading・text（文字の列なら true）・sum（資料の計が何の計か：group（まとまりの明細）、all（すべての明細）、見出しの配列、計でなければ null））、rows（まとまりの見出しは group、ほかは label・sum・text（文字の行なら true。ほかの行にはない）・cells（列ごとに text（表記。（ ）付きの2つの金額の欄は全体）・amount（（ ）付きの欄だけ：（ ）の前の金額の表記）・yen（△は負の数）・value_yen（表の計算で数える値）・bracketed（（ ）付きの欄だけ：（ ）内の金額の text・yen・value_yen）、文字の列と文字の行は text だけ、空欄は null））。欄に（ ）付きの2つの金額がある表は grid に bracket（（ ）内の金額の名称 label と数え方 counts：running_total（初年度からの合計）・continuing（各年度の額を以後の年度にも重ねた累計）・null）"),
        ("achievements[]", "配列", "計画にあるときだけ。公表された達成の件数：title、years、as_of、of（「20項目中」の20）、noun（項目の呼び方）、counts（label、count、rate（text・percent か null）、grades（その件数が数える計画の評価のコード。計画の評価との対応を資料が示すときだけ））、note、source"),
        ("plan_kpis[]", "配列", "計画にあるときだけ。計画全体の目標（主要目標）の表：title、kpis（name、baseline（years・text）、target（years・text・bound：「未満」「以上」などと限度の値。読めないときは null）、actuals（years、cumulative（累計なら true）、text（資料の表記）、interim_target、provisional（確定前の値の資料の語：見込み・速報値など。語がなく時点や注記だけなら「確定前の値」）、provisional_as_of・provisional_note（確定前の値の時点と注記。資料が示すときだけ）、quantity（読み取った値：yen、または value と unit。読めないときは null））、rate（公表された達成率など：label・text・years）、note、computed.target_met（Mieruka による目標との比較：true・false・null））、note、source"),
        ("revisions[]", "配列", "計画にあるときだけ。計画の見直し（古い順）：year（見直し後の計画が始まる年度）、date、title、note、source、period（before・after）、items（公表された項目数：before・after・before_text・after_text・noun）、added・deleted・finished（item（項目の id。サイトにない項目は null）、number、title、reason）、targets（item、number、kpi、before・after（years・value・text）、reason）"),
        ("revisions[].rescheduled[]", "配列", "見直しが予定年度の変更か整理番号を書いている計画だけ。rescheduled（予定年度の変更を書いている計画だけ。実施予定年度を変えた項目で、計画には残る）：item、number、reference_number、title、part（項目の一部だけを変えたとき、その部分。資料の表記）、from・to（変更前・変更後の予定年度。西暦の年度）、reason。reference_number（資料の整理番号の表記。書かれていなければ null）は added・deleted・finished の項目にもあり、part は計画のどれかの変更が書いているときだけ"),
        ("lineage[]", "配列", "計画にあるときだけ。計画の経緯（これまでの計画）：title、date（策定の時期。資料の表記）、period（first・last）、text（Markdown）、effect（資料が示す効果。表記のまま）、effect_years"),
        ("matrices[]", "配列", "計画にあるときだけ。計画の体系の表：title、row_heading・column_heading（行と列の見出し）、columns（number、title、policy（列が表す方針の id か null））、rows（number、title、cells（列ごとに number・title・text（Markdown）、空欄は null））、source"),
        ("timelines[]", "配列", "計画にあるときだけ。推進期間などの図：title、years（first・last）、open_end（最後の列が「以降」なら true）、row_heading、rows（group、label、spans（years、label、continues：「以降」へ続くなら true）、note）、source"),
        ("opinions[]", "配列", "計画にあるときだけ。委員会などの意見（年度順。年度の中では結果全体への意見、項目への意見の順）：year、item（項目の id。年度の結果全体への意見は null）、number、by（意見を述べた者）、date（時期。資料の表記）、text（本文。Markdown）、source、url（意見を掲載しているページ）"),
    ]
}
