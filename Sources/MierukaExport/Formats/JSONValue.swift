/// A JSON value whose objects keep their keys in the order written, so that the same data is
/// always written as the same bytes, with the keys in a reading order rather than sorted.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as its JSON literal ("-1234.5"), so decimals are written exactly.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(serialized(indent: nil))
    }

    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    package static func int64(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// A string, or null when absent.
    package static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two spaces (nil: on one line), ending with a line break when pretty.
    package func serialized(indent: Int? = 2) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(indent:)`.
    package func bytes(indent: Int? = 2) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: indent, depth: 0)
        if indent != nil { out.append(0x0A) }
        return out
    }

    private func write(to out: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: out.appendLiteral("null")
        case .bool(let value): value ? out.appendLiteral("true") : out.appendLiteral("false")
        case .number(let literal):
            var literal = literal
            literal.withUTF8 { out.append(contentsOf: $0) }
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let values):
            guard !values.isEmpty else {
                out += [0x5B, 0x5D]
                return
            }
            out.append(0x5B)
            for (offset, value) in values.enumerated() {
                if offset > 0 { out.append(0x2C) }
                Self.newline(&out, indent: indent, depth: depth + 1)
                value.write(to: &out, indent: indent, depth: depth + 1)
            }
            Self.newline(&out, indent: indent, depth: depth)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else {
                out += [0x7B, 0x7D]
                return
            }
            out.append(0x7B)
            for (offset, (key, value)) in members.enumerated() {
                if offset > 0 { out.append(0x2C) }
                Self.newline(&out, indent: indent, depth: depth + 1)
                Self.writeString(key, to: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.write(to: &out, indent: indent, depth: depth + 1)
            }
            Self.newline(&out, indent: indent, depth: depth)
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], indent: Int?, depth: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * depth))
    }

    /// RFC 8259 escaping: quotes, backslashes and control characters, and U+2028/2029 (which
    /// JavaScript source cannot hold); everything else as UTF-8, copied whole when nothing needs it.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // A run of bytes that need nothing (most of a text) is copied whole.
                let runStart = index
                while index < bytes.count, !mayNeedEscape(bytes[index]) { index += 1 }
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                switch byte {
                case 0x22: out.appendLiteral("\\\"")
                case 0x5C: out.appendLiteral("\\\\")
                case 0x0A: out.appendLiteral("\\n")
                case 0x0D: out.appendLiteral("\\r")
                case 0x09: out.appendLiteral("\\t")
                case 0x00..<0x20: out += unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out += unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(0x22)
    }

    /// Whether `writeString` looks at a byte: a quote, a backslash, a control character, or the
    /// lead byte of U+2028 and U+2029.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = String(value, radix: 16)
        return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
