import MierukaDiagnostics
import MierukaOutput

/// The outcome of a run: what was produced and every problem found.
package struct BuildReport: Sendable {
    package enum Outcome: Sendable, Equatable {
        /// Everything built (or checked) without errors.
        case success
        /// Problems in the site's files: exit code 1; the previous output is untouched.
        case contentErrors
        /// The command could not run as asked (not a site, output refused): exit code 2.
        case usageError(String)
    }

    package var outcome: Outcome
    package var diagnostics: Diagnostics
    /// HTML pages rendered.
    package var pages: Int
    /// Files written (pages, assets, copied files); 0 for check.
    package var files: Int
    package var timer: StageTimer
    /// Where the site was written (build only).
    package var outputPath: String?
    /// The files written, left unchanged and removed (a successful build only).
    package var writeSummary: WriteSummary?
    /// Workbooks (.xlsx) kept from the previous output rather than made again (`WorkbookRecord`).
    package var reusedWorkbooks = 0

    /// A run that fails on the site's files always says why: when a stage stopped the run without
    /// reporting an error (a bug: issue 14 found a blank title that did), an error naming the
    /// site's config is added, so that exit code 1 never comes without a message.
    package init(
        outcome: Outcome, diagnostics: Diagnostics, pages: Int, files: Int, timer: StageTimer, outputPath: String?,
        writeSummary: WriteSummary? = nil, configFile: String = "mieruka.yml"
    ) {
        var diagnostics = diagnostics
        if outcome == .contentErrors { diagnostics.explainFailure(at: SourceLocation(file: configFile)) }
        self.outcome = outcome
        self.diagnostics = diagnostics
        self.pages = pages
        self.files = files
        self.timer = timer
        self.outputPath = outputPath
        self.writeSummary = writeSummary
    }

    package var exitCode: Int32 {
        switch outcome {
        case .success: 0
        case .contentErrors: 1
        case .usageError: 2
        }
    }
}
