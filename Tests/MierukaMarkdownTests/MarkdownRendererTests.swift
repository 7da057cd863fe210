import MierukaMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    let safe = MarkdownRenderer()

    @Test func rawHTMLIsDroppedByDefault() {
        let html = safe.html("a <script>alert(1)</script>\n\n<div onclick=\"x\">b</div>")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func scriptLinksAreEmptied() {
        #expect(!safe.html("[x](javascript:alert(1))").contains("javascript:"))
    }

    @Test func rawHTMLPassesWhenTheSiteAllowsIt() {
        #expect(MarkdownRenderer(allowRawHTML: true).html("<b>x</b>").contains("<b>x</b>"))
    }

    @Test func textIsEscaped() {
        #expect(safe.html("a < b & c").contains("a &lt; b &amp; c"))
    }

    @Test func headingsGetReadableIDs() {
        let html = safe.html("## 要因\n\n## 今後の対応\n\n## 要因\n\n## Next Steps!")
        #expect(html.contains("<h2 id=\"要因\">"))
        #expect(html.contains("<h2 id=\"今後の対応\">"))
        #expect(html.contains("<h2 id=\"要因-2\">"))
        #expect(html.contains("<h2 id=\"next-steps\">"))
    }

    @Test func headingsTakeTheLevelOfWhereTheTextIsPlaced() {
        // Written from ### down, placed under an h2: the outline starts at h3 and keeps its steps.
        let html = safe.html("### 要因\n\n#### 細目\n\n###### 最下層", topHeadingLevel: 3)
        #expect(html.contains("<h3 id=\"要因\">"))
        #expect(html.contains("<h4 id=\"細目\">"))
        #expect(html.contains("<h6 id=\"最下層\">"))
        // Written from ## and placed under an h4: moved down, capped at h6.
        let deep = safe.html("## 要因\n\n#### 細目", topHeadingLevel: 5)
        #expect(deep.contains("<h5 id=\"要因\">"))
        #expect(deep.contains("<h6 id=\"細目\">"))
    }

    @Test func headingIDsNeverCarryMarkup() {
        // Raw HTML in the heading is dropped; the id is made of its text only.
        #expect(safe.html("## <b>\"x\"</b> & y").contains("<h2 id=\"x-y\">"))
    }

    @Test func wrappedJapaneseLinesJoinWithoutSpace() {
        #expect(safe.html("市民と行政との\n協働を進める").contains("<p>市民と行政との協働を進める</p>"))
        #expect(safe.html("SNSの活用をはじめ、\n36のアクション").contains("はじめ、36の"))
        #expect(safe.html("①利用料\n②財源").contains("①利用料②財源"))
        // Latin text keeps its line break (a space when displayed).
        #expect(safe.html("one\ntwo").contains("one\ntwo"))
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(safe.html("") == "")
    }
}
