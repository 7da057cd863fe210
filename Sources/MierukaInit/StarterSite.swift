/// The site `mieruka init` writes: a plan with its own scale, three items, a year of results in
/// YAML and one as a CSV saved from Excel, a note on templates, a 「はじめに」 for staff and CI files.
/// Every number in it is sample data, and its pages say so.
///
/// The files live in `Starter/` beside this file and are compiled into the binary (see
/// Plugins/EmbedThemePlugin). A path part starting with `dot.` is written with a leading dot
/// (`dot.github/…` → `.github/…`): the embedding leaves hidden files out, as it does for the theme.
enum StarterSite {
    struct File: Sendable, Equatable {
        /// Where the file goes, relative to the new site's folder.
        var path: String
        var bytes: [UInt8]
        var isExecutable: Bool
    }

    static var files: [File] {
        EmbeddedStarter.files.map { file($0.path, $0.text) }.sorted { $0.path < $1.path }
    }

    static func file(_ embeddedPath: String, _ text: String) -> File {
        let path = embeddedPath.split(separator: "/").map { part in
            part.hasPrefix("dot.") ? "." + part.dropFirst("dot.".count) : String(part)
        }.joined(separator: "/")
        var bytes = Array(text.utf8)
        if path.hasSuffix(".csv") {
            // As Excel saves 「CSV UTF-8（コンマ区切り）」: a byte-order mark (so that Excel opens it
            // without garbling the Japanese) and CRLF line ends.
            bytes = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        return File(path: path, bytes: bytes, isExecutable: path.hasSuffix(".sh"))
    }
}
