import MierukaBuild
import MierukaDiagnostics

/// `mieruka build --format json`: one document for a deploy step, with the keys of
/// `mieruka check --format json` and the files written, left unchanged and removed:
///
///     {"errors":0,"warnings":1,"command":"build","exitCode":0,"pages":156,"output":"/site/public",
///      "written":["plan/001/index.html"],"unchanged":[…],"removed":[],"diagnostics":[{"severity":…,
///      "file":…,"line":…,"column":…,"message":…,"hint":…}]}
///
/// Paths are relative to the output folder, each list sorted; after a failed build (exit 1)
/// the lists are empty, as nothing was written.
enum BuildSummaryJSON {
    static func document(_ report: BuildReport) -> String {
        let sorted = report.diagnostics.sorted
        let errors = sorted.filter { $0.severity == .error }.count
        let files = report.writeSummary
        var out = "{\"errors\":\(errors),\"warnings\":\(sorted.count - errors),\"command\":\"build\""
        out += ",\"exitCode\":\(report.exitCode),\"pages\":\(report.pages)"
        out += ",\"output\":" + (report.outputPath.map(string) ?? "null")
        out += ",\"written\":" + list(files?.written ?? [])
        out += ",\"unchanged\":" + list(files?.unchanged ?? [])
        out += ",\"removed\":" + list(files?.removed ?? [])
        out += ",\"diagnostics\":[" + sorted.map(object).joined(separator: ",") + "]}"
        return out
    }

    static func list(_ paths: [String]) -> String {
        "[" + paths.map(string).joined(separator: ",") + "]"
    }

    static func object(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "{\"severity\":\(string(diagnostic.severity.rawValue)),\"file\":\(string(location.file)),"
            + "\"line\":\(location.line),\"column\":\(location.column),\"message\":\(string(diagnostic.message)),"
            + "\"hint\":\(diagnostic.hint.map(string) ?? "null")}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
