/// A file of the site folder, read into memory.
package struct SourceFile: Sendable {
    /// Path inside the site folder, with "/" separators ("content/kodaira-3/_index.md").
    package let relativePath: String
    /// Path shown in diagnostics (the site folder as given on the command line, then `relativePath`).
    package let displayPath: String
    package let bytes: [UInt8]

    package init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// The parts of `relativePath` between its "/" ("content/a/b.md" → content, a, b.md), as
    /// `relativePath.split(separator: "/")` gives them.
    package var pathComponents: [Substring] {
        // An ASCII path (nearly every one) is cut at its "/" bytes rather than by walking its
        // characters: in ASCII each character is one byte (but CR LF, which holds no "/").
        guard relativePath.utf8.allSatisfy({ $0 < 0x80 }) else { return relativePath.split(separator: "/") }
        return relativePath.utf8.split(separator: UInt8(ascii: "/")).map { relativePath[$0.startIndex..<$0.endIndex] }
    }

    /// The file name without its folder.
    package var fileName: Substring {
        pathComponents.last ?? Substring(relativePath)
    }

    /// The file name without its extension.
    package var baseName: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// The lowercased extension without the dot ("md", "yml").
    package var fileExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
