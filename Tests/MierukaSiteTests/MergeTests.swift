import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

@Suite struct MergeTests {
    let base: [String: String] = [
        "mieruka.yml": InMemorySite.config,
        "content/p/_index.md": InMemorySite.plan,
    ]

    func merge(_ extra: [String: String]) -> (MergedSite?, Diagnostics) {
        InMemorySite.merge(base.merging(extra) { $1 })
    }

    @Test func resultsFromFrontMatterAndSeedsMergeOntoItems() throws {
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item(
                "1", extra: "kpis:\n  - {id: k, name: 件数, unit: 件}\nresults:\n  - {year: R5, grade: A}\n"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, grade: B, kpis: {k: 12件}, effect: {expected: 10, actual: 5}}\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let item = try #require(merged?.site.plans.first?.items.first)
        #expect(item.results.map(\.year.year) == [2023, 2024])
        #expect(item.results.map(\.grade) == [0, 1])
        #expect(item.kpis.first?.actual(in: FiscalYear(2024))?.value.number == DecimalNumber(12))
        #expect(item.result(in: FiscalYear(2024))?.effect?.actual == Money(yen: 5_000))
    }

    @Test func aSecondResultForTheSameYearIsAnErrorNotAReplacement() {
        let (_, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: A}\n"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, grade: C}\n",
        ])
        #expect(diagnostics.errors.map(\.message) == ["item 1 has two results for 令和6年度"])
    }

    @Test func relistedItemsHaveAListingPerPolicy() throws {
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("7", extra: "relisted:\n  - {number: 41, policy: \"2\"}\n"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 41, grade: A}\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let plan = try #require(merged?.site.plans.first)
        let item = try #require(plan.items.first)
        #expect(item.listings.map(\.number) == ["7", "41"])
        #expect(item.listings.map(\.isRelisting) == [false, true])
        #expect(item.result(in: FiscalYear(2024))?.grade == 0, "a result may name the item by its 再掲 number")
        let tally = PlanYearTally(plan: plan, year: FiscalYear(2024))
        #expect(tally.totalCounts[0] == 2)
        #expect(tally.totalRelistings == 1)
    }

    @Test func aRejectedItemDoesNotKeepItsNumbers() throws {
        // Item 5's 再掲 names an unknown policy, so item 5 is rejected; a result for 5 must then not
        // be applied to another item (or crash), and not be reported a second time as a result for
        // an unknown number: the one error is the real one, the policy.
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("5", extra: "relisted:\n  - {number: 6, policy: \"9\"}\n"),
            "content/p/b.md": InMemorySite.item("7"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 5, grade: A}\n  - {item: 6, grade: A}\n",
        ])
        #expect(diagnostics.errors.map(\.message) == ["policy \"9\" is not in the plan p"])
        let item = try #require(merged?.site.plans.first?.items.first)
        #expect(item.number == "7")
        #expect(item.results.isEmpty)
    }

    @Test func anItemRejectedForADuplicateNumberGetsOneError() throws {
        // b.md repeats item 7's number: b.md is rejected with one error; its other number (8) gets
        // no second error, and the result for 7 goes to the item that kept the number.
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("7"),
            "content/p/b.md": InMemorySite.item("7", extra: "relisted:\n  - {number: 8, policy: \"2\"}\n"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 7, grade: A}\n  - {item: 8, grade: B}\n  - {item: 9, grade: B}\n",
        ])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.filter { $0.contains("used twice") }.count == 1)
        #expect(!messages.contains("the plan p has no item number 8"))
        #expect(messages.contains("the plan p has no item number 9"), "a number no item wrote is still reported")
        #expect(messages.count == 2, "\(messages)")
        let items = try #require(merged?.site.plans.first?.items)
        #expect(items.map(\.number) == ["7"])
        #expect(items.first?.result(in: FiscalYear(2024))?.grade == 0)
    }

    @Test func itemsSortByNumberAsPeopleRead() throws {
        let (merged, _) = merge([
            "content/p/a.md": InMemorySite.item("10"),
            "content/p/b.md": InMemorySite.item("2"),
            "content/p/c.md": InMemorySite.item("1"),
        ])
        #expect(merged?.site.plans.first?.items.map(\.number) == ["1", "2", "10"])
    }

    @Test func reservedAndInvalidItemSlugsAreRejected() {
        let (_, diagnostics) = merge([
            "content/p/reports.md": InMemorySite.item("1"),
            "content/p/a b.md": InMemorySite.item("2"),
        ])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("\"reports\" is reserved for the plan's own pages"))
        #expect(messages.contains("\"a b\" cannot be used in a URL"))
    }

    @Test func gradesMayBeTypedFullWidth() throws {
        let (merged, diagnostics) = merge([
            "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: Ｂ}\n")
        ])
        #expect(diagnostics.isEmpty)
        #expect(merged?.site.plans.first?.items.first?.results.first?.grade == 1)
    }

    @Test func aPlanWithoutResultsIsFine() throws {
        let (merged, diagnostics) = merge([:])
        #expect(diagnostics.isEmpty)
        let plan = try #require(merged?.site.plans.first)
        #expect(plan.reportedYears.isEmpty)
        #expect(plan.policies.map(\.id) == ["1", "1-1", "2"])
        #expect(plan.policies[1].parent == 0)
        #expect(plan.topLevelPolicies == [0, 2])
    }

    @Test func duplicatePolicyIDsAndGradeCodesAreReported() {
        let plan = InMemorySite.plan.replacingOccurrences(of: "{id: \"2\", title: 方針二}", with: "{id: \"1\", title: 重複}")
            .replacingOccurrences(of: "{code: C, label: 遅れ}", with: "{code: A, label: 重複}")
        let (_, diagnostics) = InMemorySite.merge(["mieruka.yml": InMemorySite.config, "content/p/_index.md": plan])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("two policies have the id \"1\""))
        #expect(messages.contains("the grade \"A\" is listed twice"))
    }

    @Test func pagesMayNotTakeAPlansAddress() {
        let (_, diagnostics) = merge(["content/p.md": "---\ntitle: 同名\n---\n"])
        #expect(diagnostics.errors.map(\.message) == ["the page /p/ would replace the plan of the same name"])
    }
}
