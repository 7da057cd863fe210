import MierukaDiagnostics
import MierukaOutput
import MierukaRender
import MierukaSource

/// A file of the output that is not a rendered page nor generated data: the theme's stylesheet,
/// the site's static/ files and attachments.
package struct OutputAsset: Sendable, Equatable {
    package enum Origin: Sendable, Equatable {
        /// Text of the theme (the stylesheet), compiled into Mieruka.
        case text(String)
        /// A file of the site folder, copied as it is; `sourcePath` is site-relative ("static/a.pdf").
        case file(absolutePath: String, sourcePath: String)
    }

    package let path: String
    package let origin: Origin

    /// The site-relative path of the file it is copied from, if any.
    package var sourcePath: String? {
        if case .file(_, let source) = origin { return source }
        return nil
    }

    /// The theme's assets, then the site's static files and attachments (which may replace a
    /// theme asset of the same name, but never a generated file), sorted by output path.
    package static func choose(
        theme: Theme, loaded: LoadedSite, generated: Set<String>, diagnostics: inout Diagnostics
    ) -> [OutputAsset] {
        var byPath: [String: OutputAsset] = [:]
        for (path, text) in theme.assets where path.hasPrefix("assets/") {
            byPath[path] = OutputAsset(path: path, origin: .text(text))
        }
        let root = loaded.root.hasSuffix("/") ? loaded.root : loaded.root + "/"
        for file in loaded.assets {
            if generated.contains(file.outputPath) || file.outputPath == OutputFolder.markerFile {
                diagnostics.error(
                    at: SourceLocation(file: file.displayPath), "this file would replace the generated file \(file.outputPath)",
                    hint: "rename or move it")
                continue
            }
            let source = file.absolutePath.hasPrefix(root) ? String(file.absolutePath.dropFirst(root.count)) : file.absolutePath
            byPath[file.outputPath] = OutputAsset(path: file.outputPath, origin: .file(absolutePath: file.absolutePath, sourcePath: source))
        }
        return byPath.keys.sorted().compactMap { byPath[$0] }
    }
}

/// Where the write stage puts files: `build`'s staging folder, `serve`'s served folder.
package protocol OutputTarget: Sendable {
    func writeFile(_ relativePath: String, _ bytes: [UInt8]) throws
    func copyFile(from absolutePath: String, to relativePath: String) throws
}

extension StagingArea: OutputTarget {
    package func writeFile(_ relativePath: String, _ bytes: [UInt8]) throws { try write(relativePath, bytes) }
    package func copyFile(from absolutePath: String, to relativePath: String) throws {
        try copy(from: absolutePath, to: relativePath)
    }
}

extension OutputTarget {
    /// Writes each asset; returns the paths written and the files that could not be.
    package func write(_ assets: [OutputAsset]) -> (written: [String], diagnostics: Diagnostics) {
        var written: [String] = []
        var diagnostics = Diagnostics()
        for asset in assets {
            do {
                switch asset.origin {
                case .text(let text): try writeFile(asset.path, Array(text.utf8))
                case .file(let absolutePath, _): try copyFile(from: absolutePath, to: asset.path)
                }
                written.append(asset.path)
            } catch {
                diagnostics.error(at: SourceLocation(file: asset.path), "\(error)")
            }
        }
        return (written, diagnostics)
    }
}
