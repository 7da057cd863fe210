import Foundation
import MierukaBuild
import MierukaDiagnostics
import MierukaModel
import MierukaParallel
import MierukaRender
import MierukaSite
import MierukaSource

/// The stages that are serve's own: reading only the files that changed, keeping what the
/// others gave, choosing the pages a change can alter, and writing only what differs.
extension SiteBuilder {
    /// load: the site's files (without walking the folders when only files it already had
    /// changed); files that appeared or disappeared count as changed.
    func load(_ state: inout State, _ rebuild: inout Rebuild) -> Result<LoadedSite, Stop> {
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
    func noteFiles(_ loaded: LoadedSite, _ state: State, _ rebuild: inout Rebuild) {
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
    func readSettings(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) {
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
    func readTheme(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) {
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
    func parseContent(_ loaded: LoadedSite, _ state: inout State, _ rebuild: inout Rebuild) -> ContentDocuments {
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
    func parseSeeds(
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
    func select(_ side: SiteSide, reparsedSeeds: Set<String>, good: Good?, _ rebuild: Rebuild) -> PageSelection {
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
    func planData(_ site: PlannedSite, selection: PageSelection, good: Good?, _ rebuild: inout Rebuild) -> DataFiles {
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
    func writePages(
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
        let rendered = Parallel.map(toRender) { [self] page -> (ContentDigest?, Bool) in
            // Serving stopped: the pages left are not rendered (the build ends as stopped).
            guard !isStopping else { return (nil, false) }
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
    func writeFiles(_ site: PlannedSite, data: DataFiles, good: Good?, _ rebuild: inout Rebuild) -> [String] {
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
}
