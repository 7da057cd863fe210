/// Finds the tags of a Mustache template with their positions, for the linter.
struct TemplateScanner {
    enum Kind: Equatable {
        case variable
        case unescaped
        case section
        case inverted
        case close
        case partial
        case parent
        case block
        case comment
        case other
    }

    struct Tag {
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    /// The tags in order, or nil when the template changes its delimiters (then it is not linted).
    static func scan(_ text: String) -> [Tag]? {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var column = 1
        func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                advance()
                continue
            }
            let tagLine = line
            let tagColumn = column
            advance()
            advance()
            var triple = false
            if index < scalars.count, scalars[index] == "{" {
                triple = true
                advance()
            }
            var content = String.UnicodeScalarView()
            while index < scalars.count, !(scalars[index] == "}" && index + 1 < scalars.count && scalars[index + 1] == "}") {
                content.append(scalars[index])
                advance()
            }
            if index < scalars.count { advance(); advance() }
            if triple, index < scalars.count, scalars[index] == "}" { advance() }
            let body = String(content).trimmingCharacters(in: " \t\n")
            guard let first = body.first else { continue }
            let rest = String(body.dropFirst()).trimmingCharacters(in: " \t\n")
            let kind: Kind
            var name = rest
            if triple {
                kind = .unescaped
                name = body
            } else {
                switch first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "<": kind = .parent
                case "$": kind = .block
                case "!": kind = .comment
                case "&": kind = .unescaped
                case "=": return nil
                case "%": kind = .other
                default:
                    kind = .variable
                    name = body
                }
            }
            tags.append(Tag(kind: kind, name: name, line: tagLine, column: tagColumn))
        }
        return tags
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
