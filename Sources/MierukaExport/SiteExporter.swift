import Dispatch
import MierukaDiagnostics
import MierukaParallel
import MierukaModel
import MierukaSite

/// A file of the open data: a download, a feed or the sitemap.
package struct ExportFile: Sendable {
    /// Relative to the output folder.
    package let path: String
    package let bytes: [UInt8]
}

/// Writes the site's machine-readable files: per plan its CSV, Excel and JSON downloads and Atom feed,
/// and the sitemap. Plans are exported in parallel; the files come back in a fixed order.
package struct SiteExporter: Sendable {
    package let index: SiteIndex
    let links: ExportLinks
    /// Threads to export with (all processors when nil).
    let jobs: Int?
    /// Workbooks made before, taken instead of making them again (nil: every one is made).
    let workbooks: (any WorkbookReuse)?

    package init(index: SiteIndex, jobs: Int? = nil, workbooks: (any WorkbookReuse)? = nil) {
        self.index = index
        self.links = ExportLinks(baseURL: index.config.baseURL)
        self.jobs = jobs
        self.workbooks = workbooks
    }

    /// The paths `files` writes, known without building them (for the link check).
    package func paths() -> [String] {
        var paths: [String] = []
        for planIndex in index.plans {
            let slug = planIndex.plan.slug
            for name in fileNames(planIndex) { paths.append(SiteRoutes.dataFile(slug, name)) }
            if hasFeeds { paths.append(SiteRoutes.feed(slug)) }
        }
        if hasFeeds { paths.append(SiteRoutes.sitemap) }
        return paths
    }

    /// Feeds and the sitemap need the site's origin.
    package var hasFeeds: Bool { index.config.baseURL.absolute("") != nil }

    func fileNames(_ planIndex: PlanIndex) -> [String] {
        var names: [String] = []
        for name in PlanDatasets.tableNames(of: planIndex.plan) {
            names.append(name + ".csv")
            if index.config.data.shiftJISCopies { names.append(name + "-sjis.csv") }
            names.append(name + ".xlsx")
        }
        return names + [PlanDatasets.jsonFile]
    }

    /// Every file, in a fixed order (plans in site order, then the sitemap).
    package func files(pages: [PlannedPage], diagnostics: inout Diagnostics) -> [ExportFile] {
        let collected = Lock<[Int: [ExportFile]]>([:])
        export(pages: pages, diagnostics: &diagnostics) { file, plan in
            collected.withLock { $0[plan, default: []].append(file) }
            return nil
        }
        return collected.withLock { $0 }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// Makes the files plan by plan in parallel, handing each to `write` as soon as it is made, so
    /// that a plan's files are let go before the next are made. `write` gets the file and the
    /// plan's position (`index.plans.count` for the sitemap) and returns a problem, or nil.
    /// Returns how many files were made.
    @discardableResult
    package func export(
        pages: [PlannedPage], diagnostics: inout Diagnostics, write: @Sendable (ExportFile, Int) -> String?
    ) -> Int {
        let sink = Lock<(count: Int, diagnostics: [Int: Diagnostics])>((0, [:]))
        Parallel.forEach(taskCount, jobs: jobs) { task in
            let (made, taskDiagnostics) = run(task: task, pages: pages, write: write)
            sink.withLock {
                $0.count += made
                if !taskDiagnostics.all.isEmpty { $0.diagnostics[task] = taskDiagnostics }
            }
        }
        let (count, collected) = sink.withLock { ($0.count, $0.diagnostics) }
        for (_, taskDiagnostics) in collected.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(contentsOf: taskDiagnostics)
        }
        return count
    }

    /// The export as independent tasks, for a caller that runs them in its own pool beside other
    /// work: one per plan, and the sitemap.
    package var taskCount: Int { index.plans.count + 1 }

    /// Runs one task of `taskCount`: makes its files and hands each to `write`. Returns how many
    /// files it made and what it found.
    package func run(
        task: Int, pages: [PlannedPage], write: (ExportFile, Int) -> String?
    ) -> (files: Int, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var made = 0
        var problems: [(String, String)] = []
        if task == index.plans.count {
            if let sitemap = Sitemap(pages: pages, baseURL: index.config.baseURL).xml {
                let file = ExportFile(path: SiteRoutes.sitemap, bytes: Array(sitemap.utf8))
                made += 1
                if let problem = write(file, task) { problems.append((file.path, problem)) }
            }
        } else {
            planFiles(index.plans[task], diagnostics: &diagnostics) { file in
                made += 1
                if let problem = write(file, task) { problems.append((file.path, problem)) }
            }
        }
        for (path, problem) in problems { diagnostics.error(at: SourceLocation(file: path), problem) }
        return (made, diagnostics)
    }

    func planFiles(_ planIndex: PlanIndex, diagnostics: inout Diagnostics, emit: (ExportFile) -> Void) {
        let config = index.config
        let slug = planIndex.plan.slug
        let datasets = PlanDatasets(planIndex: planIndex, links: links, settings: config.data)
        for table in datasets.tables {
            let rows = table.rows
            let csv = table.csv(rows)
            let csvBytes = csv.utf8WithBOM
            emit(ExportFile(path: SiteRoutes.dataFile(slug, PlanDatasets.csvFile(table)), bytes: csvBytes))
            if config.data.shiftJISCopies {
                let bytes = shiftJISCopy(csv, table, planIndex, diagnostics: &diagnostics)
                emit(ExportFile(path: SiteRoutes.dataFile(slug, PlanDatasets.shiftJISFile(table)), bytes: bytes))
            }
            workbookFile(table, rows: rows, csv: csvBytes, planIndex, diagnostics: &diagnostics, emit: emit)
        }
        let json = PlanJSON(planIndex: planIndex, links: links, settings: config.data, publisher: config.publisher)
        var writer = JSONWriter()
        json.write(to: &writer)
        emit(ExportFile(path: SiteRoutes.dataFile(slug, PlanDatasets.jsonFile), bytes: writer.bytes + [0x0A]))
        let feed = AtomFeed(
            planIndex: planIndex, baseURL: config.baseURL, siteTitle: config.title, publisher: config.publisher,
            language: config.language)
        if let xml = feed.xml {
            emit(ExportFile(path: SiteRoutes.feed(slug), bytes: Array(xml.utf8)))
        }
    }

    /// The table's `.xlsx` copy. A cell longer than Excel holds is written whole, with a warning.
    /// A workbook made before from the same table (`workbooks`; `csv` is the table's CSV) is taken
    /// as it is.
    func workbookFile(
        _ table: Dataset, rows: [[String]], csv: [UInt8], _ planIndex: PlanIndex, diagnostics: inout Diagnostics,
        emit: (ExportFile) -> Void
    ) {
        let path = SiteRoutes.dataFile(planIndex.plan.slug, PlanDatasets.workbookFile(table))
        let workbook = table.workbook(rows)
        warnOfOverlongCells(workbook, table, planIndex, diagnostics: &diagnostics)
        do {
            guard let workbooks else {
                emit(ExportFile(path: path, bytes: try workbook.bytes()))
                return
            }
            let key = table.workbookKey(csv: csv)
            if let bytes = workbooks.workbook(at: path, key: key) {
                emit(ExportFile(path: path, bytes: bytes))
                return
            }
            let bytes = try workbook.bytes()
            workbooks.made(bytes, at: path, key: key)
            emit(ExportFile(path: path, bytes: bytes))
        } catch {
            diagnostics.error(at: planIndex.plan.location, "\(path): could not be written: \(error)")
        }
    }

    /// The table's Shift_JIS copy (`data: {shift_jis: true}`), with a warning naming the characters
    /// Shift_JIS has no code for, written as 〓.
    func shiftJISCopy(_ csv: CSVOutput, _ table: Dataset, _ planIndex: PlanIndex, diagnostics: inout Diagnostics) -> [UInt8] {
        let path = SiteRoutes.dataFile(planIndex.plan.slug, PlanDatasets.shiftJISFile(table))
        let (bytes, missing) = ShiftJISEncoder.encode(csv.text)
        if !missing.isEmpty {
            diagnostics.warning(
                at: planIndex.plan.location,
                "\(path): Shift_JIS has no code for " + missing.map { "「\($0)」" }.joined(separator: "")
                    + ", written as 〓 in the Shift_JIS copy",
                hint: "the UTF-8 file \(PlanDatasets.csvFile(table)) holds the text as written; "
                    + "to avoid the 〓, use a character that Shift_JIS has in the content")
        }
        return bytes
    }

    /// The warnings `build` gives as it writes the downloads, found without writing anything (for
    /// `check`), in the order `build` gives them: per table, the characters its Shift_JIS copy
    /// writes as 〓 (when the site asks for the copies), then its workbook's cells longer than Excel
    /// holds. Each plan's tables are made and looked through, in parallel.
    package func downloadWarnings() -> Diagnostics {
        let sink = Lock<[Int: Diagnostics]>([:])
        let shiftJIS = index.config.data.shiftJISCopies
        Parallel.forEach(index.plans.count, jobs: jobs) { plan in
            let planIndex = index.plans[plan]
            var diagnostics = Diagnostics()
            for table in PlanDatasets(planIndex: planIndex, links: links, settings: index.config.data).tables {
                let rows = table.rows
                if shiftJIS { _ = shiftJISCopy(table.csv(rows), table, planIndex, diagnostics: &diagnostics) }
                warnOfOverlongCells(table.workbook(rows), table, planIndex, diagnostics: &diagnostics)
            }
            if !diagnostics.all.isEmpty { sink.withLock { $0[plan] = diagnostics } }
        }
        var diagnostics = Diagnostics()
        for (_, found) in sink.withLock({ $0 }).sorted(by: { $0.key < $1.key }) { diagnostics.append(contentsOf: found) }
        return diagnostics
    }

    /// A warning per cell longer than an Excel cell holds, naming the file, the cell and its column.
    func warnOfOverlongCells(_ workbook: XLSXOutput, _ table: Dataset, _ planIndex: PlanIndex, diagnostics: inout Diagnostics) {
        let path = SiteRoutes.dataFile(planIndex.plan.slug, PlanDatasets.workbookFile(table))
        for (row, column) in workbook.overlongCells {
            let header = column <= table.columns.count ? table.columns[column - 1].header : String(column)
            diagnostics.warning(
                at: planIndex.plan.location,
                "\(path): the cell \(XLSXOutput.columnName(column))\(row) (「\(header)」) holds more than the "
                    + "\(XLSXOutput.cellCharacterLimit) characters a cell of Excel can hold; Excel shortens or refuses it",
                hint: "the CSV file \(PlanDatasets.csvFile(table)) holds the whole text; a shorter text in the content avoids this")
        }
    }
}
