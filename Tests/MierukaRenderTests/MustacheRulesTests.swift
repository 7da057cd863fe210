import MierukaDiagnostics
import Testing

@testable import MierukaRender

/// The rules of the Mustache specification that the template engine follows, each checked on the
/// typed path site templates take (TemplateCompiler + TemplateRuntime with declared views).
/// The data is made up for these tests. Where the engine differs from the specification on
/// purpose (missing partials, changed delimiters, partial names from data) the test says so.
@Suite struct MustacheRulesTests {
    struct Office: TemplateView {
        let name: String
        let phone: String?
        static let fields = FieldTable<Office>("office", [.text("name") { $0.name }, .text("phone") { $0.phone }])
    }

    struct Project: TemplateView {
        let title: String
        let done: Bool
        let office: Office?
        let steps: [String]
        static let fields = FieldTable<Project>(
            "project",
            [
                .text("title") { $0.title },
                .flag("done") { $0.done },
                .view("office", Office.self) { $0.office },
                .texts("steps") { $0.steps },
            ])
    }

    struct Board: TemplateView {
        var heading = "年度計画"
        var title = "A & B <c> \"d\" 'e'"
        var summaryHTML: String? = "<p>1行目</p>\n<p>2行目</p>"
        var open = true
        var office: Office? = Office(name: "企画課", phone: nil)
        var projects = [
            Project(title: "窓口", done: true, office: Office(name: "市民課", phone: "000-0000"), steps: ["受付", "案内"]),
            Project(title: "電子化", done: false, office: nil, steps: []),
        ]
        var archived: [Project] = []
        var words = ["<一>", "二"]

        static let fields = FieldTable<Board>(
            "board",
            [
                .text("heading") { $0.heading },
                .text("title") { $0.title },
                .html("summaryHTML") { $0.summaryHTML },
                .flag("open") { $0.open },
                .view("office", Office.self) { $0.office },
                .list("projects", Project.self) { $0.projects },
                .list("archived", Project.self) { $0.archived },
                .texts("words") { $0.words },
            ])
    }

    /// `template` rendered against `board` with `partials`; nil output when it has errors.
    func render(_ template: String, partials: [String: String] = [:], board: Board = Board()) -> (String?, [Diagnostic]) {
        var sources = ["t": TemplateSource(name: "t", text: template, displayPath: "t", isDefault: false)]
        for (name, text) in partials {
            sources[name] = TemplateSource(name: name, text: text, displayPath: name, isDefault: false)
        }
        var parsed: [String: [TemplateNode]] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources {
            do {
                parsed[name] = try TemplateParser.parse(source.text)
            } catch {
                diagnostics.append(
                    .error(at: SourceLocation(file: name, line: error.position.line, column: error.position.column), error.message))
            }
        }
        var compiler = TemplateCompiler(sources: sources, parsed: parsed)
        let program = compiler.compilePage("t", content: Board.self)
        diagnostics += compiler.diagnostics.all
        guard let program, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let site = SiteView(
            title: "S", description: nil, language: "ja", homeURL: "/", stylesheetURL: "/s.css", publisher: nil, pages: [],
            searchURL: "/search/", accessibilityURL: "/accessibility/")
        let meta = PageMetaView(
            title: "m", documentTitle: "m", description: nil, canonicalURL: nil, breadcrumbs: [], kind: "k", feed: nil)
        var runtime = TemplateRuntime(root: PageContext(site: site, meta: meta, content: board))
        runtime.run(program)
        return (String(decoding: runtime.output, as: UTF8.self), diagnostics)
    }

    func output(_ template: String, partials: [String: String] = [:], board: Board = Board()) -> String? {
        render(template, partials: partials, board: board).0
    }

    func errors(_ template: String, partials: [String: String] = [:]) -> [String] {
        render(template, partials: partials).1.filter { $0.severity == .error }.map(\.message)
    }

    // MARK: Interpolation

    @Test func textWithoutTagsIsCopiedAsItIs() {
        #expect(output("計画 {案} }}{ { {x} }\n") == "計画 {案} }}{ { {x} }\n")
    }

    @Test func valuesAreHTMLEscaped() {
        #expect(output("<h1>{{title}}</h1>") == "<h1>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;</h1>")
    }

    @Test func tripleMustacheAndAmpersandInsertHTMLFieldsAsTheyAre() {
        #expect(output("{{{summaryHTML}}}|{{&summaryHTML}}") == "<p>1行目</p>\n<p>2行目</p>|<p>1行目</p>\n<p>2行目</p>")
        // Stricter than the specification: plain text may never be inserted unescaped.
        #expect(errors("{{{title}}}{{&heading}}").count == 2)
    }

    @Test func insertedValuesAreNotReadAsTemplates() {
        var board = Board()
        board.title = "{{heading}} {{#open}}"
        #expect(output("{{title}}", board: board) == "{{heading}} {{#open}}")
    }

