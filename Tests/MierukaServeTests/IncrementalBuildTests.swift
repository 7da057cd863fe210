import Foundation
import MierukaServe
import MierukaTestSupport
import Testing

/// serve's rebuilds give exactly the site `mieruka build` writes, after every kind of change,
/// while rendering only the pages a change can alter.
@Suite struct IncrementalBuildTests {
    /// One change: what to do to the site, the files it touches, and how much may be rendered.
    struct Step: CustomStringConvertible, Sendable {
        let description: String
        let paths: Set<String>
        /// Most pages the rebuild may render (nil: every page may be).
        let renderAtMost: Int?
        let change: @Sendable (ServeTestSite) throws -> Void
    }

    static let plan = "content/test-plan/_index.md"
    static let item2 = "content/test-plan/002.md"
    static let item3 = "content/test-plan/003.md"
    static let seeds = "seeds/test-plan/R6.yml"

    static let steps: [Step] = [
        Step(description: "an item's title", paths: [item3], renderAtMost: 10) {
            try $0.edit(item3, replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        },
        Step(
            description: "an item's body, beside editors' temporary files",
            paths: [item3, "content/test-plan/.003.md.swp", "content/test-plan/sedX1y2z3"], renderAtMost: 10
        ) {
            try $0.work.write(item3, try $0.read(item3) + "\n本文を追加しました。\n")
        },
        Step(description: "an item's departments", paths: [item2], renderAtMost: 12) {
            try $0.edit(item2, replacing: "departments: [総務部, 企画部]", with: "departments: [総務部]")
        },
        Step(description: "an item's policy", paths: [item2], renderAtMost: 12) {
            try $0.edit(item2, replacing: "policy: \"1-2\"", with: "policy: \"3\"")
        },
        Step(description: "a grade in seeds/", paths: [seeds], renderAtMost: 12) {
            try $0.edit(seeds, replacing: "    grade: C", with: "    grade: B")
        },
        Step(description: "lines added above results in seeds/", paths: [seeds], renderAtMost: 2) {
            try $0.edit(seeds, replacing: "# Made-up results for tests.", with: "# Made-up results for tests.\n#\n# (moved down)")
        },
        Step(description: "a KPI actual in seeds/", paths: [seeds], renderAtMost: 12) {
            try $0.edit(seeds, replacing: "kpis: {fund: 28.6億円}", with: "kpis: {fund: 30.1億円}")
        },
        Step(description: "a new item with a new department", paths: ["content/test-plan/004.md"], renderAtMost: nil) {
            try $0.work.write(
                "content/test-plan/004.md",
                "---\nnumber: 4\ntitle: 新しい取組\npolicy: \"3\"\ndepartment: 建設部\n---\n新しい取組の本文。\n")
        },
        Step(description: "results for a new year (CSV)", paths: ["seeds/test-plan/令和7年度.csv"], renderAtMost: nil) {
            try $0.work.write("seeds/test-plan/令和7年度.csv", "番号,評価,進捗状況\n2,A,前倒しで進めた。\n4,B,予定どおり。\n")
        },
        Step(description: "an item read by a CSV", paths: ["content/test-plan/004.md"], renderAtMost: 12) {
            try $0.edit("content/test-plan/004.md", replacing: "title: 新しい取組", with: "title: 新しい取組（改題）")
        },
        Step(description: "a CSV result", paths: ["seeds/test-plan/令和7年度.csv"], renderAtMost: 12) {
            try $0.edit("seeds/test-plan/令和7年度.csv", replacing: "2,A,前倒しで進めた。", with: "2,B,前倒しで進めた。")
        },
        Step(description: "an item file renamed", paths: [item3, "content/test-plan/fund.md"], renderAtMost: 12) {
            try FileManager.default.moveItem(atPath: $0.path + "/" + item3, toPath: $0.path + "/content/test-plan/fund.md")
        },
        Step(
            description: "an item and its results removed", paths: ["content/test-plan/004.md", "seeds/test-plan/令和7年度.csv"],
            renderAtMost: nil
        ) {
            try $0.remove("content/test-plan/004.md")
            try $0.remove("seeds/test-plan/令和7年度.csv")
        },
        Step(description: "the plan's text", paths: [plan], renderAtMost: 20) {
            try $0.edit(plan, replacing: "計画の本文です。", with: "計画の本文（改訂版）です。")
        },
        Step(description: "a standalone page's text", paths: ["content/about.md"], renderAtMost: 1) {
            try $0.edit("content/about.md", replacing: "すべて架空の数値です。", with: "すべて架空の数値です（改）。")
        },
        Step(description: "a standalone page's title", paths: ["content/about.md"], renderAtMost: nil) {
            try $0.edit("content/about.md", replacing: "title: このサイトについて", with: "title: このサイトの案内")
        },
        Step(description: "the home page's text", paths: ["content/_index.md"], renderAtMost: 1) {
            try $0.edit("content/_index.md", replacing: "架空のデータです。", with: "架空のデータです（更新）。")
        },
        Step(
            description: "a static file changed, one added", paths: ["static/files/readme.txt", "static/files/new.txt"],
            renderAtMost: 0
        ) {
            try $0.work.write("static/files/readme.txt", "changed\n")
            try $0.work.write("static/files/new.txt", "new\n")
        },
        Step(description: "a static file removed", paths: ["static/files/new.txt"], renderAtMost: 0) {
            try $0.remove("static/files/new.txt")
        },
        Step(description: "a template", paths: ["templates/partials/footer.mustache"], renderAtMost: nil) {
            try $0.edit("templates/partials/footer.mustache", replacing: "（テスト用のフッター）", with: "（フッター）")
        },
        Step(description: "mieruka.yml", paths: ["mieruka.yml"], renderAtMost: nil) {
            try $0.edit("mieruka.yml", replacing: "publisher: 架空市 企画部", with: "publisher: 架空市 総務部")
        },
        Step(
            description: "a whole plan added", paths: ["content/other-plan/_index.md", "content/other-plan/1.md"],
            renderAtMost: nil
        ) {
            try $0.work.write("content/other-plan/_index.md", InMemorySite.plan)
            try $0.work.write("content/other-plan/1.md", InMemorySite.item("1", extra: "department: 企画部\n"))
        },
        Step(description: "an item of the other plan", paths: ["content/other-plan/1.md"], renderAtMost: 10) {
            try $0.edit("content/other-plan/1.md", replacing: "title: 項目1", with: "title: 項目一")
        },
        Step(description: "a plan's folder renamed", paths: ["content/other-plan", "content/moved-plan"], renderAtMost: nil) {
            try FileManager.default.moveItem(atPath: $0.path + "/content/other-plan", toPath: $0.path + "/content/moved-plan")
        },
        Step(description: "a plan's folder removed", paths: ["content/moved-plan"], renderAtMost: nil) {
            try $0.remove("content/moved-plan")
        },
        Step(description: "a results file removed (its items stay)", paths: [seeds], renderAtMost: 20) {
            try $0.remove(seeds)
        },
    ]

    @Test func everyChangeGivesTheSiteBuildWrites() throws {
        let site = try ServeTestSite()
        let first = site.builder.build()
        try #require(first.status == .built, "\(first.formatted)")
        #expect(first.isFull)
        try site.expectServedEqualsBuild("first build")

        for step in Self.steps {
            try step.change(site)
            let outcome = site.builder.build(changed: step.paths)
            try #require(outcome.status == .built, "\(step): \(outcome.formatted)")
            if let most = step.renderAtMost {
                #expect(!outcome.isFull, "\(step) rendered every page")
                #expect(
                    outcome.renderedPages <= most,
                    "\(step) rendered \(outcome.renderedPages) pages: \(outcome.renderedRoutes)")
            }
            try site.expectServedEqualsBuild(step.description)
        }
    }

