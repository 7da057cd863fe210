/// Writes a JSON document straight to its UTF-8 bytes, value by value in the order the caller gives
/// them, so that a large document (a plan's `plan.json`) is written without first being built as a
/// `JSONValue` tree and freed again. The bytes are those `JSONValue.bytes(indent:)` gives for the same
/// values: `JSONValue` writes itself through this writer.
///
///     json.object { json in
///         json.member("id", item.slug)
///         json.member("kpis", item.kpis) { kpi, json in write(kpi, to: &json) }
///     }
///
/// Not copyable: it owns the bytes it writes (`ByteBuffer`).
package struct JSONWriter: ~Copyable {
    private var buffer: ByteBuffer
    /// Spaces per level when pretty-printed; nil: on one line.
    private let indent: Int?
    /// How deep the next value is: 0 at the top, 1 inside the outermost container.
    private var depth = 0
    /// Whether the innermost open container holds no value yet (no comma before the next).
    private var isEmpty = true
    /// Whether a key has just been written, so that its value needs no separator.
    private var afterKey = false

    package init(indent: Int? = nil, capacity: Int = 4096) {
        self.indent = indent
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The document's bytes so far.
    package var bytes: [UInt8] { buffer.array }

    // MARK: Containers

    /// An object whose members `body` writes (each with `key` or `member`).
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// An array of `elements`, each written by `element`.
    package mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (Elements.Element, inout JSONWriter) -> Void
    ) {
        open(0x5B)
        for value in elements { element(value, &self) }
        close(0x5D)
    }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        buffer.append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isEmpty { newline() }
        buffer.append(bracket)
        // The container just closed is a value of the one around it, which is therefore not empty.
        isEmpty = false
    }

    // MARK: Keys

    /// A key written as it is: a literal name of plain ASCII letters, digits and `_` (nothing to escape).
    package mutating func key(_ name: StaticString) {
        separate()
        buffer.append(0x22)
        buffer.append(name)
        buffer.append(0x22)
        colon()
    }

    /// A key from the data (a grade's code, an axis's id), escaped as a string.
    package mutating func key(named name: String) {
        separate()
        appendString(name)
        colon()
    }

    @inline(__always)
    private mutating func colon() {
        buffer.append(0x3A)
        if indent != nil { buffer.append(0x20) }
        afterKey = true
    }

    // MARK: Values

    package mutating func null() {
        beginValue()
        buffer.append("null")
    }

    package mutating func bool(_ value: Bool) {
        beginValue()
        value ? buffer.append("true") : buffer.append("false")
    }

    package mutating func int(_ value: Int64) {
        beginValue()
        buffer.appendDecimal(value)
    }

    package mutating func int(_ value: Int) { int(Int64(value)) }

    /// A number given as its JSON literal ("-1234.5").
    package mutating func number(_ literal: String) {
        beginValue()
        buffer.appendUTF8(literal)
    }

    package mutating func string(_ text: String) {
        beginValue()
        appendString(text)
    }

    /// A string, or null when absent.
    package mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    // MARK: Members

    package mutating func member(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A string member, null when absent.
    package mutating func member(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    package mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    /// A number member, null when absent.
    package mutating func member(_ key: StaticString, _ value: Int?) {
        self.key(key)
        guard let value else { return null() }
        int(value)
    }

    package mutating func member(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    package mutating func member(_ key: StaticString, _ value: JSONValue) {
        self.key(key)
        value.write(to: &self)
    }

    /// A member whose key comes from the data (a grade's code, an axis's id).
    package mutating func member(named key: String, _ value: JSONValue) {
        self.key(named: key)
        value.write(to: &self)
    }

    /// Members given as a list (keys and values built beforehand), in its order.
    package mutating func members(_ members: [(String, JSONValue)]) {
        for (key, value) in members { member(named: key, value) }
    }

    /// A member whose value `body` writes.
    package mutating func member(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        body(&self)
    }

    /// A member whose value is an object that `body` writes.
    package mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        object(body)
    }

    /// A member whose value is the array of `elements`, each written by `element`.
    package mutating func member<Elements: Sequence>(
        _ key: StaticString, _ elements: Elements, _ element: (Elements.Element, inout JSONWriter) -> Void
    ) {
        self.key(key)
        array(elements, element)
    }

    /// A member whose value is an array of strings.
    package mutating func member(_ key: StaticString, strings: [String]) {
        self.key(key)
        array(strings) { text, json in json.string(text) }
    }

    // MARK: Layout

    /// Before a value: nothing after a key or at the top; a comma (when not the first) and a new
    /// line in an array.
    @inline(__always)
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            separate()
        }
    }

    /// Before a member or an element: a comma when not the first, and a new line when pretty.
    @inline(__always)
    private mutating func separate() {
        if !isEmpty { buffer.append(0x2C) }
        isEmpty = false
        newline()
    }

    private mutating func newline() {
        guard let indent else { return }
        buffer.append(0x0A)
        buffer.appendSpaces(indent * depth)
    }

    // MARK: Strings

    /// RFC 8259 escaping: quotes, backslashes and control characters, and U+2028/2029 (which
    /// JavaScript source cannot hold); everything else as UTF-8, copied whole when nothing needs it.
    private mutating func appendString(_ text: String) {
        buffer.append(0x22)
        var text = text
        text.withUTF8 { appendEscaped($0) }
        buffer.append(0x22)
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < utf8.count {
            // A run of bytes that need nothing (most of a text) is copied whole.
            let runStart = index
            while index < utf8.count, !Self.mayNeedEscape(utf8[index]) { index += 1 }
            if index > runStart { buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            switch byte {
            case 0x22: buffer.append("\\\"")
            case 0x5C: buffer.append("\\\\")
            case 0x0A: buffer.append("\\n")
            case 0x0D: buffer.append("\\r")
            case 0x09: buffer.append("\\t")
            case 0x00..<0x20: appendUnicodeEscape(UInt32(byte))
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                appendUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: buffer.append(byte)
            }
            index += 1
        }
    }

    /// Whether `appendEscaped` looks at a byte: a quote, a backslash, a control character, or the
    /// lead byte of U+2028 and U+2029.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    private mutating func appendUnicodeEscape(_ value: UInt32) {
        let hex = String(value, radix: 16)
        buffer.appendUTF8("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
}
