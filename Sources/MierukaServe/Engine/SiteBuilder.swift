import Dispatch
import Foundation
import Synchronization
import MierukaBuild
import MierukaDiagnostics
import MierukaModel
import MierukaParallel
import MierukaSite
import MierukaSource

/// The builds of `serve`: a first full build into the served folder, then rebuilds that start
/// from the files that changed.
///
/// The parsed documents of every file are kept: a rebuild reads and parses only the files that
/// changed (and, when a content document changed, the CSV results, which are read against the
/// items and plans), then merges and validates the whole site again (cheap), chooses the pages the
/// change can alter (`PageSelection`), renders them, and writes only those that differ from what
/// is served. A build with errors writes nothing: the last good site stays served, and the
/// changes are carried over until a build succeeds.
///
/// The stages other than load and parse are MierukaBuild's, the functions `mieruka build` calls
/// (`PlanStage`, `RenderStage`, `ExportStage`, `OutputAsset`), so a served site is the site
/// `mieruka build` writes (the serve tests compare the two file by file). What is serve's own:
/// keeping the parsed files, choosing the pages a change can alter, and writing only what differs.
package final class SiteBuilder: Sendable {
    package let source: String
    package let displaySource: String
    package let folder: ServedFolder
    private let state = Lock<State>(State())
    private let stopRequested = Atomic<Bool>(false)
    let hooks: Hooks

    /// Points inside a build where a test can hold the builder (to stop serve while a rebuild is
    /// under way, as Ctrl-C does when it comes during a rebuild). Empty outside tests.
    package struct Hooks: Sendable {
        /// Called when the site-wide files (search index, sitemap) are made, just before they are
        /// written.
        package var beforeWritingSiteFiles: @Sendable () -> Void

        package init(beforeWritingSiteFiles: @escaping @Sendable () -> Void = {}) {
            self.beforeWritingSiteFiles = beforeWritingSiteFiles
        }
    }

    /// - Parameters:
    ///   - source: the site folder.
    ///   - displaySource: how the folder is shown in messages ("" for the current folder).
    package init(source: String, displaySource: String, folder: ServedFolder, hooks: Hooks = Hooks()) {
        self.source = source
        self.displaySource = displaySource
        self.folder = folder
        self.hooks = hooks
    }

    /// The path the site is served under (the base URL's path, "/kaikaku/"): from the last good
    /// build, else from mieruka.yml, else "/".
    package var basePath: String {
        state.withLock { $0.good?.side.index.config.baseURL.path ?? $0.settings?.config?.baseURL.path ?? "/" }
    }

    /// Ends the build in progress at its next stage or page, and every later one at once, as
    /// `.stopped` (serve is stopping). Returns at once: the build may still be running, but it
    /// writes nothing more once the served folder is closed (`ServedFolder.close`), and reports
    /// nothing.
    package func stop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// True once `stop()` was called.
    package var isStopping: Bool { stopRequested.load(ordering: .relaxed) }

    /// True once a build has succeeded (there is a site to serve).
    package var hasSite: Bool {
        state.withLock { $0.good != nil }
    }

    /// Builds the site.
    /// - Parameter changed: site-relative paths of the files that changed ("content/plan/001.md");
    ///   nil reads and renders everything. Files that appeared or disappeared are found anyway.
    ///   - siteFilesLater: leave the files that depend on the whole site (the search index, the
    ///     sitemap) for `finishSiteFiles()`, so that the pages can be reloaded sooner.
    package func build(changed: Set<String>? = nil, siteFilesLater: Bool = false) -> BuildOutcome {
        state.withLock { state in
            let outcome = run(&state, requested: changed)
            guard outcome.status == .built, !siteFilesLater else { return outcome }
            let late = finishSiteFiles(&state)
            var built = outcome.adding(late)
            if isStopping { built.status = .stopped }
            return built
        }
    }

    /// Makes the site-wide files the last build left for later, writing those that differ.
    package func finishSiteFiles() -> SiteFilesOutcome {
        state.withLock { finishSiteFiles(&$0) }
    }

    private func finishSiteFiles(_ state: inout State) -> SiteFilesOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let none = SiteFilesOutcome(updatedFiles: [], diagnostics: Diagnostics(), seconds: 0)
        guard !isStopping, let (index, pages) = state.deferred, var good = state.good else { return none }
        state.deferred = nil
        var diagnostics = Diagnostics()
        var updated: [String] = []
        let files = ExportStage.siteWideFiles(index, pages: pages, diagnostics: &diagnostics)
        // Serving may have stopped while they were made: then nothing is written. (Should it stop
        // during the writes, the closed folder refuses the rest, and nothing is reported.)
        guard !isStopping else { return none }
        hooks.beforeWritingSiteFiles()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let digest = ContentDigest(bytes)
            guard good.exports[path] != digest else { continue }
            do {
                try folder.write(path, bytes)
                good.exports[path] = digest
                updated.append(path)
            } catch {
                good.exports[path] = nil
                diagnostics.error(at: SourceLocation(file: path), "\(error)")
            }
        }
        state.good = good
        guard !isStopping else { return none }
        return SiteFilesOutcome(
            updatedFiles: updated, diagnostics: diagnostics, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    // MARK: - The build

    private func run(_ state: inout State, requested: Set<String>?) -> BuildOutcome {
        var rebuild = Rebuild(everything: requested == nil || state.good == nil, changed: (requested ?? []).union(state.pending))
        let loaded: LoadedSite
        switch load(&state, &rebuild) {
        case .success(let value): loaded = value
        case .failure(let stop): return finish(stop.status, &state, rebuild)
        }
        rebuild.timer.lap("load")
        if isStopping { return finish(.stopped, &state, rebuild) }

        readSettings(loaded, &state, &rebuild)
        readTheme(loaded, &state, &rebuild)
        rebuild.timer.lap("settings and theme")

        let content = parseContent(loaded, &state, &rebuild)
        let (results, reparsedSeeds) = parseSeeds(loaded, content: content, &state, &rebuild)
        guard let config = state.settings?.config, let theme = state.theme else {
            rebuild.diagnostics.append(contentsOf: state.theme?.diagnostics ?? Diagnostics())
            return finish(.failed, &state, rebuild)
        }
        rebuild.timer.lap("parse")
        if isStopping { return finish(.stopped, &state, rebuild) }

        let merged = PlanStage.merge(content.site(config: config, results: results), diagnostics: &rebuild.diagnostics)
        rebuild.timer.lap("merge")
        let site = PlanStage.plan(
            merged, totals: .warning, theme: theme.theme, themeDiagnostics: theme.diagnostics, loaded: loaded,
            diagnostics: &rebuild.diagnostics)
        if isStopping { return finish(.stopped, &state, rebuild) }
        guard !rebuild.diagnostics.hasErrors else { return finish(.failed, &state, rebuild) }
        rebuild.timer.lap("validate")

        let side = SiteSide(
            index: site.index, pages: site.pages, content: state.content.compactMapValues { $0.value },
            seeds: state.seeds.mapValues(\.value))
        let selection = select(side, reparsedSeeds: reparsedSeeds, good: state.good, rebuild)
        rebuild.timer.lap("select pages")

        let data = planData(site, selection: selection, good: state.good, &rebuild)
        if isStopping { return finish(.stopped, &state, rebuild) }
        guard !rebuild.diagnostics.hasErrors else { return finish(.failed, &state, rebuild) }
        rebuild.timer.lap("plan data files")

        let pages = writePages(site, theme: theme.theme, selection: selection, data: data, good: state.good, &rebuild)
        rebuild.timer.lap("render and write pages")
        if isStopping { return finish(.stopped, &state, rebuild) }
        let files = writeFiles(site, data: data, good: state.good, &rebuild)
        // (A page or file not written because serving stopped is not an error of the site.)
        if isStopping { return finish(.stopped, &state, rebuild) }
        guard !rebuild.diagnostics.hasErrors else { return finish(.failed, &state, rebuild, isFull: rebuild.full) }
        rebuild.timer.lap("write files")

        state.good = Good(
            side: side, pageDigests: pages.digests, assets: Dictionary(site.assets.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
            exports: data.digests, exportDiagnostics: data.diagnostics)
        state.pending = []
        state.settingsPending = false
        state.deferred = (site.index, site.pages)
        return finish(
            .built, &state, rebuild, isFull: rebuild.full, rendered: pages.rendered, routes: pages.renderedRoutes,
            pages: pages.updated.sorted(), files: files.sorted(), removed: pages.removed, total: site.pages.count)
    }

    /// The outcome of a build; a build that did not succeed carries its changes over to the next.
    private func finish(
        _ status: BuildOutcome.Status, _ state: inout State, _ rebuild: Rebuild, isFull: Bool? = nil, rendered: Int = 0,
        routes: [String] = [], pages: [String] = [], files: [String] = [], removed: [String] = [], total: Int? = nil
    ) -> BuildOutcome {
        var diagnostics = rebuild.diagnostics
        if status == .failed {
            diagnostics.explainFailure(at: SourceLocation(file: displayPrefix + SiteLayout.configFile))
        }
        if status != .built {
            state.pending.formUnion(rebuild.changed)
            if rebuild.configChanged || rebuild.templatesChanged { state.settingsPending = true }
        }
        return BuildOutcome(
            status: status, diagnostics: diagnostics,
            changedFiles: rebuild.everything ? [] : rebuild.changed.intersection(rebuild.known).sorted(),
            isFull: isFull ?? rebuild.everything, totalPages: total ?? state.good?.side.pages.count ?? 0,
            renderedPages: rendered, renderedRoutes: routes, updatedPages: pages, updatedFiles: files,
            removedFiles: removed, seconds: rebuild.timer.total, stages: rebuild.timer.stages)
    }

    var displayPrefix: String {
        displaySource.isEmpty || displaySource == "." ? "" : (displaySource.hasSuffix("/") ? displaySource : displaySource + "/")
    }
}
