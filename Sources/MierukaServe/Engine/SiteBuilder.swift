import Dispatch
import Foundation
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
/// The stages are those of `SitePipeline`, on the same public APIs, so a served site is the site
/// `mieruka build` writes (the serve tests compare the two file by file).
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
        state.withLock { $0.good?.side.index.config.baseURL.path ?? $0.config?.baseURL.path ?? "/" }
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
        for (path, bytes) in ServeExports.siteWide(index, pages: pages, diagnostics: &diagnostics).sorted(by: { $0.key < $1.key }) {
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
        let assets: [String: ServeAsset]
        var exports: [String: ContentDigest]
        let exportDiagnostics: [String: Diagnostics]
    }

    struct State: Sendable {
        var configBytes: [UInt8]?
        var configFingerprint: String?
        var config: SiteConfig?
        var configDiagnostics = Diagnostics()
        var templateFiles: [String: [UInt8]]?
        var theme: Theme?
        var themeDiagnostics = Diagnostics()
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

    // MARK: - The build

    private func run(_ state: inout State, requested: Set<String>?) -> BuildOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var stages: [(name: String, seconds: Double)] = []
        var lapStart = start
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            stages.append((name, Double(now - lapStart) / 1e9))
            lapStart = now
        }
        let parser = DocumentParser()
        var known: Set<String> = []
        var diagnostics = Diagnostics()
        var changed = (requested ?? []).union(state.pending)
        let everything = requested == nil || state.good == nil
        // Set once the settings and templates are read, for a failed build to carry over.
        var configChanged = false
        var templatesChanged = false

        func outcome(
            _ status: BuildOutcome.Status, full: Bool, rendered: Int = 0, always: Int = 0, pages: [String] = [],
            files: [String] = [],
            removed: [String] = [], total: Int? = nil
        ) -> BuildOutcome {
            if status == .failed {
                diagnostics.explainFailure(at: SourceLocation(file: displayPrefix + SiteLayout.configFile))
            }
            if status != .built {
                state.pending.formUnion(changed)
                if configChanged || templatesChanged { state.settingsPending = true }
            }
            return BuildOutcome(
                status: status, diagnostics: diagnostics, changedFiles: everything ? [] : changed.intersection(known).sorted(),
                isFull: full,
                totalPages: total ?? state.good?.side.pages.count ?? 0, renderedPages: rendered, alwaysRenderedPages: always,
                updatedPages: pages,
                updatedFiles: files, removedFiles: removed,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, stages: stages)
        }

        // load
        let loaded: LoadedSite
        if !everything, let previous = state.loaded, let reloaded = Self.reload(previous, changed: changed) {
            // Only files the site already had changed: the same files, without walking the folders.
            loaded = reloaded
            diagnostics.append(contentsOf: state.loaderDiagnostics)
        } else {
            var loaderDiagnostics = Diagnostics()
            do {
                loaded = try SiteLoader().load(root: source, displayRoot: displaySource, diagnostics: &loaderDiagnostics)
            } catch {
                if state.good == nil, state.configBytes == nil, !error.isReported {
                    return outcome(.notASite(error.description), full: true)
                }
                if error.isReported {
                    diagnostics.append(contentsOf: loaderDiagnostics)
                } else {
                    diagnostics.error(at: SourceLocation(file: displayPrefix + SiteLayout.configFile), error.description)
                }
                state.loaded = nil
                return outcome(.failed, full: everything)
            }
            state.loaded = loaded
            state.loaderDiagnostics = loaderDiagnostics
            diagnostics.append(contentsOf: loaderDiagnostics)
        }

        // The files the site reads, before and after: the changes reported are among them (not
        // an editor's temporary files, nor folders).
        known.insert(SiteLayout.configFile)
        known.formUnion(state.content.keys)
        known.formUnion(state.seeds.keys)
        known.formUnion(state.templateFiles?.keys ?? [:].keys)
        known.formUnion(loaded.templates.map(\.relativePath))
        known.formUnion(loaded.content.map(\.relativePath))
        known.formUnion(loaded.seeds.map(\.relativePath))
        let rootPrefix = loaded.root.hasSuffix("/") ? loaded.root : loaded.root + "/"
        known.formUnion(loaded.assets.map { String($0.absolutePath.dropFirst(rootPrefix.count)) })
        known.formUnion(state.good?.assets.values.compactMap(\.sourcePath) ?? [])

        // Files that appeared or disappeared count as changed.
        let contentPaths = Set(loaded.content.map(\.relativePath))
        let seedsPaths = Set(loaded.seeds.map(\.relativePath))
        for path in contentPaths where state.content[path] == nil { changed.insert(path) }
        for path in state.content.keys where !contentPaths.contains(path) {
            changed.insert(path)
            state.content[path] = nil
        }
        for path in seedsPaths where state.seeds[path] == nil { changed.insert(path) }
        for path in state.seeds.keys where !seedsPaths.contains(path) {
            changed.insert(path)
            state.seeds[path] = nil
        }

        lap("load")

        // the settings: read on every build, through the parser's own entry point (given no
        // documents), so that what it adds to them (the accessibility results file) is read as
        // build reads it; any difference from the last build renders every page.
        var configDiagnostics = Diagnostics()
        let configOnly = LoadedSite(root: loaded.root, config: loaded.config, content: [], seeds: [], templates: [], assets: [])
        let config = parser.parse(configOnly, diagnostics: &configDiagnostics)?.config
        let configFingerprint = config.map(StructuralFingerprint.of)
        configChanged = !everything && (configFingerprint != state.configFingerprint || state.settingsPending)
        if configChanged || state.configBytes != loaded.config.bytes { changed.insert(SiteLayout.configFile) }
        state.config = config
        state.configFingerprint = configFingerprint
        state.configBytes = loaded.config.bytes
        state.configDiagnostics = configDiagnostics

        let templateFiles = Dictionary(loaded.templates.map { ($0.relativePath, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        if templateFiles != state.templateFiles || state.theme == nil {
            let previous = state.templateFiles ?? [:]
            for (path, bytes) in templateFiles where previous[path] != bytes { changed.insert(path) }
            for path in previous.keys where templateFiles[path] == nil { changed.insert(path) }
            var themeDiagnostics = Diagnostics()
            let sources = loaded.templates.compactMap { file -> TemplateSource? in
                guard let text = TextDecoding.utf8Text(file, diagnostics: &themeDiagnostics) else { return nil }
                let name = String(
                    file.relativePath.dropFirst(SiteLayout.templatesFolder.count + 1).dropLast(".mustache".count))
                return TemplateSource(name: name, text: text, displayPath: file.displayPath, isDefault: false)
            }
            state.theme = Theme.load(siteTemplates: sources, diagnostics: &themeDiagnostics)
            state.themeDiagnostics = themeDiagnostics
            templatesChanged = state.templateFiles != nil
            state.templateFiles = templateFiles
        }
        diagnostics.append(contentsOf: state.configDiagnostics)

        lap("settings and theme")

        // parse: the content documents that changed
        let contentToParse = loaded.content.filter {
            everything || changed.contains($0.relativePath) || state.content[$0.relativePath] == nil
        }
        for (entry, parsed) in zip(contentToParse, Parallel.map(contentToParse) { entry in
            var fileDiagnostics = Diagnostics()
            let value = entry.read(diagnostics: &fileDiagnostics).flatMap {
                parser.parseContent($0, diagnostics: &fileDiagnostics)
            }
            return Parsed(value: value, diagnostics: fileDiagnostics)
        }) {
            state.content[entry.relativePath] = parsed
        }
        var home: PageDocument?
        var pageDocuments: [PageDocument] = []
        var plans: [PlanDocument] = []
        var items: [ItemDocument] = []
        var unreadableItems: [String: Set<String>] = [:]
        for entry in loaded.content {
            guard let parsed = state.content[entry.relativePath] else { continue }
            diagnostics.append(contentsOf: parsed.diagnostics)
            switch parsed.value {
            case .home(let page)?: home = page
            case .page(let page)?: pageDocuments.append(page)
            case .plan(let plan)?: plans.append(plan)
            case .item(let item)?: items.append(item)
            case .unreadableItem(let plan, let number)?: unreadableItems[plan, default: []].insert(number)
            case nil: break
            }
        }

        // parse: the results that changed, and every CSV when documents they are read against changed
        let contentChanged = changed.contains { $0.hasPrefix(SiteLayout.contentFolder + "/") && $0.hasSuffix(".md") }
        let seedsToParse = loaded.seeds.filter { entry in
            everything || changed.contains(entry.relativePath) || state.seeds[entry.relativePath] == nil
                || ((contentChanged || configChanged) && Self.isTable(entry.relativePath))
        }
        let csv = state.config?.csv ?? CSVSettings()
        let xlsx = state.config?.xlsx ?? XLSXSettings()
        // The items are looked up only by CSV files and workbooks (building the lookup takes a while on a large site).
        let readsCSV = seedsToParse.contains { Self.isTable($0.relativePath) }
        let lookup = readsCSV ? CSVItemLookup(items, plans: plans) : CSVItemLookup([], plans: [])
        for (entry, parsed) in zip(seedsToParse, Parallel.map(seedsToParse) { entry in
            var fileDiagnostics = Diagnostics()
            let value = entry.read(diagnostics: &fileDiagnostics).map {
                parser.parseSeeds($0, csv: csv, xlsx: xlsx, lookup: lookup, diagnostics: &fileDiagnostics)
            }
            return Parsed(value: value ?? [], diagnostics: fileDiagnostics)
        }) {
            state.seeds[entry.relativePath] = parsed
        }
        var results: [ResultsDocument] = []
        for entry in loaded.seeds {
            guard let parsed = state.seeds[entry.relativePath] else { continue }
            diagnostics.append(contentsOf: parsed.diagnostics)
            results.append(contentsOf: parsed.value)
        }
        guard let config = state.config, let theme = state.theme else {
            diagnostics.append(contentsOf: state.themeDiagnostics)
            return outcome(.failed, full: everything)
        }

        lap("parse")

        // merge and validate: the whole site, as build does
        let documents = SiteDocuments(
            config: config, home: home, pages: pageDocuments, plans: plans, items: items, results: results,
            unreadableItems: unreadableItems)
        let merged = SiteMerger().merge(documents, diagnostics: &diagnostics)
        lap("merge")
        SiteValidator().validate(merged.site, diagnostics: &diagnostics)
        DeclaredReconciler().reconcile(merged.site, severity: .warning, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: state.themeDiagnostics)
        let index = SiteIndex(merged)
        let pages = PagePlanner().plan(index)
        let exportPaths = ServeExports.paths(index)
        let assets = ServeAsset.list(
            theme: theme, loaded: loaded, generated: Set(pages.map(\.outputFile) + exportPaths), diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return outcome(.failed, full: everything) }

        lap("validate")

        // what to render
        let side = SiteSide(
            index: index, pages: pages, content: state.content.compactMapValues { $0.value },
            seeds: state.seeds.mapValues(\.value))
        let good = state.good
        let full = everything || configChanged || templatesChanged
        let selection: PageSelection
        if let good, !full {
            selection = PageSelection.select(
                changed: changed,
                // Those read again, and those that disappeared (now or in a build that failed).
                reparsedSeeds: Set(seedsToParse.map(\.relativePath)).union(
                    changed.filter { $0.hasPrefix(SiteLayout.seedsFolder + "/") }),
                old: good.side, new: side)
        } else {
            selection = .all
        }

        lap("select pages")

        // data files: the plans touched, and the site-wide files
        let planSlugs = Set(index.plans.map(\.plan.slug))
        let exportedPlans = selection.plans.map { planSlugs.intersection($0) } ?? planSlugs
        let planExports = ServeExports.plans(Array(exportedPlans), of: index)
        var exportDiagnostics = (good?.exportDiagnostics ?? [:]).filter { planSlugs.contains($0.key) }
        var newExports: [String: [UInt8]] = [:]
        for (slug, export) in planExports {
            exportDiagnostics[slug] = export.diagnostics
            newExports.merge(export.files) { a, _ in a }
        }
        for slug in exportDiagnostics.keys.sorted() {
            diagnostics.append(contentsOf: exportDiagnostics[slug] ?? Diagnostics())
        }
        guard !diagnostics.hasErrors else { return outcome(.failed, full: everything) }
        // Data files of plans not made again keep their digests; so do the site-wide files (the
        // sitemap, the search index) until `finishSiteFiles` makes them again.
        let siteWidePaths = Set(exportPaths.filter { path in !planSlugs.contains(where: { path.hasPrefix($0 + "/") }) })
        var exportDigests: [String: ContentDigest] = [:]
        for (path, digest) in good?.exports ?? [:] {
            let plan = path.split(separator: "/").first.map(String.init) ?? ""
            let keptPlanFile = planSlugs.contains(plan) && !exportedPlans.contains(plan) && path.contains("/")
            if keptPlanFile || siteWidePaths.contains(path) { exportDigests[path] = digest }
        }
        for (path, bytes) in newExports { exportDigests[path] = ContentDigest(bytes) }

        lap("plan data files")

        // write: remove what is gone, then pages, files and data files that differ
        let writeProblems = DiagnosticSink()
        var outputs = Set(pages.map(\.outputFile))
        outputs.formUnion(assets.map(\.outputPath))
        outputs.formUnion(exportDigests.keys)
        outputs.formUnion(siteWidePaths)
        var previousOutputs = Set(good?.pageDigests.keys ?? [:].keys)
        previousOutputs.formUnion(good?.assets.keys ?? [:].keys)
        previousOutputs.formUnion(good?.exports.keys ?? [:].keys)
        let removed = previousOutputs.subtracting(outputs).sorted()
        for path in removed { folder.remove(path) }

        let toRender = selection.routes.map { routes in pages.filter { routes.contains($0.route) } } ?? pages
        let renderer = PageRenderer(theme: theme, views: ViewBuilder(index: index))
        let served = good?.pageDigests ?? [:]
        let folder = self.folder
        let rendered = Parallel.map(toRender) { page -> (ContentDigest?, Bool) in
            guard let bytes = renderer.renderBytes(page) else {
                writeProblems.report(
                    .error(at: SourceLocation(file: page.outputFile), "the page could not be rendered: its template is missing"))
                return (nil, false)
            }
            let digest = ContentDigest(bytes)
            guard served[page.outputFile] != digest else { return (digest, false) }
            do {
                try folder.write(page.outputFile, bytes)
            } catch {
                writeProblems.report(.error(at: SourceLocation(file: page.outputFile), "\(error)"))
                return (nil, false)
            }
            return (digest, true)
        }
        var pageDigests = served.filter { outputs.contains($0.key) }
        var updatedPages: [String] = []
        for (page, (digest, written)) in zip(toRender, rendered) {
            pageDigests[page.outputFile] = digest
            if written { updatedPages.append(page.outputFile) }
        }

        lap("render and write pages")
        var updatedFiles: [String] = []
        var assetsByPath: [String: ServeAsset] = [:]
        for asset in assets {
            assetsByPath[asset.outputPath] = asset
            let changedSource = asset.sourcePath.map { changed.contains($0) } ?? false
            guard everything || good?.assets[asset.outputPath] != asset || changedSource else { continue }
            do {
                switch asset.origin {
                case .text(let text): try folder.write(asset.outputPath, Array(text.utf8))
                case .file(let absolutePath, _): try folder.copy(from: absolutePath, to: asset.outputPath)
                }
                updatedFiles.append(asset.outputPath)
            } catch {
                writeProblems.report(.error(at: SourceLocation(file: asset.outputPath), "\(error)"))
            }
        }
        for (path, bytes) in newExports.sorted(by: { $0.key < $1.key }) where good?.exports[path] != exportDigests[path] {
            do {
                try folder.write(path, bytes)
                updatedFiles.append(path)
            } catch {
                writeProblems.report(.error(at: SourceLocation(file: path), "\(error)"))
            }
        }
        diagnostics.append(contentsOf: writeProblems.collected)
        guard !diagnostics.hasErrors else { return outcome(.failed, full: full) }

        lap("write files")

        state.good = Good(
            side: side, pageDigests: pageDigests, assets: assetsByPath, exports: exportDigests,
            exportDiagnostics: exportDiagnostics)
        state.pending = []
        state.settingsPending = false
        state.deferred = (index, pages)
        return outcome(
            .built, full: full, rendered: toRender.count, always: selection.unknownKindPages, pages: updatedPages.sorted(),
            files: updatedFiles.sorted(),
            removed: removed, total: pages.count)
    }

    /// The site's files as last loaded, with mieruka.yml and the templates read again, when only
    /// files the site already had changed (none appeared or disappeared, no folder changed);
    /// nil when the folders must be walked again.
    /// A results table (a CSV file or a workbook): read against the items, so parsed again when they change.
    static func isTable(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")
    }

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
