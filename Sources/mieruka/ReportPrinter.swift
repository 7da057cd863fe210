import Foundation
import MierukaBuild
import MierukaDiagnostics

/// Prints a run's outcome: diagnostics to standard error, the summary to standard output.
enum ReportPrinter {
    static func printDiagnostics(_ report: BuildReport) {
        let formatter = DiagnosticFormatter()
        let text = formatter.format(report.diagnostics)
        if !text.isEmpty { standardError(text) }
    }

    /// Diagnostics in the format asked for: text to standard error as always; GitHub annotations and
    /// the JSON document to standard output, where the runner or a tool reads them. A usage error
    /// (exit 2) is never in the JSON document: it is printed as text, as for every format.
    static func printDiagnostics(_ report: BuildReport, format: DiagnosticFormat, command: String) {
        switch format {
        case .text:
            printDiagnostics(report)
        case .github:
            let text = GitHubAnnotationFormatter().format(report.diagnostics)
            if !text.isEmpty { print(text) }
        case .json:
            if case .usageError = report.outcome { return }
            var extra: [(key: String, json: String)] = [
                ("command", JSONDiagnosticFormatter.string(command)), ("exitCode", "\(report.exitCode)"),
                ("pages", "\(report.pages)"),
            ]
            if command == "build" { extra += BuildSummaryJSON.fields(report) }
            print(JSONDiagnosticFormatter().format(report.diagnostics, extra: extra))
        }
    }

    static func printTimings(_ report: BuildReport, toStandardError: Bool = false) {
        if toStandardError {
            standardError("timings:\n" + report.timer.report)
        } else {
            print("timings:")
            print(report.timer.report)
        }
    }

    /// Standard output is flushed first, so that what was printed there (GitHub annotations, the
    /// file lists) comes before the summary even when both go to one pipe, as in a CI log.
    static func standardError(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A count with thousands separators: 10,513.
    static func count(_ value: Int) -> String {
        var digits = String(value)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }
}
