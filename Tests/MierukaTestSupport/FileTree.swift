import Foundation

/// Every file under a folder with its bytes, for byte-for-byte comparisons of whole outputs.
package enum FileTree {
    package static func snapshot(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let next = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            files[next] = FileManager.default.contents(atPath: root + "/" + next) ?? Data()
        }
        return files
    }

    /// Copies a folder's contents into another (files from `source` replace those in `destination`).
    package static func overlay(_ source: String, onto destination: String, skipping skipped: Set<String> = []) throws {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: source) else { return }
        while let next = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular, !skipped.contains(next)
            else { continue }
            let target = destination + "/" + next
            try fileManager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: target) { try fileManager.removeItem(atPath: target) }
            try fileManager.copyItem(atPath: source + "/" + next, toPath: target)
        }
    }
}
