/// A small, strict pull parser for the XML parts of a workbook (SpreadsheetML).
///
/// Why not Foundation's XMLParser: on Linux it lives in FoundationXML, which links libxml2 as a
/// shared library; the static `mieruka` binary must run on a system without it (the measurements
/// are in the README's Excel section). A workbook's parts use a small subset of XML — elements,
/// attributes, text, the five predefined entities and character references, comments, processing
/// instructions and the odd CDATA section — and that subset is what this parser reads. Anything
/// else (a DTD, an undefined entity, a tag left open, bytes that are not UTF-8) is an error, never
/// a guess: a part that does not parse is reported, and nothing is read from it.
///
/// Names are given without their namespace prefix (`x:row` is `row`, `r:id` is `id`): the parts
/// of one workbook never use one local name in two namespaces where it matters here.
struct XMLPullParser {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String])
        /// The end of an element; a self-closing tag gives a start and an end.
        case end(name: String)
        /// Character data between tags, entities resolved (whitespace-only text too).
        case text(String)
    }

    struct Failure: Error, Equatable {
        /// Offset in the part's bytes.
        let offset: Int
        let reason: String
    }

    private let bytes: [UInt8]
    private var index: Int
    private var open: [String] = []
    private var pendingEnd: String?
    private var sawRoot = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is allowed at the start.
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next event, or nil at the end of the document.
    mutating func next() throws(Failure) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return try closed(name)
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                let text = try decodeText(start, index)
                if open.isEmpty {
                    guard text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
                        throw Failure(offset: start, reason: "text outside the root element")
                    }
                    continue
                }
                return .text(text)
            }
            if matches("<?") {
                try skip(past: "?>")
            } else if matches("<!--") {
                try skip(past: "-->")
            } else if matches("<![CDATA[") {
                guard !open.isEmpty else { throw Failure(offset: index, reason: "CDATA outside the root element") }
                let start = index + 9
                try skip(past: "]]>")
                guard let text = String(validating: bytes[start..<(index - 3)], as: UTF8.self) else {
                    throw Failure(offset: start, reason: "bytes that are not UTF-8")
                }
                return .text(text)
            } else if matches("<!") {
                throw Failure(offset: index, reason: "a document type declaration, which workbooks do not use")
            } else if matches("</") {
                index += 2
                let name = try readName()
                skipSpaces()
                try expect(">")
                return try closed(name)
            } else {
                return try startTag()
            }
        }
        guard open.isEmpty else {
            throw Failure(offset: bytes.count, reason: "the element <\(open[open.count - 1])> is never closed")
        }
        guard sawRoot else { throw Failure(offset: bytes.count, reason: "no root element") }
        return nil
    }

    // MARK: - Tags

    private mutating func startTag() throws(Failure) -> Event {
        let tagStart = index
        index += 1
        let name = try readName()
        if open.isEmpty {
            guard !sawRoot else { throw Failure(offset: tagStart, reason: "a second root element <\(name)>") }
            sawRoot = true
        }
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpaces()
            guard index < bytes.count else { throw Failure(offset: tagStart, reason: "the tag <\(name)> is cut short") }
            if matches("/>") {
                index += 2
                open.append(name)
                pendingEnd = name
                return .start(name: name, attributes: attributes)
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                open.append(name)
                return .start(name: name, attributes: attributes)
            }
            guard hadSpace else { throw Failure(offset: index, reason: "no space before an attribute of <\(name)>") }
            let attribute = try readName()
            skipSpaces()
            try expect("=")
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw Failure(offset: index, reason: "the attribute \(attribute) of <\(name)> has no quoted value")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "<") { throw Failure(offset: index, reason: "a < inside an attribute") }
                index += 1
            }
            guard index < bytes.count else { throw Failure(offset: start, reason: "an attribute value is never closed") }
            let value = try decodeText(start, index)
            index += 1
            guard attributes.updateValue(value, forKey: attribute) == nil else {
                throw Failure(offset: start, reason: "the attribute \(attribute) twice in <\(name)>")
            }
        }
    }

    private mutating func closed(_ name: String) throws(Failure) -> Event {
        guard let last = open.last else { throw Failure(offset: index, reason: "</\(name)> closes no element") }
        guard last == name else {
            throw Failure(offset: index, reason: "</\(name)> closes <\(last)>")
        }
        open.removeLast()
        return .end(name: name)
    }

    /// A name without its namespace prefix.
    private mutating func readName() throws(Failure) -> String {
        let start = index
        var localStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                localStart = index + 1
            } else if Self.endsName(byte) {
                break
            }
            index += 1
        }
        guard index > localStart, let name = String(validating: bytes[localStart..<index], as: UTF8.self) else {
            throw Failure(offset: start, reason: "a tag or attribute without a name")
        }
        return name
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "/"),
            UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
        {
            index += 1
        }
        return index > start
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    private mutating func expect(_ literal: StaticString) throws(Failure) {
        guard matches(literal) else {
            throw Failure(offset: index, reason: "expected \(literal)")
        }
        index += literal.utf8CodeUnitCount
    }

    private mutating func skip(past terminator: StaticString) throws(Failure) {
        let start = index
        while index < bytes.count {
            if matches(terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            index += 1
        }
        throw Failure(offset: start, reason: "\(terminator) never comes")
    }

    // MARK: - Text

    /// The text of bytes[start..<end], with entity and character references resolved.
    private func decodeText(_ start: Int, _ end: Int) throws(Failure) -> String {
        guard let raw = String(validating: bytes[start..<end], as: UTF8.self) else {
            throw Failure(offset: start, reason: "bytes that are not UTF-8")
        }
        guard bytes[start..<end].contains(UInt8(ascii: "&")) else { return raw }
        var out = String.UnicodeScalarView()
        var scalars = raw.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "&" else {
                out.append(scalar)
                continue
            }
            guard let semicolon = scalars.prefix(12).firstIndex(of: ";") else {
                throw Failure(offset: start, reason: "an & that starts no entity (write &amp;)")
            }
            let entity = String(String.UnicodeScalarView(scalars[..<semicolon]))
            scalars = scalars[scalars.index(after: semicolon)...]
            guard let resolved = Self.resolve(entity) else {
                throw Failure(offset: start, reason: "the undefined entity &\(entity);")
            }
            out.append(resolved)
        }
        return String(out)
    }

    private static func resolve(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        let value: UInt32?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
            value = UInt32(entity.dropFirst(2), radix: 16)
        } else if entity.hasPrefix("#") {
            value = UInt32(entity.dropFirst(), radix: 10)
        } else {
            value = nil
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
