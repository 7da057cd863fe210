import Foundation

/// Why `mieruka init` wrote nothing.
package enum InitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder already holds files: a new site is never written over anything.
    case notEmpty(String, entries: [String])
    /// The path is a file, not a folder.
    case notAFolder(String)
    /// The folder or a file in it could not be made.
    case cannotWrite(String, reason: String)

    package var description: String {
        switch self {
        case .notEmpty(let path, let entries):
            let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            return "\(path) is not empty (\(shown)): mieruka init writes a new site only into an empty or new folder; "
                + "name a new folder, e.g. mieruka init my-site"
        case .notAFolder(let path):
            return "\(path) is a file, not a folder: name a new folder, e.g. mieruka init my-site"
        case .cannotWrite(let path, let reason):
            return "could not write \(path): \(reason)"
        }
    }
}

/// Writes the starter site into a new or empty folder (`mieruka init [DIR]`).
package struct SiteInitializer: Sendable {
    package init() {}

    /// Writes every file of the starter site under `folder` (made if missing) and returns their
    /// paths, relative to it. Refuses a folder that holds anything, hidden files included.
    package func initialize(at folder: String) throws(InitError) -> [String] {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(folder) }
            let entries = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            guard entries.isEmpty else { throw .notEmpty(folder, entries: entries) }
        }
        let starter: [StarterSite.File]
        do {
            starter = try StarterSite.files()
        } catch {
            throw .cannotWrite(folder + "/" + StarterWorkbook.path, reason: error.description)
        }
        var written: [String] = []
        for file in starter {
            let target = folder + "/" + file.path
            do {
                let parent = (target as NSString).deletingLastPathComponent
                try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: target))
                if file.isExecutable {
                    try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
                }
            } catch {
                throw .cannotWrite(target, reason: error.localizedDescription)
            }
            written.append(file.path)
        }
        return written
    }
}
