#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import Foundation
import MierukaDiagnostics

/// Reading the site folder with the system calls themselves.
///
/// Foundation's `FileManager` asks for every file's attributes (owner names, extended attributes)
/// when it walks a folder and opens each file through several calls; on a site of ten thousand
/// documents that was a third of the load stage. Only the type of an entry and its bytes are needed.
enum SourceFolder {
    enum EntryKind: Equatable {
        case file, folder, other
    }

    /// The largest file read as text (Markdown, YAML, CSV, templates, mieruka.yml): 32 MiB.
    ///
    /// Parsing holds a file several times over (its bytes, its text, the parsed tree and the HTML:
    /// about 4.4 times its size for Markdown), so a file far larger than any plan's document (a
    /// city's whole plan is well under 1 MB; a year's results CSV a few hundred KB) would take the
    /// machine's memory with no message. Files copied as they are (PDFs, images under static/) are
    /// not read this way and have no limit.
    static let maximumTextBytes = 32 * 1024 * 1024

    /// An entry whose name is not valid UTF-8 (a file unpacked from a ZIP made on Windows, whose
    /// names are Shift_JIS): it cannot be given a URL, so it is reported, never skipped.
    struct UndecodableName: Sendable {
        /// The name with each byte that is not UTF-8 written as %XX ("%8Cv%89%E6.md").
        let escaped: String
        /// The name read as Shift_JIS, when it is that ("計画.md").
        let asShiftJIS: String?
    }

    /// Why a file could not be read.
    enum ReadFailure: Error, Equatable {
        case folder
        /// A named pipe, a device, a socket: never read (reading /dev/zero would never end).
        case notAFile
        case tooLarge(bytes: Int)
        case system(errno: Int32)
    }

    /// What `path` is, without following a symbolic link (a link is `other`, as it was skipped before).
    static func kind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The names in a folder (without "." and ".."), with their kinds; empty when it cannot be
    /// read. Names that are not UTF-8 are returned apart, in `undecodable`.
    static func entries(_ folder: String, undecodable: inout [UndecodableName]) -> [(name: String, kind: EntryKind)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var found: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(stream) {
            // The name where it is: `entry.pointee.d_name` would copy all 256 bytes of the field,
            // past the end of readdir's buffer when a short entry is the last in it.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
            let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: UInt8.self)
            let bytes = Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
            guard let name = String(validating: bytes, as: UTF8.self) else {
                undecodable.append(
                    UndecodableName(
                        escaped: escapedName(bytes), asShiftJIS: String(data: Data(bytes), encoding: .shiftJIS)))
                continue
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_UNKNOWN): kind = Self.kind(folder + "/" + name)  // file systems that do not say
            default: kind = .other
            }
            found.append((name, kind))
        }
        return found
    }

    /// A name with the bytes that are not UTF-8 written as %XX, and "%" itself as %25, so that
    /// two different names never look the same.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        func escape(_ byte: UInt8) {
            let digits = Array("0123456789ABCDEF")
            result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
        }
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "%" { escape(UInt8(ascii: "%")) } else { result.unicodeScalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { escape(byte) }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return result
    }

    /// The whole file, or why it cannot be read. Only regular files of at most `limit` bytes are
    /// read: a folder, a pipe or a device is refused before a byte is read (the file is opened
    /// without waiting, so a named pipe with no writer cannot hang the build).
    static func read(_ path: String, limit: Int = maximumTextBytes) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(errno == EISDIR ? .folder : .system(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        default: return .failure(.notAFile)
        }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew while it was read (an editor saving): read on, up to the limit.
                guard filled <= limit else { return .failure(.tooLarge(bytes: filled)) }
                bytes.append(contentsOf: repeatElement(0, count: Swift.max(4096, bytes.count / 2)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno: errno))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { return .failure(.tooLarge(bytes: filled)) }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }

    /// The located error for a file that could not be read.
    static func diagnostic(_ failure: ReadFailure, displayPath: String, isConfig: Bool = false) -> Diagnostic {
        let at = SourceLocation(file: displayPath)
        switch failure {
        case .folder:
            return .error(
                at: at, "this is a folder, not a file",
                hint: isConfig
                    ? "the site's settings go in a file named mieruka.yml: rename this folder (for example to mieruka-old) "
                        + "and write the settings (at least title: …) in a file named mieruka.yml"
                    : "rename or move the folder")
        case .notAFile:
            return .error(
                at: at, "this is not a regular file (a named pipe, a device or a socket)",
                hint: "replace it with a regular file, or move it out of the site folder")
        case .tooLarge(let bytes):
            let megabytes = Double(bytes * 10 / (1024 * 1024)) / 10
            return .error(
                at: at, "the file is \(megabytes) MB; Mieruka reads text files of up to \(maximumTextBytes / (1024 * 1024)) MB",
                hint: "a plan's document or a year's results are far smaller: check that this is the right file, "
                    + "or split it into several (one per item or per year)")
        case .system(let code):
            let reason = String(cString: strerror(code))
            if code == EACCES || code == EPERM {
                return .error(at: at, "the file could not be read: \(reason)", hint: "check its permissions")
            }
            return .error(at: at, "the file could not be read: \(reason)")
        }
    }
}
