import Foundation

/// A workbook's shared strings (`xl/sharedStrings.xml`): each distinct text once, numbered in the
/// order it is first used, as Excel writes them.
struct XLSXSharedStrings {
    /// The texts in the order they were numbered, and their bytes one after another in `pool`
    /// (`ranges[n]` for text n), with each one's hash.
    private var texts: [String] = []
    private var pool: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var hashes: [UInt64] = []
    /// An open-addressing table of text numbers (-1: free), twice the texts at least.
    private var slots = [Int32](repeating: -1, count: 64)
    /// How many cells use a shared string.
    private var uses = 0
    /// The number of the text last numbered in each column (-1: none yet).
    private var above: [Int] = []

    /// The number of `text`, added if new. Texts are the same when their bytes are: a text
    /// written with a separate sound mark (か + U+3099) is not shared with one written as が,
    /// so that each cell reads back as it was written.
    mutating func index(of text: String) -> Int {
        var bytesOfText = text
        return bytesOfText.withUTF8 { index(of: $0, text: text) }
    }

    /// `index(of:)` of a cell's text in the 0-based `column`: a text the same as the one above it
    /// (an item's cells repeat on each of its KPI rows, a plan's and a year's on every row) takes
    /// that one's number after one comparison of bytes, without hashing.
    mutating func index(of text: String, column: Int) -> Int {
        var bytesOfText = text
        return bytesOfText.withUTF8 { bytes in
            if column < above.count, above[column] >= 0, holds(above[column], bytes) {
                uses += 1
                return above[column]
            }
            let index = index(of: bytes, text: text)
            if column >= above.count { above += Array(repeating: -1, count: column + 1 - above.count) }
            above[column] = index
            return index
        }
    }

    /// The number of a text given as its bytes: a hit costs one hash of the bytes and one
    /// comparison of them. (Hashing a String with `Hasher` and comparing it cost about 660
    /// instructions a cell, most of a worksheet's time.)
    private mutating func index(of bytes: UnsafeBufferPointer<UInt8>, text: String) -> Int {
        uses += 1
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let found = Int(slots[slot])
            if hashes[found] == hash, holds(found, bytes) { return found }
            slot = (slot + 1) & mask
        }
        let index = texts.count
        slots[slot] = Int32(index)
        texts.append(text)
        hashes.append(hash)
        ranges.append(pool.count..<(pool.count + bytes.count))
        pool.append(contentsOf: bytes)
        if 2 * texts.count > slots.count { rehash(count: 2 * slots.count) }
        return index
    }

    /// Whether text `index` has exactly these bytes.
    private func holds(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = ranges[index]
        guard range.count == bytes.count else { return false }
        guard let base = bytes.baseAddress, range.count > 0 else { return true }
        return pool.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + range.lowerBound, base, range.count) == 0
        }
    }

    private mutating func rehash(count: Int) {
        slots = [Int32](repeating: -1, count: count)
        let mask = count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A hash of bytes read eight at a time (the table only looks texts up; their order is the
    /// order of first use, whatever the hash).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    var xml: [UInt8] {
        var out = XLSXOutput.declaration
        out += Array("<sst xmlns=\"\(XLSXOutput.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">".utf8)
        for text in texts {
            // Spaces at either end and line breaks are kept only when the text says so.
            out.appendLiteral(Self.keepsSpaces(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
            Self.appendEscaped(text, attribute: false, to: &out)
            out.appendLiteral("</t></si>")
        }
        out.appendLiteral("</sst>")
        return out
    }

    /// Whether a text starts or ends with a whitespace character (`Character.isWhitespace`: its
    /// first scalar has Unicode's White_Space property) or holds a line feed.
    static func keepsSpaces(_ text: String) -> Bool {
        var bytesOfText = text
        let decided = bytesOfText.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first else { return false }
            if bytes.contains(0x0A) || (first < 0x80 && isASCIIWhitespace(first)) { return true }
            // The first character's first scalar is the text's first scalar.
            if first >= 0x80, CSVOutput.firstScalar(bytes)?.properties.isWhitespace == true { return true }
            return endsWithoutWhitespace(bytes) ? false : nil
        }
        return decided ?? (text.last?.isWhitespace == true)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Whether the last character of the bytes is surely not whitespace, known from the last
    /// scalar alone: one that joins no character before it (an ASCII one other than a space, or a
    /// kanji, kana, 、。 or full-width form) starts the last character, unless a prepended mark
    /// (not whitespace either) comes before it. Any other ending is left to `Character`.
    private static func endsWithoutWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        if last < 0x80 { return !isASCIIWhitespace(last) }
        switch CSVOutput.lastScalar(bytes)?.value ?? 0 {
        case 0x3001...0x3002, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// Text as a cell's XML holds it: `&`, `<`, `>` (and `"`, tab and line feed in an attribute)
    /// as references; the characters XML cannot hold (control characters, a carriage return,
    /// U+FFFE and U+FFFF) as Office's escapes `_xHHHH_`; and an underscore that would start such
    /// an escape in the text itself as `_x005F_`, so that the text reads back as it was.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var out: [UInt8] = []
        appendEscaped(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escaped`, appended to `out` byte by byte (every cell's text goes through here).
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // A run of bytes that stand for themselves (most of a text) is copied whole.
                let runStart = index
                while index < bytes.count, !mayNeedEscape(bytes[index]) { index += 1 }
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case UInt8(ascii: "\"") where attribute: out += Array("&quot;".utf8)
                case 0x0A where attribute: out += Array("&#10;".utf8)
                case 0x09 where attribute: out += Array("&#9;".utf8)
                case 0x09, 0x0A: out.append(byte)
                case 0x00..<0x20: appendHexEscape(UInt32(byte), to: &out)
                case UInt8(ascii: "_") where looksLikeEscape(bytes, at: index): out += Array("_x005F_".utf8)
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF), which XML does not allow either.
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    appendHexEscape(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
    }

    /// Whether `appendEscaped` looks at a byte: below a space, `"`, `&`, `<`, `>`, `_`, or the lead
    /// byte of U+FFFE and U+FFFF.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "_"), 0xEF: true
        default: false
        }
    }

    /// `_x` followed by four hexadecimal digits and `_` at `index`.
    private static func looksLikeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x") || bytes[index + 1] == UInt8(ascii: "X"),
            bytes[index + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(index + 2)..<(index + 6)].allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }

    private static func appendHexEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = String(value, radix: 16, uppercase: true)
        out += Array(("_x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_").utf8)
    }
}