    @Test func spacesInsideTagsAreIgnored() {
        #expect(output("{{ heading }}|{{# open }}y{{/ open }}|{{{ summaryHTML }}}") == "年度計画|y|<p>1行目</p>\n<p>2行目</p>")
    }

    @Test func dottedNamesReadThroughNestedViews() {
        #expect(output("{{office.name}}|{{office.phone}}|{{site.title}}") == "企画課||S")
        var board = Board()
        board.office = nil
        #expect(output("[{{office.name}}]", board: board) == "[]", "a missing view on the way shows nothing")
        #expect(errors("{{office.nmae}}") == ["unknown field \"office.nmae\""])
    }

    @Test func aFieldWithoutValueShowsNothing() {
        var board = Board()
        board.summaryHTML = nil
        #expect(output("[{{{summaryHTML}}}]", board: board) == "[]")
    }

    @Test func interpolationTagsAreNeverStandalone() {
        #expect(output("  {{heading}}\n{{office.phone}}\n") == "  年度計画\n\n")
    }

    // MARK: Sections

    @Test func flagSectionsShowWhenTrueAndInvertedWhenFalse() {
        #expect(output("{{#open}}受付中{{/open}}{{^open}}終了{{/open}}") == "受付中")
        var board = Board()
        board.open = false
        #expect(output("{{#open}}受付中{{/open}}{{^open}}終了{{/open}}", board: board) == "終了")
    }

    @Test func listSectionsRepeatOncePerElement() {
        #expect(output("{{#projects}}<{{title}}>{{/projects}}") == "<窓口><電子化>")
        #expect(output("[{{#archived}}{{title}}{{/archived}}]{{^archived}}なし{{/archived}}") == "[]なし")
        #expect(output("{{^projects}}なし{{/projects}}") == "")
    }

    @Test func viewSectionsEnterTheViewWhenItExists() {
        #expect(output("{{#office}}{{name}}{{/office}}") == "企画課")
        var board = Board()
        board.office = nil
        #expect(output("[{{#office}}{{name}}{{/office}}]{{^office}}未定{{/office}}", board: board) == "[]未定")
    }

    @Test func namesResolveFromTheInnermostContextOutwards() {
        // `title` is the project's inside a project, the board's outside; the office has none, so
        // inside an office the project's is found; `heading` exists only on the board.
        let template = "{{title}}:{{#projects}}{{title}}/{{#office}}{{name}} {{title}} {{heading}}{{/office}};{{/projects}}"
        #expect(output(template) == "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;:窓口/市民課 窓口 年度計画;電子化/;")
    }

    @Test func aViewInsideAViewOfTheSameTypeReadsTheInnermostAndThenTheOuterAgain() {
        // Two offices at once: a project's inside the board's. Inside the inner one (and in a
        // partial there) `name` is the project's office; once it is left, the board's again.
        let template = "{{#office}}{{name}}[{{#projects}}{{#office}}{{>p}}{{/office}}{{name}},{{/projects}}]{{name}}{{/office}}"
        #expect(output(template, partials: ["p": "{{name}}>"]) == "企画課[市民課>企画課,企画課,]企画課")
    }

    @Test func sectionsNestAndTheSameSectionMayRepeat() {
        #expect(output("{{#open}}a{{#open}}b{{/open}}c{{/open}}{{#open}}d{{/open}}") == "abcd")
    }

    @Test func dottedNamesWorkAsSections() {
        #expect(output("{{#office.name}}課:{{.}}{{/office.name}}{{#office.phone}}電話{{/office.phone}}") == "課:企画課")
    }

    @Test func theImplicitIteratorShowsEachTextEscaped() {
        #expect(output("{{#words}}({{.}}){{/words}}") == "(&lt;一&gt;)(二)")
        #expect(output("{{#projects}}{{#steps}}{{.}} {{/steps}}{{/projects}}") == "受付 案内 ")
    }

    @Test func invertedSectionsDoNotEnterTheirValue() {
        var board = Board()
        board.office = nil
        #expect(output("{{^office}}{{title}}{{/office}}", board: board) == "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;")
    }

    @Test func positionsInAListAreKnown() {
        #expect(output("{{#projects}}{{#first()}}[{{/first()}}{{title}}{{^last()}}, {{/last()}}{{/projects}}]") == "[窓口, 電子化]")
    }

    // MARK: Comments

    @Test func commentsShowNothing() {
        #expect(output("a{{! 説明 }}b{{!\n複数行の\n説明\n}}c{{! } ではない }}d") == "abcd")
    }

    @Test func aCommentAloneOnItsLineRemovesTheLine() {
        #expect(output("一\n  {{! 説明 }}  \n二\n") == "一\n二\n")
        #expect(output("一 {{! 説明 }}\n二\n") == "一 \n二\n", "not alone: the line stays")
    }

