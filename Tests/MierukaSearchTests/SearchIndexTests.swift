import Foundation
import MierukaModel
import MierukaSearch
import MierukaSite
import MierukaTestSupport
import Testing

/// The index of a made-up site (test data, not a city's).
@Suite struct SearchIndexTests {
    static let files: [String: String] = [
        "mieruka.yml": "title: テスト\nbase_url: /kaikaku/\n",
        "content/p/_index.md": InMemorySite.plan,
        "content/p/a.md": """
            ---
            number: 1
            title: 新幹線駅の活用
            policy: "1-1"
            departments: [企画課, 財政課]
            kpis:
              - {id: riders, name: 利用者数, unit: 人}
            results:
              - year: R5
                grade: B
                progress: 使用料の見直しを検討した。
                factors: 古い要因
                next_steps: |
                  - 来年度も**続ける**
                  - [資料](https://example.com/hidden)を公開する
              - {year: R6, grade: A, factors: 新しい要因}
            ---
            """,
        "content/p/b.md": """
            ---
            number: 2
            title: 新しい取組
            policy: "2"
            results:
              - {year: R6, grade: C, progress: "\(String(repeating: "長い文章。", count: 30))"}
            ---
            """,
        "content/about.md": "---\ntitle: このサイトについて\n---\n市の行財政改革の取組を公開しています。\n",
        "content/p/三番.md": "---\nnumber: 3\ntitle: ＫＰＩの整理\npolicy: \"2\"\n---\n",
    ]

