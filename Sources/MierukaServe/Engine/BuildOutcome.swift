import MierukaDiagnostics

/// What one build of `serve` did.
public struct BuildOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        /// The site was built; the served folder holds it.
        case built
        /// Errors in the site's files: the served folder still holds the last good site.
        case failed
        /// The first build found no site to build (no such folder, no mieruka.yml).
        case notASite(String)
    }

    public let status: Status
    /// Every problem found (errors and warnings), as `mieruka build` reports them.
    public let diagnostics: Diagnostics
    /// Site-relative paths of the files this build took in (empty for a first or full build).
    public let changedFiles: [String]
    /// True when every page was rendered (first build, mieruka.yml or a template changed).
    public let isFull: Bool
    public let totalPages: Int
    /// Pages rendered to find the ones that changed.
    public let renderedPages: Int
    /// The routes of those pages, sorted (for tests of the dependency rules).
    package let renderedRoutes: [String]
    /// Output files of the pages written because they differ from what was served.
    public let updatedPages: [String]
    /// Other output files written (stylesheet, static files, data files).
    public internal(set) var updatedFiles: [String]
    /// Output files removed (pages and files that no longer exist).
    public let removedFiles: [String]
    public internal(set) var seconds: Double
    /// Seconds per stage of the build, for `--timings`.
    public internal(set) var stages: [(name: String, seconds: Double)]
    /// Errors in making the site-wide files (a file that could not be written).
    public internal(set) var lateDiagnostics = Diagnostics()

    /// True when what the browser shows changed: pages or files, or the errors.
    public var changesOutput: Bool {
        !updatedPages.isEmpty || !updatedFiles.isEmpty || !removedFiles.isEmpty
    }

    /// The outcome with the site-wide files made after its pages.
    func adding(_ late: SiteFilesOutcome) -> BuildOutcome {
        var combined = self
        combined.updatedFiles = (updatedFiles + late.updatedFiles).sorted()
        combined.seconds += late.seconds
        combined.stages.append(("search index and sitemap", late.seconds))
        combined.lateDiagnostics = late.diagnostics
        return combined
    }
}

/// What making the site-wide files (search index, sitemap) after a build's pages did.
public struct SiteFilesOutcome: Sendable {
    public let updatedFiles: [String]
    public let diagnostics: Diagnostics
    public let seconds: Double
}
