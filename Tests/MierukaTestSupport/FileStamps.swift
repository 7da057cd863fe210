import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Every file and folder under a folder with what a rebuild must not change when it leaves them
/// alone: kind, inode, modification time (to the nanosecond) and, for files, the bytes.
package enum FileStamps {
    package struct Stamp: Equatable, Sendable, CustomStringConvertible {
        package var isDirectory: Bool
        package var inode: UInt64
        package var seconds: Int
        package var nanoseconds: Int
        package var bytes: Data?

        package var description: String {
            "\(isDirectory ? "folder" : "file") inode \(inode) mtime \(seconds).\(nanoseconds) \(bytes?.count ?? 0) bytes"
        }
    }

    /// Paths relative to `root`; the root itself is "".
    package static func snapshot(_ root: String) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var pending = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let stamp = stamp(absolute) else { continue }
            stamps[folder] = stamp
            guard stamp.isDirectory else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [] {
                pending.append(folder.isEmpty ? name : folder + "/" + name)
            }
        }
        return stamps
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return Stamp(
            isDirectory: isDirectory, inode: UInt64(info.st_ino), seconds: Int(info.st_mtim.tv_sec),
            nanoseconds: Int(info.st_mtim.tv_nsec), bytes: isDirectory ? nil : FileManager.default.contents(atPath: path))
    }

    /// The paths whose stamps differ between two snapshots (added, removed or changed), sorted.
    package static func changed(_ before: [String: Stamp], _ after: [String: Stamp]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }
}