    // MARK: Standalone lines

    @Test func sectionTagsAloneOnTheirLinesRemoveTheirLines() {
        let template = "<ul>\n  {{#projects}}\n  <li>{{title}}</li>\n  {{/projects}}\n\t{{^archived}}\t\n  <li>-</li>\n{{/archived}}\n</ul>\n"
        #expect(output(template) == "<ul>\n  <li>窓口</li>\n  <li>電子化</li>\n  <li>-</li>\n</ul>\n")
    }

    @Test func standaloneTagsAtTheStartAndEndOfTheTemplate() {
        #expect(output("{{#open}}\n開\n{{/open}}") == "開\n")
        #expect(output("  {{#open}}\n開\n  {{/open}}  ") == "開\n")
    }

    @Test func tagsSharingTheirLineWithTextKeepIt() {
        #expect(output(" {{#open}}開{{/open}} \n") == " 開 \n")
        #expect(output("{{#open}}開\n{{/open}}x\n") == "開\nx\n")
    }

    // MARK: Partials

    @Test func partialsAreInsertedInTheCurrentContext() {
        let partials = ["row": "<{{title}}>"]
        #expect(output("{{>row}}{{#projects}}{{> row }}{{/projects}}", partials: partials) == "<A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;><窓口><電子化>")
    }

    @Test func aStandalonePartialIsIndentedLikeItsTag() {
        let partials = ["list": "<ul>\n{{#projects}}\n  <li>{{title}}</li>\n{{/projects}}\n</ul>\n"]
        #expect(output("<div>\n    {{>list}}\n</div>\n", partials: partials) == "<div>\n    <ul>\n      <li>窓口</li>\n      <li>電子化</li>\n    </ul>\n</div>\n")
    }

    @Test func indentationIsNotAddedInsideInsertedValues() {
        // Before: the second line of a multi-line value took the partial's indentation too, which
        // changed the text of <pre> blocks in Markdown.
        let partials = ["summary": "<section>\n{{{summaryHTML}}}\n</section>\n"]
        #expect(output("  {{>summary}}\n", partials: partials) == "  <section>\n  <p>1行目</p>\n<p>2行目</p>\n  </section>\n")
    }

    @Test func indentationOfNestedStandalonePartialsAddsUp() {
        let partials = ["outer": "<a>\n  {{>inner}}\n</a>\n", "inner": "<b>\n{{heading}}\n</b>\n"]
        #expect(output("  {{>outer}}\n", partials: partials) == "  <a>\n    <b>\n    年度計画\n    </b>\n  </a>\n")
    }

    @Test func aMissingPartialIsAnError() {
        // The specification shows nothing; here a misspelt partial name fails the build.
        #expect(errors("{{>nowhere}}") == ["there is no template \"nowhere\""])
    }

    @Test func aPartialMayIncludeItselfOnlyThroughNestedData() {
        #expect(errors("{{>loop}}", partials: ["loop": "{{#open}}{{>loop}}{{/open}}"]) == ["the template \"loop\" includes itself in a way that never ends"])
    }

    // MARK: Inheritance

    @Test func aParentsBlocksShowTheirDefaultsUnlessOverridden() {
        let partials = ["parent": "<h1>{{$head}}既定{{/head}}</h1><p>{{$body}}本文{{/body}}</p>"]
        #expect(output("{{<parent}}{{/parent}}", partials: partials) == "<h1>既定</h1><p>本文</p>")
        #expect(output("{{<parent}}{{$body}}{{heading}}{{/body}}{{/parent}}", partials: partials) == "<h1>既定</h1><p>年度計画</p>")
    }

    @Test func textBesideTheBlocksOfAParentIsIgnored() {
        let partials = ["parent": "[{{$a}}a{{/a}}]"]
        #expect(output("{{<parent}}無視\n{{$a}}上書き{{/a}}無視{{/parent}}", partials: partials) == "[上書き]")
    }

    @Test func theOutermostOverrideWins() {
        // The page overrides `a`; its parent overrides `a` and `b` of the grandparent.
        let partials = [
            "grand": "{{$a}}祖a{{/a}},{{$b}}祖b{{/b}},{{$c}}祖c{{/c}}",
            "middle": "{{<grand}}{{$a}}中a{{/a}}{{$b}}中b{{/b}}{{/grand}}",
        ]
        #expect(output("{{<middle}}{{$a}}頁a{{/a}}{{/middle}}", partials: partials) == "頁a,中b,祖c")
    }

    @Test func blocksReadTheContextWhereTheParentIsUsed() {
        let partials = ["card": "<i>{{$label}}{{/label}}</i>"]
        #expect(output("{{#projects}}{{<card}}{{$label}}{{title}}{{/label}}{{/card}}{{/projects}}", partials: partials) == "<i>窓口</i><i>電子化</i>")
    }