    @Test func aBrokenFileKeepsTheLastGoodSiteAndChangesMadeMeanwhileAreNotLost() throws {
        let site = try ServeTestSite()
        try #require(site.builder.build().status == .built)
        let before = FileTree.snapshot(site.served.path)

        try site.edit(Self.item3, replacing: "title: 基金の確保", with: "title: [基金の確保")
        let broken = site.builder.build(changed: [Self.item3])
        #expect(broken.status == .failed)
        #expect(broken.formatted.contains("content/test-plan/003.md:3:8: error: a bracket or quote is not closed"))
        #expect(FileTree.snapshot(site.served.path) == before, "a failed build writes nothing")

        // While it is broken, another file changes; then the first is fixed.
        try site.edit(Self.item2, replacing: "title: 庁内事務の効率化", with: "title: 庁内事務の見直し")
        #expect(site.builder.build(changed: [Self.item2]).status == .failed)
        try site.edit(Self.item3, replacing: "title: [基金の確保", with: "title: 基金の確保（修正）")
        let fixed = site.builder.build(changed: [Self.item3])
        try #require(fixed.status == .built, "\(fixed.formatted)")
        #expect(fixed.changedFiles == [Self.item2, Self.item3])
        try site.expectServedEqualsBuild("after the fix")
        #expect(site.read(served: "test-plan/002/index.html").contains("庁内事務の見直し"))
    }

