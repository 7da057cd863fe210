/// Markdown as the search reads and shows it: the words without the markup, on one line.
///
/// The markup is read in UTF-8 bytes, as cmark reads it: every mark is ASCII, and an ASCII byte
/// is never part of another character's bytes, so the text between the marks is copied byte for
/// byte (kanji, kana with a combining sound mark, accented letters stay as written). A mark
/// followed by a combining character (`*` + U+0301) is still a mark, as it is to cmark.
enum SearchText {
    /// The text of Markdown without list markers, heading marks, emphasis, code marks, link
    /// targets and line breaks. Lines are joined without a space (Japanese is written without),
    /// except between two list entries and between two ASCII words.
    static func plain(_ markdown: String) -> String {
        String(decoding: plainUTF8(markdown), as: UTF8.self)
    }

    /// `plain` as UTF-8, for the tokenizer to read as it is: only a snippet's beginning is made a
    /// String (`excerpt(utf8:limit:)`), and a body's whole text is not checked again as UTF-8.
    static func plainUTF8(_ markdown: String) -> [UInt8] {
        var markdown = markdown
        return markdown.withUTF8 { plain(bytes: $0) }
    }

    /// `excerpt` of a text given as UTF-8 (`plainUTF8`).
    static func excerpt(utf8 text: [UInt8], limit: Int) -> String {
        guard let end = text.withUnsafeBufferPointer({ simpleCharactersEnd($0, limit: limit) }) else {
            return excerpt(String(decoding: text, as: UTF8.self), limit: limit)
        }
        guard end < text.count else { return String(decoding: text, as: UTF8.self) }
        return String(decoding: text[..<end], as: UTF8.self) + "…"
    }

