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
/// and written as soon as they are rendered into a staging folder beside the output (only those
/// whose bytes differ from the previous output's), which updates the output only when every page
/// and file is in place.
public struct SitePipeline: Sendable {
    public init() {}

    public func run(_ options: BuildOptions) -> BuildReport {
        var timer = StageTimer()
        var diagnostics = Diagnostics()
        func finish(
            _ outcome: BuildReport.Outcome, pages: Int = 0, files: Int = 0, output: String? = nil, written: WriteSummary? = nil
        ) -> BuildReport {
            BuildReport(
                outcome: outcome, diagnostics: diagnostics, pages: pages, files: files, timer: timer, outputPath: output,
                writeSummary: written)
        }

        // load
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader(jobs: options.jobs).load(root: options.source, displayRoot: options.displaySource, diagnostics: &diagnostics)
        } catch {
            // mieruka.yml there but unreadable (a folder, too large) is a located error in the site.
            return finish(error.isReported ? .contentErrors : .usageError(error.description))
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
        if let text = options.baseURL, let parsed = documents,
            let baseURL = BaseURLOption.parse(text, diagnostics: &diagnostics)
        {
            documents = parsed.with(config: parsed.config.with(baseURL: baseURL))
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
                staging = try outputFolder.stage(faults: options.writeFaults)
            } catch {
                diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
                return finish(.contentErrors)
            }
            // Pages, the open data and the search index in one pool of threads, each file written as
            // soon as it is made (nothing is held until the end, and no stage waits for another's
            // stragglers).
            let search = SearchIndexBuilder(index: index)
            let made = renderAndWrite(
                pages, renderer: renderer, into: staging, jobs: options.jobs,
                also: [
                    Task(name: "search", count: 1) { _ in
                        do {
                            try staging.write(SearchIndexBuilder.path, search.json())
                            return (1, Diagnostics())
                        } catch {
                            return (0, Diagnostics([.error(at: SourceLocation(file: SearchIndexBuilder.path), "\(error)")]))
                        }
                    },
                    Task(name: "export", count: exporter.taskCount) { task in
                        exporter.run(task: task, pages: pages) { file, _ in
                            do {
                                try staging.write(file.path, file.bytes)
                                return nil
                            } catch {
                                return "\(error)"
                            }
                        }
                    },
                ])
            diagnostics.append(contentsOf: made.diagnostics)
            timer.splitByWork(["render": made.seconds["render"] ?? 0, "write (pages)": made.seconds["write"] ?? 0,
                               "export": made.seconds["export"] ?? 0, "search": made.seconds["search"] ?? 0],
                              order: ["render", "write (pages)", "export", "search"])
            if !diagnostics.hasErrors {
                writeAssets(assets, into: staging, diagnostics: &diagnostics)
            }
            var summary: WriteSummary?
            if !diagnostics.hasErrors {
                do {
                    summary = try staging.commit()
                } catch {
                    diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
                }
            }
            if diagnostics.hasErrors { staging.discard() }
            timer.lap("write")
            return finish(
                diagnostics.hasErrors ? .contentErrors : .success, pages: pages.count,
                files: made.files + assets.count,
                output: outputFolder.path, written: summary)
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

    /// Work run in the same pool as the pages: `count` independent pieces, each returning how
    /// many files it wrote and what it found.
    struct Task: Sendable {
        let name: String
        let count: Int
        let run: @Sendable (Int) -> (files: Int, diagnostics: Diagnostics)

        init(name: String, count: Int, _ run: @escaping @Sendable (Int) -> (files: Int, diagnostics: Diagnostics)) {
            self.name = name
            self.count = count
            self.run = run
        }
    }

    /// Renders every page and writes each as soon as it is rendered, with the other tasks in the
    /// same pool (they are started first: they are few and long, the pages many and short).
    /// Returns the files written, the problems, and the thread-seconds spent per kind of work
    /// ("render" and "write" for the pages, and each task's name).
    func renderAndWrite(
        _ pages: [PlannedPage], renderer: PageRenderer, into staging: StagingArea, jobs: Int? = nil, also tasks: [Task] = []
    ) -> (files: Int, diagnostics: Diagnostics, seconds: [String: Double]) {
        let sink = DiagnosticSink()
        let clock = Mutex<[String: UInt64]>([:])
        let files = Mutex<Int>(0)
        var schedule: [(task: Int, piece: Int)] = []
        for (offset, task) in tasks.enumerated() {
            for piece in 0..<task.count { schedule.append((offset, piece)) }
        }
        let taskPieces = schedule
        Parallel.forEach(taskPieces.count + pages.count, jobs: jobs) { offset in
            let start = DispatchTime.now().uptimeNanoseconds
            if offset < taskPieces.count {
                let (taskIndex, piece) = taskPieces[offset]
                let task = tasks[taskIndex]
                let (made, found) = task.run(piece)
                sink.report(found)
                files.withLock { $0 += made }
                let end = DispatchTime.now().uptimeNanoseconds
                clock.withLock { $0[task.name, default: 0] += end - start }
                return
            }
            let page = pages[offset - taskPieces.count]
            guard let html = renderer.renderBytes(page) else {
                sink.report(.error(at: SourceLocation(file: page.outputFile), "the page could not be rendered: its template is missing"))
                return
            }
            let rendered = DispatchTime.now().uptimeNanoseconds
            do {
                try staging.write(page.outputFile, html)
                files.withLock { $0 += 1 }
            } catch {
                sink.report(.error(at: SourceLocation(file: page.outputFile), "\(error)"))
            }
            let written = DispatchTime.now().uptimeNanoseconds
            clock.withLock {
                $0["render", default: 0] += rendered - start
                $0["write", default: 0] += written - rendered
            }
        }
        let seconds = clock.withLock { $0 }.mapValues { Double($0) / 1e9 }
        return (files.withLock { $0 }, sink.collected, seconds)
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
    /// Ends a stage in which several kinds of work ran side by side, dividing its time by the
    /// thread-seconds each took.
    mutating func splitByWork(_ seconds: [String: Double], order: [String]) {
        lap(order.first ?? "work")
        guard let last = stagesLast() else { return }
        let total = max(order.reduce(0) { $0 + (seconds[$1] ?? 0) }, 1e-9)
        replaceLast(with: order.map { ($0, last * (seconds[$0] ?? 0) / total) })
    }
}
