import CMierukaSystem
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A folder beside the destination that a build writes into. Only when everything is written is
/// it swapped into place, in one step; until then, and whenever the build fails, the previous
/// output stays exactly as it was.
public final class StagingArea: Sendable {
    public let path: String
    let destination: String
    private let createdDirectories = Mutex<Set<String>>([])

    init(path: String, destination: String) {
        self.path = path
        self.destination = destination
    }

    /// Writes a file at `relativePath` ("kodaira-3/001/index.html"), creating its folders.
    public func write(_ relativePath: String, _ bytes: some Collection<UInt8>) throws(OutputError) {
        try makeParents(of: relativePath)
        try POSIXFiles.write(bytes, to: path + "/" + relativePath)
    }

    public func write(_ relativePath: String, text: String) throws(OutputError) {
        try write(relativePath, text.utf8)
    }

    /// Copies a file from the site folder (static files, attachments).
    public func copy(from absolutePath: String, to relativePath: String) throws(OutputError) {
        try makeParents(of: relativePath)
        try POSIXFiles.copyFile(from: absolutePath, to: path + "/" + relativePath)
    }

    private func makeParents(of relativePath: String) throws(OutputError) {
        let components = relativePath.split(separator: "/").dropLast()
        var current = ""
        for component in components {
            current += current.isEmpty ? String(component) : "/" + component
            let directory = current
            guard !createdDirectories.withLock({ $0.contains(directory) }) else { continue }
            // Several threads may create the same folder at once; mkdir is atomic and an existing
            // folder is fine, so the folder is recorded only once it surely exists.
            try POSIXFiles.makeDirectory(path + "/" + directory)
            createdDirectories.withLock { _ = $0.insert(directory) }
        }
    }

    /// Puts the staged output in the destination's place and removes the previous output.
    ///
    /// On Linux the two folders are exchanged atomically (renameat2 with RENAME_EXCHANGE), so at
    /// every moment the destination is either the complete old site or the complete new one.
    /// Where the file system cannot exchange, the old folder is moved aside first and moved back
    /// if the new one cannot take its place.
    public func commit() throws(OutputError) {
        try POSIXFiles.write(Array(OutputFolder.markerText.utf8), to: path + "/" + OutputFolder.markerFile)
        guard POSIXFiles.exists(destination) else {
            try POSIXFiles.rename(path, destination)
            return
        }
        if mieruka_exchange_paths(path, destination) == 0 {
            // `path` now holds the previous output.
            POSIXFiles.removeTree(path)
            return
        }
        let aside = path + "-previous"
        POSIXFiles.removeTree(aside)
        try POSIXFiles.rename(destination, aside)
        do {
            try POSIXFiles.rename(path, destination)
        } catch {
            try? POSIXFiles.rename(aside, destination)
            throw error
        }
        POSIXFiles.removeTree(aside)
    }

    /// Removes the staged files after a failed build.
    public func discard() {
        POSIXFiles.removeTree(path)
    }
}
