import Dispatch
import Foundation
import MierukaBuild
import MierukaDiagnostics
import MierukaModel
import MierukaParallel
import MierukaRender
import MierukaSite
import MierukaSource
import Synchronization

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
public final class SiteBuilder: Sendable {
    public let source: String
    public let displaySource: String
    public let folder: ServedFolder
    private let state = Mutex<State>(State())

    /// - Parameters:
    ///   - source: the site folder.
    ///   - displaySource: how the folder is shown in messages ("" for the current folder).
    public init(source: String, displaySource: String, folder: ServedFolder) {
        self.source = source
        self.displaySource = displaySource
        self.folder = folder
    }

    /// The path the site is served under (the base URL's path, "/kaikaku/"): from the last good
    /// build, else from mieruka.yml, else "/".
    public var basePath: String {
        state.withLock { $0.good?.side.index.config.baseURL.path ?? $0.settings?.config?.baseURL.path ?? "/" }
    }

    /// True once a build has succeeded (there is a site to serve).
    public var hasSite: Bool {
        state.withLock { $0.good != nil }
    }

    /// Builds the site.
    /// - Parameter changed: site-relative paths of the files that changed ("content/plan/001.md");
    ///   nil reads and renders everything. Files that appeared or disappeared are found anyway.
    ///   - siteFilesLater: leave the files that depend on the whole site (the search index, the
    ///     sitemap) for `finishSiteFiles()`, so that the pages can be reloaded sooner.
    public func build(changed: Set<String>? = nil, siteFilesLater: Bool = false) -> BuildOutcome {
        state.withLock { state in
            let outcome = run(&state, requested: changed)
            guard outcome.status == .built, !siteFilesLater else { return outcome }
            let late = finishSiteFiles(&state)
            return outcome.adding(late)
        }
    }

    /// Makes the site-wide files the last build left for later, writing those that differ.
    public func finishSiteFiles() -> SiteFilesOutcome {
        state.withLock { finishSiteFiles(&$0) }
    }

