/// Prints diagnostics as GitHub Actions workflow commands:
///
///     ::error file=content/plan/item.md,line=7,col=8,title=mieruka::grade "C" is not on the plan's scale (S, A, B)%0Ahint: use one of S, A, B
///
/// The runner turns each into an annotation on that line of the pull request. Messages are escaped
/// as the runner expects (`%`, CR and LF in the message; also `:` and `,` in the properties), so a
/// hint is kept on a second line of the same annotation. A problem with the whole file (no line)
/// is annotated on the file, and so is a problem in a workbook (its rows are no lines of the file):
/// there the message starts with the cell (`進捗一覧!D12: …`).
package struct GitHubAnnotationFormatter: Sendable {
    package init() {}

    package func format(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=" + Self.escapeProperty(diagnostic.location.file)]
        if diagnostic.location.sheet == nil, diagnostic.location.line > 0 {
            properties.append("line=\(diagnostic.location.line)")
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
        }
        properties.append("title=mieruka")
        var message = diagnostic.message
        if let sheet = diagnostic.location.sheet {
            message = (diagnostic.location.sheetReference ?? SourceLocation.quotedSheet(sheet)) + ": " + message
        }
        if let hint = diagnostic.hint, !hint.isEmpty { message += "\nhint: " + hint }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    package func format(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map(format).joined(separator: "\n")
    }

    /// The message part: `%`, CR and LF become `%25`, `%0D` and `%0A`.
    static func escapeData(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property's value: as the message, and `:` and `,` too, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
