import MierukaDiagnostics
import MierukaOutput

/// The outcome of a run: what was produced and every problem found.
public struct BuildReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Everything built (or checked) without errors.
        case success
        /// Problems in the site's files: exit code 1; the previous output is untouched.
        case contentErrors
        /// The command could not run as asked (not a site, output refused): exit code 2.
        case usageError(String)
    }

    public var outcome: Outcome
    public var diagnostics: Diagnostics
    /// HTML pages rendered.
    public var pages: Int
    /// Files written (pages, assets, copied files); 0 for check.
    public var files: Int
    public var timer: StageTimer
    /// Where the site was written (build only).
    public var outputPath: String?
    /// The files written, left unchanged and removed (a successful build only).
    public var writeSummary: WriteSummary?

    public var exitCode: Int32 {
        switch outcome {
        case .success: 0
        case .contentErrors: 1
        case .usageError: 2
        }
    }
}
