import MierukaModel
import MierukaRender
import Testing

/// 米子市's three generations of reform, as the demo site shows them from the city's stored pages:
/// the first plan's 細目 implementation rates, its 財政効果額 tables (compound amounts such as
/// 28億7,907万5千円, the report's own layout of A, B and B − A) and its revision of 平成18年10月30日
/// with the one 細目 the pages name; the second and third plans' 取組の効果額 with the city's
/// approximate figures (「約49億円」) as written.
@Suite struct YonagoTests {
    let site = DemoSite.shared

    @Test func theFirstPlansImplementationRatesAreAsPublishedEachForItsOwnYears() throws {
        let plan = try #require(site.page("yonago/", as: PlanPageView.self))
        #expect(plan.plan.city == "米子市")
        #expect(plan.achievements.map(\.years) == ["平成17年度", "平成17年度～平成19年度"])
        #expect(plan.achievements.map { $0.rows.map { [$0.label] + $0.cells } } == [[["実施", "74", "94.9パーセント"]], [["実施", "138", "95.8パーセント"]]])
        #expect(plan.achievements.map(\.total.cells) == [["78", "—"], ["144", "—"]])
        #expect(plan.achievements.map(\.noun) == ["細目", "細目"])
        // 平成19年度まで is a span of years, never one fiscal year's count.
        #expect(plan.achievements[1].spanNote == "この表は平成17年度～平成19年度の期間についての公表値で、単年度の数値ではありません。")
        #expect(plan.achievements[1].note?.contains("118項目154細目") == true)
    }

