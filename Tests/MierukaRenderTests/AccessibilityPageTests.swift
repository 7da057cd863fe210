import Foundation
import MierukaModel
import MierukaTestSupport
import Testing

/// The accessibility policy and test-results pages, from mieruka.yml and the results file that
/// scripts/check-site.py writes.
@Suite struct AccessibilityPageTests {
    func site(results: String?, config extra: String = "", level: String = "AA") throws -> (RenderTestSite, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        if let results {
            try FileManager.default.createDirectory(atPath: folder.path + "/checks", withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: Fixtures.path("accessibility/" + results), toPath: folder.path + "/checks/results.json")
        }
        let config = """
            title: テスト
            accessibility:
              organization: 架空市
              level: \(level)
              contact: 架空市 企画課（電話 000-000-0000）
              exceptions: [過去の計画書のPDF]
              results: checks/results.json
            \(extra)
            """
        let files = ["mieruka.yml": config, "content/p/_index.md": InMemorySite.plan, "content/p/a.md": InMemorySite.item("1")]
        return (RenderTestSite(files, root: folder.path), folder)
    }

    @Test func thePolicyNamesTheOrganizationTheLevelAndTheExceptions() throws {
        let (site, _folder) = try site(results: nil)
        let html = site.html("accessibility/")
        #expect(html.contains("<h1>アクセシビリティ方針</h1>"))
        #expect(html.contains("架空市は、高齢の方や障害のある方を含め"))
        #expect(html.contains("の適合レベルAAに準拠することを目標とします"))
        #expect(html.contains("<li>過去の計画書のPDF</li>"))
        #expect(html.contains("架空市 企画課（電話 000-000-0000）"))
        // Every page's footer links to it.
        #expect(site.html("p/").contains("<a href=\"/accessibility/\">アクセシビリティ方針</a>"))
        _ = _folder
    }

    @Test func withoutResultsTheResultsPageSaysSo() throws {
        let (site, _folder) = try site(results: nil)
        #expect(site.diagnostics.all.isEmpty, "\(site.diagnostics.all)")
        #expect(site.html("accessibility/results/").contains("試験結果はまだ公開されていません。"))
        // …and the policy does not claim checks that are not published.
        let policy = site.html("accessibility/")
        #expect(policy.contains("試験結果はまだ公開していません。"))
        #expect(!policy.contains("すべてのページを自動試験で確認しています"))
        #expect(!policy.contains("を公開しています。"))
        _ = _folder
    }

    @Test func theResultsArePublishedPerCriterionAndPage() throws {
        let (site, _folder) = try site(results: "check-site-results.json", config: "  results_site: demo")
        #expect(site.diagnostics.all.isEmpty, "\(site.diagnostics.all)")
        let html = site.html("accessibility/results/")
        #expect(html.contains("<dd>2026年11月20日</dd>"))
        #expect(html.contains("3ページ中2ページ"))
        #expect(html.contains("<th scope=\"row\">非テキストコンテンツ</th><td>A</td><td class=\"num\">1件</td><td>自動試験で問題なし</td>"))
        #expect(html.contains("<th scope=\"row\">コントラスト（最低限）</th><td>AA</td><td class=\"num\">1件</td><td>要確認（自動では判定できない箇所あり）</td>"))
        #expect(html.contains("<th scope=\"row\">リフロー</th><td>AA</td><td class=\"num\">1件</td><td>問題あり（1ページ）</td>"))
        #expect(html.contains("<th scope=\"row\">キャプション（収録済）</th><td>A</td><td class=\"num\">1件</td><td>該当なし（対象となる内容がない）</td>"))
        #expect(html.contains("<th scope=\"row\">キーボード</th><td>A</td><td class=\"num\">—</td><td>自動試験の対象外（人による確認が必要）</td>"))
        // 4.1.1 is the Nu checker's: no errors.
        #expect(html.contains("<th scope=\"row\">構文解析</th><td>A</td><td class=\"num\">1件</td><td>自動試験で問題なし</td>"))
        #expect(html.contains("<tr><th scope=\"row\">/p/</th><td>問題あり（axe 1件）</td></tr>"))
        #expect(!html.contains("<tr><th scope=\"row\">/</th><td>問題なし</td></tr><tr><th scope=\"row\">/</th>"), "the other site's page is listed")
        #expect(site.html("accessibility/").contains("2026年11月20日の自動試験では、試験した3ページのうち1ページで問題が見つかりました。"))
        _ = _folder
    }

    @Test func aTargetOfAAASaysTheTableStopsAtAA() throws {
        let (site, _folder) = try site(results: "check-site-results.json", config: "  results_site: demo")
        #expect(!site.html("accessibility/results/").contains("レベルAAAの達成基準は自動試験の対象外"))
        let (aaa, _aaaFolder) = try self.site(results: "check-site-results.json", config: "  results_site: demo", level: "AAA")
        #expect(aaa.diagnostics.all.isEmpty, "\(aaa.diagnostics.all)")
        let html = aaa.html("accessibility/results/")
        #expect(html.contains("達成基準ごとの自動試験の結果（適合レベルAAまで）"))
        #expect(html.contains("目標とする適合レベルはAAAですが、この表はレベルAとAAの達成基準を示しています。"))
        #expect(aaa.html("accessibility/").contains("の適合レベルAAAに準拠することを目標とします"))
        _ = (_folder, _aaaFolder)
    }

    @Test func withoutAContactThePolicyWarns() {
        let site = RenderTestSite(
            [
                "mieruka.yml": "title: テスト\naccessibility:\n  organization: 架空市\n",
                "content/p/_index.md": InMemorySite.plan, "content/p/a.md": InMemorySite.item("1"),
            ])
        #expect(
            site.diagnostics.all.map(\.message) == [
                "the accessibility: section has no contact:, so the policy page has no お問い合わせ"
            ])
        #expect(!site.html("accessibility/").contains("お問い合わせ"))
    }

    @Test func aSiteMissingFromTheResultsIsAnError() throws {
        let (site, _folder) = try site(results: "check-site-results.json", config: "  results_site: nowhere")
        let messages = site.diagnostics.all.map(\.message)
        #expect(messages.contains("the results have no site \"nowhere\" (accessibility: results_site: in mieruka.yml)"))
        _ = _folder
    }

    @Test func tagsNameTheirSuccessCriteria() {
        #expect(WCAGCriterion.number(ofTag: "wcag143") == "1.4.3")
        #expect(WCAGCriterion.number(ofTag: "wcag1410") == "1.4.10")
        #expect(WCAGCriterion.number(ofTag: "wcag21aa") == nil)
        #expect(WCAGCriterion.number(ofTag: "best-practice") == nil)
        #expect(WCAGCriterion.all.filter { $0.level == .a }.count == 30)
        #expect(WCAGCriterion.all.filter { $0.level == .aa }.count == 20)
    }
}
