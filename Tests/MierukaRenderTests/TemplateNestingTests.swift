import MierukaDiagnostics
import MierukaTestSupport
import Testing

@testable import MierukaRender

/// Deeply nested templates are errors with a location, never a crash: parsing, compiling and
/// rendering recurse once per level, so the nesting is limited (TemplateNesting.maximumDepth).
@Suite struct TemplateNestingTests {
    let files: [String: String] = [
        "mieruka.yml": InMemorySite.config,
        "content/p/_index.md": InMemorySite.plan,
    ]

    func problems(_ templates: [String: String]) -> [Diagnostic] {
        RenderTestSite(files, templates: templates).diagnostics.sorted
    }

    func nested(_ depth: Int, open: String = "{{#a}}", close: String = "{{/a}}", inner: String = "x") -> String {
        String(repeating: open + "\n", count: depth) + inner + "\n" + String(repeating: close + "\n", count: depth)
    }

    @Test func aHundredThousandNestedSectionsAreALocatedError() throws {
        let problems = problems(["x": nested(100_000)])
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        // The 101st opening tag, on line 101.
        #expect(problem.location == SourceLocation(file: "templates/x.mustache", line: 101, column: 1))
        #expect(problem.message.hasSuffix("nested more than 100 deep"), "\(problem.message)")
        #expect(problem.hint?.contains("{{/name}}") == true)
    }

    @Test func unclosedAndInvertedSectionsParentsAndBlocksCountToo() throws {
        // Opening tags only (closings typed as openings): the limit comes before "never closed".
        let unclosed = try #require(problems(["x": String(repeating: "{{^a}}", count: 100_000)]).first)
        #expect(unclosed.location == SourceLocation(file: "templates/x.mustache", line: 1, column: 601))
        #expect(unclosed.message.hasSuffix("nested more than 100 deep"))
        let blocks = try #require(problems(["x": nested(50_000, open: "{{<p}}{{$b}}", close: "{{/b}}{{/p}}")]).first)
        #expect(blocks.message.hasSuffix("nested more than 100 deep"))
        #expect(blocks.location == SourceLocation(file: "templates/x.mustache", line: 51, column: 1))
    }

    /// Found by scripts/fuzz.sh templates (Tests/Fuzz/findings/templates/layout-extends-itself): a
    /// site's layout.mustache that starts with {{<layout}} overflowed the stack.
    @Test func aTemplateThatExtendsItselfIsALocatedError() throws {
        let layout = "{{<layout}}\n{{$main}}<p>{{title}}</p>{{/main}}\n{{/layout}}\n"
        let direct = try #require(problems(["layout": layout]).first { $0.message.contains("extends itself") })
        #expect(direct.message == "the template \"layout\" extends itself (layout → layout)")
        #expect(direct.location == SourceLocation(file: "templates/layout.mustache", line: 1, column: 1))
        #expect(direct.hint?.contains("must name another template") == true)

        let cycle = problems([
            "partials/a": "{{<partials/b}}{{/partials/b}}", "partials/b": "{{<partials/a}}{{/partials/a}}",
            "page": "{{<layout}}{{$main}}{{>partials/a}}{{/main}}{{/layout}}",
        ])
        // partials/a is included as a partial; its parent partials/b has partials/a as parent, whose
        // parent is partials/b again.
        #expect(
            cycle.contains { $0.message == "the template \"partials/b\" extends itself (partials/b → partials/a → partials/b)" },
            "\(cycle.map(\.message))")
    }

    @Test func aHundredLevelsAreAllowedAndRender() {
        // An item page whose main block nests `{{#plan}}` as deep as a template may.
        let depth = TemplateNesting.maximumDepth - 2  // inside {{<layout}} and {{$main}}
        let template = "{{<layout}}{{$main}}" + nested(depth, open: "{{#plan}}", close: "{{/plan}}", inner: "[{{title}}]")
            + "{{/main}}{{/layout}}"
        var withItem = files
        withItem["content/p/1.md"] = InMemorySite.item("1")
        let site = RenderTestSite(withItem, templates: ["item": template])
        #expect(site.diagnostics.errors.isEmpty, "\(site.diagnostics.all)")
        #expect(site.html("p/1/").contains("[架空の計画]"), "\(site.html("p/1/"))")
    }

    @Test func nestingIsCountedAcrossTheTemplatesAPageIncludes() throws {
        // Three partials of 40 levels each, one inside the other: each is fine alone, not together.
        let partials = [
            "partials/one": nested(40, open: "{{#plan}}", close: "{{/plan}}", inner: "{{>partials/two}}"),
            "partials/two": nested(40, open: "{{#plan}}", close: "{{/plan}}", inner: "{{>partials/three}}"),
            "partials/three": nested(40, open: "{{#plan}}", close: "{{/plan}}", inner: "{{title}}"),
            "item": "{{<layout}}{{$main}}{{>partials/one}}{{/main}}{{/layout}}",
        ]
        let problems = problems(partials)
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.location.file == "templates/partials/three.mustache")
        #expect(problem.message.contains("counting those of the templates it includes"))
        #expect(problem.message.hasSuffix("nested more than 100 deep"))
    }
}
