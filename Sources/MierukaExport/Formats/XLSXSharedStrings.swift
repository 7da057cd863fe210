import Foundation

/// A workbook's shared strings (`xl/sharedStrings.xml`): each distinct text once, numbered in the
/// order it is first used, as Excel writes them.
struct XLSXSharedStrings {
    private var indices: [WrittenText: Int] = [:]
    private var texts: [String] = []
    /// How many cells use a shared string.
    private var uses = 0

    /// The number of `text`, added if new. Texts are the same when their bytes are: a text
    /// written with a separate sound mark (か + U+3099) is not shared with one written as が,
    /// so that each cell reads back as it was written.
    mutating func index(of text: String) -> Int {
        uses += 1
        let key = WrittenText(text)
        if let index = indices[key] { return index }
        let index = texts.count
        indices[key] = index
        texts.append(text)
        return index
    }

    /// A text compared and hashed by its UTF-8 bytes. (A String compares by canonical
    /// equivalence, normalizing every text outside ASCII on each hash and comparison: most of a
    /// worksheet's time went there.)
    private struct WrittenText: Hashable {
        let text: String

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
        }

        static func == (lhs: WrittenText, rhs: WrittenText) -> Bool {
            var left = lhs.text
            var right = rhs.text
            return left.withUTF8 { leftBytes in
                right.withUTF8 { rightBytes in
                    guard leftBytes.count == rightBytes.count else { return false }
                    guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                    return memcmp(leftBase, rightBase, leftBytes.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    var xml: [UInt8] {
        var out = XLSXOutput.declaration
        out += Array("<sst xmlns=\"\(XLSXOutput.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">".utf8)
        for text in texts {
            // Spaces at either end and line breaks are kept only when the text says so.
            let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
                || text.utf8.contains(0x0A)
            out += Array((preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
            Self.appendEscaped(text, attribute: false, to: &out)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
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
