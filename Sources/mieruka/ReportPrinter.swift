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

    static func printTimings(_ report: BuildReport) {
        print("timings:")
        print(report.timer.report)
    }

    static func standardError(_ text: String) {
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

    static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }
}
