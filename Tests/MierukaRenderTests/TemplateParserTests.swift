import MierukaDiagnostics
import MierukaTestSupport
import Testing

@testable import MierukaRender

/// The Mustache rules templates rely on, rendered through the compiler and runtime with a small
/// made-up view (test data).
@Suite struct TemplateParserTests {
    struct Row: TemplateView {
        let name: String
        static let fields = FieldTable<Row>("row", [.text("name") { $0.name }])
    }

    struct Page: TemplateView {
        let title: String
        let rows: [Row]
        let flag: Bool
        let html: String?
        static let fields = FieldTable<Page>(
            "page",
            [
                .text("title") { $0.title },
                .list("rows", Row.self) { $0.rows },
                .flag("flag") { $0.flag },
                .html("html") { $0.html },
            ])
    }

    /// Renders `template` (with `partials`) as the "page" template against a Page view.
    func render(_ template: String, partials: [String: String] = [:], page: Page? = nil) -> (String?, [Diagnostic]) {
        var sources: [String: TemplateSource] = ["t": TemplateSource(name: "t", text: template, displayPath: "t", isDefault: false)]
        for (name, text) in partials {
            sources[name] = TemplateSource(name: name, text: text, displayPath: name, isDefault: false)
        }
        var parsed: [String: [TemplateNode]] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources {
            do {
                parsed[name] = try TemplateParser.parse(source.text)
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: name, line: error.position.line, column: error.position.column), error.message))
            }
        }
        var compiler = TemplateCompiler(sources: sources, parsed: parsed)
        let program = compiler.compilePage("t", content: Page.self)
        diagnostics += compiler.diagnostics.all
        guard let program, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let view = page ?? Page(title: "T & <b>", rows: [Row(name: "a"), Row(name: "b")], flag: true, html: "<i>x</i>")
        let site = SiteView(title: "S", description: nil, language: "ja", homeURL: "/", stylesheetURL: "/s.css", publisher: nil, pages: [], searchURL: "/search/", accessibilityURL: "/accessibility/")
        let meta = PageMetaView(title: "m", documentTitle: "m", description: nil, canonicalURL: nil, breadcrumbs: [], kind: "k", feed: nil)
        var runtime = TemplateRuntime(root: PageContext(site: site, meta: meta, content: view))
        runtime.run(program)
        return (String(decoding: runtime.output, as: UTF8.self), diagnostics)
    }

    @Test func variablesAreEscapedUnlessTriple() {
        #expect(render("{{title}}|{{{html}}}|{{site.title}}").0 == "T &amp; &lt;b&gt;|<i>x</i>|S")
    }

    @Test func standaloneSectionLinesDisappear() {
        let template = "<ul>\n{{#rows}}\n  <li>{{name}}</li>\n{{/rows}}\n</ul>\n"
        #expect(render(template).0 == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func inlineSectionsKeepTheirLine() {
        #expect(render("[{{#rows}}{{name}}{{^last()}}, {{/last()}}{{/rows}}]\n").0 == "[a, b]\n")
        #expect(render(" {{#flag}}yes{{/flag}} \n").0 == " yes \n")
    }

    @Test func commentsAndInvertedSections() {
        #expect(render("{{! a comment }}\n{{^flag}}no{{/flag}}{{#flag}}yes{{/flag}}").0 == "yes")
        let empty = Page(title: "", rows: [], flag: false, html: nil)
        #expect(render("{{^rows}}none{{/rows}}{{#html}}!{{/html}}{{^html}}-{{/html}}", page: empty).0 == "none-")
    }

    @Test func standalonePartialsAreIndented() {
        let (output, _) = render("<div>\n  {{> p}}\n</div>\n", partials: ["p": "<p>1</p>\n<p>2</p>\n"])
        #expect(output == "<div>\n  <p>1</p>\n  <p>2</p>\n</div>\n")
    }

    @Test func parentsWithBlocks() {
        let (output, _) = render(
            "{{<layout}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/layout}}\n",
            partials: ["layout": "<body>\n{{$main}}default{{/main}}\n</body>\n"])
        // The block tag shares its line with text in the parent, so that line's break stays.
        #expect(output == "<body>\n<h1>T &amp; &lt;b&gt;</h1>\n\n</body>\n")
    }

    @Test func syntaxErrorsAreLocated() {
        let (_, problems) = render("line\n{{#rows}}\n{{/row}}\n")
        #expect(problems.first?.location == SourceLocation(file: "t", line: 3, column: 1))
        let (_, unclosed) = render("{{#rows}}\n")
        #expect(unclosed.first?.message.contains("never closed") == true)
        let (_, delimiters) = render("{{=<% %>=}}")
        #expect(delimiters.first?.message.contains("not supported") == true)
    }

    /// The parser reads the template's UTF-8 bytes; a position is still counted in characters
    /// (as editors show it), after Japanese text and Windows line endings alike.
    @Test func positionsCountCharactersNotBytes() {
        let (_, unknown) = render("見える化 {{titel}}")
        #expect(unknown.first?.location == SourceLocation(file: "t", line: 1, column: 6))
        let (_, closing) = render("日本\r\n語{{/x}}")
        #expect(closing.first?.location == SourceLocation(file: "t", line: 2, column: 2))
        let (_, inTag) = render("{{#rows}}\n  「{{#flag}}」{{titel}}{{/flag}}\n{{/rows}}")
        #expect(inTag.first?.location == SourceLocation(file: "t", line: 2, column: 14))
    }

    @Test func textIsCopiedWholeAndTagsAreTrimmed() {
        #expect(render("日本語 {{title}}\r\n終わり").0 == "日本語 T &amp; &lt;b&gt;\n終わり")
        #expect(render("{{ \ttitle \n}}|{{{ html }}}|{{& html}}").0 == "T &amp; &lt;b&gt;|<i>x</i>|<i>x</i>")
        #expect(render("「{{#flag}}\n　全角\n{{/flag}}」").0 == "「\n　全角\n」")
    }
}