    private func finishSiteFiles(_ state: inout State) -> SiteFilesOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let (index, pages) = state.deferred, var good = state.good else {
            return SiteFilesOutcome(updatedFiles: [], diagnostics: Diagnostics(), seconds: 0)
        }
        state.deferred = nil
        var diagnostics = Diagnostics()
        var updated: [String] = []
        for (path, bytes) in ExportStage.siteWideFiles(index, pages: pages, diagnostics: &diagnostics).sorted(by: { $0.key < $1.key }) {
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
        return SiteFilesOutcome(
            updatedFiles: updated, diagnostics: diagnostics, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    // MARK: - State

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

    // MARK: - The build

    private func run(_ state: inout State, requested: Set<String>?) -> BuildOutcome {
        var rebuild = Rebuild(everything: requested == nil || state.good == nil, changed: (requested ?? []).union(state.pending))
        let loaded: LoadedSite
        switch load(&state, &rebuild) {
        case .success(let value): loaded = value
        case .failure(let stop): return finish(stop.status, &state, rebuild)
        }
        rebuild.timer.lap("load")

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

        let merged = PlanStage.merge(content.site(config: config, results: results), diagnostics: &rebuild.diagnostics)
        rebuild.timer.lap("merge")
        let site = PlanStage.plan(
            merged, totals: .warning, theme: theme.theme, themeDiagnostics: theme.diagnostics, loaded: loaded,
            diagnostics: &rebuild.diagnostics)
        guard !rebuild.diagnostics.hasErrors else { return finish(.failed, &state, rebuild) }
        rebuild.timer.lap("validate")

        let side = SiteSide(
            index: site.index, pages: site.pages, content: state.content.compactMapValues { $0.value },
            seeds: state.seeds.mapValues(\.value))
        let selection = select(side, reparsedSeeds: reparsedSeeds, good: state.good, rebuild)
        rebuild.timer.lap("select pages")

        let data = planData(site, selection: selection, good: state.good, &rebuild)
        guard !rebuild.diagnostics.hasErrors else { return finish(.failed, &state, rebuild) }
        rebuild.timer.lap("plan data files")

        let pages = writePages(site, theme: theme.theme, selection: selection, data: data, good: state.good, &rebuild)
        rebuild.timer.lap("render and write pages")
        let files = writeFiles(site, data: data, good: state.good, &rebuild)
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

    // MARK: - Stages

    /// load: the site's files (without walking the folders when only files it already had
    /// changed); files that appeared or disappeared count as changed.
    private func load(_ state: inout State, _ rebuild: inout Rebuild) -> Result<LoadedSite, Stop> {
        let loaded: LoadedSite
        if !rebuild.everything, let previous = state.loaded, let reloaded = Self.reload(previous, changed: rebuild.changed) {
            loaded = reloaded
        } else {
            var loaderDiagnostics = Diagnostics()
            do {
                loaded = try SiteLoader().load(root: source, displayRoot: displaySource, diagnostics: &loaderDiagnostics)
            } catch {
                if state.good == nil, state.settings == nil, !error.isReported {
                    return .failure(Stop(status: .notASite(error.description)))
                }
                if error.isReported {
                    rebuild.diagnostics.append(contentsOf: loaderDiagnostics)
                } else {
                    rebuild.diagnostics.error(at: SourceLocation(file: displayPrefix + SiteLayout.configFile), error.description)
                }
                state.loaded = nil
                return .failure(Stop(status: .failed))
            }
            state.loaded = loaded
            state.loaderDiagnostics = loaderDiagnostics
        }
        rebuild.diagnostics.append(contentsOf: state.loaderDiagnostics)
        noteFiles(loaded, state, &rebuild)
        return .success(loaded)
    }

    /// The files the site reads before and after, and those that appeared or disappeared.
    private func noteFiles(_ loaded: LoadedSite, _ state: State, _ rebuild: inout Rebuild) {
        let rootPrefix = loaded.root.hasSuffix("/") ? loaded.root : loaded.root + "/"
        rebuild.known.insert(SiteLayout.configFile)
        rebuild.known.formUnion(state.content.keys)
        rebuild.known.formUnion(state.seeds.keys)
        rebuild.known.formUnion(state.theme?.files.keys ?? [:].keys)
        rebuild.known.formUnion(loaded.templates.map(\.relativePath))
        rebuild.known.formUnion(loaded.content.map(\.relativePath))
        rebuild.known.formUnion(loaded.seeds.map(\.relativePath))
        rebuild.known.formUnion(loaded.assets.map { String($0.absolutePath.dropFirst(rootPrefix.count)) })
        rebuild.known.formUnion(state.good?.assets.values.compactMap(\.sourcePath) ?? [])
        let contentPaths = Set(loaded.content.map(\.relativePath))
        let seedsPaths = Set(loaded.seeds.map(\.relativePath))
        for path in contentPaths where state.content[path] == nil { rebuild.changed.insert(path) }
        for path in state.content.keys where !contentPaths.contains(path) { rebuild.changed.insert(path) }
        for path in seedsPaths where state.seeds[path] == nil { rebuild.changed.insert(path) }
        for path in state.seeds.keys where !seedsPaths.contains(path) { rebuild.changed.insert(path) }
    }

    /// The settings, read on every build through the parser's own entry point (given no
    /// documents), so that what it adds to them (the accessibility results file) is read as
    /// build reads it; any difference from the last build renders every page.
    private func readSettings(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) {
        var diagnostics = Diagnostics()
        let configOnly = LoadedSite(root: loaded.root, config: loaded.config, content: [], seeds: [], templates: [], assets: [])
        let config = DocumentParser().parse(configOnly, diagnostics: &diagnostics)?.config
        let fingerprint = config.map(StructuralFingerprint.of)
        rebuild.configChanged = !rebuild.everything && (fingerprint != state.settings?.fingerprint || state.settingsPending)
        if rebuild.configChanged || state.settings?.bytes != loaded.config.bytes { rebuild.changed.insert(SiteLayout.configFile) }
        state.settings = Settings(bytes: loaded.config.bytes, fingerprint: fingerprint, config: config, diagnostics: diagnostics)
        rebuild.diagnostics.append(contentsOf: diagnostics)
    }

    /// The theme, made again when a template changed.
    private func readTheme(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) {
        let files = Dictionary(loaded.templates.map { ($0.relativePath, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        guard files != state.theme?.files else { return }
        let previous = state.theme?.files ?? [:]
        for (path, bytes) in files where previous[path] != bytes { rebuild.changed.insert(path) }
        for path in previous.keys where files[path] == nil { rebuild.changed.insert(path) }
        var diagnostics = Diagnostics()
        let theme = ThemeStage.load(ThemeStage.templates(loaded.templates, diagnostics: &diagnostics), diagnostics: &diagnostics)
        rebuild.templatesChanged = state.theme != nil
        state.theme = ThemeFiles(files: files, theme: theme, diagnostics: diagnostics)
    }

    /// parse: the content documents that changed; the others as last parsed.
    private func parseContent(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) -> ContentDocuments {
        let toParse = loaded.content.filter {
            rebuild.everything || rebuild.changed.contains($0.relativePath) || state.content[$0.relativePath] == nil
        }
        let parser = DocumentParser()
        let parsed = Parallel.map(toParse) { entry in
            var diagnostics = Diagnostics()
            let value = entry.read(diagnostics: &diagnostics).flatMap { parser.parseContent($0, diagnostics: &diagnostics) }
            return Parsed(value: value, diagnostics: diagnostics)
        }
        let paths = Set(loaded.content.map(\.relativePath))
        var content = state.content.filter { paths.contains($0.key) }
        for (entry, value) in zip(toParse, parsed) { content[entry.relativePath] = value }
        state.content = content
        var documents: [DocumentParser.ParsedContent?] = []
        for entry in loaded.content {
            guard let parsed = content[entry.relativePath] else { continue }
            rebuild.diagnostics.append(contentsOf: parsed.diagnostics)
            documents.append(parsed.value)
        }
        return ContentDocuments(documents)
    }

    /// parse: the results that changed, and every table (CSV, workbook) when the documents or
    /// settings it is read against changed. Returns every result and the files read again.
    private func parseSeeds(
        _ loaded: LoadedSite, content: ContentDocuments, _ state: inout State, _ rebuild: inout Rebuild
    ) -> (results: [ResultsDocument], reparsed: Set<String>) {
        let contentChanged = rebuild.changed.contains { $0.hasPrefix(SiteLayout.contentFolder + "/") && $0.hasSuffix(".md") }
        let toParse = loaded.seeds.filter { entry in
            rebuild.everything || rebuild.changed.contains(entry.relativePath) || state.seeds[entry.relativePath] == nil
                || ((contentChanged || rebuild.configChanged) && Self.isTable(entry.relativePath))
        }
        let config = state.settings?.config
        let csv = config?.csv ?? CSVSettings()
        let xlsx = config?.xlsx ?? XLSXSettings()
        // The items are looked up only by tables (building the lookup takes a while on a large site).
        let readsTables = toParse.contains { Self.isTable($0.relativePath) }
        let lookup = readsTables ? CSVItemLookup(content.items, plans: content.plans) : CSVItemLookup([], plans: [])
        let parser = DocumentParser()
        let parsed = Parallel.map(toParse) { entry in
            var diagnostics = Diagnostics()
            let value = entry.read(diagnostics: &diagnostics).map {
                parser.parseSeeds($0, csv: csv, xlsx: xlsx, lookup: lookup, diagnostics: &diagnostics)
            }
            return Parsed(value: value ?? [], diagnostics: diagnostics)
        }
        let paths = Set(loaded.seeds.map(\.relativePath))
        var seeds = state.seeds.filter { paths.contains($0.key) }
        for (entry, value) in zip(toParse, parsed) { seeds[entry.relativePath] = value }
        state.seeds = seeds
        var results: [ResultsDocument] = []
        for entry in loaded.seeds {
            guard let parsed = seeds[entry.relativePath] else { continue }
            rebuild.diagnostics.append(contentsOf: parsed.diagnostics)
            results.append(contentsOf: parsed.value)
        }
        return (results, Set(toParse.map(\.relativePath)))
    }

    /// The pages the change can alter (every page for a first or full build).
    private func select(_ side: SiteSide, reparsedSeeds: Set<String>, good: Good?, _ rebuild: Rebuild) -> PageSelection {
        guard let good, !rebuild.full else { return .all }
        return PageSelection.select(
            changed: rebuild.changed,
            // Those read again, and those that disappeared (now or in a build that failed).
            reparsedSeeds: reparsedSeeds.union(rebuild.changed.filter { $0.hasPrefix(SiteLayout.seedsFolder + "/") }),
            old: good.side, new: side)
    }

    /// The data files of a build: those made again, and the digests of every plan's files.
    struct DataFiles {
        /// The files of the plans made again.
        let made: [String: [UInt8]]
        /// Every data file of the plans (made now or kept), and the site-wide files kept until
        /// `finishSiteFiles` makes them again.
        let digests: [String: ContentDigest]
        /// The problems found in each plan's data.
        let diagnostics: [String: Diagnostics]
        /// The files outside every plan's folder (the sitemap, the search index).
        let siteWidePaths: Set<String>
    }

    /// export: the data files of the plans the change touched.
    private func planData(_ site: PlannedSite, selection: PageSelection, good: Good?, _ rebuild: inout Rebuild) -> DataFiles {
        let planSlugs = Set(site.index.plans.map(\.plan.slug))
        let exportedPlans = selection.plans.map { planSlugs.intersection($0) } ?? planSlugs
        var byPlan = (good?.exportDiagnostics ?? [:]).filter { planSlugs.contains($0.key) }
        var made: [String: [UInt8]] = [:]
        for (slug, export) in ExportStage.planFiles(exportedPlans, of: site.index) {
            byPlan[slug] = export.diagnostics
            made.merge(export.files) { a, _ in a }
        }
        for slug in byPlan.keys.sorted() { rebuild.diagnostics.append(contentsOf: byPlan[slug] ?? Diagnostics()) }
        let siteWidePaths = Set(site.dataPaths.filter { path in !planSlugs.contains(where: { path.hasPrefix($0 + "/") }) })
        var digests: [String: ContentDigest] = [:]
        for (path, digest) in good?.exports ?? [:] {
            let plan = path.split(separator: "/").first.map(String.init) ?? ""
            let keptPlanFile = planSlugs.contains(plan) && !exportedPlans.contains(plan) && path.contains("/")
            if keptPlanFile || siteWidePaths.contains(path) { digests[path] = digest }
        }
        for (path, bytes) in made { digests[path] = ContentDigest(bytes) }
        return DataFiles(made: made, digests: digests, diagnostics: byPlan, siteWidePaths: siteWidePaths)
    }

    /// What writing the pages did.
    struct PagesWritten {
        let digests: [String: ContentDigest]
        let updated: [String]
        let removed: [String]
        let rendered: Int
        /// The routes of the pages rendered, sorted.
        var renderedRoutes: [String] = []
    }

    /// render and write: removes what is gone, renders the chosen pages and writes those that
    /// differ from what is served.
    private func writePages(
        _ site: PlannedSite, theme: Theme, selection: PageSelection, data: DataFiles, good: Good?, _ rebuild: inout Rebuild
    ) -> PagesWritten {
        var outputs = Set(site.pages.map(\.outputFile))
        outputs.formUnion(site.assets.map(\.path))
        outputs.formUnion(data.digests.keys)
        outputs.formUnion(data.siteWidePaths)
        var previous = Set(good?.pageDigests.keys ?? [:].keys)
        previous.formUnion(good?.assets.keys ?? [:].keys)
        previous.formUnion(good?.exports.keys ?? [:].keys)
        let removed = previous.subtracting(outputs).sorted()
        for path in removed { folder.remove(path) }

        let toRender = selection.routes.map { routes in site.pages.filter { routes.contains($0.route) } } ?? site.pages
        let renderer = PageRenderer(theme: theme, views: ViewBuilder(index: site.index))
        let served = good?.pageDigests ?? [:]
        let folder = self.folder
        let problems = DiagnosticSink()
        let rendered = Parallel.map(toRender) { page -> (ContentDigest?, Bool) in
            guard let bytes = RenderStage.bytes(page, renderer: renderer, problems: problems) else { return (nil, false) }
            let digest = ContentDigest(bytes)
            guard served[page.outputFile] != digest else { return (digest, false) }
            do {
                try folder.write(page.outputFile, bytes)
            } catch {
                problems.report(.error(at: SourceLocation(file: page.outputFile), "\(error)"))
                return (nil, false)
            }
            return (digest, true)
        }
        var digests = served.filter { outputs.contains($0.key) }
        var updated: [String] = []
        for (page, (digest, written)) in zip(toRender, rendered) {
            digests[page.outputFile] = digest
            if written { updated.append(page.outputFile) }
        }
        rebuild.diagnostics.append(contentsOf: problems.collected)
        return PagesWritten(
            digests: digests, updated: updated, removed: removed, rendered: toRender.count,
            renderedRoutes: toRender.map(\.route).sorted())
    }

    /// write: the assets and data files that differ from what is served.
    private func writeFiles(_ site: PlannedSite, data: DataFiles, good: Good?, _ rebuild: inout Rebuild) -> [String] {
        let changedAssets = site.assets.filter { asset in
            let changedSource = asset.sourcePath.map { rebuild.changed.contains($0) } ?? false
            return rebuild.everything || good?.assets[asset.path] != asset || changedSource
        }
        var (updated, diagnostics) = folder.write(changedAssets)
        for (path, bytes) in data.made.sorted(by: { $0.key < $1.key }) where good?.exports[path] != data.digests[path] {
            do {
                try folder.write(path, bytes)
                updated.append(path)
            } catch {
                diagnostics.error(at: SourceLocation(file: path), "\(error)")
            }
        }
        rebuild.diagnostics.append(contentsOf: diagnostics)
        return updated
    }

    /// A results table (a CSV file or a workbook): read against the items, so parsed again when they change.
    static func isTable(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")
    }

    /// The site's files as last loaded, with mieruka.yml and the templates read again, when only
    /// files the site already had changed (none appeared or disappeared, no folder changed);
    /// nil when the folders must be walked again.
    static func reload(_ previous: LoadedSite, changed: Set<String>) -> LoadedSite? {
        let root = previous.root.hasSuffix("/") ? previous.root : previous.root + "/"
        var known: Set<String> = [SiteLayout.configFile]
        known.formUnion(previous.content.map(\.relativePath))
        known.formUnion(previous.seeds.map(\.relativePath))
        known.formUnion(previous.templates.map(\.relativePath))
        known.formUnion(previous.assets.map { String($0.absolutePath.dropFirst(root.count)) })
        for path in changed {
            var info = stat()
            let exists = lstat(root + path, &info) == 0
            let isFile = exists && (info.st_mode & S_IFMT) == S_IFREG
            if known.contains(path) {
                guard isFile else { return nil }  // removed, or replaced by a folder
            } else if exists {
                return nil  // a new file or folder
            } else if known.contains(where: { $0.hasPrefix(path + "/") }) {
                return nil  // a folder of the site's files moved away
            }
            // Else a file that came and went (an editor's temporary file): nothing to do.
        }
        func reread(_ file: SourceFile) -> SourceFile? {
            guard let data = FileManager.default.contents(atPath: root + file.relativePath) else { return nil }
            return SourceFile(relativePath: file.relativePath, displayPath: file.displayPath, bytes: [UInt8](data))
        }
        guard let config = reread(previous.config) else { return nil }
        var templates: [SourceFile] = []
        for template in previous.templates {
            guard let file = reread(template) else { return nil }
            templates.append(file)
        }
        return LoadedSite(
            root: previous.root, config: config, content: previous.content, seeds: previous.seeds, templates: templates,
            assets: previous.assets)
    }

    private var displayPrefix: String {
        displaySource.isEmpty || displaySource == "." ? "" : (displaySource.hasSuffix("/") ? displaySource : displaySource + "/")
    }
}
