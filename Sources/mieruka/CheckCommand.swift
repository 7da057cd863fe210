import ArgumentParser
import MierukaBuild
import MierukaDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing it.",
        discussion: """
            Everything build validates, plus: every page is rendered and its internal links checked,
            and each plan's published totals (declared:) are compared with what its items add up to.
            """
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let report = SitePipeline().run(
            BuildOptions(source: site.source, displaySource: site.displaySource, mode: .check, jobs: site.jobs))
        ReportPrinter.printDiagnostics(report)
        let summary = DiagnosticFormatter().summary(report.diagnostics)
        switch report.outcome {
        case .success:
            var line = "mieruka: checked \(report.pages) pages in \(ReportPrinter.seconds(report.timer.total)): links and published totals are consistent"
            if !report.diagnostics.isEmpty { line += "; \(summary)" }
            print(line)
        case .contentErrors:
            ReportPrinter.standardError("mieruka check: \(summary)")
        case .usageError(let message):
            ReportPrinter.standardError("mieruka: error: \(message)")
        }
        if site.timings { ReportPrinter.printTimings(report) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
