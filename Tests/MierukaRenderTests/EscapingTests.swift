import MierukaTestSupport
import Testing

/// Everything from content is escaped unless the site allows raw HTML.
@Suite struct EscapingTests {
    let files: [String: String] = [
        "mieruka.yml": "title: <b>サイト</b>\n",
        "content/p/_index.md": InMemorySite.plan,
        "content/p/a.md": """
            ---
            number: 1
            title: "<script>alert(1)</script>"
            policy: "1-1"
            departments: ["企画部 & \\"総務\\""]
            results:
              - year: R6
                grade: A
                progress: "<img src=x onerror=alert(1)> **強調**"
            ---
            <iframe src="https://evil.example"></iframe>
            """,
    ]

    @Test func contentIsEscapedEverywhere() {
        let site = RenderTestSite(files)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.all)")
        let html = site.html("p/a/")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<iframe"))
        #expect(html.contains("<strong>強調</strong>"), "Markdown itself still renders")
        #expect(html.contains("企画部 &amp; &quot;総務&quot;"))
        #expect(site.html("").contains("&lt;b&gt;サイト&lt;/b&gt;"))
    }

    @Test func rawHTMLIsKeptWhenTheSiteAllowsIt() {
        var allowed = files
        allowed["mieruka.yml"] = "title: サイト\nraw_html: true\n"
        let html = RenderTestSite(allowed).html("p/a/")
        #expect(html.contains("<iframe src=\"https://evil.example\"></iframe>"))
        #expect(!html.contains("<script>alert"), "titles stay escaped: only Markdown may carry raw HTML")
    }
}
