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
    package var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1) * max(header.count, 1))
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    /// The text without a byte-order mark.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// UTF-8 with a byte-order mark, which Excel needs to open the file as UTF-8 by double-click.
    package var utf8WithBOM: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out += bytes
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

    /// A cell, quoted when it holds a comma, a quote, a line break, or spaces at either end.
    static func appendCell(_ cell: String, to out: inout [UInt8]) {
        // A non-ASCII end may be a wide space (U+3000 …): checked on the scalars at either end.
        let wideSpaceAtEnd = Self.isWideSpace(cell.unicodeScalars.first) || Self.isWideSpace(cell.unicodeScalars.last)
        var cell = cell
        cell.withUTF8 { bytes in
            var needsQuotes = false
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            if !needsQuotes, let first = bytes.first, let last = bytes.last {
                needsQuotes = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || wideSpaceAtEnd
            }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
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