    static func builder() throws -> SearchIndexBuilder {
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        return SearchIndexBuilder(index: SiteIndex(try #require(merged)))
    }

    /// The documents holding every token of the query (as search.js matches exact tokens).
    func matching(_ query: String, in index: SearchIndex) -> [Int] {
        var result: Set<Int>?
        for token in SearchTokenizer.tokens(query) {
            let documents = Set(index.postings(for: token).map(\.document))
            result = result.map { $0.intersection(documents) } ?? documents
        }
        return (result ?? []).sorted()
    }

    @Test func everyItemIsADocumentWithWhatAResultShows() throws {
        let index = try Self.builder().build()
        #expect(index.plans.map(\.title) == ["架空市 架空の計画"])
        #expect(index.plans[0].url == "/kaikaku/p/")
        #expect(index.plans[0].grades.map(\.code) == ["A", "B", "C"])
        #expect(index.plans[0].years == ["令和5年度", "令和6年度"])
        #expect(index.documents.filter { $0.kind == .item }.map(\.number) == ["1", "2", "3"])
        let first = index.documents[0]
        #expect(first.title == "新幹線駅の活用")
        #expect(first.path == "a/")
        #expect(first.grade == 0)  // A, the latest grade (R6)
        #expect(first.gradeYear == 1)
        #expect(first.departments == "企画課、財政課")
        // A Japanese file name is percent-encoded, as the page links are.
        #expect(index.documents[2].path == "%E4%B8%89%E7%95%AA/")
        #expect(index.documents[2].grade == nil)
    }

    @Test func aQueryNeedsAllItsBigrams() throws {
        let index = try Self.builder().build()
        #expect(matching("新幹線", in: index) == [0])
        #expect(matching("新しい取組", in: index) == [1])
        // 新幹線 and 新しい share only 新, which is not a token of either.
        #expect(index.postings(for: "新").isEmpty)
        #expect(matching("新幹線 取組", in: index) == [])
        #expect(matching("ｋｐｉ", in: index) == [2])
    }

    @Test func tokensRecordTheFieldsTheyAreIn() throws {
        let index = try Self.builder().build()
        func fields(_ token: String) -> UInt8? { index.postings(for: token).first { $0.document == 0 }?.fields }
        #expect(fields("新幹") == SearchField.title.bit)
        #expect(fields("企画") == SearchField.departments.bit)
        #expect(fields("利用") == SearchField.kpis.bit)
        #expect(fields("用料") == SearchField.progress.bit)
        // Every year's texts are searched: 古い要因 (R5) as well as 新しい要因 (R6).
        #expect(fields("古い") == SearchField.factors.bit)
        #expect(fields("新し") == SearchField.factors.bit)
        #expect(fields("要因") == SearchField.factors.bit)
        // Markdown is read as text: emphasis marks go, a link's target is not searched.
        #expect(fields("続け") == SearchField.nextSteps.bit)
        #expect(index.postings(for: "example").isEmpty)
    }

    @Test func snippetsAreTheLatestTextsShortened() throws {
        let index = try Self.builder().build()
        let snippets = index.documents[0].snippets
        #expect(snippets.map(\.field) == [.kpis, .progress, .factors, .nextSteps])
        #expect(snippets[0].text == "利用者数")
        #expect(snippets[0].year == nil)
        #expect(snippets[2].text == "新しい要因")
        #expect(snippets[2].year == 1)
        #expect(snippets[3].text == "来年度も続ける 資料を公開する")
        let long = try #require(index.documents[1].snippets.first)
        #expect(long.text.count == SearchIndexBuilder.snippetLength + 1)
        #expect(long.text.hasSuffix("…"))
    }

    @Test func theFileIsCompactDeterministicJSON() throws {
        let builder = try Self.builder()
        let bytes = builder.json()
        #expect(bytes == builder.json())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["format"] as? String == "mieruka-search")
        #expect(object["format_version"] as? Int == 1)
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == SearchField.allCases.map(\.name))
        let documents = try #require(object["documents"] as? [[Any]])
        #expect(documents.count == builder.build().documents.count)
        #expect(documents[0].count == 9 && documents[0][8] as? String == "item")
        let kinds = try #require(object["kinds"] as? [String: String])
        #expect(kinds["plan"] == "計画" && kinds["page"] == "ページ")
        #expect(documents[0][2] as? String == "新幹線駅の活用")

        // Each posting is gap × 2^fields + mask.
        let index = builder.build()
        let postings = try #require(object["postings"] as? [String: [Int]])
        #expect(postings.count == index.postings.count)
        let base = 1 << SearchField.allCases.count
        for (token, expected) in index.postings {
            var document = 0
            let decoded = (postings[token] ?? []).map { number -> [Int] in
                document += number / base
                return [document, number % base]
            }
            #expect(decoded == expected.map { [$0.document, Int($0.fields)] }, "\(token)")
        }
        // Tokens are in the order of their UTF-8 bytes.
        let tokens = index.postings.map(\.token)
        #expect(tokens == tokens.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// A plan, its policies, its year reports and standalone pages are found too, each saying what
    /// it is and linking to its page: a plan without items is not a search that finds nothing.
    @Test func plansPoliciesReportsAndPagesAreDocumentsToo() throws {
        let index = try Self.builder().build()
        let plan = try #require(index.documents.first { $0.kind == .plan })
        #expect(plan.plan == 0 && plan.path == "" && plan.title == "架空の計画")
        let policies = index.documents.filter { $0.kind == .policy }
        #expect(!policies.isEmpty)
        #expect(policies.allSatisfy { $0.path.hasPrefix("policies/") && $0.path.hasSuffix("/") })
        let reports = index.documents.filter { $0.kind == .report }
        #expect(reports.map(\.path) == ["reports/2023/", "reports/2024/"])
        #expect(reports.map(\.title) == ["令和5年度の進捗状況", "令和6年度の進捗状況"])
        let page = try #require(index.documents.first { $0.kind == .page })
        #expect(page.plan == nil)
        #expect(page.path == "/kaikaku/about/")
        #expect(page.snippets.first?.field == .body)
        #expect(page.snippets.first?.text == "市の行財政改革の取組を公開しています。")
        let pageNumber = try #require(index.documents.firstIndex { $0.kind == .page })
        #expect(matching("行財政改革", in: index) == [pageNumber])
        #expect(matching("このサイト", in: index) == [pageNumber])
    }

    @Test func aPlanWithoutItemsIsFound() throws {
        var files = Self.files
        for key in files.keys where key.hasPrefix("content/p/") && key != "content/p/_index.md" { files[key] = nil }
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        #expect(!index.documents.contains { $0.kind == .item })
        let planNumber = try #require(index.documents.firstIndex { $0.kind == .plan })
        #expect(matching("架空", in: index).contains(planNumber))
    }

    /// An item's own text (本文) is searched, with its beginning as the snippet; so is the home
    /// page's text, as a page at the site's address.
    @Test func itemBodiesAndTheHomeTextAreSearched() throws {
        var files = Self.files
        files["content/p/三番.md"] = "---\nnumber: 3\ntitle: ＫＰＩの整理\npolicy: \"2\"\n---\n## 課題\n\n指標の定義が部署ごとに違う。\n"
        files["content/_index.md"] = "---\ntitle: 見える化の入口\n---\n架空市の改革を一覧で示します。\n"
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let item = try #require(index.documents.firstIndex { $0.kind == .item && $0.number == "3" })
        #expect(matching("指標の定義", in: index) == [item])
        #expect(index.documents[item].snippets.last?.field == .body)
        #expect(index.documents[item].snippets.last?.text == "課題指標の定義が部署ごとに違う。")
        #expect(index.postings(for: "定義").first { $0.document == item }?.fields == SearchField.body.bit)
        let home = try #require(index.documents.firstIndex { $0.kind == .page && $0.path == "/kaikaku/" })
        #expect(index.documents[home].title == "見える化の入口")
        #expect(matching("一覧で示", in: index) == [home])
        // The home text comes before the standalone pages.
        #expect(index.documents.firstIndex { $0.kind == .page } == home)
    }

    /// A policy's result says what its plan calls that level (`policy_levels:`), and the file
    /// carries it as the document's last field only then.
    @Test func aPolicyIsCalledWhatItsPlanCallsItsLevel() throws {
        var files = Self.files
        files["content/p/_index.md"] = InMemorySite.plan.replacingOccurrences(
            of: "policies:\n", with: "policy_levels: [基本方針, 推進項目]\npolicies:\n")
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let builder = SearchIndexBuilder(index: SiteIndex(try #require(merged)))
        let policies = builder.build().documents.filter { $0.kind == .policy }
        #expect(policies.map(\.label) == ["基本方針", "推進項目", "基本方針"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(builder.json())) as? [String: Any])
        let documents = try #require(object["documents"] as? [[Any]])
        let written = documents.filter { $0[8] as? String == "policy" }
        #expect(written.map { $0.count } == [10, 10, 10])
        #expect(written.map { $0[9] as? String } == ["基本方針", "推進項目", "基本方針"])
        // Without policy_levels:, the kind's own word (施策), and no tenth field.
        let plain = try Self.builder().build().documents.filter { $0.kind == .policy }
        #expect(plain.allSatisfy { $0.label == nil })
        #expect((try Self.builder().json()).count < (builder.json()).count)
    }

    /// A plan's scale as results show it: a scale of words carries no code (its word is shown once,
    /// not as code and label), and `ranked` is the plan's own `grade_order:`.
    @Test func aPlansScaleCarriesItsCodesOnlyWhereItHasThemAndItsOrder() throws {
        func plans(_ plan: String) throws -> [[String: Any]] {
            // The plan and an item without results (the other items' grades are codes).
            var files = Self.files.filter { $0.key == "mieruka.yml" || $0.key == "content/p/三番.md" }
            files["content/p/_index.md"] = plan
            let (merged, diagnostics) = InMemorySite.merge(files)
            #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
            let builder = SearchIndexBuilder(index: SiteIndex(try #require(merged)))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(builder.json())) as? [String: Any])
            return try #require(object["plans"] as? [[String: Any]])
        }
        let coded = try plans(InMemorySite.plan)
        #expect(coded[0]["ranked"] as? Bool == false)
        #expect((coded[0]["grades"] as? [[Any]])?.first?.first as? String == "A")

        let words = try plans(
            InMemorySite.plan.replacingOccurrences(
                of: "  - {code: A, label: 良い}\n  - {code: B, label: 普通}\n  - {code: C, label: 遅れ}\n",
                with: "  - 良い\n  - 普通\n  - 遅れ\ngrade_order: best_first\n"))
        #expect(words[0]["ranked"] as? Bool == true)
        let grades = try #require(words[0]["grades"] as? [[Any]])
        #expect(grades.count == 3)
        #expect(grades[0][0] is NSNull && grades[0][1] as? String == "良い")
    }

    /// What a plan transcribes outside its items is found on the plan's page: money tables' titles
    /// and row labels, achievement counts, the plan's own KPIs, and its revisions with their
    /// reasons (a deleted item's reason also on the report of the year it was deleted from).
    @Test func transcribedFiguresFindThePlan() throws {
        var files = Self.files
        files["content/p/_index.md"] = InMemorySite.plan.replacingOccurrences(
            of: "period: {from: R5, to: R9}",
            with: """
                period: {from: R5, to: R9}
                money_tables:
                  - title: 分野別の効果額
                    years: R5
                    unit: 千円
                    basis: 一般財源ベース
                    rows:
                      - {label: 歳入, planned: "100", actual: "90"}
                      - {label: 歳出, planned: "50", actual: "60"}
                  - title: 年度別の削減額
                    years: R5～R6
                    unit: 千円
                    columns: [{heading: 担当, text: true}, 令和5年度, 令和6年度]
                    rows:
                      - {group: 事務事業の見直し}
                      - {label: 印刷物の見直し, cells: [広報広聴課, "△ 300", "△ 400"]}
                achievements:
                  - {title: 改革項目の達成度, years: R5～R6, of: 10, counts: [{label: 目標を達成, count: 6}]}
                plan_kpis:
                  - title: 基本目標
                    kpis:
                      - {name: 経常収支比率, target: {year: R9, value: 90%未満}, actuals: [{year: R5, value: 93%}]}
                revisions:
                  - year: R6
                    title: 計画の見直し
                    deleted:
                      - {title: 窓口の電話予約, reason: オンライン予約に一本化したため}
                    rescheduled:
                      - {title: 広報誌の電子化, number: 8-(1)-(2), part: 3.配布方法の検討, from: R6, to: R7}
                """)
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let plan = try #require(index.documents.firstIndex { $0.kind == .plan })
        let report = try #require(index.documents.firstIndex { $0.kind == .report && $0.path == "reports/2024/" })
        #expect(matching("歳入", in: index) == [plan])
        #expect(matching("分野別の効果額", in: index) == [plan])
        #expect(matching("一般財源ベース", in: index) == [plan])
        // A table in the report's own layout: its group headings, row labels and text columns' words.
        #expect(matching("事務事業の見直し", in: index) == [plan])
        #expect(matching("印刷物の見直し", in: index) == [plan])
        #expect(matching("広報広聴課", in: index) == [plan])
        #expect(matching("改革項目の達成度", in: index) == [plan])
        #expect(matching("目標を達成", in: index) == [plan])
        #expect(matching("経常収支比率", in: index) == [plan])
        #expect(matching("基本目標", in: index) == [plan])
        #expect(matching("窓口の電話予約", in: index) == [plan, report])
        #expect(matching("オンライン予約に一本化", in: index) == [plan, report])
        // A move of a scheduled year: the item and the part moved, as the revision names them.
        #expect(matching("広報誌の電子化", in: index) == [plan, report])
        #expect(matching("配布方法の検討", in: index) == [plan, report])
        #expect(index.postings(for: "歳入").first { $0.document == plan }?.fields == SearchField.body.bit)
    }

    /// Each committee opinion is a document of its own, leading to the section that shows it: an
    /// opinion on an item to its page, one on a year's results as a whole to that year's report;
    /// its title names the year and who gave it, its body is the opinion (made-up opinions).
    @Test func committeeOpinionsAreFoundWhereTheyAreShown() throws {
        var files = Self.files
        files["content/p/_index.md"] = InMemorySite.plan.replacingOccurrences(
            of: "period: {from: R5, to: R9}",
            with: """
                period: {from: R5, to: R9}
                opinions:
                  - {year: R6, by: 架空市行政改革懇談会, date: 令和7年7月, text: "全体として**市民への説明**に努められたい。"}
                  - {year: R5, item: 1, by: 架空市行政改革推進委員会, text: 駅の利用促進策を具体化すること。}
                  - {year: R8, by: 架空市行政改革懇談会, text: 報告のない年度への意見。}
                """)
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let opinions = index.documents.enumerated().filter { $0.element.kind == .opinion }
        #expect(opinions.map(\.element.path) == ["a/#opinions", "reports/2024/#opinions"])
        #expect(
            opinions.map(\.element.title) == [
                "No.1 新幹線駅の活用（令和5年度・架空市行政改革推進委員会）", "令和6年度 架空市行政改革懇談会（令和7年7月）",
            ])
        #expect(opinions[1].element.snippets.first?.text == "全体として市民への説明に努められたい。")
        #expect(matching("市民への説明", in: index) == [opinions[1].offset])
        #expect(matching("利用促進策", in: index) == [opinions[0].offset])
        // An opinion on a year without a report page is shown nowhere, so it is not found.
        #expect(matching("報告のない年度", in: index).isEmpty)
        let site = SiteIndex(try #require(merged))
        let object = try JSONSerialization.jsonObject(with: Data(SearchIndexBuilder(index: site).json())) as? [String: Any]
        let kinds = object?["kinds"] as? [String: String]
        #expect(kinds?["opinion"] == "委員会などの意見")
    }

    /// An item's sub-items (titles, departments, yearly 進捗状況) and its schedule's steps find the
    /// item; a plan's two-way tables, timelines and earlier plans find the plan.
    @Test func subItemsSchedulesAndThePlansStructureAreFound() throws {
        var files = Self.files
        files["content/p/b.md"] = """
            ---
            number: 2
            title: 新しい取組
            policy: "2"
            schedule: {R5: 制度設計, R6～R9: 本格実施}
            subitems:
              - {number: "1", title: 基金の運用方針の策定, department: 会計課}
            results:
              - {year: R6, grade: C, subitems: [{number: "1", grade: B, progress: 運用益の見通しを整理した。}]}
            ---
            """
        files["content/p/_index.md"] = InMemorySite.plan.replacingOccurrences(
            of: "period: {from: R5, to: R9}",
            with: """
                period: {from: R5, to: R9}
                lineage:
                  - {title: 架空市行財政改革大綱, date: 平成8年12月策定, effect: 約40億円}
                timelines:
                  - title: 推進期間
                    years: R5～R9
                    rows:
                      - {label: 第6次総合計画, note: 前期基本計画}
                """)
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let item = try #require(index.documents.firstIndex { $0.kind == .item && $0.number == "2" })
        let plan = try #require(index.documents.firstIndex { $0.kind == .plan })
        #expect(matching("基金の運用方針", in: index) == [item])
        #expect(matching("会計課", in: index) == [item])
        #expect(index.postings(for: "会計").first { $0.document == item }?.fields == SearchField.departments.bit)
        #expect(matching("運用益の見通し", in: index) == [item])
        #expect(index.postings(for: "運用").first { $0.document == item }.map { $0.fields & SearchField.progress.bit } != 0)
        #expect(matching("本格実施", in: index) == [item])
        #expect(matching("架空市行財政改革大綱", in: index) == [plan])
        #expect(matching("第6次総合計画", in: index) == [plan])
        #expect(matching("前期基本計画", in: index) == [plan])
    }

    /// Items' results at a point within a year (as_of:, a seeds file of 8月末) are searched as the
    /// years' results are, and the snippet of the latest names its point as the item's page does.
    @Test func resultsAtAPointWithinAYearAreFoundWithTheirPoint() throws {
        var files = Self.files
        files["seeds/p/R7-8月末.yml"] = """
            plan: p
            year: R7
            as_of: 8月末
            results:
              - {item: 2, grade: B, progress: 運用方針の案を作成した。, factors: 途中の要因}
            """
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let item = try #require(index.documents.firstIndex { $0.kind == .item && $0.number == "2" })
        #expect(matching("運用方針の案", in: index) == [item])
        #expect(index.postings(for: "運用").first { $0.document == item }?.fields == SearchField.progress.bit)
        #expect(matching("途中の要因", in: index) == [item])
        // The 8月末 text is the item's latest: its snippet says the point, not the year alone.
        let progress = try #require(index.documents[item].snippets.first { $0.field == .progress })
        #expect(progress.text == "運用方針の案を作成した。")
        let year = try #require(progress.year)
        #expect(index.plans[0].years[year] == "令和7年度・8月末時点")
        // The year-end texts of other items still name their year only.
        #expect(index.plans[0].years.prefix(3) == ["令和5年度", "令和6年度", "令和7年度"])
    }

    /// A grade the copy does not show (`grade_unreadable:`) and counts under the report's own grouping
    /// (`grouped_by:`, `groups:`) are found where the pages show them: the reason on the item and on
    /// the year's report, the grouping and its rows on the report.
    @Test func unreadableGradesAndTheReportsOwnGroupsAreFound() throws {
        var files = Self.files
        files["content/p/_index.md"] = InMemorySite.plan.replacingOccurrences(
            of: "period: {from: R5, to: R9}",
            with: """
                period: {from: R5, to: R9}
                declared:
                  - year: R6
                    grouped_by: 所管区分
                    groups:
                      - {group: 局が評価する項目, counts: {A: 1, B: 0, C: 0}}
                      - {group: 委員会が評価する項目, counts: {A: 0, B: 1, C: 0}}
                """)
        files["content/p/b.md"] = """
            ---
            number: 2
            title: 新しい取組
            policy: "2"
            results:
              - {year: R6, grade_unreadable: 写しの評価欄が欠けている}
            ---
            """
        let (merged, diagnostics) = InMemorySite.merge(files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.all)")
        let index = SearchIndexBuilder(index: SiteIndex(try #require(merged))).build()
        let item = try #require(index.documents.firstIndex { $0.kind == .item && $0.number == "2" })
        let report = try #require(index.documents.firstIndex { $0.kind == .report && $0.path == "reports/2024/" })
        #expect(matching("評価欄が欠けている", in: index) == [item, report])
        #expect(index.postings(for: "欠け").first { $0.document == item }?.fields == SearchField.progress.bit)
        #expect(matching("読み取れず", in: index).contains(item))
        #expect(matching("所管区分", in: index) == [report])
        #expect(matching("委員会が評価する項目", in: index) == [report])
    }
}
