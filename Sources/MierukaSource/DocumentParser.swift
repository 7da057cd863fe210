import Dispatch
import MierukaParallel
import MierukaDiagnostics
import MierukaModel

/// The parse stage: front matter and YAML of every file into located documents, in parallel.
///
/// Where a document lives decides what it is:
/// - `content/_index.md`: the home page's text;
/// - `content/<name>.md`: a standalone page at `/<name>/`;
/// - `content/<plan>/_index.md`: a plan;
/// - any other `content/<plan>/…/<name>.md`: an item of that plan at `/<plan>/<name>/`;
/// - `seeds/…/*.yml`: a year's results;
/// - `seeds/…/*.csv`: results saved from Excel, one document per plan and year the rows give.
/// - `seeds/…/*.xlsx`: Excel workbooks as saved, their sheets read as their CSV would be.
///
/// Seeds are parsed after the content, so that the cells a CSV repeats from the item documents
/// (title, targets, KPI units) can be read against them.
package struct DocumentParser: Sendable {
    let yaml = YAMLReader()
    /// Threads to read and parse with (all processors when nil).
    let jobs: Int?

    package init(jobs: Int? = nil) {
        self.jobs = jobs
    }

    /// Seconds spent reading files and parsing them, summed over threads (for `--timings`).
    package struct Timing: Sendable {
        package var reading = 0.0
        package var parsing = 0.0

        package init() {}
    }

    package func parse(_ site: LoadedSite, diagnostics: inout Diagnostics) -> SiteDocuments? {
        var timing = Timing()
        return parse(site, diagnostics: &diagnostics, timing: &timing)
    }

    package func parse(_ site: LoadedSite, diagnostics: inout Diagnostics, timing: inout Timing) -> SiteDocuments? {
        var configDiagnostics = Diagnostics()
        var config = parseConfig(site.config, diagnostics: &configDiagnostics)
        if let settings = config?.accessibility, settings.resultsFile != nil {
            let results = AccessibilityResultsDecoder.read(settings, root: site.root, diagnostics: &configDiagnostics)
            config = config?.with(accessibilityResults: results)
        }
        diagnostics.append(contentsOf: configDiagnostics)

        let parsedContent = parallelMap(site.content, timing: &timing) { file, diagnostics in
            parseContent(file, diagnostics: &diagnostics)
        }

        for (_, fileDiagnostics) in parsedContent { diagnostics.append(contentsOf: fileDiagnostics) }
        let content = ContentDocuments(parsedContent.map { $0.0 })
        let csv = config?.csv ?? CSVSettings()
        let xlsx = config?.xlsx ?? XLSXSettings()
        let lookup = CSVItemLookup(content.items, plans: content.plans)
        let parsedSeeds = parallelMap(site.seeds, timing: &timing) { file, diagnostics in
            parseSeeds(file, csv: csv, xlsx: xlsx, lookup: lookup, diagnostics: &diagnostics)
        }
        var results: [ResultsDocument] = []
        for (parsed, fileDiagnostics) in parsedSeeds {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let parsed { results.append(contentsOf: parsed) }
        }
        guard let config else { return nil }
        return content.site(config: config, results: results)
    }

    package func parseConfig(_ file: SourceFile, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let text = TextDecoding.utf8Text(file, diagnostics: &diagnostics) else { return nil }
        var yamlDiagnostics = Diagnostics()
        let node = yaml.read(text, file: file.displayPath, diagnostics: &yamlDiagnostics)
        diagnostics.append(contentsOf: yamlDiagnostics)
        guard !yamlDiagnostics.hasErrors else { return nil }
        return ConfigDecoder.decode(node, file: file.displayPath, diagnostics: &diagnostics)
    }

    package enum ParsedContent: Sendable {
        case home(PageDocument)
        case page(PageDocument)
        case plan(PlanDocument)
        case item(ItemDocument)
        /// An item document with errors, and the number it gives (so that its results are not
        /// reported again as results for a missing item).
        case unreadableItem(planSlug: String, number: String)
    }

    package func parseContent(_ file: SourceFile, diagnostics: inout Diagnostics) -> ParsedContent? {
        // "content/a/b.md" → ["a", "b.md"]
        let components = file.pathComponents.dropFirst().map(String.init)
        guard let text = TextDecoding.utf8Text(file, diagnostics: &diagnostics),
            let split = FrontMatter.split(text, file: file.displayPath, diagnostics: &diagnostics)
        else { return nil }
        // The file is named once (a lookup under a lock shared by the parsing threads); every
        // location in its document is made from this one.
        let start = SourceLocation(file: file.displayPath, line: 1, column: 1)
        var yamlDiagnostics = Diagnostics()
        let node = yaml.read(split.yaml, in: start, lineOffset: split.yamlLineOffset, diagnostics: &yamlDiagnostics)
        diagnostics.append(contentsOf: yamlDiagnostics)
        guard !yamlDiagnostics.hasErrors else {
            // An item document (content/<plan>/<item>.md) keeps its number, when a line gives it.
            guard components.count >= 2, file.fileName != Substring(SiteLayout.planIndexFile),
                let number = ItemDecoder.number(inUnreadable: split.yaml)
            else { return nil }
            return .unreadableItem(planSlug: components[0], number: number)
        }
        guard let node else {
            diagnostics.error(at: start, "the front matter is empty", hint: "give at least a title: between the --- lines")
            return nil
        }
        let isIndex = file.fileName == Substring(SiteLayout.planIndexFile)

        if components.count == 1 {
            return PageDecoder.decode(
                node, slug: isIndex ? "" : file.baseName, body: split.body, bodyLine: split.bodyLineOffset + 1,
                start: start, diagnostics: &diagnostics
            ).map { isIndex ? .home($0) : .page($0) }
        }
        let planSlug = components[0]
        guard URLSlug.isValid(planSlug) else {
            diagnostics.error(
                at: start, "the folder name \"\(planSlug)\" cannot be used in a URL",
                hint: "name plan folders with letters, digits and hyphens, e.g. kodaira-3")
            return nil
        }
        if isIndex {
            guard components.count == 2 else {
                diagnostics.error(
                    at: start, "only a plan's own folder may hold \(SiteLayout.planIndexFile)",
                    hint: "sub-folders of a plan hold item documents; describe policies under policies: in content/\(planSlug)/\(SiteLayout.planIndexFile)")
                return nil
            }
            return PlanDecoder.decode(
                node, slug: planSlug, body: split.body, bodyLine: split.bodyLineOffset + 1, start: start,
                diagnostics: &diagnostics
            )
                .map { .plan($0) }
        }
        let fileSlug = file.baseName
        if let item = ItemDecoder.decode(
            node, planSlug: planSlug, fileSlug: Located(fileSlug, at: start), body: split.body,
            bodyLine: split.bodyLineOffset + 1, start: start, diagnostics: &diagnostics)
        {
            return .item(item)
        }
        return ItemDecoder.number(in: node).map { .unreadableItem(planSlug: planSlug, number: $0) }
    }

    /// The results of one seeds/ file: a YAML file gives one document, a CSV file one per plan and
    /// fiscal year its rows give. `lookup` holds the parsed items, for the cells a CSV repeats from them.
    package func parseSeeds(
        _ file: SourceFile, csv: CSVSettings, xlsx: XLSXSettings = XLSXSettings(), lookup: CSVItemLookup,
        diagnostics: inout Diagnostics
    ) -> [ResultsDocument] {
        switch file.fileExtension {
        case "yml", "yaml":
            guard let text = TextDecoding.utf8Text(file, diagnostics: &diagnostics) else { return [] }
            var yamlDiagnostics = Diagnostics()
            let node = yaml.read(text, file: file.displayPath, diagnostics: &yamlDiagnostics)
            diagnostics.append(contentsOf: yamlDiagnostics)
            guard !yamlDiagnostics.hasErrors else { return [] }
            guard let node else {
                diagnostics.error(
                    at: SourceLocation(file: file.displayPath, line: 1, column: 1), "the results file is empty",
                    hint: "give plan:, year: and results:")
                return []
            }
            return ResultDecoder.decodeFile(node, file: file.displayPath, diagnostics: &diagnostics).map { [$0] } ?? []
        case "csv":
            return CSVResultsReader.read(file, settings: csv, lookup: lookup, diagnostics: &diagnostics)
        case "xlsx", "xls":
            return XLSXResultsReader.read(file, csv: csv, xlsx: xlsx, lookup: lookup, diagnostics: &diagnostics)
        default:
            diagnostics.error(
                at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                "results in .\(file.fileExtension) files are not read",
                hint: "write the results as YAML (.yml), or save the sheet from Excel as CSV (.csv)")
            return []
        }
    }

    /// Reads and parses files in parallel, keeping their order, each with its own diagnostics. A
    /// file's bytes are dropped as soon as it is parsed.
    func parallelMap<Output: Sendable>(
        _ entries: [SourceEntry], timing: inout Timing, _ transform: @Sendable (SourceFile, inout Diagnostics) -> Output?
    ) -> [(Output?, Diagnostics)] {
        let slots = Lock<[(Output?, Diagnostics)]>(Array(repeating: (nil, Diagnostics()), count: entries.count))
        let clock = Lock<(reading: UInt64, parsing: UInt64)>((0, 0))
        Parallel.forEach(entries.count, jobs: jobs) { index in
            var diagnostics = Diagnostics()
            let start = DispatchTime.now().uptimeNanoseconds
            let file = entries[index].read(diagnostics: &diagnostics)
            let read = DispatchTime.now().uptimeNanoseconds
            let output = file.flatMap { transform($0, &diagnostics) }
            let parsed = DispatchTime.now().uptimeNanoseconds
            slots.withLock { $0[index] = (output, diagnostics) }
            clock.withLock {
                $0.reading += read - start
                $0.parsing += parsed - read
            }
        }
        let totals = clock.withLock { $0 }
        timing.reading += Double(totals.reading) / 1e9
        timing.parsing += Double(totals.parsing) / 1e9
        return slots.withLock { $0 }
    }
}
