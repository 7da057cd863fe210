import MierukaExport
import MierukaOutput
import MierukaParallel

#if canImport(Glibc)
import Glibc
#endif

/// `build`'s memory of the workbooks it wrote, so that a rebuild keeps a workbook whose table did
/// not change instead of making it again (`WorkbookReuse`). A file beside the output
/// (`.public.mieruka-workbooks`, never inside it, so the upload and the output's bytes are as
/// without it) holds, under the identity of the `mieruka` executable that wrote them, one line per
/// workbook: the `XLSXOutput.reuseKey` of its table, the SHA-256 of the bytes written, its path.
///
/// A workbook of the previous output is kept only when all three hold:
/// - the record was written by this very executable (device, inode, size, modification and change
///   times of the running binary): any other version or build of the writer, older or newer,
///   makes every workbook again;
/// - the table has the key recorded for that path (same sheet name, header and cells);
/// - the file in the output now has the recorded SHA-256: a workbook edited, replaced or cut
///   short by hand (or by anything else) since is made again.
/// The writer being deterministic, such a file is byte for byte the one it would make now.
/// The record is replaced only after an output is committed; a failed build leaves it as it
/// was, with the previous output it describes. A record that is missing, unreadable or from
/// another writer keeps nothing.
package final class WorkbookRecord: WorkbookReuse {
    struct Entry: Equatable {
        let key: [UInt8]
        let digest: [UInt8]
    }

    static let format = "mieruka workbooks 1"

    let recordPath: String
    let outputPath: String
    let writer: String
    private let previous: [String: Entry]
    private let state = Lock<(entries: [String: Entry], reused: Int)>(([:], 0))

    /// The record of the output `folder`; nil when the running executable cannot be identified
    /// (every workbook is then made).
    package init?(for folder: OutputFolder) {
        guard let writer = Self.writerIdentity() else { return nil }
        self.recordPath = folder.workbookRecordPath
        self.outputPath = folder.path
        self.writer = writer
        self.previous = Self.read(recordPath, writer: writer)
    }

    /// How many workbooks were kept from the previous output.
    package var reused: Int { state.withLock { $0.reused } }

    package func workbook(at path: String, key: [UInt8]) -> [UInt8]? {
        guard let entry = previous[path], entry.key == key,
            let bytes = try? POSIXFiles.read(outputPath + "/" + path), SHA256.digest(bytes) == entry.digest
        else { return nil }
        state.withLock {
            $0.entries[path] = entry
            $0.reused += 1
        }
        return bytes
    }

    package func made(_ bytes: [UInt8], at path: String, key: [UInt8]) {
        let entry = Entry(key: key, digest: SHA256.digest(bytes))
        state.withLock { $0.entries[path] = entry }
    }

    /// Replaces the record with the workbooks of this build, once its output is in place. A
    /// record that cannot be written is removed (the next build then makes every workbook).
    package func save() {
        let entries = state.withLock { $0.entries }
        var text = Self.format + "\nwriter " + writer + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            text += SHA256.hex(entry.key) + " " + SHA256.hex(entry.digest) + " " + path + "\n"
        }
        let temporary = recordPath + ".\(getpid())"
        do {
            try POSIXFiles.write(Array(text.utf8), to: temporary)
            try POSIXFiles.rename(temporary, recordPath)
        } catch {
            unlink(temporary)
            unlink(recordPath)
        }
    }

    static func read(_ path: String, writer: String) -> [String: Entry] {
        guard let contents = try? POSIXFiles.read(path) else { return [:] }
        let lines = String(decoding: contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == format, lines[1] == "writer " + writer else { return [:] }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let key = bytes(hex: fields[0]), let digest = bytes(hex: fields[1]),
                key.count == 32, digest.count == 32, !fields[2].isEmpty
            else { continue }
            entries[String(fields[2])] = Entry(key: key, digest: digest)
        }
        return entries
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    /// The running executable, as the file system knows it: a rebuilt, reinstalled or upgraded
    /// `mieruka` differs in inode or times even where its size is the same.
    static func writerIdentity() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            + ":\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
