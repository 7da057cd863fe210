import ArgumentParser
import MierukaBuild
import MierukaDiagnostics
import MierukaServe

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Into an existing output, only the files whose bytes changed are written; files no longer
            made are removed; every other file and folder is left as it was, modification time
            included, so an upload by date (rsync, lftp mirror, aws s3 sync) sends only what changed.
            Nothing in the output changes until every file is written, and a failed build leaves the
            previous output exactly as it was. Staging folders left by a killed build are removed, and
            so are the preview folders of serves that no longer run (in the temporary folder).
            Beside the output, .<output>.mieruka-workbooks records the Excel files written, so that the
            next build keeps those whose tables did not change (made again if edited since, or if
            another mieruka wrote them); deleting it only makes the next build slower.

            --format text (default): problems as file:line:column: error: …, then one line with how
            many files were written, left unchanged and removed.
            --format github: problems as GitHub Actions annotations on standard output.
            --format json: one JSON document on standard output with every problem, the counts, and
            the lists of files written, unchanged and removed (paths relative to the output), for a
            deploy step. The summary line then goes to standard error. The exit codes are the same.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: <source>/public).")
    var output: String?

    @Option(
        name: .customLong("base-url"),
        help: "Where the site is published, instead of base_url in mieruka.yml (e.g. the address CI gives).")
    var baseURL: String?

    @Option(
        name: .customLong("accessibility-results"),
        help: "Publish these results of scripts/check-site.py (--json) on the accessibility test-results page.")
    var accessibilityResults: String?

    @Option(name: .long, help: "How to print the outcome: text, github or json (json lists the files written, unchanged and removed).")
    var format: DiagnosticFormat = .text

    func run() throws {
        // What earlier serves left in the temporary folder and no serve owns any more (one killed,
        // or whose deletion after Ctrl-C was cut short) is deleted by processes of its own.
        ServedFolder.removeLeftoversDetached()
        let outputPath = output ?? (site.source == "." ? "public" : site.source + "/public")
        let report = SitePipeline().run(
            BuildOptions(
                source: site.source, displaySource: site.displaySource, mode: .build(output: outputPath),
                accessibilityResults: accessibilityResults, jobs: site.jobs, baseURL: baseURL))
        ReportPrinter.printDiagnostics(report, format: format, command: "build")
        let summary = DiagnosticFormatter().summary(report.diagnostics)
        switch report.outcome {
        case .success:
            var line = "mieruka: built \(report.pages) pages (\(report.files) files) into \(outputPath) in \(DurationText.seconds(report.timer.total))"
            if let written = report.writeSummary {
                line += ": \(ReportPrinter.count(written.written.count)) written, \(ReportPrinter.count(written.unchanged.count)) unchanged, \(ReportPrinter.count(written.removed.count)) removed"
            }
            if !report.diagnostics.isEmpty { line += "; \(summary)" }
            // Standard output carries only the JSON document in that format.
            if format == .json { ReportPrinter.standardError(line) } else { print(line) }
        case .contentErrors:
            ReportPrinter.standardError("mieruka: \(summary); nothing was written (\(outputPath) is unchanged)")
        case .usageError(let message):
            ReportPrinter.standardError("mieruka: error: \(message)")
        }
        if site.timings { ReportPrinter.printTimings(report, toStandardError: format == .json) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
