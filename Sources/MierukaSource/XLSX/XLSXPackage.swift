import Foundation
import ZIPFoundation

/// The ZIP container of an `.xlsx` workbook: its parts (files) by name, read on demand.
///
/// A workbook file that is not a ZIP is told apart before anything is read: an encrypted workbook
/// (a workbook saved with a password is an OLE compound file holding the encrypted package) and an
/// old `.xls` workbook both start with the compound file's signature.
final class XLSXPackage {
    enum Failure: Error, Equatable {
        /// An OLE compound file holding an encrypted package: a workbook saved with a password.
        case encrypted
        /// Another OLE compound file: an Excel 97–2003 `.xls` workbook with the name `.xlsx`.
        case compoundFile
        /// Not a ZIP archive at all (or a damaged one).
        case notZIP
        /// A part the workbook must have is missing.
        case missingPart(String)
        /// A part could not be decompressed (damaged), or is encrypted.
        case unreadablePart(String)
        /// A part would decompress to more than the limit (a damaged file, or a ZIP bomb).
        case partTooLarge(String)
    }

    /// No part of a results workbook comes near this; a larger one is refused rather than read.
    static let partLimit = 256 * 1024 * 1024

    /// The OLE compound file signature (D0 CF 11 E0 A1 B1 1A E1).
    static let compoundSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private let archive: Archive

    init(_ bytes: [UInt8]) throws(Failure) {
        if bytes.starts(with: Self.compoundSignature) {
            // The encrypted package sits beside a stream named EncryptionInfo (UTF-16 in the directory).
            let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw Self.contains(bytes, name) ? .encrypted : .compoundFile
        }
        // A ZIP starts with a local file header (PK\3\4); an empty archive with its end record (PK\5\6).
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw .notZIP
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .notZIP
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Whether the package has a part ("xl/workbook.xml", without a leading slash).
    func has(_ name: String) -> Bool { entry(name) != nil }

    /// The bytes of a part, or nil when the package has no such part.
    func part(_ name: String) throws(Failure) -> [UInt8]? {
        guard let entry = entry(name) else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.partLimit) else { throw .partTooLarge(name) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in
                // The size in the directory may lie: count what actually comes out.
                guard bytes.count + chunk.count <= Self.partLimit else { throw Failure.partTooLarge(name) }
                bytes.append(contentsOf: chunk)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadablePart(name)
        }
        return bytes
    }

    /// The part `name`, or a required part's failure.
    func requiredPart(_ name: String) throws(Failure) -> [UInt8] {
        guard let bytes = try part(name) else { throw .missingPart(name) }
        return bytes
    }

    /// Part names are case-insensitive in Open Packaging; writers differ in how they spell them.
    private func entry(_ name: String) -> Entry? {
        if let entry = archive[name] { return entry }
        let wanted = name.lowercased()
        return archive.first { $0.path.lowercased() == wanted || $0.path.lowercased() == "/" + wanted }
    }
}
