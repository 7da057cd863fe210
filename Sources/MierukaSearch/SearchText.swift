/// Markdown as the search reads and shows it: the words without the markup, on one line.
enum SearchText {
    /// The text of Markdown without list markers, heading marks, emphasis, code marks, link
    /// targets and line breaks. Lines are joined without a space (Japanese is written without),
    /// except between two list entries and between two ASCII words.
    static func plain(_ markdown: String) -> String {
        var out = ""
        for rawLine in markdown.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine).drop { $0 == " " || $0 == "\t" || $0 == "　" }
            var isEntry = false
            if let marker = listMarkerLength(line) {
                line = line.dropFirst(marker)
                isEntry = true
            } else if line.hasPrefix("#") {
                line = line.drop { $0 == "#" }
            } else if line.hasPrefix(">") {
                line = line.drop { $0 == ">" }
            }
            var text = inline(line.trimmingCharacters(in: " \t\\"))
            if text.isEmpty { continue }
            if let last = out.unicodeScalars.last, let first = text.unicodeScalars.first,
                isEntry || (isASCIIWord(last) && isASCIIWord(first))
            {
                text = " " + text
            }
            out += text
        }
        return out
    }

    /// The first `limit` characters of a text, with 「…」 when it goes on.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// "- ", "* ", "+ ", "1. ", "1) ": the length of a list marker at the line's start.
    private static func listMarkerLength(_ line: Substring) -> Int? {
        guard let first = line.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            return line.dropFirst().first == " " ? 2 : nil
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return digits.count + 2
    }

    /// Drops emphasis and code marks and keeps a link's text without its target.
    private static func inline(_ text: Substring) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "*" || character == "`" || (character == "_" && isEmphasisUnderscore(text, at: index)) {
                index = text.index(after: index)
                continue
            }
            if character == "]", text[text.index(after: index)...].hasPrefix("("),
                let close = text[index...].firstIndex(of: ")")
            {
                index = text.index(after: close)
                continue
            }
            if character == "[" || character == "]" {
                index = text.index(after: index)
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out
    }

    /// `__` marks emphasis; a single `_` inside a word (file_name) is text.
    private static func isEmphasisUnderscore(_ text: Substring, at index: Substring.Index) -> Bool {
        let next = text.index(after: index)
        return (next < text.endIndex && text[next] == "_")
            || (index > text.startIndex && text[text.index(before: index)] == "_")
    }

    private static func isASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return text
    }
}
