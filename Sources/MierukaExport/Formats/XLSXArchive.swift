import CMierukaDeflate

/// The ZIP container of a workbook, written in memory: each part deflated by libdeflate in one call, every
/// entry dated 1980-01-01 00:00 (the first date a ZIP can hold) with the same permissions, so that
/// the same parts always give the same bytes. The layout is the one ZIPFoundation 0.9.20 wrote before
/// (its `Archive.addEntry` rewrote the central directory after every part): a local header with
/// the sizes and CRC-32 (no data descriptor), UTF-8 names, made by "Unix, ZIP 2.1", files 0644.
enum XLSXArchive {
    /// The deflate level, libdeflate's. Its level 1 deflates the workbooks' XML 2.6 times as fast as
    /// zlib's level 2 (used before) and into 5 % fewer bytes; its level 2 is 1.8 times as fast for
    /// 7 % fewer (docs/reference.md, "Speed and memory").
    static let level: Int32 = 1
    /// ZIP's compression method 8, deflate.
    static let deflated: UInt16 = 8
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
    static let dosTime: UInt16 = 0
    static let flags: UInt16 = 1 << 11  // the names are UTF-8
    static let versionNeeded: UInt16 = 20
    static let versionMadeBy: UInt16 = 3 << 8 | 21  // Unix, 2.1
    static let fileAttributes: UInt32 = (0o100000 | 0o644) << 16  // a regular file, rw-r--r--

    /// A part of a workbook: its name and bytes, and when they are the same in every workbook (the
    /// content types, the relationships), their CRC-32 and deflated bytes, worked out once.
    struct Part: Sendable {
        let name: String
        let bytes: [UInt8]
        let fixed: (crc: UInt32, deflated: [UInt8])?

        /// A part made for this workbook.
        init(_ name: String, _ bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
            self.fixed = nil
        }

        /// A part every workbook has as it is, deflated here once (a fresh compressor deflates as a
        /// used one does, so the bytes are those `write` would make). Should libdeflate fail, it is
        /// deflated with the others, and fails there.
        init(fixed name: String, _ bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
            self.fixed = (try? Deflater().deflate(bytes)).map { (XLSXArchive.checksum(bytes), $0) }
        }
    }

    /// The parts, deflated, in the order given.
    static func write(_ parts: [Part]) throws(XLSXOutput.Failure) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        let deflater = try Deflater()
        for part in parts {
            let name = Array(part.name.utf8)
            let deflated: [UInt8]
            if let fixed = part.fixed { deflated = fixed.deflated } else { deflated = try deflater.deflate(part.bytes) }
            let crc = part.fixed?.crc ?? checksum(part.bytes)
            let entry = Entry(
                name: name, crc: crc, compressedSize: deflated.count,
                size: part.bytes.count, offset: archive.count)
            guard entry.fitsWithoutZIP64, name.count <= Int(UInt16.max) else {
                throw .archive("\(part.name) is larger than a ZIP without ZIP64 extensions holds")
            }
            entry.appendLocalHeader(to: &archive)
            archive += deflated
            entry.appendDirectoryRecord(to: &directory)
        }
        let directoryOffset = archive.count
        guard parts.count < Int(UInt16.max), directoryOffset + directory.count < Int(UInt32.max) else {
            throw .archive("the workbook is larger than a ZIP without ZIP64 extensions holds")
        }
        archive += directory
        // The end of the central directory: this disk, the disk where it starts, the entries on this
        // disk and in all, its size and offset, no comment.
        archive.appendLittleEndian(UInt32(0x0605_4b50))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(parts.count))
        archive.appendLittleEndian(UInt16(parts.count))
        archive.appendLittleEndian(UInt32(directory.count))
        archive.appendLittleEndian(UInt32(directoryOffset))
        archive.appendLittleEndian(UInt16(0))
        return archive
    }

    /// The CRC-32 of the bytes, as a ZIP records it.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { buffer in libdeflate_crc32(0, buffer.baseAddress, buffer.count) }
    }

    /// libdeflate's compressor, one for all the parts of a workbook (it keeps its match finder's
    /// tables, about 200 KiB, between parts and clears them itself for each).
    final class Deflater {
        let compressor: OpaquePointer

        /// A raw deflate compressor (no zlib header), as ZIP's method 8 holds it.
        init() throws(XLSXOutput.Failure) {
            guard let compressor = libdeflate_alloc_compressor(XLSXArchive.level) else {
                throw .archive("libdeflate could not start deflating (out of memory)")
            }
            self.compressor = compressor
        }

        deinit {
            libdeflate_free_compressor(compressor)
        }

        /// The bytes deflated, in one call with room for the largest result.
        func deflate(_ bytes: [UInt8]) throws(XLSXOutput.Failure) -> [UInt8] {
            let bound = libdeflate_deflate_compress_bound(compressor, bytes.count)
            // Room for the largest result, not cleared first: libdeflate writes what is kept.
            let out = [UInt8](unsafeUninitializedCapacity: bound) { output, written in
                written = bytes.withUnsafeBytes { input in
                    libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
                }
            }
            // Within the bound, compressing cannot run out of room (0 would say it did; even no bytes
            // deflate to a final block).
            guard !out.isEmpty else { throw .archive("libdeflate could not deflate a part") }
            return out
        }
    }

    /// One part's place in the archive.
    struct Entry {
        let name: [UInt8]
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let offset: Int

        var fitsWithoutZIP64: Bool {
            compressedSize < Int(UInt32.max) && size < Int(UInt32.max) && offset < Int(UInt32.max)
        }

        /// The fields the local header and the central directory's record share, from the version
        /// needed to extract to the name's length.
        func appendCommonFields(to out: inout [UInt8]) {
            out.appendLittleEndian(XLSXArchive.versionNeeded)
            out.appendLittleEndian(XLSXArchive.flags)
            out.appendLittleEndian(XLSXArchive.deflated)
            out.appendLittleEndian(XLSXArchive.dosTime)
            out.appendLittleEndian(XLSXArchive.dosDate)
            out.appendLittleEndian(crc)
            out.appendLittleEndian(UInt32(compressedSize))
            out.appendLittleEndian(UInt32(size))
            out.appendLittleEndian(UInt16(name.count))
            out.appendLittleEndian(UInt16(0))  // no extra field
        }

        func appendLocalHeader(to out: inout [UInt8]) {
            out.appendLittleEndian(UInt32(0x0403_4b50))
            appendCommonFields(to: &out)
            out += name
        }

        func appendDirectoryRecord(to out: inout [UInt8]) {
            out.appendLittleEndian(UInt32(0x0201_4b50))
            out.appendLittleEndian(XLSXArchive.versionMadeBy)
            appendCommonFields(to: &out)
            out.appendLittleEndian(UInt16(0))  // no comment
            out.appendLittleEndian(UInt16(0))  // disk number
            out.appendLittleEndian(UInt16(0))  // internal attributes
            out.appendLittleEndian(XLSXArchive.fileAttributes)
            out.appendLittleEndian(UInt32(offset))
            out += name
        }
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var value = value.littleEndian
        Swift.withUnsafeBytes(of: &value) { append(contentsOf: $0) }
    }
}
