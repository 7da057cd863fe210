import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

/// Declared (published) tables against what the transcribed items add up to. Made-up numbers.
@Suite struct ReconcileTests {
    func site(declared: String, items: [String: String]) -> (MergedSite?, Diagnostics) {
        let plan = InMemorySite.plan.replacingOccurrences(
            of: "---\n本文", with: "declared:\n" + declared + "---\n本文")
        return InMemorySite.merge(
            ["mieruka.yml": InMemorySite.config, "content/p/_index.md": plan].merging(items) { $1 })
    }

    func reconcile(_ merged: MergedSite?) -> Diagnostics {
        var diagnostics = Diagnostics()
        if let merged { DeclaredReconciler().reconcile(merged.site, severity: .error, diagnostics: &diagnostics) }
        return diagnostics
    }

    let declared = """
          - year: R6
            listings: 5
            grades:
              - {policy: "1", counts: {A: 1, B: 2, C: 0}}
              - {policy: "2", counts: {A: 0, B: 1, C: 1}}
            effects:
              - {policy: "1", expected: 100, actual: 80}

        """

    @Test func fewerItemsThanPublishedIsFine() {
        let (merged, diagnostics) = site(
            declared: declared,
            items: ["content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 50}}\n")])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(reconcile(merged).isEmpty)
    }

    @Test func moreGradedThanPublishedIsAContradiction() {
        let (merged, _) = site(
            declared: declared,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: A}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: A}\n"),
            ])
        let errors = reconcile(merged).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message == "令和6年度, 方針一: the published table has 1 × A, but 2 transcribed listings are graded A")
    }

    @Test func amountsAboveThePublishedTotalAreAContradiction() {
        let (merged, _) = site(
            declared: declared,
            items: ["content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 90}}\n")])
        #expect(reconcile(merged).errors.map(\.message) == ["令和6年度, 方針一: the published 実績効果額 is 80千円, but the items add up to 90千円"])
    }

    /// The bound holds only for amounts of one sign: items with an increase (「…の増」, negative)
    /// beside reductions may add up to more than a published reduction (the untranscribed items may
    /// hold increases too), and a published increase bounds items that are all increases.
    @Test func amountsOfBothSignsBoundNothingButAmountsOfOneSignDo() {
        // Reductions 120 and an increase of 30 (90 in all) against a published 80: not a contradiction.
        var (merged, _) = site(
            declared: declared,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 120}}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 10, actual: 30の増}}\n"),
            ])
        #expect(reconcile(merged).isEmpty, "\(reconcile(merged).all)")

        // A published increase of 50: items that are all increases may not add up to more (80 の増).
        let increase = """
              - year: R6
                listings: 5
                effects:
                  - {policy: "1", expected: 100, actual: 50の増}

            """
        (merged, _) = site(
            declared: increase,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 30の増}}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 10, actual: 50の増}}\n"),
            ])
        #expect(
            reconcile(merged).errors.map(\.message) == [
                "令和6年度, 方針一: the published 実績効果額 is 「50の増」 (△50千円), but the items add up to △80千円"
            ])
        // Within it (30の増 and 20の増) is fine, and so is a reduction beside increases.
        (merged, _) = site(
            declared: increase,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 30の増}}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 10, actual: 20の増}}\n"),
            ])
        #expect(reconcile(merged).isEmpty, "\(reconcile(merged).all)")
        (merged, _) = site(
            declared: increase,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 90の増}}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 10, actual: 5}}\n"),
            ])
        #expect(reconcile(merged).isEmpty, "\(reconcile(merged).all)")
        // Reductions alone above a published reduction are still a contradiction (the other direction).
        (merged, _) = site(
            declared: declared,
            items: [
                "content/p/a.md": InMemorySite.item("1", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 60, actual: 50}}\n"),
                "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R6, grade: B, effect: {expected: 10, actual: 40}}\n"),
            ])
        #expect(reconcile(merged).errors.map(\.message) == ["令和6年度, 方針一: the published 実績効果額 is 80千円, but the items add up to 90千円"])
    }

    @Test func whenEveryListingIsTranscribedEveryCellMustMatch() {
        let small = """
              - year: R6
                listings: 1
                grades:
                  - {policy: "1", counts: {A: 0, B: 1, C: 0}}

            """
        let (merged, _) = site(
            declared: small,
            items: ["content/p/a.md": InMemorySite.item("1", policy: "2", extra: "results:\n  - {year: R6, grade: B}\n")])
        // One listing published, one transcribed: complete, but under the other policy.
        let messages = reconcile(merged).errors.map(\.message)
        #expect(messages == ["令和6年度, 方針一: the published table has 1 × B, but 0 transcribed listings are graded B"])
    }

    @Test func publishedFiguresThatDisagreeAreWarningsNotErrors() {
        let broken = """
              - year: R6
                listings: 6
                grades:
                  - {policy: "1", counts: {A: 1, B: 2, C: 0}}
                grade_total: {A: 1, B: 3, C: 0}

            """
        let (merged, diagnostics) = site(declared: broken, items: [:])
        #expect(diagnostics.isEmpty)
        var validation = Diagnostics()
        if let merged { SiteValidator().validate(merged.site, diagnostics: &validation) }
        // The city's figures are shown as published; check warns, it does not fail.
        #expect(validation.errors.isEmpty, "\(validation.errors)")
        #expect(
            validation.warnings.map(\.message) == [
                "the declared table for 令和6年度 gives 3 × B in total, but its rows add up to 2",
                "the declared table for 令和6年度 counts 6 listings, but its grades add up to 4",
            ])
        #expect(validation.warnings.allSatisfy { $0.hint?.hasPrefix("the site shows each figure as published") == true })
    }

    @Test func publishedEffectRowsThatDisagreeWithTheirTotalAreWarnings() {
        let broken = """
              - year: R6
                listings: 1
                relisted: 2
                effects:
                  - {policy: "1", expected: 100, actual: 80}
                  - {policy: "2", expected: 50, actual: 20}
                effect_total: {expected: 160, actual: 100}

            """
        let (merged, diagnostics) = site(declared: broken, items: [:])
        #expect(diagnostics.isEmpty)
        var validation = Diagnostics()
        if let merged { SiteValidator().validate(merged.site, diagnostics: &validation) }
        #expect(validation.errors.isEmpty, "\(validation.errors)")
        #expect(
            validation.warnings.map(\.message) == [
                "the declared table for 令和6年度 has more 再掲 listings (2) than listings (1)",
                "the declared 効果見込額 total for 令和6年度 is 160千円, but its rows add up to 150千円",
            ])
    }

    // MARK: - Published counts of a state (state_total:)

    func siteWithStates(declared: String) -> (MergedSite?, Diagnostics) {
        let plan = InMemorySite.plan.replacingOccurrences(
            of: "policies:", with: "states:\n  - {code: 完了, label: 前年度までに完了}\n  - 対象外\npolicies:"
        ).replacingOccurrences(of: "---\n本文", with: "declared:\n" + declared + "---\n本文")
        return InMemorySite.merge(["mieruka.yml": InMemorySite.config, "content/p/_index.md": plan])
    }

    @Test func publishedStateCountsArePartOfTheListingsButNotOfTheGrades() throws {
        let (merged, diagnostics) = siteWithStates(
            declared: """
                  - year: R6
                    listings: 9
                    grade_total: {A: 1, B: 2, C: 0}
                    state_total: {完了: 6}

                """)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let declared = try #require(merged?.site.plans.first?.declared(in: FiscalYear(2024)))
        #expect(declared.gradeTotals == [1, 2, 0])
        #expect(declared.stateTotal == [6, 0])
        #expect(declared.totalListings == 9)
        var validation = Diagnostics()
        if let merged { SiteValidator().validate(merged.site, diagnostics: &validation) }
        #expect(validation.isEmpty, "\(validation.all)")
    }

    @Test func listingsAreTheGradesAndStatesTogetherWhenNotGiven() throws {
        let (merged, _) = siteWithStates(
            declared: """
                  - year: R6
                    grade_total: {A: 1, B: 2, C: 0}
                    state_total: {対象外: 2}

                """)
        let declared = try #require(merged?.site.plans.first?.declared(in: FiscalYear(2024)))
        #expect(declared.totalListings == 5)
        #expect(declared.stateTotal == [0, 2])
    }

    @Test func listingsThatAreNotTheGradesAndStatesTogetherAreAWarning() {
        let (merged, _) = siteWithStates(
            declared: """
                  - year: R6
                    listings: 10
                    grade_total: {A: 1, B: 2, C: 0}
                    state_total: {完了: 6}

                """)
        var validation = Diagnostics()
        if let merged { SiteValidator().validate(merged.site, diagnostics: &validation) }
        #expect(
            validation.warnings.map(\.message) == [
                "the declared table for 令和6年度 counts 10 listings, but its grades add up to 3 and its states (state_total:) to 6"
            ])
    }

    @Test func aStateCountMustNameOneOfThePlansStates() {
        let (_, diagnostics) = siteWithStates(
            declared: """
                  - year: R6
                    grade_total: {A: 1, B: 2, C: 0}
                    state_total: {A: 1, 中止: 2}

                """)
        #expect(
            diagnostics.errors.map(\.message) == [
                "\"A\" is not one of the plan's states (完了, 対象外)", "\"中止\" is not one of the plan's states (完了, 対象外)",
            ])
        #expect(diagnostics.errors.first?.hint == "\"A\" is a grade: write its count in grade_total:")
        #expect(diagnostics.errors.first?.location.line == 21)
    }

    @Test func stateCountsNeedStatesInThePlan() {
        let (_, diagnostics) = site(
            declared: """
                  - year: R6
                    grade_total: {A: 1, B: 2, C: 0}
                    state_total: {完了: 6}

                """, items: [:])
        #expect(diagnostics.errors.map(\.message) == ["declared state counts (state_total:), but the plan has no states"])
    }

    @Test func everyGradeMustBeGivenInADeclaredRow() {
        let missing = """
              - year: R6
                grades:
                  - {policy: "1", counts: {A: 1, B: 2}}

            """
        let (_, diagnostics) = site(declared: missing, items: [:])
        #expect(diagnostics.errors.map(\.message) == ["the declared counts give no number for C"])
    }
}
