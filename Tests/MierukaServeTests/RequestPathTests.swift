import Testing

@testable import MierukaServe

/// Request paths are decided before the disk is touched: what is inside the site, what must
/// be redirected, and what is refused.
@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/kaikaku/", RequestPath.site(relative: "", raw: "/kaikaku/")),
        ("/kaikaku/test-plan/", .site(relative: "test-plan/", raw: "/kaikaku/test-plan/")),
        ("/kaikaku/test-plan", .site(relative: "test-plan", raw: "/kaikaku/test-plan")),
        ("/kaikaku/a%20b.pdf", .site(relative: "a b.pdf", raw: "/kaikaku/a%20b.pdf")),
        ("/kaikaku/%E4%BC%81/", .site(relative: "企/", raw: "/kaikaku/%E4%BC%81/")),
        ("/", .redirect(location: "/kaikaku/")),
        ("/kaikaku", .redirect(location: "/kaikaku/")),
        ("/other/", .notFound),
        ("/kaikakux/", .notFound),
        ("/kaikaku/.hidden", .notFound),
        ("/kaikaku/plan/.mieruka-serve-1.tmp", .notFound),
        ("/kaikaku/../etc/passwd", .badRequest),
        ("/kaikaku/%2e%2e/etc/passwd", .badRequest),
        ("/kaikaku/%2E%2e/etc/passwd", .badRequest),
        ("/kaikaku/.%2e/etc/passwd", .badRequest),
        ("/kaikaku/..%2fetc%2fpasswd", .badRequest),
        ("/kaikaku/a%2fb", .badRequest),
        ("/kaikaku/a%5cb", .badRequest),
        ("/kaikaku/a\\b", .badRequest),
        ("/kaikaku/a%00b", .badRequest),
        ("/kaikaku/%", .badRequest),
        ("/kaikaku/%g0", .badRequest),
        ("/kaikaku/%ff", .badRequest),
        ("/kaikaku//x", .badRequest),
        ("/kaikaku/./x", .badRequest),
        ("kaikaku/", .badRequest),
        ("/__mieruka/events", .events),
        ("/__mieruka/errors", .errors),
    ])
    func resolves(raw: String, expected: RequestPath) {
        #expect(RequestPath.resolve(raw, basePath: "/kaikaku/") == expected)
    }

    @Test func aSiteAtTheRootServesTheRoot() {
        #expect(RequestPath.resolve("/", basePath: "/") == .site(relative: "", raw: "/"))
        #expect(RequestPath.resolve("/plan/", basePath: "/") == .site(relative: "plan/", raw: "/plan/"))
        #expect(RequestPath.resolve("/../x", basePath: "/") == .badRequest)
    }

    @Test func contentTypesDeclareTheirCharset() {
        #expect(ContentType.of(path: "a/index.html", bytes: []) == "text/html; charset=utf-8")
        #expect(ContentType.of(path: "data/results.csv", bytes: Array("番号\n".utf8)) == "text/csv; charset=utf-8")
        #expect(ContentType.of(path: "data/results-sjis.csv", bytes: [0x94, 0xD4, 0x8D, 0x86]) == "text/csv; charset=Shift_JIS")
        #expect(ContentType.of(path: "report.PDF", bytes: []) == "application/pdf")
        #expect(ContentType.of(path: "noextension", bytes: []) == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastBodyEndTag() {
        let page = Array("<html><body><p>x</p></BODY></html>".utf8)
        let injected = String(decoding: ServePage.inject(into: page, generation: "g1", failure: nil), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>x</p><script data-mieruka-serve>"))
        #expect(injected.hasSuffix("</script>\n</BODY></html>"))
        #expect(injected.contains("var g=\"g1\""))
    }
}
