/// What a previous build left in the output folder: every file and folder under it, by path
/// relative to the folder ("kodaira-3/001/index.html"). Read once, before anything is written, so
/// that each new file can be compared with the one it would replace and the files that are no
/// longer made can be found.
struct OutputInventory: Sendable {
    enum Kind: Sendable, Equatable {
        case file
        case directory
    }

    /// Every entry; a symbolic link counts as a file and is not followed.
    private(set) var entries: [String: Kind] = [:]

    init(entries: [String: Kind]) {
        self.entries = entries
    }

    /// Reads the tree under `root`; an unreadable folder is an error, as the build could then
    /// neither compare nor clean it.
    init(reading root: String) throws(OutputError) {
        var pending = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let found = POSIXFiles.typedEntries(absolute) else {
                throw OutputError(.io, "cannot read the folder \(absolute): \(POSIXFiles.errorText())")
            }
            for entry in found {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                entries[path] = entry.isDirectory ? .directory : .file
                if entry.isDirectory { pending.append(path) }
            }
        }
    }

    func isFile(_ path: String) -> Bool {
        entries[path] == .file
    }

    func isDirectory(_ path: String) -> Bool {
        entries[path] == .directory
    }

    /// What the new output no longer has. `entries`: the topmost paths to remove, files that are
    /// not made and folders that hold nothing made (each given once; what is inside goes with it);
    /// an entry in the way of a made path (a folder where a file is made, a file where a folder is
    /// needed) is stale too. `files`: every file removed with them. Both sorted by path.
    func stale(made files: Set<String>) -> (entries: [String], files: [String]) {
        let folders = Self.folders(holding: files)
        var topmost: Set<String> = []
        var removedFiles: [String] = []
        for path in entries.keys.sorted(by: { $0.utf8.count < $1.utf8.count || ($0.utf8.count == $1.utf8.count && $0 < $1) }) {
            let kind = entries[path]
            if Self.ancestors(of: path).contains(where: topmost.contains) {
                if kind == .file { removedFiles.append(path) }
                continue
            }
            let kept = kind == .directory ? folders.contains(path) : files.contains(path)
            if !kept {
                topmost.insert(path)
                if kind == .file { removedFiles.append(path) }
            }
        }
        return (topmost.sorted(), removedFiles.sorted())
    }

    /// "a/b/c" → ["a/b", "a"].
    static func ancestors(of path: String) -> [String] {
        var found: [String] = []
        var rest = Substring(path)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            found.append(String(rest))
        }
        return found
    }

    /// Every folder some file of `files` is in, at any depth.
    static func folders(holding files: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !folders.insert(String(path)).inserted { break }
            }
        }
        return folders
    }
}