    @Test func theFirstPlansEffectsAreAsPublishedToTheThousandYen() throws {
        let plan = try #require(site.page("yonago/", as: PlanPageView.self))
        let tables = plan.moneyTables
        #expect(tables.map(\.title) == [
            "平成17年度財政効果額", "平成17年度の推進状況 計画期間全体財政効果額(見込み)", "平成19年度までの財政効果額",
            "平成19年度の推進状況 計画期間全体財政効果額(見込み)",
        ])
        func rows(_ table: MoneyTableView) -> [[String]] { table.rows.map { [$0.label] + $0.cells } }
        #expect(tables[0].headings == ["平成17年度目標", "平成17年度実績", "差額"])
        #expect(rows(tables[0]) == [
            ["平成17年度財政効果額", "5億906万8千円", "5億7,397万4千円", "6,490万6千円"],
            ["うち、一般会計分", "4億2,683万2千円", "5億883万2千円", "8,200万円"],
        ])
        #expect(rows(tables[1]) == [
            ["計画期間全体財政効果額(見込み)", "66億150万3千円", "67億8,938万3千円", "1億8,788万円"],
            ["うち、一般会計分", "47億1,051万2千円", "47億9,344万9千円", "8,293万7千円"],
        ])
        #expect(tables[2].headings == ["実績", "うち一般会計分"])
        #expect(rows(tables[2]) == [
            ["平成19年までの目標(計画策定時) A", "28億7,907万5千円", "21億9,133万1千円"],
            ["平成19年度までの実績 B", "39億2,254万7千円", "32億9,398万7千円"],
            ["差額 BマイナスA", "10億4,347万2千円", "11億  265万6千円"],
        ])
        #expect(rows(tables[3]) == [
            ["計画期間全体の目標(計画策定時) A", "66億150万3千円", "47億1,051万2千円"],
            ["計画期間全体の目標(平成19年度実績反映後) B", "88億6,489万3千円", "67億4,648万2千円"],
            ["差額 BマイナスA", "22億6,339万円", "20億3,597万円"],
        ])
        // No exact figure of the plan is approximate, and the rounded ones stay in the city's sentences.
        #expect(tables.allSatisfy { $0.approximateNote == nil })
        let body = try #require(plan.bodyHTML)
        for figure in ["約39億2,200万円", "約32億9,300万円", "約88億6,400万円", "約67億4,600万円", "約5億7,400万円", "約67億8,900万円"] {
            #expect(body.contains(figure), "\(figure)")
        }
        // Mieruka derives nothing here: no grade table, no effect table, no yearly reports.
        #expect(plan.gradeTable == nil && plan.effectTable == nil && plan.reports.isEmpty)
    }

    /// Every 差額 the city prints is B − A to the thousand yen, so `check` says nothing of the plan.
    @Test func checkFindsNoContradictionInTheCitysTables() {
        let problems = site.diagnostics.all.filter { $0.location.file.hasPrefix("content/yonago") }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
    }

    /// 米子市's page of 2006年11月2日: four items' 実施予定年度 moved from 平成17年度 to 平成18年度 (one
    /// only for its 細目 9), four items of 水道局 added, each with its 整理番号 as the city writes it.
    @Test func theRevisionAddsTheWaterBureausItemsAndMovesFourScheduledYears() throws {
        let plan = try #require(site.page("yonago/", as: PlanPageView.self))
        let revision = try #require(plan.revisions?.revisions.first)
        #expect(revision.date == "平成18年10月30日")
        #expect(revision.itemCaption == "見直しで追加・削除・予定年度を変更した取組項目（平成18年度から）")
        #expect(
            revision.items.map { [$0.change, $0.referenceNumber ?? "—", $0.title] } == [
                ["追加", "8-(1)-(2)", "特殊勤務手当の見直し"],
                ["追加", "16-(2)-(1)", "人材育成基本方針の策定"],
                ["追加", "16-(3)-(3)", "人事行政の運営状況の公表"],
                ["追加", "18-(1)-(1)", "審議会、委員会等の会議概要の公表の推進"],
                ["予定年度の変更", "2-(1)-(3)", "単独扶助事業の見直し"],
                ["予定年度の変更", "15-(1)-(4)", "特別会計への繰出金のありかたの検討"],
                ["予定年度の変更", "18-(2)-(1)", "市民参画推進計画の策定"],
                ["予定年度の変更", "18-(2)-(2)", "パブリックコメントの制度化"],
            ])
        let moves = revision.items.filter { $0.change == "予定年度の変更" }
        #expect(moves.allSatisfy { $0.scheduleBefore == "平成17年度" && $0.scheduleAfter == "平成18年度" })
        #expect(moves.map(\.part) == ["9.要・準要保護児童生徒医療扶助事業", nil, nil, nil])
        #expect(moves.map(\.number) == ["2-(1)-(3)", nil, nil, nil])
        #expect(revision.items.filter { $0.change == "追加" }.allSatisfy { $0.scheduleAfter == nil && $0.number == nil })
        #expect(revision.itemCounts == "この表の取組項目は追加4項目、予定年度の変更4項目です（Mieruka が表の行を数えた集計）。")
        // What the keys cannot carry stays in the note.
        let note = try #require(revision.noteHTML)
        #expect(note.contains("平成17年度実施予定分のうち、未実施分の実施予定年度を「平成18年度」に繰り下げた"))
        #expect(note.contains("水道局"))
        // The item the site details says so on its page; it stays in the plan.
        let item = try #require(site.page("yonago/2-1-3/", as: ItemPageView.self))
        let history = try #require(item.revisionHistory)
        #expect(history.rows.map(\.change) == ["予定年度の変更：「9.要・準要保護児童生徒医療扶助事業」を平成17年度から平成18年度へ"])
        #expect(history.status == nil)
        let model = try #require(site.planIndex("yonago")?.plan)
        #expect(model.items.indices.allSatisfy { model.revisions.isInPlan($0, in: FiscalYear(2005)) })
    }

    @Test func theOneNamedSubItemIsOnItsItemsPage() throws {
        let item = try #require(site.page("yonago/2-1-3/", as: ItemPageView.self))
        #expect(item.number == "2-(1)-(3)")
        #expect(item.title == "単独扶助事業の見直し")
        #expect(item.subitems?.rows.map { [$0.number, $0.title] } == [["9", "要・準要保護児童生徒医療扶助事業"]])
    }

    @Test func theSecondPlansEffectsKeepTheCitysApproximateFigures() throws {
        let plan = try #require(site.page("yonago-2/", as: PlanPageView.self))
        #expect(plan.plan.period == "平成22年度～")
        let count = try #require(plan.achievements.first)
        #expect(count.years == "平成22年度～")
        #expect(count.rows.map { [$0.label] + $0.cells } == [["実施", "93", "100パーセント"]])
        #expect(count.total.cells == ["93", "—"])
        let table = try #require(plan.moneyTables.first)
        #expect(table.years == "平成22年度～平成27年度")
        #expect(table.headings == ["当初の見込み", "取組の効果額", "増加"])
        #expect(table.rows.map { [$0.label] + $0.cells } == [
            ["取組の効果額", "約29億円", "約49億円", "20億円"],
            ["一般会計ベース", "20億円", "約37億円", "17億円"],
        ])
        #expect(table.approximateNote == "「約」の付いた額は、市の公表どおりの概数です（表記のまま）。")
        #expect(table.note?.contains("平成27年度については見込値") == true)
    }

    @Test func theThirdPlansEffectIsAsPublished() throws {
        let plan = try #require(site.page("yonago-3/", as: PlanPageView.self))
        #expect(plan.plan.period.hasPrefix("平成27年度～令和元年度"))
        #expect(plan.policies.map(\.title) == ["効率的・効果的な行政運営の推進", "持続可能な財政基盤の確立", "次代を担う人材の育成と職員の資質向上"])
        let table = try #require(plan.moneyTables.first)
        #expect(table.rows.map { [$0.label] + $0.cells } == [["取組の効果額", "15億円", "約28億円", "約13億円"]])
        #expect(table.approximateNote != nil)
        #expect(plan.bodyHTML?.contains("60項目の取組") == true)
    }

    /// The approximate figures are marked in the open data too, as the city wrote them.
    @Test func theOpenDataSaysWhichAmountsAreApproximate() throws {
        let index = try #require(site.planIndex("yonago-2"))
        let row = try #require(index.plan.reported.moneyTables.first?.rows.first)
        #expect(row.planned?.text == "約29億円" && row.planned?.approximate == true)
        #expect(row.planned?.money == Money(yen: 2_900_000_000))
        #expect(row.difference?.approximate == false)
    }
}

/// The home page counts the items the site carries for 米子市 (4 of the 118 the city lists) as what
/// they are, the items on the site, never as the plan's number of items.
@Suite struct YonagoHomeCardTests {
    @Test func theHomeCardSaysItCountsTheItemsOnTheSite() throws {
        let site = DemoSite.shared
        let home = try #require(site.pages.lazy.compactMap { site.views.context(for: $0).content as? HomeView }.first)
        let card = try #require(home.plans.first { $0.url.hasSuffix("/yonago/") })
        #expect(card.itemCount == "掲載している取組項目 4項目")
        // A plan whose count is published keeps the city's number, unqualified (大多喜町 平成20年度: 86).
        let otaki = try #require(home.plans.first { $0.url.hasSuffix("/otaki-2/") })
        #expect(otaki.itemCount == "取組項目 86項目")
    }
}
