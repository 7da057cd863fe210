import CMierukaZlib

/// The ZIP container of a workbook, written in memory: each part deflated by zlib in one call, every
/// entry dated 1980-01-01 00:00 (the first date a ZIP can hold) with the same permissions, so that
/// the same parts always give the same bytes. The layout is the one ZIPFoundation 0.9.20 wrote before
/// (its `Archive.addEntry` rewrote the central directory after every part): a local header with
/// the sizes and CRC-32 (no data descriptor), UTF-8 names, made by "Unix, ZIP 2.1", files 0644.
enum XLSXArchive {
    /// The deflate level. zlib's default (6, which ZIPFoundation used) spent 109 M instructions of a
    /// 156-page site's 936 M deflating its 12 workbooks' 1.2 MB of XML; level 2 spends 55 M less for
    /// workbooks 18 % larger (168 → 199 KB), level 1 as much for 25 %, level 3 49 M less for 13 %
    /// (docs/reference.md, "Speed and memory").
    static let level: Int32 = 2
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

        /// A part every workbook has as it is, deflated here once (a fresh stream deflates as a
        /// reset one does, so the bytes are those `write` would make). Should zlib fail, it is
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
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// zlib's deflate, one stream for all the parts of a workbook (reset between them: starting a
    /// stream allocates and clears about 400 KiB). The stream stays at one address, as zlib requires
    /// (its state points back to it).
    final class Deflater {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        /// Whether the stream has deflated a part since it started (and must be reset for the next).
        private var used = false

        /// A raw deflate stream (no zlib header), as ZIP's method 8 holds it: zlib's default window
        /// (32 KiB) and its largest memory level (9), as ZIPFoundation asked.
        init() throws(XLSXOutput.Failure) {
            stream.initialize(to: z_stream())
            let started = deflateInit2_(
                stream, XLSXArchive.level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size))
            // (On failure `deinit` still runs: deflateEnd refuses a stream that never started.)
            guard started == Z_OK else { throw .archive("zlib could not start deflating (\(started))") }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// The bytes deflated, in one call with room for the largest result.
        func deflate(_ bytes: [UInt8]) throws(XLSXOutput.Failure) -> [UInt8] {
            if used {
                let reset = deflateReset(stream)
                guard reset == Z_OK else { throw .archive("zlib could not start deflating (\(reset))") }
            }
            used = true
            var result = Z_OK
            // Room for the largest result, not cleared first: zlib writes what is kept.
            let out = [UInt8](unsafeUninitializedCapacity: Int(deflateBound(stream, uLong(bytes.count)))) { output, written in
                result = bytes.withUnsafeBufferPointer { input in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.pointee.avail_in = uInt(input.count)
                    stream.pointee.next_out = output.baseAddress
                    stream.pointee.avail_out = uInt(output.count)
                    return CMierukaZlib.deflate(stream, Z_FINISH)
                }
                written = result == Z_STREAM_END ? output.count - Int(stream.pointee.avail_out) : 0
            }
            guard result == Z_STREAM_END else { throw .archive("zlib could not deflate a part (\(result))") }
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
            out.appendLittleEndian(UInt16(Z_DEFLATED))
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
