import MierukaBuild
import MierukaDiagnostics

/// `mieruka build --format json`: one document for a deploy step, with the keys of
/// `mieruka check --format json` and the output folder and the files written, left unchanged and
/// removed:
///
///     {"errors":0,"warnings":1,"command":"build","exitCode":0,"pages":156,"output":"/site/public",
///      "written":["plan/001/index.html"],"unchanged":[…],"removed":[],"diagnostics":[{"severity":…,
///      "file":…,"line":…,"column":…,"message":…,"hint":…}]}
///
/// Paths are relative to the output folder, each list sorted; after a failed build (exit 1)
/// the lists are empty, as nothing was written.
enum BuildSummaryJSON {
    static func fields(_ report: BuildReport) -> [(key: String, json: String)] {
        let files = report.writeSummary
        return [
            ("output", report.outputPath.map(JSONDiagnosticFormatter.string) ?? "null"),
            ("written", list(files?.written ?? [])),
            ("unchanged", list(files?.unchanged ?? [])),
            ("removed", list(files?.removed ?? [])),
        ]
    }

    static func list(_ paths: [String]) -> String {
        "[" + paths.map(JSONDiagnosticFormatter.string).joined(separator: ",") + "]"
    }
}
