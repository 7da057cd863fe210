import Foundation
import MierukaDiagnostics
import MierukaModel
import MierukaRender
import MierukaSite
import MierukaTestSupport
import Testing

/// Sites made of hostile values in every field, through every stage up to rendering.
///
/// Whatever the input, Mieruka must answer with diagnostics, never crash: a trap here (an overflow,
/// an index out of range, a failed conversion) ends the test run. The generator is seeded, so a
/// failure is reproducible from the printed seed.
@Suite struct HostileInputTests {
    /// Values people mistype, plus values meant to break arithmetic, parsing and escaping.
    static let values: [String] = [
        "", "~", "null", "[]", "{}", "0", "-0", "△", "▲1", "△0", "1", "2", "10", "100.0%", "0.5", "85.0",
        "9999999999999999999999", "999999999999999", "-999999999999999", "0.000000000000001", "1e400", "NaN",
        "R999999999999999999999", "R9223372036854775807", "H0", "H31", "平成99年度", "令和元", "2024", "1800", "R5", "R9",
        "1,2,3", "1,,2", "１２３４５６７８９０１２３４５６７８", "1億", "△1,000万円", "17億7,700万円", "40億5千万円",
        "%", "%台", "人", "億円", "千円", "<script>alert(1)</script>", "{{title}}", "{{{bodyHTML}}}", "---", "🙂", "A", "Ｂ",
        "C", "S", "ｚ", "1-1", "2", "1", String(repeating: "長", count: 3000), "a: b", "- x", "\"", "'", "\\",
        "[閉じていない", "{x: 1", "&anchor x", "*nope", "!!binary eA==",
    ]

    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        mutating func pick(_ values: [String]) -> String { values[Int(next() % UInt64(values.count))] }

        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

