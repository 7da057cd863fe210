/// A workbook's shared strings (`xl/sharedStrings.xml`): each distinct text once, numbered in the
/// order it is first used, as Excel writes them.
struct XLSXSharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []
    /// How many cells use a shared string.
    private var uses = 0

    /// The number of `text`, added if new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        let index = texts.count
        indices[text] = index
        texts.append(text)
        return index
    }

    var xml: [UInt8] {
        var out = XLSXOutput.declaration
        out += Array("<sst xmlns=\"\(XLSXOutput.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">".utf8)
        for text in texts {
            // Spaces at either end and line breaks are kept only when the text says so.
            let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
                || text.contains("\n")
            out += Array((preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
            out += Array(Self.escaped(text, attribute: false).utf8)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
    }

    /// Text as a cell's XML holds it: `&`, `<`, `>` (and `"` in an attribute) as entities; the
    /// characters XML cannot hold (control characters, a carriage return, U+FFFE and U+FFFF) as
    /// Office's escapes `_xHHHH_`; and an underscore that would start such an escape in the text
    /// itself as `_x005F_`, so that the text reads back as it was.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "_" where looksLikeEscape(scalars, at: index): out += "_x005F_"
            case _ where (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0xFFFE
                || scalar.value == 0xFFFF:
                out += "_x" + hex(scalar.value) + "_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `_x` followed by four hexadecimal digits and `_` at `index`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X", scalars[index + 6] == "_"
        else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
