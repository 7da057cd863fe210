import MierukaDiagnostics

/// What one build of `serve` did.
package struct BuildOutcome: Sendable {
    package enum Status: Sendable, Equatable {
        /// The site was built; the served folder holds it.
        case built
        /// Errors in the site's files: the served folder still holds the last good site.
        case failed
        /// The first build found no site to build (no such folder, no mieruka.yml).
        case notASite(String)
        /// Serving stopped while the build ran (`SiteBuilder.stop`): it ended at the next stage or
        /// page, and wrote nothing more.
        case stopped
    }

    package internal(set) var status: Status
    /// Every problem found (errors and warnings), as `mieruka build` reports them.
    package let diagnostics: Diagnostics
    /// Site-relative paths of the files this build took in (empty for a first or full build).
    package let changedFiles: [String]
    /// True when every page was rendered (first build, mieruka.yml or a template changed).
    package let isFull: Bool
    package let totalPages: Int
    /// Pages rendered to find the ones that changed.
    package let renderedPages: Int
    /// The routes of those pages, sorted (for tests of the dependency rules).
    package let renderedRoutes: [String]
    /// Output files of the pages written because they differ from what was served.
    package let updatedPages: [String]
    /// Other output files written (stylesheet, static files, data files).
    package internal(set) var updatedFiles: [String]
    /// Output files removed (pages and files that no longer exist).
    package let removedFiles: [String]
    package internal(set) var seconds: Double
    /// Seconds per stage of the build, for `--timings`.
    package internal(set) var stages: [(name: String, seconds: Double)]
    /// Errors in making the site-wide files (a file that could not be written).
    package internal(set) var lateDiagnostics = Diagnostics()

    /// True when what the browser shows changed: pages or files, or the errors.
    package var changesOutput: Bool {
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
package struct SiteFilesOutcome: Sendable {
    package let updatedFiles: [String]
    package let diagnostics: Diagnostics
    package let seconds: Double
}
