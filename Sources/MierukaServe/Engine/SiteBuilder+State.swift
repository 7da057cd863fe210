import MierukaBuild
import MierukaDiagnostics
import MierukaModel
import MierukaRender
import MierukaSite
import MierukaSource

extension SiteBuilder {
    struct Parsed<Value: Sendable>: Sendable {
        let value: Value
        let diagnostics: Diagnostics
    }

    struct Good: Sendable {
        let side: SiteSide
        let pageDigests: [String: ContentDigest]
        let assets: [String: OutputAsset]
        var exports: [String: ContentDigest]
        let exportDiagnostics: [String: Diagnostics]
    }

    /// mieruka.yml as the last build read it.
    struct Settings: Sendable {
        let bytes: [UInt8]
        let fingerprint: String?
        let config: SiteConfig?
        let diagnostics: Diagnostics
    }

    /// The templates/ files as the last build read them, and the theme made of them.
    struct ThemeFiles: Sendable {
        let files: [String: [UInt8]]
        let theme: Theme
        let diagnostics: Diagnostics
    }

    struct State: Sendable {
        var settings: Settings?
        var theme: ThemeFiles?
        var content: [String: Parsed<DocumentParser.ParsedContent?>] = [:]
        var seeds: [String: Parsed<[ResultsDocument]>] = [:]
        var good: Good?
        /// The files of the site as the loader last found them, and what it reported.
        var loaded: LoadedSite?
        var loaderDiagnostics = Diagnostics()
        /// The site-wide files still to be made after the last build's pages.
        var deferred: (index: SiteIndex, pages: [PlannedPage])?
        /// Changes taken in by builds that failed, still to be rendered.
        var pending: Set<String> = []
        /// A build that failed took in a change of the settings or templates, which the builds
        /// after it compare against: the next good build renders every page.
        var settingsPending = false
    }

    /// What one build knows as it goes: the changes it takes in, its problems and its times.
    struct Rebuild {
        /// No good build to start from, or asked to build everything.
        let everything: Bool
        var changed: Set<String>
        /// The files the site reads, before and after: the changes reported are among them (not
        /// an editor's temporary files, nor folders).
        var known: Set<String> = []
        var diagnostics = Diagnostics()
        var timer = StageTimer()
        var configChanged = false
        var templatesChanged = false

        /// Every page is rendered.
        var full: Bool { everything || configChanged || templatesChanged }
    }

    /// A stage that ends the build early.
    struct Stop: Error {
        let status: BuildOutcome.Status
    }
}
