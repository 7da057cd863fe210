import MierukaModel
import MierukaRender
import Testing

/// 相馬市「行財政改革大綱に基づく実施計画の実績効果額」 and 「実施計画の平成20年度実績」, as the demo
/// site shows them: 単年度効果額 in 千円 per plan generation, 削減額 printed with △, a 計 column per
/// generation, and 削減額 grouped under the report's headings with 小計 rows, beside the report's
/// 取組項目 and 担当 (text columns).
@Suite struct SomaTests {
    let site = DemoSite.shared

    func rows(_ table: MoneyTableView) -> [[String]] { table.rows.map { [$0.label] + $0.cells } }

    @Test func singleYearEffectsPerGenerationAreExactlyAsPublished() throws {
        let plan = try #require(site.page("soma/", as: PlanPageView.self))
        #expect(plan.moneyTables.map(\.title) == [
            "単年度効果額 第3次(H18年度〜)", "単年度効果額 第2次(H14年度〜H17年度)", "単年度効果額 第2次・第3次合計",
            "平成20年度の削減額（実施内容別、一部）",
        ])
        let third = plan.moneyTables[0]
        #expect(third.unit == "（単位：千円）")
        #expect(third.rowHeading == "項目")
        #expect(third.headings == ["H18年度", "H19年度", "H20年度", "H21年度", "第3次計"])
        #expect(
            rows(third) == [
                ["削減額", "△396,046", "△284,388", "△157,802", "△177,102", "△1,015,338"],
                ["収入額", "199,588", "24,088", "2,764", "9,124", "235,564"],
                ["効果額", "595,634", "308,476", "160,566", "186,226", "1,250,902"],
            ])
        #expect(third.rows.map(\.isSum) == [false, false, true])
        let second = plan.moneyTables[1]
        #expect(second.headings == ["H14年度", "H15年度", "H16年度", "H17年度", "第2次計"])
        #expect(
            rows(second) == [
                ["削減額", "△192,424", "△255,626", "△292,487", "△386,342", "△1,126,879"],
                ["収入額", "59,364", "24,087", "70,979", "79,004", "233,434"],
                ["効果額", "251,788", "279,713", "363,466", "465,346", "1,360,313"],
            ])
        // The 合計 of 効果額 could not be read: it stays empty, never completed by Mieruka.
        let both = plan.moneyTables[2]
        #expect(both.headings == ["第3次計", "第2次計", "合計"])
        #expect(
            rows(both) == [
                ["削減額", "△1,015,338", "△1,126,879", "△2,142,217"], ["収入額", "235,564", "233,434", "468,998"],
                ["効果額", "1,250,902", "1,360,313", "—"],
            ])
        #expect(both.note?.contains("読み取れなかった") == true)
        #expect(both.years == "平成14年度～平成21年度")
    }

    @Test func reductionsAreGroupedWithTheirPublishedSubtotals() throws {
        let plan = try #require(site.page("soma/", as: PlanPageView.self))
        let table = try #require(plan.moneyTables.last)
        #expect(table.years == "平成20年度")
        #expect(table.groups.map(\.label) == ["1 事務事業の簡素・効率化", "2 組織機構の見直しと人材の育成"])
        // The report's 取組項目 and 担当 beside each 削減額, as words (text columns); a row whose
        // 取組項目 the stored copy does not give has it empty, never filled in.
        #expect(table.headings == ["取組項目", "担当", "削減額"])
        #expect(table.textColumns == [0, 1])
        #expect(
            table.groups[0].rows.map(\.cells) == [
                ["指定管理者制度の導入", "商工振興課", "△ 45"], ["敬老会及び敬老祝金支給事業の見直し", "健康福祉課", "△ 805"],
                ["報告書等印刷の見直し(業者発注から自作発行へ)", "関係各課", "△ 356"], ["その他の見直し", "秘書課", "△ 256"],
                ["", "議会事務局", "△ 546"], ["", "保険年金課", "△ 1,087"], ["", "社会福祉課", "△ 1,166"], ["", "", "△ 4,261"],
            ])
        #expect(table.groups[0].rows.last?.label == "小計")
        #expect(table.groups[1].rows.map { [$0.label] + $0.cells } == [
            ["一般職給料の削減", "給与の適正化推進", "総務課", "△ 47,077"], ["市長給料20%、副市長・教育長の給料10%削減", "", "総務課", "△ 4,382"],
            ["管理職手当の30%削減", "諸手当の見直し", "総務課", "△ 11,512"], ["小計", "", "", "△ 62,971"],
        ])
        #expect(table.note?.contains("写しからは確かめられないため書き足していません") == true)
        // Every printed sum agrees with its parts (△ counted as the amount reduced): no warning for 相馬市.
        #expect(!site.diagnostics.sorted.contains { $0.message.contains("単年度効果額") || $0.message.contains("削減額") })
    }
}
