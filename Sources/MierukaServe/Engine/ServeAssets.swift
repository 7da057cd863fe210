import MierukaDiagnostics
import MierukaOutput
import MierukaRender
import MierukaSource

/// A file of the output that is not a rendered page or a data export: the theme's stylesheet,
/// static/ files and attachments.
struct ServeAsset: Sendable, Equatable {
    enum Origin: Sendable, Equatable {
        /// Text of the theme (the stylesheet), compiled into Mieruka.
        case text(String)
        /// A file of the site folder, copied as it is.
        case file(absolutePath: String, sourcePath: String)
    }

    let outputPath: String
    let origin: Origin

    /// The site-relative path of the file it is copied from ("static/files/a.pdf"), if any.
    var sourcePath: String? {
        if case .file(_, let source) = origin { return source }
        return nil
    }

    /// The files of the output that are not pages nor exports, exactly as `mieruka build` chooses
    /// them (SitePipeline.outputAssets): the theme's assets, then static/ files and attachments,
    /// which may replace a theme asset but never a generated file.
    static func list(
        theme: Theme, loaded: LoadedSite, generated: Set<String>, diagnostics: inout Diagnostics
    ) -> [ServeAsset] {
        var byPath: [String: ServeAsset] = [:]
        for (path, text) in theme.assets where path.hasPrefix("assets/") {
            byPath[path] = ServeAsset(outputPath: path, origin: .text(text))
        }
        let prefix = loaded.root.hasSuffix("/") ? loaded.root : loaded.root + "/"
        for file in loaded.assets {
            if generated.contains(file.outputPath) || file.outputPath == OutputFolder.markerFile {
                diagnostics.error(
                    at: SourceLocation(file: file.displayPath),
                    "this file would replace the generated file \(file.outputPath)", hint: "rename or move it")
                continue
            }
            let source = file.absolutePath.hasPrefix(prefix) ? String(file.absolutePath.dropFirst(prefix.count)) : file.absolutePath
            byPath[file.outputPath] = ServeAsset(
                outputPath: file.outputPath, origin: .file(absolutePath: file.absolutePath, sourcePath: source))
        }
        return byPath.keys.sorted().compactMap { byPath[$0] }
    }
}