    /// The first `limit` characters of a text, with 「…」 when it goes on.
    static func excerpt(_ text: String, limit: Int) -> String {
        if let simple = text.utf8.withContiguousStorageIfAvailable({ simpleCharactersEnd($0, limit: limit) }), let end = simple {
            guard end < text.utf8.count else { return text }
            return String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]) + "…"
        }
        // Counts no further than the limit (a plan's text can be long).
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex
        else { return text }
        return String(text[..<end]) + "…"
    }

    /// Where the first `limit` characters of the text end (its length when it has no more), when
    /// each of its first `limit` + 1 scalars is a character of its own whatever is next to it
    /// (printable ASCII, the common kanji, kana and Japanese punctuation, full-width forms): then
    /// the characters are counted without Unicode's rules for joining scalars, which `excerpt`
    /// otherwise applies at every character. Nil when another scalar comes first.
    private static func simpleCharactersEnd(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        var offset = 0
        var scalars = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            let value: UInt32
            let length: Int
            if lead < 0x80 {
                (value, length) = (UInt32(lead), 1)
            } else if lead >= 0xE0, lead < 0xF0, offset + 2 < bytes.count {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                length = 3
            } else {
                return nil
            }
            guard isSingleCharacter(value) else { return nil }
            if scalars == limit { return offset }
            scalars += 1
            offset += length
        }
        return offset
    }

    /// Scalars that no rule of Unicode's joins with the scalar before or after them into one
    /// character (they are not marks, joiners, controls, Hangul or regional indicators).
    private static func isSingleCharacter(_ value: UInt32) -> Bool {
        (0x20...0x7E).contains(value) || (0x3000...0x3029).contains(value) || (0x3030...0x303F).contains(value)
            || (0x3041...0x3096).contains(value) || (0x309B...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xFF01...0xFF5E).contains(value)
    }

    private static func plain(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            var next = bytes.count
            while lineEnd < bytes.count {
                if let length = newlineLength(bytes, at: lineEnd) {
                    next = lineEnd + length
                    break
                }
                lineEnd += scalarLength(bytes[lineEnd])
            }
            appendLine(bytes, from: lineStart, to: lineEnd, to: &out)
            lineStart = next
        }
        return out
    }

    /// The length of the line break at `offset`, as `Character.isNewline` sees one: LF, CR,
    /// VT, FF, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029). CR LF
    /// is two breaks with an empty line between, which adds nothing.
    private static func newlineLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        switch bytes[offset] {
        case 0x0A...0x0D:
            return 1
        case 0xC2:
            return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : nil
        case 0xE2:
            return offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
                ? 3 : nil
        default:
            return nil
        }
    }

    /// One line's text after the text so far: without its indentation (spaces, tabs, 「　」), its
    /// list marker, heading or quote marks, the spaces, tabs and backslashes (hard breaks) at
    /// either end, and the inline marks.
    private static func appendLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, to out: inout [UInt8]) {
        var start = start
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if isIdeographicSpace(bytes, at: start, end: end) {
                start += 3
            } else {
                break
            }
        }
        var isEntry = false
        if let marker = listMarkerLength(bytes, from: start, to: end) {
            start += marker
            isEntry = true
        } else if start < end, bytes[start] == UInt8(ascii: "#") || bytes[start] == UInt8(ascii: ">") {
            let mark = bytes[start]
            while start < end, bytes[start] == mark { start += 1 }
        }
        var end = end
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while start < end, isTrimmed(bytes[end - 1]) { end -= 1 }
        let before = out.count
        appendInline(bytes, from: start, to: end, to: &out)
        guard out.count > before, before > 0 else { return }
        if isEntry || (isASCIIWord(out[before - 1]) && isASCIIWord(out[before])) {
            out.insert(0x20, at: before)
        }
    }

    /// The length in bytes of the scalar whose UTF-8 starts with `lead` (the text is valid UTF-8),
    /// so that a kanji's three bytes are passed over at once: no mark or line break is in them.
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private static func isIdeographicSpace(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Bool {
        offset + 2 < end && bytes[offset] == 0xE3 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80
    }

    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "\\")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// "- ", "* ", "+ ", "1. ", "1) ": the length of a list marker at the line's start.
    private static func listMarkerLength(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return start + 1 < end && bytes[start + 1] == 0x20 ? 2 : nil
        }
        var digitsEnd = start
        while digitsEnd < end, isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
        let digits = digitsEnd - start
        guard digits > 0, digits < 10, digitsEnd + 1 < end else { return nil }
        let mark = bytes[digitsEnd]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"), bytes[digitsEnd + 1] == 0x20 else { return nil }
        return digits + 2
    }

    /// Drops emphasis and code marks and keeps a link's text without its target. A single `_`
    /// inside a word (file_name) is text; `__` marks emphasis. The text between marks is copied a
    /// run at a time.
    private static func appendInline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, to out: inout [UInt8]) {
        var offset = start
        // Where the text not yet copied begins.
        var run = start
        func skip(to next: Int) {
            if run < offset { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<offset])) }
            offset = next
            run = next
        }
        while offset < end {
            if bytes[offset] >= 0x80 {
                // No mark is in a character outside ASCII.
                offset += scalarLength(bytes[offset])
                continue
            }
            switch bytes[offset] {
            case UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["):
                skip(to: offset + 1)
            case UInt8(ascii: "_"):
                let doubled =
                    (offset + 1 < end && bytes[offset + 1] == UInt8(ascii: "_"))
                    || (offset > start && bytes[offset - 1] == UInt8(ascii: "_"))
                if doubled { skip(to: offset + 1) } else { offset += 1 }
            case UInt8(ascii: "]"):
                // A link's target: from "](" to the first ")" after it.
                var next = offset + 1
                if offset + 1 < end, bytes[offset + 1] == UInt8(ascii: "(") {
                    var close = offset + 2
                    while close < end, bytes[close] != UInt8(ascii: ")") { close += 1 }
                    if close < end { next = close + 1 }
                }
                skip(to: next)
            default:
                offset += 1
            }
        }
        skip(to: end)
    }

    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
