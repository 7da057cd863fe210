import MierukaDiagnostics
import MierukaModel
import MierukaSource
import MierukaTestSupport

/// A small site in memory with results CSV files, read through the parse stage.
enum CSVTestSite {
    /// Item 1 has two KPIs; item 2 none; item 3 is also listed (再掲) as 13.
    static let items: [String: String] = [
        "content/p/_index.md": InMemorySite.plan,
        "content/p/a.md": InMemorySite.item(
            "1",
            extra: """
                kpis:
                  - id: visitors
                    name: 来場者数
                    unit: 人
                    target: {value: 10000, text: 1万人以上}
                  - id: ratio
                    name: 経常収支比率
                    unit: "%"
                    target: {text: 80%台}
                  - id: districts
                    name: 地区数
                    unit: 地区
                    target: 4

                """),
        "content/p/b.md": InMemorySite.item("2"),
        "content/p/c.md": InMemorySite.item("3", extra: "relisted:\n  - {number: 13, policy: \"2\"}\n"),
    ]

    /// The documents read from `files` (path → CSV text, UTF-8) and everything reported.
    static func read(
        _ files: [String: String], config: String = InMemorySite.config
    ) -> (results: [ResultsDocument], diagnostics: Diagnostics) {
        var all = items
        all["mieruka.yml"] = config
        all.merge(files) { $1 }
        var diagnostics = Diagnostics()
        let documents = DocumentParser().parse(InMemorySite.loaded(all), diagnostics: &diagnostics)
        return (documents?.results ?? [], diagnostics)
    }

    /// One CSV at seeds/p/R6.csv.
    static func read(_ csv: String, config: String = InMemorySite.config) -> (results: [ResultsDocument], diagnostics: Diagnostics) {
        read(["seeds/p/R6.csv": csv], config: config)
    }
}

extension Diagnostics {
    /// "3:4 message" for each diagnostic, sorted: compact to compare in tests.
    var positioned: [String] {
        sorted.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue): \($0.message)" }
    }
}
