import MierukaParallel

#if canImport(Glibc)
import Glibc
#endif

/// A folder beside the destination that a build writes into, put into place only when everything
/// is written; until then, and whenever the build fails, the previous output stays exactly as it
/// was.
///
/// Into an empty or new destination (a cold build) every file is written here and the folder is
/// swapped into place in one step. Into a previous output, each file is first compared with the
/// one it would replace: only files whose bytes differ are written here, and `commit` puts them in
/// place and removes what is no longer made (see `OutputUpdate`), so unchanged files and folders
/// keep their modification times and an upload by date sends only what changed.
///
/// The folder is locked (flock) while the build lasts, so that another build can tell it from the
/// leftover of a build that was killed (see `LeftoverStaging`).
package final class StagingArea: Sendable {
    package let path: String
    let destination: String
    /// The previous output, when there is one to update (nil: a cold build).
    let inventory: OutputInventory?
    let faults: WriteFaults?
    private let lock: Int32
    private let state = Lock(State())

    private struct State {
        var createdDirectories: Set<String> = []
        var made: Set<String> = []
        var written: Set<String> = []
        var locked = true
    }

    init(path: String, destination: String, inventory: OutputInventory?, lock: Int32, faults: WriteFaults?) {
        self.path = path
        self.destination = destination
        self.inventory = inventory
        self.lock = lock
        self.faults = faults
    }

    deinit {
        releaseLock()
    }

    /// Where written files go: the staging folder itself for a cold build (it becomes the
    /// output), else a tree inside it.
    var filesRoot: String {
        inventory == nil ? path : path + "/files"
    }

    /// Writes a file at `relativePath` ("kodaira-3/001/index.html"), creating its folders; when
    /// the previous output has the same bytes there, nothing is written.
    package func write(_ relativePath: String, _ bytes: some Collection<UInt8>) throws(OutputError) {
        state.withLock { _ = $0.made.insert(relativePath) }
        if let inventory, inventory.isFile(relativePath),
            POSIXFiles.hasContents(destination + "/" + relativePath, bytes)
        {
            return
        }
        try faults.step("cannot create \(filesRoot)/\(relativePath)")
        try makeParents(of: relativePath)
        try POSIXFiles.write(bytes, to: filesRoot + "/" + relativePath)
        state.withLock { _ = $0.written.insert(relativePath) }
    }

    package func write(_ relativePath: String, text: String) throws(OutputError) {
        try write(relativePath, text.utf8)
    }

    /// Copies a file from the site folder (static files, attachments).
    package func copy(from absolutePath: String, to relativePath: String) throws(OutputError) {
        try write(relativePath, try POSIXFiles.read(absolutePath))
    }

    private func makeParents(of relativePath: String) throws(OutputError) {
        let components = relativePath.split(separator: "/").dropLast()
        var current = ""
        for component in components {
            current += current.isEmpty ? String(component) : "/" + component
            let directory = current
            guard !state.withLock({ $0.createdDirectories.contains(directory) }) else { continue }
            // Several threads may create the same folder at once; mkdir is atomic and an existing
            // folder is fine, so the folder is recorded only once it surely exists.
            try POSIXFiles.makeDirectory(filesRoot + "/" + directory)
            state.withLock { _ = $0.createdDirectories.insert(directory) }
        }
    }

    /// Puts the new output in place and returns what was written, left unchanged and removed.
    ///
    /// Cold: the staging folder and the destination are exchanged atomically (renameat2 with
    /// RENAME_EXCHANGE), so at every moment the destination is either the complete old site or the
    /// complete new one. Where the file system cannot exchange, the old folder is moved aside
    /// first and moved back if the new one cannot take its place.
    /// Update: see `OutputUpdate`.
    @discardableResult
    package func commit() throws(OutputError) -> WriteSummary {
        try write(OutputFolder.markerFile, text: OutputFolder.markerText)
        let (made, written) = state.withLock { ($0.made, $0.written) }
        var summary = WriteSummary(
            written: written.subtracting([OutputFolder.markerFile]).sorted(),
            unchanged: made.subtracting(written).subtracting([OutputFolder.markerFile]).sorted())
        if let inventory {
            let update = OutputUpdate(
                destination: destination, staged: filesRoot, aside: path + "/replaced", inventory: inventory,
                faults: faults)
            summary.removed = try update.apply(made: made, written: written)
            discard()
        } else {
            try swapIntoPlace()
        }
        return summary
    }

    private func swapIntoPlace() throws(OutputError) {
        try faults.step("cannot move \(path) to \(destination)")
        guard POSIXFiles.exists(destination) else {
            try POSIXFiles.rename(path, destination)
            releaseLock()
            return
        }
        if try POSIXFiles.exchange(path, destination) {
            // `path` now holds the previous output (an empty folder).
            discard()
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
        releaseLock()
    }

    /// Removes the staging folder (after a failed build, or what is left of it after a commit).
    package func discard() {
        POSIXFiles.removeTree(path)
        releaseLock()
    }

    private func releaseLock() {
        let wasLocked = state.withLock { state in
            defer { state.locked = false }
            return state.locked
        }
        if wasLocked, lock >= 0 { close(lock) }
    }
}
