/// Brings an existing output up to date from a staging folder that holds only the files whose
/// bytes changed, leaving every other file and folder of the output as it was.
///
/// Nothing in the output changes until every file is written. Then, in this order: what is in the
/// way of a new path is moved aside (into the staging folder), the written files are put in place
/// (each by one rename, or an exchange with the file it replaces), and what is no longer made is
/// moved aside. Each step is journaled; if one fails, the steps already taken are undone, last
/// first, and the output is again the previous one byte for byte, its files the very same inodes
/// (so their modification times too) and its folders' modification times set back.
///
/// What cannot be promised: if undoing itself fails (the file system refuses a rename it
/// accepted a moment before: a disk that went read-only, a folder whose permissions another
/// process changed), or the process is killed in the middle, the output is a mix of old and new
/// files. Every file in it is then complete (never half-written: each is written whole in the
/// staging folder before it is renamed into place) and either the old or the new version; the
/// files moved aside wait in the staging folder. The error says so, and the next build compares
/// every file again, so it puts the output right and removes the staging folder.
struct OutputUpdate {
    let destination: String
    /// The staging folder's tree of written files.
    let staged: String
    /// Where replaced and removed entries are moved, under numbered names.
    let aside: String
    let inventory: OutputInventory
    let faults: WriteFaults?

    /// Applies the update; returns the files removed.
    func apply(made: Set<String>, written: Set<String>) throws(OutputError) -> [String] {
        let stale = inventory.stale(made: made)
        let neededFolders = OutputInventory.folders(holding: made)
        let blocking = Set(stale.entries.filter { made.contains($0) || neededFolders.contains($0) })
        var journal = OutputJournal(faults: faults)
        var spares = 0
        func spare() -> String {
            spares += 1
            return aside + "/\(spares)"
        }
        do {
            try POSIXFiles.makeDirectory(aside)
            for path in stale.entries where blocking.contains(path) {
                try journal.rename(destination + "/" + path, spare(), outputPaths: [destination + "/" + path])
            }
            var madeFolders: Set<String> = []
            for path in written.sorted() {
                try makeFolders(for: path, made: &madeFolders, journal: &journal)
                let target = destination + "/" + path
                if inventory.isFile(path) {
                    try journal.exchange(staged + "/" + path, target, spare: spare())
                } else {
                    try journal.rename(staged + "/" + path, target, outputPaths: [target])
                }
            }
            for path in stale.entries where !blocking.contains(path) {
                try journal.rename(destination + "/" + path, spare(), outputPaths: [destination + "/" + path])
            }
        } catch {
            throw Self.failure(error, undoing: journal)
        }
        return stale.files
    }

    /// Makes the folders of `path` that the output does not have yet, the outermost first.
    private func makeFolders(for path: String, made: inout Set<String>, journal: inout OutputJournal) throws(OutputError) {
        for folder in OutputInventory.ancestors(of: path).reversed() {
            guard !inventory.isDirectory(folder), !made.contains(folder) else { continue }
            try journal.makeDirectory(destination + "/" + folder)
            made.insert(folder)
        }
    }

    /// The error of a failed update, after undoing it, saying whether the output is as it was.
    private static func failure(_ error: OutputError, undoing journal: OutputJournal) -> OutputError {
        let failures = journal.undo()
        if failures.isEmpty { return error }
        return OutputError(
            .io,
            "\(error.description); then \(failures.count) of the changes already made could not be undone (\(failures.joined(separator: "; "))): the output mixes files of the previous build and of this one, each file complete; the next build puts it right")
    }
}
