import MierukaDiagnostics
import MierukaModel
import MierukaSource
import MierukaTestSupport
import Testing

@Suite struct DocumentParserTests {
    func parse(_ files: [String: String]) -> (SiteDocuments?, Diagnostics) {
        var diagnostics = Diagnostics()
        let documents = DocumentParser().parse(InMemorySite.loaded(files), diagnostics: &diagnostics)
        return (documents, diagnostics)
    }

    @Test func documentsAreKnownByWhereTheyLive() throws {
        let (parsed, diagnostics) = parse([
            "mieruka.yml": InMemorySite.config,
            "content/_index.md": "---\ntitle: ホーム\n---\nようこそ",
            "content/about.md": "---\ntitle: 概要\n---\n",
            "content/p/_index.md": InMemorySite.plan,
            "content/p/items/a.md": InMemorySite.item("1"),
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults: []\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let documents = try #require(parsed)
        #expect(documents.home?.body == "ようこそ")
        #expect(documents.pages.map(\.slug) == ["about"])
        #expect(documents.plans.map(\.slug) == ["p"])
        #expect(documents.items.map(\.slug.value) == ["a"])
        #expect(documents.items.first?.planSlug == "p")
        #expect(documents.items.first?.bodyLocation.line == 6)
        #expect(documents.results.first?.year.value == FiscalYear(2024))
    }

    @Test func configDefaultsAndBaseURL() throws {
        let (parsed, _) = parse([
            "mieruka.yml": "title: T\nbase_url: https://www.city.example.lg.jp/kaikaku\n"
        ])
        let config = try #require(parsed?.config)
        #expect(config.baseURL.origin == "https://www.city.example.lg.jp")
        #expect(config.baseURL.path == "/kaikaku/")
        #expect(config.language == "ja")
        #expect(!config.allowRawHTML)
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let (_, diagnostics) = parse([
            "mieruka.yml": InMemorySite.config,
            "content/p/_index.md": InMemorySite.plan,
            "content/p/a.md": "---\nnumber: 1\ntitel: x\npolicy: 1\n---\n",
            "content/p/b.md": "no front matter",
            "seeds/p/r6.yml": "plan: p\nyear: H99\nresults: []\n",
        ])
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("unknown key \"titel\" in the item's front matter"))
        #expect(messages.contains("the document has no front matter"))
        #expect(messages.contains("\"H99\" is not a fiscal year"))
    }

    /// A blank title used to stop the build with no error at all (issue 14, finding 1).
    @Test(arguments: [
        ("title: \"\"\n", "\"title\" in the site config is empty", 1, 8),
        ("title: \" \"\n", "\"title\" in the site config is empty (only spaces)", 1, 8),
        ("title: \"\u{3000}\"\n", "\"title\" in the site config is empty (only spaces)", 1, 8),
        ("title: \u{3000}\n", "\"title\" in the site config is empty (only spaces)", 1, 8),
        ("description: x\ntitle:\n", "\"title\" in the site config is empty", 2, 1),
        ("description: x\n", "the site config has no \"title\"", 1, 1),
    ])
    func aBlankTitleIsALocatedError(config: String, message: String, line: Int, column: Int) throws {
        let (parsed, diagnostics) = parse(["mieruka.yml": config])
        #expect(parsed == nil)
        let error = try #require(diagnostics.errors.first, "no error for \(config.debugDescription)")
        #expect(error.message == message)
        #expect(error.location.file == "mieruka.yml")
        #expect(error.location.line == line)
        #expect(error.location.column == column)
        #expect(error.hint != nil)
    }

    @Test func aBadConfigIsReported() {
        let (parsed, diagnostics) = parse(["mieruka.yml": "title: T\nbase_url: example.org\nraw_html: maybe\n"])
        #expect(parsed == nil || diagnostics.hasErrors)
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains("\"example.org\" is not a base URL"))
        #expect(messages.contains("\"maybe\" is not true or false"))
    }

    @Test func kpiValuesKeepWhatWasWritten() throws {
        let (parsed, diagnostics) = parse([
            "mieruka.yml": InMemorySite.config,
            "content/p/_index.md": InMemorySite.plan,
            "content/p/a.md": InMemorySite.item(
                "1",
                extra: """
                    kpis:
                      - name: 経常収支比率
                        unit: "%"
                        direction: decrease
                        baseline: {year: H28, value: 94.8}
                        target: {text: 80%台}
                        actuals: {H29: 92.6}
                      - name: 業務改革件数
                        unit: 件
                        target: {years: 2020～2024, value: 100}

                    """),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let kpis = try #require(parsed?.items.first?.kpis)
        #expect(kpis[0].direction == .decrease)
        #expect(kpis[0].baseline?.value.number == DecimalNumber(units: 948, scale: 1))
        #expect(kpis[0].target?.value.text == "80%台")
        #expect(kpis[0].target?.value.number == nil)
        #expect(kpis[0].actuals.first?.year?.value == FiscalYear(2017))
        #expect(kpis[1].target?.years?.value == FiscalYearRange(FiscalYear(2020), FiscalYear(2024)))
    }
}