    @Test(arguments: [
        ("mieruka.yml", "publisher: 架空市 企画部", "publisher: 架空市 総務部"),
        ("templates/partials/footer.mustache", "（テスト用のフッター）", "（フッター）"),
    ])
    func settingsChangedWhileTheBuildFailsAreTakenInWhenItIsFixed(file: String, old: String, new: String) throws {
        let site = try ServeTestSite()
        try #require(site.builder.build().status == .built)
        try site.edit(Self.item3, replacing: "title: 基金の確保", with: "title: [基金の確保")
        #expect(site.builder.build(changed: [Self.item3]).status == .failed)
        try site.edit(file, replacing: old, with: new)
        #expect(site.builder.build(changed: [file]).status == .failed)

        try site.edit(Self.item3, replacing: "title: [基金の確保", with: "title: 基金の確保")
        let fixed = site.builder.build(changed: [Self.item3])
        try #require(fixed.status == .built, "\(fixed.formatted)")
        #expect(fixed.isFull, "every page shows the settings and the templates")
        try site.expectServedEqualsBuild("\(file) changed while the build failed")

        // The next change is incremental again.
        try site.edit(Self.item3, replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        let next = site.builder.build(changed: [Self.item3])
        #expect(next.status == .built)
        #expect(!next.isFull)
        try site.expectServedEqualsBuild("the change after")
    }

    @Test func anUnchangedSaveWritesNothing() throws {
        let site = try ServeTestSite()
        try #require(site.builder.build().status == .built)
        try site.work.write(Self.item2, try site.read(Self.item2))
        let outcome = site.builder.build(changed: [Self.item2])
        #expect(outcome.status == .built)
        #expect(outcome.renderedPages > 0)
        #expect(outcome.updatedPages.isEmpty)
        #expect(!outcome.changesOutput)
    }

    @Test func diagnosticsAreThoseBuildReports() throws {
        let site = try ServeTestSite()
        try #require(site.builder.build().status == .built)
        // A title in a results sheet that is not the item's: a warning.
        try site.work.write("seeds/test-plan/令和7年度.csv", "番号,取組項目,評価\n2,庁内事務の効率化（旧名）,B\n")
        let outcome = site.builder.build(changed: ["seeds/test-plan/令和7年度.csv"])
        #expect(outcome.status == .built)
        let built = try site.freshBuild().diagnostics
        #expect(!built.isEmpty)
        #expect(outcome.formatted == built)
    }
}
