import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaSource

/// Runs the parse and merge stages on files given as strings, without touching the disk.
package enum InMemorySite {
    /// `root` is where files that the config names (the accessibility results) are looked for.
    package static func loaded(_ files: [String: String], root: String = "/nowhere") -> LoadedSite {
        func file(_ path: String) -> SourceFile {
            SourceFile(relativePath: path, displayPath: path, bytes: Array((files[path] ?? "").utf8))
        }
        let paths = files.keys.sorted()
        return LoadedSite(
            root: root, config: file("mieruka.yml"),
            content: paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.map { .inMemory(file($0)) },
            seeds: paths.filter { $0.hasPrefix("seeds/") }.map { .inMemory(file($0)) },
            templates: paths.filter { $0.hasPrefix("templates/") }.map(file), assets: [])
    }

    /// Parsed and merged, with everything reported on the way (validation not included).
    package static func merge(_ files: [String: String], root: String = "/nowhere") -> (MergedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let documents = DocumentParser().parse(loaded(files, root: root), diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let merged = SiteMerger().merge(documents, diagnostics: &diagnostics)
        return (merged, diagnostics)
    }

    /// A minimal valid site of made-up data to vary in tests.
    package static let config = "title: テスト\n"

    package static let plan = """
        ---
        city: 架空市
        title: 架空の計画
        period: {from: R5, to: R9}
        grades:
          - {code: A, label: 良い}
          - {code: B, label: 普通}
          - {code: C, label: 遅れ}
        policies:
          - id: "1"
            title: 方針一
            children:
              - {id: "1-1", title: 方針一の一}
          - {id: "2", title: 方針二}
        ---
        本文
        """

    package static func item(_ number: String, policy: String = "1-1", extra: String = "") -> String {
        "---\nnumber: \(number)\ntitle: 項目\(number)\npolicy: \"\(policy)\"\n\(extra)---\n"
    }
}
