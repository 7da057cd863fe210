#if canImport(Glibc)
import Glibc
#endif

/// The changes an update makes to an existing output, in order, each of which can be undone: a
/// file renamed (from the staging folder into the output, or from the output aside into the
/// staging folder), two paths exchanged, a folder made. The output's folders are remembered with
/// their modification times before the first change inside them, so that undoing restores those
/// too.
struct OutputJournal {
    enum Step {
        case renamed(from: String, to: String)
        case exchanged(String, String)
        case madeDirectory(String)
    }

    private(set) var steps: [Step] = []
    private var folderTimes: [(path: String, time: timespec)] = []
    private var seenFolders: Set<String> = []
    let faults: WriteFaults?

    init(faults: WriteFaults?) {
        self.faults = faults
    }

    /// Renames `from` to `to`; `outputPaths` are the paths on the output's side, whose folders change.
    mutating func rename(_ from: String, _ to: String, outputPaths: [String]) throws(OutputError) {
        try faults.step("cannot move \(from) to \(to)")
        remember(outputPaths)
        try POSIXFiles.rename(from, to)
        steps.append(.renamed(from: from, to: to))
    }

    /// Puts `staged` at `target` and the file that was there at `staged`, in one step where the
    /// file system can (else by two renames through `spare`, a free path in the staging folder).
    mutating func exchange(_ staged: String, _ target: String, spare: String) throws(OutputError) {
        try faults.step("cannot exchange \(staged) and \(target)")
        remember([target])
        if faults?.canExchange != false, try POSIXFiles.exchange(staged, target) {
            steps.append(.exchanged(staged, target))
            return
        }
        try rename(target, spare, outputPaths: [target])
        try rename(staged, target, outputPaths: [target])
    }

    mutating func makeDirectory(_ path: String) throws(OutputError) {
        try faults.step("cannot create the folder \(path)")
        remember([path])
        if mkdir(path, 0o755) != 0 {
            throw OutputError(.io, "cannot create the folder \(path): \(POSIXFiles.errorText())")
        }
        steps.append(.madeDirectory(path))
        // Its time is not to be set back: it goes when undone, and another entry may take its path.
        seenFolders.insert(path)
    }

    /// Undoes every step, the last first, then sets the folders' modification times back.
    /// Returns a description of each step that could not be undone (empty when the output is
    /// back as it was).
    func undo() -> [String] {
        var failures: [String] = []
        for step in steps.reversed() {
            do throws(OutputError) {
                switch step {
                case .renamed(let from, let to):
                    try POSIXFiles.rename(to, from)
                case .exchanged(let first, let second):
                    if try !POSIXFiles.exchange(first, second) {
                        throw OutputError(.io, "cannot exchange \(first) and \(second) back")
                    }
                case .madeDirectory(let path):
                    try POSIXFiles.removeDirectory(path)
                }
            } catch {
                failures.append(error.description)
            }
        }
        for folder in folderTimes.reversed() {
            POSIXFiles.setModificationTime(folder.path, folder.time)
        }
        return failures
    }

    /// Remembers the modification time of each path's folder, before its first change.
    private mutating func remember(_ paths: [String]) {
        for path in paths {
            let folder = OutputFolder.parent(of: path)
            guard seenFolders.insert(folder).inserted, let time = POSIXFiles.modificationTime(folder) else { continue }
            folderTimes.append((folder, time))
        }
    }
}
