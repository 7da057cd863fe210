import ArgumentParser
import MierukaBuild
import MierukaDiagnostics

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The site is written into a temporary folder beside the output and swapped into place only
            when every page was written: a failed build leaves the previous output exactly as it was.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: <source>/public).")
    var output: String?

    @Option(
        name: .customLong("accessibility-results"),
        help: "Publish these results of scripts/check-site.py (--json) on the accessibility test-results page.")
    var accessibilityResults: String?

    @Option(
        name: .customLong("base-url"),
        help: "Where the site is published, instead of base_url in mieruka.yml (e.g. the address CI gives).")
    var baseURL: String?

    func run() throws {
        let outputPath = output ?? (site.source == "." ? "public" : site.source + "/public")
        let report = SitePipeline().run(
            BuildOptions(
                source: site.source, displaySource: site.displaySource, mode: .build(output: outputPath),
                accessibilityResults: accessibilityResults, jobs: site.jobs, baseURL: baseURL))
        ReportPrinter.printDiagnostics(report)
        let summary = DiagnosticFormatter().summary(report.diagnostics)
        switch report.outcome {
        case .success:
            var line = "mieruka: built \(report.pages) pages (\(report.files) files) into \(outputPath) in \(ReportPrinter.seconds(report.timer.total))"
            if !report.diagnostics.isEmpty { line += "; \(summary)" }
            print(line)
        case .contentErrors:
            ReportPrinter.standardError("mieruka: \(summary); nothing was written (\(outputPath) is unchanged)")
        case .usageError(let message):
            ReportPrinter.standardError("mieruka: error: \(message)")
        }
        if site.timings { ReportPrinter.printTimings(report) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
