import Dispatch
import Foundation
import MierukaDiagnostics
import MierukaParallel

/// The load stage: finds the site's files and reads the ones that are parsed.
package struct SiteLoader: Sendable {
    /// Why a folder cannot be built at all (a usage error, not a content error).
    package struct NotASite: Error, Sendable, CustomStringConvertible {
        package let description: String
        /// True when the reason is already among the diagnostics, located (mieruka.yml is there
        /// but cannot be read): a problem in the site's files (exit code 1), not a misuse.
        package var isReported = false
    }

    /// Threads to read files with (all processors when nil).
    let jobs: Int?

    package init(jobs: Int? = nil) {
        self.jobs = jobs
    }

    /// - Parameters:
    ///   - root: the site folder.
    ///   - displayRoot: how the folder is shown in messages ("" for the current folder).
    package func load(root: String, displayRoot: String, diagnostics: inout Diagnostics) throws(NotASite) -> LoadedSite {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotASite(description: "no such folder: \(displayRoot.isEmpty ? root : displayRoot)")
        }
        let configPath = root + "/" + SiteLayout.configFile
        guard fileManager.fileExists(atPath: configPath) else {
            let shown = displayRoot.isEmpty ? "the current folder" : displayRoot
            throw NotASite(
                description: "\(shown) is not a Mieruka site: it has no \(SiteLayout.configFile) "
                    + "(a site folder holds mieruka.yml, content/, seeds/ and optionally templates/)")
        }
        let prefix = displayRoot.isEmpty || displayRoot == "." ? "" : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/")

        let content = walk(root, SiteLayout.contentFolder, prefix: prefix, diagnostics: &diagnostics)
        let seeds = walk(root, SiteLayout.seedsFolder, prefix: prefix, diagnostics: &diagnostics)
        let templates = walk(root, SiteLayout.templatesFolder, prefix: prefix, diagnostics: &diagnostics)
        let statics = walk(root, SiteLayout.staticFolder, prefix: prefix, diagnostics: &diagnostics)

        // The config and templates are read now; documents and results when they are parsed.
        var toRead = [SiteLayout.configFile]
        toRead += templates.filter { $0.hasSuffix(".mustache") }

        let files = readAll(toRead, root: root, prefix: prefix, diagnostics: &diagnostics)
        var assets = statics.map { path in
            AssetFile(
                absolutePath: root + "/" + path,
                outputPath: String(path.dropFirst(SiteLayout.staticFolder.count + 1)),
                displayPath: prefix + path)
        }
        assets += content.filter { !$0.hasSuffix(".md") }.map { path in
            AssetFile(
                absolutePath: root + "/" + path,
                outputPath: String(path.dropFirst(SiteLayout.contentFolder.count + 1)),
                displayPath: prefix + path)
        }
        guard let config = files.first(where: { $0.relativePath == SiteLayout.configFile }) else {
            // Its located error (a folder, too large, not readable) is in the diagnostics.
            throw NotASite(description: "\(prefix)\(SiteLayout.configFile) could not be read", isReported: true)
        }
        func under(_ folder: String) -> [SourceFile] {
            files.filter { $0.relativePath.hasPrefix(folder + "/") }
        }
        func entries(_ paths: [String]) -> [SourceEntry] {
            paths.map { .onDisk(relativePath: $0, displayPath: prefix + $0, absolutePath: root + "/" + $0) }
        }
        return LoadedSite(
            root: root, config: config, content: entries(content.filter { $0.hasSuffix(".md") }),
            seeds: entries(seeds.filter(Self.isSeedFile)), templates: under(SiteLayout.templatesFolder),
            assets: assets.sorted { $0.outputPath < $1.outputPath })
    }

    static func isSeedFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        // .xls too: an old workbook gets an error saying to save it as .xlsx, rather than nothing.
        return lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")
            || lower.hasSuffix(".xls")
    }

    /// Regular files below `root/folder`, as sorted paths relative to root. Hidden files and editor
    /// leftovers (backup~, .swp, #autosave#, and ~$R6.csv, the lock file Excel and Word keep beside
    /// a file they have open) are skipped. A name that is not UTF-8 is an error naming its folder:
    /// skipping it would drop a page without a word.
    func walk(_ root: String, _ folder: String, prefix: String, diagnostics: inout Diagnostics) -> [String] {
        var paths: [String] = []
        var undecodable: [(folder: String, name: SourceFolder.UndecodableName)] = []
        func visit(_ relative: String) {
            var unreadable: [SourceFolder.UndecodableName] = []
            let entries = SourceFolder.entries(root + "/" + relative, undecodable: &unreadable)
            undecodable += unreadable.map { (relative, $0) }
            for (name, kind) in entries {
                if Self.isSkipped(name) { continue }
                switch kind {
                case .file: paths.append(relative + "/" + name)
                case .folder: visit(relative + "/" + name)
                case .other: continue
                }
            }
        }
        if SourceFolder.kind(root + "/" + folder) == .folder { visit(folder) }
        for (folder, name) in undecodable where !Self.isSkipped(name.escaped) {
            let suggestion = name.asShiftJIS.map { " (it looks like Shift_JIS for 「\($0)」)" } ?? ""
            diagnostics.error(
                at: SourceLocation(file: prefix + folder + "/" + name.escaped),
                "the name of this file or folder in \(prefix + folder)/ is not UTF-8, so it cannot be read\(suggestion); "
                    + "the bytes that are not UTF-8 are shown as %XX",
                hint: "rename it (in Explorer or with `convmv -f cp932 -t utf8 --notest`); files unpacked from a ZIP "
                    + "made on Windows often have such names")
        }
        return paths.sorted()
    }

    static func isSkipped(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasPrefix("~$")
    }

    /// Reads files in parallel; results come back in the order of `paths`.
    func readAll(_ paths: [String], root: String, prefix: String, diagnostics: inout Diagnostics) -> [SourceFile] {
        let slots = Lock<[SourceFile?]>([SourceFile?](repeating: nil, count: paths.count))
        let failures = DiagnosticSink()
        Parallel.forEach(paths.count, jobs: jobs) { index in
            let path = paths[index]
            let bytes: [UInt8]
            switch SourceFolder.read(root + "/" + path) {
            case .success(let read): bytes = read
            case .failure(let failure):
                failures.report(
                    SourceFolder.diagnostic(failure, displayPath: prefix + path, isConfig: path == SiteLayout.configFile))
                return
            }
            let file = SourceFile(relativePath: path, displayPath: prefix + path, bytes: bytes)
            slots.withLock { $0[index] = file }
        }
        diagnostics.append(contentsOf: failures.collected)
        return slots.withLock { $0.compactMap { $0 } }
    }
}