        /// A YAML scalar: mostly quoted (so the value arrives), sometimes plain (so YAML may reject it).
        mutating func scalar() -> String {
            let value = pick(HostileInputTests.values)
            if chance(70) {
                let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return "\"\(escaped)\""
            }
            return value
        }
    }

    static func site(seed: UInt64) -> [String: String] {
        var g = Generator(state: seed)
        let plan = """
            ---
            city: \(g.scalar())
            title: \(g.scalar())
            period: {from: \(g.scalar()), to: \(g.scalar())}
            money_unit: \(g.chance(80) ? "千円" : g.scalar())
            year_style: \(g.chance(80) ? "wareki" : g.scalar())
            grades:
              - {code: \(g.chance(80) ? "A" : g.scalar()), label: \(g.scalar())}
              - {code: \(g.chance(80) ? "B" : g.scalar()), label: x}
              - {code: C, label: y}
            policies:
              - id: "1"
                title: \(g.scalar())
                description: \(g.scalar())
                kpis:
                  - {name: k, unit: \(g.scalar()), direction: \(g.chance(50) ? "decrease" : "increase"), baseline: {year: \(g.scalar()), value: \(g.scalar())}, target: {value: \(g.scalar())}}
                children:
                  - {id: "1-1", title: \(g.scalar())}
              - {id: \(g.chance(80) ? "\"2\"" : g.scalar()), title: t}
            declared:
              - year: \(g.chance(70) ? "R6" : g.scalar())
                listings: \(g.scalar())
                relisted: \(g.chance(50) ? "1" : g.scalar())
                grades:
                  - {policy: "1", counts: {A: \(g.scalar()), B: 1, C: \(g.scalar())}}
                  - {policy: \(g.scalar()), counts: {A: 0, B: 0, C: 0}}
                effects:
                  - {policy: "1", expected: \(g.scalar()), actual: \(g.scalar())}
                effect_total: {expected: \(g.scalar()), actual: \(g.scalar())}
            ---
            \(g.pick(values))
            """
        var files = [
            "mieruka.yml": "title: \(g.scalar())\nbase_url: \(g.chance(70) ? "/" : g.scalar())\n",
            "content/p/_index.md": plan,
        ]
        for index in 0..<3 {
            files["content/p/i\(index).md"] = """
                ---
                number: \(g.chance(60) ? "\(index + 1)" : g.scalar())
                title: \(g.scalar())
                policy: \(g.chance(70) ? "\"1-1\"" : g.scalar())
                relisted: [{number: \(g.scalar()), policy: \(g.chance(50) ? "\"2\"" : g.scalar())}]
                departments: [\(g.scalar()), \(g.scalar())]
                kpis:
                  - id: k
                    name: \(g.scalar())
                    unit: \(g.scalar())
                    direction: \(g.chance(50) ? "decrease" : g.scalar())
                    baseline: {year: \(g.scalar()), value: \(g.scalar())}
                    target: {years: \(g.scalar()), value: \(g.scalar()), text: \(g.scalar())}
                    actuals: {\(g.chance(50) ? "R6" : g.scalar()): \(g.scalar())}
                results:
                  - {year: \(g.chance(60) ? "R5" : g.scalar()), grade: \(g.scalar()), progress: \(g.scalar()), effect: {expected: \(g.scalar()), actual: \(g.scalar())}}
                ---
                \(g.pick(values))
                """
        }
        files["seeds/p/r6.yml"] = """
            plan: \(g.chance(80) ? "p" : g.scalar())
            year: \(g.chance(70) ? "R6" : g.scalar())
            results:
              - {item: \(g.chance(60) ? "1" : g.scalar()), grade: \(g.scalar()), kpis: {k: \(g.scalar())}, effect: {expected: \(g.scalar()), actual: \(g.scalar())}}
              - {item: 2, grade: \(g.chance(50) ? "A" : g.scalar()), factors: \(g.scalar()), next_steps: \(g.scalar())}
            """
        return files
    }

    /// A site whose structure is valid (numbers, years, grades, references) and whose every free
    /// text (titles, names, labels, descriptions, bodies) is hostile: it must build without errors,
    /// and every page must show the texts escaped. Without these, no generated site ever got past
    /// validation, and the pages of a site that builds were never rendered from hostile text.
    static func siteWithHostileText(seed: UInt64) -> [String: String] {
        var g = Generator(state: seed)
        let texts = values.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        func text() -> String {
            let value = g.pick(texts)
            return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var files = [
            "mieruka.yml": "title: \(text())\npublisher: \(text())\n",
            "content/p/_index.md": """
                ---
                city: \(text())
                title: \(text())
                period: {from: R5, to: R9}
                grades:
                  - {code: A, label: \(text())}
                  - {code: B, label: \(text())}
                policies:
                  - id: "1"
                    title: \(text())
                    description: \(text())
                    children:
                      - {id: "1-1", title: \(text())}
                ---
                \(g.pick(values))
                """,
        ]
        for index in 1...3 {
            files["content/p/i\(index).md"] = """
                ---
                number: \(index)
                title: \(text())
                policy: "1-1"
                departments: [\(text())]
                ---
                \(g.pick(values))
                """
        }
        files["seeds/p/r6.yml"] = """
            plan: p
            year: R6
            results:
              - {item: 1, grade: A, progress: \(text())}
              - {item: 2, grade: B, factors: \(text()), next_steps: \(text())}
            """
        return files
    }

    @Test(arguments: 0..<12)
    func hostileSitesGetDiagnosticsNotCrashes(batch: Int) {
        var builtCleanly = 0
        var meantToBuild = 0
        for offset in 0..<40 {
            let seed = UInt64(batch * 40 + offset)
            // One site in four has a valid structure and hostile texts only.
            let valid = offset % 4 == 0
            if valid { meantToBuild += 1 }
            let files = valid ? Self.siteWithHostileText(seed: seed) : Self.site(seed: seed)
            let (merged, mergeDiagnostics) = InMemorySite.merge(files)
            var diagnostics = mergeDiagnostics
            guard let merged else { continue }
            SiteValidator().validate(merged.site, diagnostics: &diagnostics)
            DeclaredReconciler().reconcile(merged.site, severity: .error, diagnostics: &diagnostics)
            let theme = Theme.load(siteTemplates: [], diagnostics: &diagnostics)
            let index = SiteIndex(merged)
            let renderer = PageRenderer(theme: theme, views: ViewBuilder(index: index))
            // Pages are rendered even when there were errors: every stage must cope with what
            // the earlier ones let through.
            for page in PagePlanner().plan(index) {
                let html = renderer.render(page)
                #expect(html != nil, "seed \(seed): \(page.route) not rendered")
                #expect(html?.contains("<script>alert") != true, "seed \(seed): unescaped content on \(page.route)")
            }
            if !diagnostics.hasErrors { builtCleanly += 1 }
            if valid {
                #expect(!diagnostics.hasErrors, "seed \(seed): a valid site with hostile texts: \(diagnostics.errors.map(\.message))")
            }
            for diagnostic in diagnostics.all {
                #expect(!diagnostic.message.isEmpty)
                #expect(!diagnostic.location.file.isEmpty, "seed \(seed): \(diagnostic.message)")
            }
        }
        // The hostile sites are refused with diagnostics; the valid ones with hostile texts build.
        #expect(builtCleanly >= meantToBuild, "batch \(batch): \(builtCleanly) of \(meantToBuild) valid sites built cleanly")
        #expect(builtCleanly < 40, "batch \(batch): the hostile sites must be refused")
    }
}
