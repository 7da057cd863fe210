import CMierukaSystem
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

/// The whole build, stage after stage:
///
///     load → parse → merge → validate → plan → render, export, search → write
///
/// The stages other than load, parse and write are functions of their own (`ThemeStage`,
/// `PlanStage`, `RenderStage`, `ExportStage`, `OutputAsset`), which `serve` calls too.
/// Each stage reports its problems as located diagnostics; the run stops after validation when
/// there are errors, before anything is written. Pages are rendered in parallel, each on its own,
/// and written as soon as they are rendered into a staging folder beside the output (only those
/// whose bytes differ from the previous output's), which updates the output only when every page
/// and file is in place.
package struct SitePipeline: Sendable {
    package init() {}

    /// From this many content documents on (about as many pages), malloc keeps large blocks in
    /// its heaps: fewer page faults for more resident memory, a trade that pays only for large
    /// sites (docs/reference.md, "Speed and memory").
    static let largeSiteDocuments = 2_000

    /// A stage that ends the run early, with the outcome to report.
    struct Stop: Error {
        let outcome: BuildReport.Outcome
    }

    package func run(_ options: BuildOptions) -> BuildReport {
        // malloc's heaps trimmed at a fixed threshold: a lower peak of resident memory
        // (docs/reference.md, "Speed and memory").
        mieruka_configure_memory()
        var timer = StageTimer()
        var diagnostics = Diagnostics()
        func finish(
            _ outcome: BuildReport.Outcome, pages: Int = 0, files: Int = 0, output: String? = nil, written: WriteSummary? = nil
        ) -> BuildReport {
            BuildReport(
                outcome: outcome, diagnostics: diagnostics, pages: pages, files: files, timer: timer, outputPath: output,
                writeSummary: written)
        }

        let loaded: LoadedSite
        let outputFolder: OutputFolder?
        switch load(options, diagnostics: &diagnostics) {
        case .success(let value): (loaded, outputFolder) = value
        case .failure(let stop): return finish(stop.outcome)
        }
        timer.lap("load")
        if loaded.content.count >= SitePipeline.largeSiteDocuments {
            mieruka_configure_memory_for_large_site()
        }

        // Files are read as they are parsed: the time is divided between the two stages.
        var parseTiming = DocumentParser.Timing()
        let parsed = parse(loaded, options: options, diagnostics: &diagnostics, timing: &parseTiming)
        let templates = ThemeStage.templates(loaded.templates, diagnostics: &diagnostics)
        timer.splitLast("parse", reading: parseTiming.reading / max(parseTiming.reading + parseTiming.parsing, 1e-9))
        guard let documents = consume parsed else { return finish(.contentErrors) }

        // Handed over: the merge frees each plan's parsed documents as soon as it has merged them.
        let merged = PlanStage.merge(consume documents, jobs: options.jobs, diagnostics: &diagnostics)
        timer.lap("merge")

        var themeDiagnostics = Diagnostics()
        let theme = ThemeStage.load(templates, jobs: options.jobs, diagnostics: &themeDiagnostics)
        let isCheck: Bool = if case .check = options.mode { true } else { false }
        let site = PlanStage.plan(
            merged, totals: isCheck ? .error : .warning, theme: theme, themeDiagnostics: themeDiagnostics, loaded: loaded,
            jobs: options.jobs, diagnostics: &diagnostics)
        timer.lap("validate")
        guard !diagnostics.hasErrors else { return finish(.contentErrors) }

        // The parsed documents have been freed plan by plan in the merge; glibc keeps the freed
        // pages in its heaps unless asked to give them back, and without this they stay resident
        // through rendering (docs/reference.md, "Speed and memory").
        mieruka_release_free_memory()
        mieruka_release_code_pages()
        let renderer = PageRenderer(theme: theme, views: ViewBuilder(index: site.index))
        guard let outputFolder else {
            diagnostics.append(contentsOf: renderAndCheckLinks(site, renderer: renderer, jobs: options.jobs))
            timer.lap("render")
            // What build would warn of in the open data's Shift_JIS copies and workbooks, without writing them.
            diagnostics.append(contentsOf: SiteExporter(index: site.index, jobs: options.jobs).downloadWarnings())
            timer.lap("export")
            return finish(diagnostics.hasErrors ? .contentErrors : .success, pages: site.pages.count)
        }
        let written = write(site, renderer: renderer, into: outputFolder, options: options, timer: &timer)
        diagnostics.append(contentsOf: written.diagnostics)
        var report = finish(
            diagnostics.hasErrors ? .contentErrors : .success, pages: site.pages.count, files: written.files,
            output: outputFolder.path, written: written.summary)
        report.reusedWorkbooks = written.reusedWorkbooks
        return report
    }

    /// load: the site's files, and the output folder `build` writes to (nil for `check`).
    func load(_ options: BuildOptions, diagnostics: inout Diagnostics) -> Result<(LoadedSite, OutputFolder?), Stop> {
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader(jobs: options.jobs).load(root: options.source, displayRoot: options.displaySource, diagnostics: &diagnostics)
        } catch {
            // mieruka.yml there but unreadable (a folder, too large) is a located error in the site.
            return .failure(Stop(outcome: error.isReported ? .contentErrors : .usageError(error.description)))
        }
        guard case .build(let path) = options.mode else { return .success((loaded, nil)) }
        do {
            return .success((loaded, try OutputFolder(path: path, siteRoot: options.source)))
        } catch {
            return .failure(Stop(outcome: .usageError(error.description)))
        }
    }

    /// parse: every document, with the settings the command line gives over mieruka.yml's
    /// (`--accessibility-results`, `--base-url`); nil when mieruka.yml could not be read.
    func parse(
        _ loaded: LoadedSite, options: BuildOptions, diagnostics: inout Diagnostics, timing: inout DocumentParser.Timing
    ) -> SiteDocuments? {
        guard var documents = DocumentParser(jobs: options.jobs).parse(loaded, diagnostics: &diagnostics, timing: &timing)
        else { return nil }
        if let path = options.accessibilityResults {
            let config = documents.config
            let results = AccessibilityResultsDecoder.read(path: path, site: config.accessibility.resultsSite, diagnostics: &diagnostics)
            documents = documents.with(config: config.with(accessibilityResults: results))
        }
        if let text = options.baseURL, let baseURL = BaseURLOption.parse(text, diagnostics: &diagnostics) {
            documents = documents.with(config: documents.config.with(baseURL: baseURL))
        }
        return documents
    }

    /// render, export, search and write (`build`): pages, the open data and the search index in
    /// one pool of threads, each file written into the staging folder as soon as it is made
    /// (nothing is held until the end, and no stage waits for another's stragglers); then the
    /// assets; then the staging folder replaces the output, or is discarded on any error.
    func write(
        _ site: PlannedSite, renderer: PageRenderer, into outputFolder: OutputFolder, options: BuildOptions,
        timer: inout StageTimer
    ) -> (files: Int, summary: WriteSummary?, diagnostics: Diagnostics, reusedWorkbooks: Int) {
        var diagnostics = Diagnostics()
        let staging: StagingArea
        do {
            staging = try outputFolder.stage(faults: options.writeFaults)
        } catch {
            diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
            return (0, nil, diagnostics, 0)
        }
        let workbooks = WorkbookRecord(for: outputFolder)
        let made = renderAndWrite(
            site.pages, renderer: renderer, into: staging, jobs: options.jobs,
            also: dataTasks(site, into: staging, jobs: options.jobs, workbooks: workbooks))
        diagnostics.append(contentsOf: made.diagnostics)
        timer.splitByWork(
            ["render": made.seconds["render"] ?? 0, "write (pages)": made.seconds["write"] ?? 0,
             "export": made.seconds["export"] ?? 0, "search": made.seconds["search"] ?? 0],
            order: ["render", "write (pages)", "export", "search"])
        if !diagnostics.hasErrors {
            diagnostics.append(contentsOf: staging.write(site.assets).diagnostics)
        }
        var summary: WriteSummary?
        if !diagnostics.hasErrors {
            do {
                summary = try staging.commit()
            } catch {
                diagnostics.error(at: SourceLocation(file: outputFolder.path), error.description)
            }
        }
        if diagnostics.hasErrors {
            staging.discard()
        } else {
            workbooks?.save()
        }
        timer.lap("write")
        return (made.files + site.assets.count, summary, diagnostics, workbooks?.reused ?? 0)
    }

    /// export and search, as tasks of the pool that renders the pages.
    func dataTasks(_ site: PlannedSite, into staging: StagingArea, jobs: Int?, workbooks: WorkbookRecord? = nil) -> [Task] {
        let exporter = SiteExporter(index: site.index, jobs: jobs, workbooks: workbooks)
        let index = site.index
        let pages = site.pages
        return [
            Task(name: "search", count: 1) { _ in
                let search = ExportStage.searchIndex(index)
                do {
                    try staging.write(search.path, search.bytes)
                    return (1, Diagnostics())
                } catch {
                    return (0, Diagnostics([.error(at: SourceLocation(file: search.path), "\(error)")]))
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
        ]
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
        let clock = Lock<[String: UInt64]>([:])
        let files = Lock<Int>(0)
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
            guard let html = RenderStage.bytes(page, renderer: renderer, problems: sink) else { return }
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

    /// render (`check`): every page in parallel, writing nothing, and reports internal links that
    /// lead nowhere.
    func renderAndCheckLinks(_ site: PlannedSite, renderer: PageRenderer, jobs: Int? = nil) -> Diagnostics {
        let pages = site.pages
        let index = site.index
        var files = Set(site.generatedPaths)
        for asset in site.assets { files.insert(asset.path) }
        let checker = LinkChecker(basePath: index.config.baseURL.path, files: files)
        let sources = PageSources(index: index)
        let sink = DiagnosticSink()
        Parallel.forEach(pages.count, jobs: jobs) { offset in
            let page = pages[offset]
            guard let html = RenderStage.text(page, renderer: renderer, problems: sink) else { return }
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
