import Dispatch
import MierukaDiagnostics
import MierukaExport
import MierukaModel
import MierukaOutput
import MierukaParallel
import MierukaRender
import MierukaSearch
import MierukaSite
import MierukaSource
import Synchronization

/// The whole build, stage after stage:
///
///     load → parse → merge → validate → render → write
///
/// Each stage reports its problems as located diagnostics; the run stops after validation when
/// there are errors, before anything is written. Pages are rendered in parallel, each on its own,
/// and written as soon as they are rendered into a staging folder that replaces the output only
/// when every page and file is in place.
public struct SitePipeline: Sendable {
    public init() {}

    public func run(_ options: BuildOptions) -> BuildReport {
        var timer = StageTimer()
        var diagnostics = Diagnostics()
        func finish(_ outcome: BuildReport.Outcome, pages: Int = 0, files: Int = 0, output: String? = nil) -> BuildReport {
            BuildReport(
                outcome: outcome, diagnostics: diagnostics, pages: pages, files: files, timer: timer, outputPath: output)
        }

        // load
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader(jobs: options.jobs).load(root: options.source, displayRoot: options.displaySource, diagnostics: &diagnostics)
        } catch {
            return finish(.usageError(error.description))
        }
        var outputFolder: OutputFolder?
        if case .build(let path) = options.mode {
            do {
                outputFolder = try OutputFolder(path: path, siteRoot: options.source)
            } catch {
                return finish(.usageError(error.description))
            }
        }
        timer.lap("load")

        // parse (files are read as they are parsed; the time is divided between the two stages)
        var parseTiming = DocumentParser.Timing()
        var documents = DocumentParser(jobs: options.jobs).parse(loaded, diagnostics: &diagnostics, timing: &parseTiming)
        if let path = options.accessibilityResults, let parsed = documents {
            let config = parsed.config
            let results = AccessibilityResultsDecoder.read(
                path: path, site: config.accessibility.resultsSite, diagnostics: &diagnostics)
            documents = parsed.with(config: config.with(accessibilityResults: results))
        }
        let templates = loaded.templates.compactMap { file -> TemplateSource? in
            guard let text = TextDecoding.utf8Text(file, diagnostics: &diagnostics) else { return nil }
            let name = String(file.relativePath.dropFirst(SiteLayout.templatesFolder.count + 1).dropLast(".mustache".count))
            return TemplateSource(name: name, text: text, displayPath: file.displayPath, isDefault: false)
        }
        timer.splitLast(
            "parse", reading: parseTiming.reading / max(parseTiming.reading + parseTiming.parsing, 1e-9))
        guard let documents else { return finish(.contentErrors) }

        // merge
        let merged = SiteMerger().merge(documents, diagnostics: &diagnostics)
        timer.lap("merge")

        // validate
        let isCheck: Bool = if case .check = options.mode { true } else { false }
        SiteValidator().validate(merged.site, diagnostics: &diagnostics)
        DeclaredReconciler().reconcile(merged.site, severity: isCheck ? .error : .warning, diagnostics: &diagnostics)
        let theme = Theme.load(siteTemplates: templates, diagnostics: &diagnostics)
        let index = SiteIndex(merged)
        let pages = PagePlanner().plan(index)
        let exporter = SiteExporter(index: index, jobs: options.jobs)
        let assets = outputAssets(
            theme: theme, loaded: loaded, generated: pages.map(\.outputFile) + exporter.paths() + [SearchIndexBuilder.path],
            diagnostics: &diagnostics)
        timer.lap("validate")
        guard !diagnostics.hasErrors else { return finish(.contentErrors) }

