import MierukaOutput

/// What a run of the pipeline does after validating.
package enum BuildMode: Sendable {
    /// Render every page and write the site (`mieruka build`).
    case build(output: String)
    /// Render every page in memory, check links and published totals, write nothing (`mieruka check`).
    case check
}

/// The inputs of one run.
package struct BuildOptions: Sendable {
    /// The site folder.
    package var source: String
    /// How the site folder is shown in messages ("" for the current folder).
    package var displaySource: String
    package var mode: BuildMode
    /// The results of scripts/check-site.py to publish on the accessibility test-results page,
    /// instead of the file `accessibility: results:` names.
    package var accessibilityResults: String?
    /// How many threads the build uses (all processors when nil); the output is the same whatever it is.
    package var jobs: Int?
    /// Where the site is published, instead of `base_url:` in mieruka.yml (CI knows it: GitHub or
    /// GitLab Pages give the address of the repository's site).
    package var baseURL: String?
    /// For tests: makes the k-th change the write stage makes to the file system fail.
    package var writeFaults: WriteFaults?

    package init(
        source: String, displaySource: String, mode: BuildMode, accessibilityResults: String? = nil, jobs: Int? = nil,
        baseURL: String? = nil, writeFaults: WriteFaults? = nil
    ) {
        self.baseURL = baseURL
        self.source = source
        self.displaySource = displaySource
        self.mode = mode
        self.accessibilityResults = accessibilityResults
        self.jobs = jobs
        self.writeFaults = writeFaults
    }
}