    @Test func aParentMayExtendItselfWhenItGivesItselfABlockItDidNotHave() {
        // The inner box is given `more`, which the outer one was not: its `more` is then "終", and
        // no third box is filled in (the specification's case ~inheritance "Recursion").
        let box = "<div>{{$title}}題{{/title}}{{$more}}{{<box}}{{$more}}終{{/more}}{{/box}}{{/more}}</div>"
        #expect(
            output("{{<box}}{{$title}}{{heading}}{{/title}}{{/box}}", partials: ["box": box])
                == "<div>年度計画<div>年度計画終</div></div>")
    }

    @Test func aParentThatExtendsItselfWithTheSameBlocksIsRefused() {
        // `title` is already given by the page, so the inner box would be filled in as the outer
        // one was, without end.
        let box = "<div>{{$title}}{{/title}}{{<box}}{{$title}}また{{/title}}{{/box}}</div>"
        #expect(
            errors("{{<box}}{{$title}}{{heading}}{{/title}}{{/box}}", partials: ["box": box])
                == ["the template \"box\" extends itself (box → box)"])
        let bare = "{{$more}}{{<bare}}{{/bare}}{{/more}}"
        #expect(errors("{{<bare}}{{/bare}}", partials: ["bare": bare]) == ["the template \"bare\" extends itself (bare → bare)"])
    }

    @Test func aParentThatExtendsItselfExponentiallyIsStoppedWithOneError() {
        // Each of twelve blocks, when not given yet, extends the parent twice giving it: 12! × 2¹²
        // fill-ins without a limit (seven blocks took 23 s).
        let blocks = (1...12).map { "{{$b\($0)}}{{<p}}{{$b\($0)}}.{{/b\($0)}}{{/p}}{{<p}}{{$b\($0)}}.{{/b\($0)}}{{/p}}{{/b\($0)}}" }
        #expect(
            errors("{{<p}}{{/p}}", partials: ["p": blocks.joined()])
                == ["the templates fill in more than 1000 parents ({{<…}}) for one page"])
    }

    @Test func standaloneParentAndBlockTagsRemoveTheirLines() {
        let partials = ["layout": "<body>\n  {{$main}}\n  既定\n  {{/main}}\n</body>\n"]
        let page = "{{<layout}}\n{{$main}}\n<h1>{{heading}}</h1>\n{{/main}}\n{{/layout}}\n"
        #expect(output(page, partials: partials) == "<body>\n  <h1>年度計画</h1>\n</body>\n")
    }

    // MARK: What is refused

    @Test func delimitersAndPartialNamesFromDataAreRefusedWithAReason() {
        #expect(errors("{{=<% %>=}}").first?.contains("not supported") == true)
        #expect(errors("{{>*name}}").first == "partial names taken from the data ({{>*name}}) are not supported")
        #expect(errors("{{<*name}}{{/*name}}").first?.contains("not supported") == true)
    }
}

extension MustacheRulesTests {
    @Test func theImplicitIteratorKeepsTheEscapingRule() {
        // Before: {{{.}}} inserted any text unescaped, past the rule on fields.
        #expect(errors("{{#words}}{{{.}}}{{/words}}") == ["the text is inserted without HTML escaping"])
        #expect(errors("{{#title}}{{&.}}{{/title}}").count == 1)
        #expect(output("{{#summaryHTML}}{{{.}}}{{/summaryHTML}}") == "<p>1行目</p>\n<p>2行目</p>")
    }
}

extension MustacheRulesTests {
    /// Data-driven views are for the specification runner: reached from a site's typed views,
    /// one resolves nothing, so the site's templates stay checked.
    struct Loose: DynamicTemplateView {
        static let fields = FieldTable<Loose>("loose", [])
        func value(named name: String) -> TemplateValue? { .text("?") }
        var currentValue: TemplateValue { .absent }
    }

    struct Holder: TemplateView {
        static let fields = FieldTable<Holder>("holder", [.view("loose", Loose.self) { _ in Loose() }])
    }

    @Test func aDataDrivenViewInsideTypedViewsResolvesNothing() {
        let sources = ["t": TemplateSource(name: "t", text: "{{#loose}}{{anything}}{{/loose}}", displayPath: "t", isDefault: false)]
        var parsed: [String: [TemplateNode]] = [:]
        parsed["t"] = try? TemplateParser.parse("{{#loose}}{{anything}}{{/loose}}")
        var compiler = TemplateCompiler(sources: sources, parsed: parsed)
        _ = compiler.compilePage("t", content: Holder.self)
        #expect(compiler.diagnostics.all.map(\.message) == ["unknown field \"anything\""])
    }
}
