import MierukaDiagnostics
import MierukaTestSupport
import Testing

@testable import MierukaRender

@Suite struct TemplateLinterTests {
    let files: [String: String] = [
        "mieruka.yml": InMemorySite.config,
        "content/p/_index.md": InMemorySite.plan,
    ]

    func lint(_ templates: [String: String]) -> [Diagnostic] {
        RenderTestSite(files, templates: templates).diagnostics.sorted
    }

    @Test func theDefaultThemeIsClean() {
        #expect(lint([:]).isEmpty)
    }

    @Test func unknownFieldsAreErrorsWithASuggestion() throws {
        let problems = lint(["item": "{{<layout}}{{$main}}<h1>{{titel}}</h1>{{/main}}{{/layout}}"])
        let problem = try #require(problems.first)
        #expect(problem.message == "unknown field \"titel\"")
        #expect(problem.location == SourceLocation(file: "templates/item.mustache", line: 1, column: 25))
        #expect(problem.hint?.hasPrefix("did you mean \"title\"?") == true)
    }

    @Test func namesResolveFromTheInnermostSectionOutwards() {
        // Inside a KPI row, `name` is the row's; `plan.title` is found on the page.
        let template = """
            {{<layout}}{{$main}}{{#kpiTable}}{{#rows}}{{name}} {{plan.title}} {{#cells}}{{value}}{{/cells}}{{/rows}}{{/kpiTable}}{{/main}}{{/layout}}
            """
        #expect(lint(["item": template]).isEmpty)
        let wrong = "{{<layout}}{{$main}}{{#kpiTable}}{{#rows}}{{nmae}}{{/rows}}{{/kpiTable}}{{/main}}{{/layout}}"
        #expect(lint(["item": wrong]).map(\.message) == ["unknown field \"nmae\""])
    }

    @Test func textMayNotBeInsertedUnescaped() {
        let problems = lint(["page": "{{<layout}}{{$main}}{{{title}}}{{&title}}{{{bodyHTML}}}{{/main}}{{/layout}}"])
        #expect(problems.map(\.message) == ["\"title\" is inserted without HTML escaping", "\"title\" is inserted without HTML escaping"])
    }

    @Test func missingPartialsAreErrors() {
        let problems = lint(["page": "{{<layout}}{{$main}}{{> partials/nope}}{{/main}}{{/layout}}"])
        #expect(problems.map(\.message) == ["there is no template \"partials/nope\""])
    }

    @Test func aSitePartialIsCheckedWhereItIsUsed() {
        let problems = lint(["partials/grade": "{{code}} {{labl}}"])
        #expect(problems.first?.message == "unknown field \"labl\"")
        #expect(problems.first?.location.file == "templates/partials/grade.mustache")
    }

    @Test func aTemplateThatIncludesItselfEndlesslyIsAnError() {
        let problems = lint(["partials/footer": "<footer>{{> partials/footer}}</footer>"])
        #expect(problems.first?.message == "the template \"partials/footer\" includes itself in a way that never ends")
        // Going round through a section of the page's own fields is endless too.
        let loop = lint(["partials/item-table": "{{#items}}{{#rows}}{{> partials/item-table}}{{/rows}}{{/items}}"])
        #expect(loop.contains { $0.message.contains("includes itself in a way that never ends") })
    }

    @Test func recursionThroughNestedDataIsAllowed() {
        // The default policy tree includes itself for each policy's children.
        #expect(lint(["partials/policy-tree": "<li>{{title}}{{#children}}{{> partials/policy-tree}}{{/children}}</li>"]).isEmpty)
    }

    @Test func sequencePositionsAreAllowedInLists() {
        #expect(lint(["departments": "{{<layout}}{{$main}}{{#departments}}{{name}}{{^last()}}、{{/last()}}{{/departments}}{{/main}}{{/layout}}"]).isEmpty)
    }
}

/// The page templates are compiled on several threads; what they report must not depend on it.
@Suite struct ThemeCompileTests {
    @Test func problemsComeInPageOrderWhateverTheThreads() {
        // A mistake in a partial every page includes, and one in each of three page templates.
        var templates: [TemplateSource] = []
        for (name, text) in [
            ("partials/footer", "<footer>{{sitee.title}}</footer>"),
            ("item", "{{<layout}}{{$main}}{{titel}}{{/main}}{{/layout}}"),
            ("plan", "{{<layout}}{{$main}}{{{meta.title}}}{{/main}}{{/layout}}"),
            ("home", "{{<layout}}{{$main}}{{#nope}}x{{/nope}}{{/main}}{{/layout}}"),
        ] {
            templates.append(TemplateSource(name: name, text: text, displayPath: "templates/\(name).mustache", isDefault: false))
        }
        func load(jobs: Int) -> [Diagnostic] {
            var diagnostics = Diagnostics()
            let theme = Theme.load(siteTemplates: templates, jobs: jobs, diagnostics: &diagnostics)
            #expect(theme.programs.count == ViewBuilder.contentTypes.count)
            return diagnostics.all
        }
        let one = load(jobs: 1)
        // Each page that shows the footer reports its mistake; the three pages their own.
        #expect(one.filter { $0.message.contains("\"sitee.title\"") }.count > 3)
        // In the order of the pages (home, then plan, then item), not of the threads that finish first.
        let home = one.firstIndex { $0.message.contains("\"nope\"") }
        let plan = one.firstIndex { $0.message.contains("without HTML escaping") }
        let item = one.firstIndex { $0.message.contains("\"titel\"") }
        #expect(home != nil && plan != nil && item != nil)
        if let home, let plan, let item { #expect(home < plan && plan < item) }
        for jobs in [2, 4, 8] {
            for _ in 0..<3 { #expect(load(jobs: jobs) == one, "jobs \(jobs)") }
        }
    }
}
