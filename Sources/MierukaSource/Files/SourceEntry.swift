import MierukaDiagnostics

/// A file of the site to be parsed: already in memory, or on disk to be read when its turn comes,
/// so that a large site is never held in memory whole.
package enum SourceEntry: Sendable {
    case inMemory(SourceFile)
    case onDisk(relativePath: String, displayPath: String, absolutePath: String)

    package var relativePath: String {
        switch self {
        case .inMemory(let file): file.relativePath
        case .onDisk(let relativePath, _, _): relativePath
        }
    }

    package var displayPath: String {
        switch self {
        case .inMemory(let file): file.displayPath
        case .onDisk(_, let displayPath, _): displayPath
        }
    }

    /// The file with its bytes, or nil (with an error) when it cannot be read.
    package func read(diagnostics: inout Diagnostics) -> SourceFile? {
        switch self {
        case .inMemory(let file):
            return file
        case .onDisk(let relativePath, let displayPath, let absolutePath):
            switch SourceFolder.read(absolutePath) {
            case .success(let bytes):
                return SourceFile(relativePath: relativePath, displayPath: displayPath, bytes: bytes)
            case .failure(let failure):
                diagnostics.append(SourceFolder.diagnostic(failure, displayPath: displayPath))
                return nil
            }
        }
    }
}
