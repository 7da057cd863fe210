import Dispatch
import Synchronization
import MierukaDiagnostics
import MierukaModel
import MierukaSite

/// A file of the open data: a download, a feed or the sitemap.
public struct ExportFile: Sendable {
    /// Relative to the output folder.
    public let path: String
    public let bytes: [UInt8]
}

/// Writes the site's machine-readable files: per plan its CSV and JSON downloads and Atom feed,
/// and the sitemap. Plans are exported in parallel; the files come back in a fixed order.
public struct SiteExporter: Sendable {
    public let index: SiteIndex
    let links: ExportLinks

    public init(index: SiteIndex) {
        self.index = index
        self.links = ExportLinks(baseURL: index.config.baseURL)
    }

    /// The paths `files` writes, known without building them (for the link check).
    public func paths() -> [String] {
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
    public var hasFeeds: Bool { index.config.baseURL.absolute("") != nil }

    func fileNames(_ planIndex: PlanIndex) -> [String] {
        var names: [String] = []
        for name in PlanDatasets.tableNames {
            names.append(name + ".csv")
            if index.config.data.shiftJISCopies { names.append(name + "-sjis.csv") }
        }
        return names + [PlanDatasets.jsonFile]
    }

    public func files(pages: [PlannedPage], diagnostics: inout Diagnostics) -> [ExportFile] {
        let plans = index.plans
        let perPlan = Mutex<[[ExportFile]]>(Array(repeating: [], count: plans.count))
        let sink = Mutex<[(Int, Diagnostics)]>([])
        DispatchQueue.concurrentPerform(iterations: plans.count) { offset in
            var planDiagnostics = Diagnostics()
            let files = planFiles(plans[offset], diagnostics: &planDiagnostics)
            perPlan.withLock { $0[offset] = files }
            if !planDiagnostics.all.isEmpty { sink.withLock { $0.append((offset, planDiagnostics)) } }
        }
        for (_, planDiagnostics) in sink.withLock({ $0 }).sorted(by: { $0.0 < $1.0 }) {
            diagnostics.append(contentsOf: planDiagnostics)
        }
        var files = perPlan.withLock { $0 }.flatMap { $0 }
        if let sitemap = Sitemap(pages: pages, baseURL: index.config.baseURL).xml {
            files.append(ExportFile(path: SiteRoutes.sitemap, bytes: Array(sitemap.utf8)))
        }
        return files
    }

    func planFiles(_ planIndex: PlanIndex, diagnostics: inout Diagnostics) -> [ExportFile] {
        let config = index.config
        let slug = planIndex.plan.slug
        let datasets = PlanDatasets(planIndex: planIndex, links: links, settings: config.data)
        var files: [ExportFile] = []
        for table in datasets.tables {
            let csv = table.csv
            files.append(ExportFile(path: SiteRoutes.dataFile(slug, PlanDatasets.csvFile(table)), bytes: csv.utf8WithBOM))
            guard config.data.shiftJISCopies else { continue }
            let path = SiteRoutes.dataFile(slug, PlanDatasets.shiftJISFile(table))
            let (bytes, missing) = ShiftJISEncoder.encode(csv.text)
            if !missing.isEmpty {
                diagnostics.warning(
                    at: planIndex.plan.location,
                    "\(path): Shift_JIS has no code for " + missing.map { "「\($0)」" }.joined(separator: "")
                        + ", written as 〓 in the Shift_JIS copy",
                    hint: "the UTF-8 file \(PlanDatasets.csvFile(table)) holds the text as written; "
                        + "to avoid the 〓, use a character that Shift_JIS has in the content")
            }
            files.append(ExportFile(path: path, bytes: bytes))
        }
        let json = PlanJSON(planIndex: planIndex, links: links, settings: config.data, publisher: config.publisher)
        files.append(ExportFile(path: SiteRoutes.dataFile(slug, PlanDatasets.jsonFile), bytes: Array(json.value.serialized().utf8)))
        let feed = AtomFeed(
            planIndex: planIndex, baseURL: config.baseURL, siteTitle: config.title, publisher: config.publisher,
            language: config.language)
        if let xml = feed.xml {
            files.append(ExportFile(path: SiteRoutes.feed(slug), bytes: Array(xml.utf8)))
        }
        return files
    }
}
