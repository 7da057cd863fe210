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
        var json = JSONWriter(indent: indent)
        write(to: &json)
        var out = json.bytes
        if indent != nil { out.append(0x0A) }
        return out
    }

    /// Writes the value into a document being written (`JSONWriter` holds the layout and escaping).
    package func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .number(let literal): json.number(literal)
        case .string(let text): json.string(text)
        case .array(let values): json.array(values) { value, json in value.write(to: &json) }
        case .object(let members): json.object { json in json.members(members) }
        }
    }
}
