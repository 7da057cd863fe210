/// A table written as CSV the way Excel reads it and the 総務省 guidelines for machine-readable data
/// ask: one header row, one record per row, RFC 4180 quoting, CRLF between records.
///
/// Line breaks inside a cell are kept as LF (what Excel writes for a multi-line cell), so a cell's
/// text reads back exactly.
package struct CSVOutput: Sendable {
    package let header: [String]
    package let rows: [[String]]

    package init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The bytes in UTF-8, without a byte-order mark.
    package var bytes: [UInt8] { bytes(after: []) }

    /// The text without a byte-order mark.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// UTF-8 with a byte-order mark, which Excel needs to open the file as UTF-8 by double-click.
    package var utf8WithBOM: [UInt8] { bytes(after: [0xEF, 0xBB, 0xBF]) }

    /// The bytes in UTF-8 after `start`, written in place (a table's CSV is not copied again).
    private func bytes(after start: [UInt8]) -> [UInt8] {
        var out = start
        out.reserveCapacity(start.count + 64 * (rows.count + 1) * max(header.count, 1))
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    private func append(_ cells: [String], to out: inout [UInt8]) {
        for (offset, cell) in cells.enumerated() {
            if offset > 0 { out.append(0x2C) }
            Self.appendCell(cell, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// A cell, quoted when it holds a comma, a quote, a line break, or spaces at either end; a
    /// quoted cell's quotes doubled, the text between them copied whole.
    static func appendCell(_ cell: String, to out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            guard needsQuotes(bytes) else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            var runStart = 0
            for index in bytes.indices where bytes[index] == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                out.append(0x22)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(0x22)
        }
    }

    /// Whether the cell (`bytes`, its UTF-8) holds a comma, a quote or a line break, or starts or
    /// ends with a space: a half-width one or tab by its byte, a non-ASCII one (a wide space,
    /// U+3000 …) by the scalar, decoded only where the byte is not ASCII.
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // (Most bytes are above the comma, and one comparison passes them.)
        for byte in bytes where byte <= 0x2C && (byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D) { return true }
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        return (first >= 0x80 && mayStartWideSpace(first) && isWideSpace(firstScalar(bytes)))
            || (last >= 0x80 && endsWithWideSpace(bytes))
    }

    /// Whether the last scalar of the bytes is a wide space, decoded only when its lead byte may start one.
    private static func endsWithWideSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = bytes.count - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, mayStartWideSpace(bytes[start]) else { return false }
        return isWideSpace(firstScalar(UnsafeBufferPointer(rebasing: bytes[start...])))
    }

    /// Whether a scalar with this lead byte may be one of `isWideSpace`'s, all of which start with
    /// C2, E1, E2 or E3: the kanji and most kana a cell starts or ends with are decided without decoding.
    private static func mayStartWideSpace(_ lead: UInt8) -> Bool {
        lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3)
    }

    /// The first scalar of valid UTF-8 bytes (nil when there are none).
    static func firstScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// The last scalar of valid UTF-8 bytes: from the last byte that is not a continuation byte.
    static func lastScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = bytes.count - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? firstScalar(UnsafeBufferPointer(rebasing: bytes[start...])) : nil
    }

    /// The non-ASCII characters of Unicode's White_Space property (U+3000, the ideographic space
    /// typed in Japanese text, among them), compared by value: looking the property up for every
    /// cell of a large export cost more than writing it.
    static func isWideSpace(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar?.value ?? 0 {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A cell as CSV text (for tests and messages).
    static func quoted(_ cell: String) -> String {
        var out: [UInt8] = []
        appendCell(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