        let renderer = PageRenderer(theme: theme, views: ViewBuilder(index: index))
        switch options.mode {
        case .check:
            let problems = renderAndCheckLinks(
                pages, renderer: renderer, index: index, files: assets.map(\.path) + exporter.paths() + [SearchIndexBuilder.path],
                jobs: options.jobs)
            diagnostics.append(contentsOf: problems)
            timer.lap("render")
            return finish(diagnostics.hasErrors ? .contentErrors : .success, pages: pages.count)
        case .build:
            guard let outputFolder else { return finish(.usageError("no output folder")) }
            let staging: StagingArea
            do {
                staging = try outputFolder.stage()
            } catch {
                diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
                return finish(.contentErrors)
            }
            let (problems, renderSeconds, writeSeconds) = renderAndWrite(pages, renderer: renderer, into: staging, jobs: options.jobs)
            diagnostics.append(contentsOf: problems)
            timer.split("render", "write", ratio: renderSeconds / max(renderSeconds + writeSeconds, 1e-9))
            // The open data is written as it is made, plan by plan (not held until the end).
            let exportCount = exporter.export(pages: pages, diagnostics: &diagnostics) { file, _ in
                do {
                    try staging.write(file.path, file.bytes)
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            timer.lap("export")
            let searchIndex = SearchIndexBuilder(index: index).json()
            timer.lap("search")
            if !diagnostics.hasErrors {
                writeAssets(assets, into: staging, diagnostics: &diagnostics)
                do {
                    try staging.write(SearchIndexBuilder.path, searchIndex)
                } catch {
                    diagnostics.error(at: SourceLocation(file: SearchIndexBuilder.path), "\(error)")
                }
            }
            if !diagnostics.hasErrors {
                do {
                    try staging.commit()
                } catch {
                    diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
                }
            }
            if diagnostics.hasErrors { staging.discard() }
            timer.lap("write")
            return finish(
                diagnostics.hasErrors ? .contentErrors : .success, pages: pages.count,
                files: pages.count + assets.count + exportCount + 1,
                output: outputFolder.path)
        }
    }

    /// A file that is not a rendered page: the theme's stylesheet, static/ files, attachments.
    enum Asset: Sendable {
        case text(path: String, text: String)
        case copy(AssetFile)

        var path: String {
            switch self {
            case .text(let path, _): path
            case .copy(let file): file.outputPath
            }
        }
    }

    /// The theme's assets, then the site's static files and attachments (which may replace a
    /// theme asset of the same name, but never a page).
    func outputAssets(theme: Theme, loaded: LoadedSite, generated: [String], diagnostics: inout Diagnostics) -> [Asset] {
        let pageFiles = Set(generated)
        var byPath: [String: Asset] = [:]
        for (path, text) in theme.assets {
            guard path.hasPrefix("assets/") else { continue }
            byPath[path] = .text(path: path, text: text)
        }
        for file in loaded.assets {
            if pageFiles.contains(file.outputPath) || file.outputPath == OutputFolder.markerFile {
                diagnostics.error(
                    at: SourceLocation(file: file.displayPath), "this file would replace the generated file \(file.outputPath)",
                    hint: "rename or move it")
                continue
            }
            byPath[file.outputPath] = .copy(file)
        }
        return byPath.keys.sorted().compactMap { byPath[$0] }
    }

    func writeAssets(_ assets: [Asset], into staging: StagingArea, diagnostics: inout Diagnostics) {
        for asset in assets {
            do {
                switch asset {
                case .text(let path, let text): try staging.write(path, text: text)
                case .copy(let file): try staging.copy(from: file.absolutePath, to: file.outputPath)
                }
            } catch {
                diagnostics.error(at: SourceLocation(file: asset.path), error.description)
            }
        }
    }

    /// Renders every page in parallel and writes each as soon as it is rendered.
    func renderAndWrite(
        _ pages: [PlannedPage], renderer: PageRenderer, into staging: StagingArea, jobs: Int? = nil
    ) -> (Diagnostics, render: Double, write: Double) {
        let sink = DiagnosticSink()
        let clock = Mutex<(render: UInt64, write: UInt64)>((0, 0))
        Parallel.forEach(pages.count, jobs: jobs) { offset in
            let page = pages[offset]
            let start = DispatchTime.now().uptimeNanoseconds
            guard let html = renderer.renderBytes(page) else {
                sink.report(.error(at: SourceLocation(file: page.outputFile), "the page could not be rendered: its template is missing"))
                return
            }
            let rendered = DispatchTime.now().uptimeNanoseconds
            do {
                try staging.write(page.outputFile, html)
            } catch {
                sink.report(.error(at: SourceLocation(file: page.outputFile), "\(error)"))
            }
            let written = DispatchTime.now().uptimeNanoseconds
            clock.withLock {
                $0.render += rendered - start
                $0.write += written - rendered
            }
        }
        let totals = clock.withLock { $0 }
        return (sink.collected, Double(totals.render) / 1e9, Double(totals.write) / 1e9)
    }

    /// Renders every page in parallel (writing nothing) and reports internal links that lead nowhere.
    func renderAndCheckLinks(
        _ pages: [PlannedPage], renderer: PageRenderer, index: SiteIndex, files other: [String], jobs: Int? = nil
    ) -> Diagnostics {
        var files = Set(pages.map(\.outputFile))
        for path in other { files.insert(path) }
        let checker = LinkChecker(basePath: index.config.baseURL.path, files: files)
        let sources = PageSources(index: index)
        let sink = DiagnosticSink()
        Parallel.forEach(pages.count, jobs: jobs) { offset in
            let page = pages[offset]
            guard let html = renderer.render(page) else {
                sink.report(.error(at: SourceLocation(file: page.outputFile), "the page could not be rendered: its template is missing"))
                return
            }
            for link in checker.brokenLinks(in: html, pageRoute: page.route) {
                sink.report(
                    .error(
                        at: sources.locate(link, on: page),
                        "broken link \"\(link)\" on the page \(index.config.baseURL.link(page.route))",
                        hint: "no page or file of the site is at that address; links inside the site start with the base URL's path (\(index.config.baseURL.path))"))
            }
        }
        return sink.collected
    }
}

extension StageTimer {
    /// Ends a stage in which two kinds of work interleaved, dividing its time by `ratio`.
    mutating func split(_ first: String, _ second: String, ratio: Double) {
        lap(first)
        if let last = stagesLast() {
            replaceLast(with: [(first, last * ratio), (second + " (pages)", last * (1 - ratio))])
        }
    }
}
