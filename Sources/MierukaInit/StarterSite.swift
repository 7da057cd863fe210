import MierukaExport

/// The site `mieruka init` writes: a plan with its own scale, three items, a year of results in
/// YAML and one as an Excel workbook, a note on templates, a 「はじめに」 for staff and CI files.
/// Every number in it is sample data, and its pages say so.
///
/// The text files live in `Starter/` beside this file and are compiled into the binary (see
/// Plugins/EmbedThemePlugin). A path part starting with `dot.` is written with a leading dot
/// (`dot.github/…` → `.github/…`): the embedding leaves hidden files out, as it does for the theme.
/// The workbook is written by `StarterWorkbook`.
enum StarterSite {
    struct File: Sendable, Equatable {
        /// Where the file goes, relative to the new site's folder.
        var path: String
        var bytes: [UInt8]
        var isExecutable: Bool
    }

    static func files() throws(XLSXOutput.Failure) -> [File] {
        let workbook = File(path: StarterWorkbook.path, bytes: try StarterWorkbook.bytes(), isExecutable: false)
        return (EmbeddedStarter.files.map { file($0.path, $0.text) } + [workbook]).sorted { $0.path < $1.path }
    }

    static func file(_ embeddedPath: String, _ text: String) -> File {
        let path = embeddedPath.split(separator: "/").map { part in
            part.hasPrefix("dot.") ? "." + part.dropFirst("dot.".count) : String(part)
        }.joined(separator: "/")
        return File(path: path, bytes: Array(text.utf8), isExecutable: path.hasSuffix(".sh"))
    }
}
