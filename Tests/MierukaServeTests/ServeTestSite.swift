import Foundation
import MierukaBuild
import MierukaDiagnostics
import MierukaServe
import MierukaTestSupport
import Testing

/// A copy of a fixture site that tests change, with serve's builder on it and `mieruka build`'s
/// pipeline to compare with.
final class ServeTestSite: @unchecked Sendable {
    let work: TemporaryDirectory
    let served: TemporaryDirectory
    let builder: SiteBuilder

    init(_ fixture: String = Fixtures.path("base")) throws {
        work = TemporaryDirectory("mieruka-serve-site")
        served = TemporaryDirectory("mieruka-serve-out")
        try FileTree.overlay(fixture, onto: work.path)
        builder = SiteBuilder(source: work.path, displaySource: "", folder: ServedFolder(existing: served.path))
    }

    var path: String { work.path }

    func read(_ relative: String) throws -> String {
        try #require(work.read(relative), "no \(relative)")
    }

    func read(served relative: String) -> String {
        served.read(relative) ?? ""
    }

    /// Replaces `old` with `new` in a file of the site (exactly once).
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        try #require(text.components(separatedBy: old).count == 2, "\"\(old)\" is not in \(relative) exactly once")
        try work.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: work.path + "/" + relative)
    }

    /// What `mieruka build` writes for the site as it is now (without its marker file), and what
    /// it reports.
    func freshBuild() throws -> (files: [String: Data], diagnostics: String) {
        let output = TemporaryDirectory("mieruka-serve-build")
        let report = SitePipeline().run(
            BuildOptions(source: work.path, displaySource: "", mode: .build(output: output.path + "/public")))
        let diagnostics = DiagnosticFormatter().format(report.diagnostics)
        try #require(report.outcome == .success, "mieruka build failed: \(diagnostics)")
        var files = FileTree.snapshot(output.path + "/public")
        files[".mieruka-output"] = nil
        return (files, diagnostics)
    }

    /// The served folder equals a fresh build, file by file.
    func expectServedEqualsBuild(_ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let built = try freshBuild().files
        let served = FileTree.snapshot(self.served.path)
        let missing = Set(built.keys).subtracting(served.keys).sorted()
        let extra = Set(served.keys).subtracting(built.keys).sorted()
        let differing = built.keys.filter { served[$0] != nil && served[$0] != built[$0] }.sorted()
        #expect(missing.isEmpty, "\(step): served lacks \(missing)", sourceLocation: sourceLocation)
        #expect(extra.isEmpty, "\(step): served has files build does not write: \(extra)", sourceLocation: sourceLocation)
        #expect(
            differing.isEmpty,
            "\(step): served files differ from build: \(differing)\n\(Self.firstDifference(differing.first, served, built))",
            sourceLocation: sourceLocation)
    }

    /// The first line where two versions of a file differ, for the failure message.
    static func firstDifference(_ path: String?, _ served: [String: Data], _ built: [String: Data]) -> String {
        guard let path, let a = served[path], let b = built[path] else { return "" }
        let servedLines = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let builtLines = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, (x, y)) in zip(servedLines, builtLines).enumerated() where x != y {
            return "\(path):\(number + 1)\n  served: \(x.prefix(300))\n  built:  \(y.prefix(300))"
        }
        return "\(path): \(servedLines.count) lines served, \(builtLines.count) built"
    }
}

extension BuildOutcome {
    var formatted: String { DiagnosticFormatter().format(diagnostics) }
}
