import ArgumentParser
import MierukaBuild
import MierukaDiagnostics
import MierukaServe

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing it.",
        discussion: """
            Everything build validates, plus: every page is rendered and its internal links checked,
            and each plan's published totals (declared:) are compared with what its items add up to.
            The open data's tables are made in memory, with build's warning for a cell longer than
            an Excel cell holds.

            --format text (default): file:line:column: error: … with a hint, for people.
            --format github: GitHub Actions annotations (::error file=…,line=…,col=…::…) on standard
            output, so a pull request shows each problem on its line.
            --format json: one JSON document on standard output with every diagnostic and the counts.
            The exit codes are the same in every format.

            Like build, check removes the preview folders left in the temporary folder by serves
            that no longer run; it writes nothing else.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "How to print problems: text, github or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        // What earlier serves left in the temporary folder and no serve owns any more (one killed,
        // or whose deletion after Ctrl-C was cut short) is deleted by processes of its own.
        ServedFolder.removeLeftoversDetached()
        let report = SitePipeline().run(
            BuildOptions(source: site.source, displaySource: site.displaySource, mode: .check, jobs: site.jobs))
        ReportPrinter.printDiagnostics(report, format: format, command: "check")
        let summary = DiagnosticFormatter().summary(report.diagnostics)
        switch report.outcome {
        case .success:
            var line = "mieruka: checked \(report.pages) pages in \(DurationText.seconds(report.timer.total)): links and published totals are consistent"
            if !report.diagnostics.isEmpty { line += "; \(summary)" }
            // Standard output carries only the JSON document in that format.
            if format == .json { ReportPrinter.standardError(line) } else { print(line) }
        case .contentErrors:
            ReportPrinter.standardError("mieruka check: \(summary)")
        case .usageError(let message):
            ReportPrinter.standardError("mieruka: error: \(message)")
        }
        if site.timings { ReportPrinter.printTimings(report, toStandardError: format == .json) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
