/// Prints diagnostics as one JSON document, for tools other than GitHub's:
///
///     {"errors":1,"warnings":0,"diagnostics":[{"severity":"error","file":"content/plan/item.md",
///      "line":7,"column":8,"message":"…","hint":"…"}]}
///
/// Diagnostics come sorted as in the text form; `line` and `column` are 0 when not known (a
/// problem with the whole file), `hint` is null when there is none. A problem in a workbook also
/// has `"sheet"` and `"cell"` ("D12", null for the whole sheet), after `"column"`; there `line` and
/// `column` are the cell's row and column. Keys are always in this order,
/// so the output is the same on every run.
package struct JSONDiagnosticFormatter: Sendable {
    package init() {}

    package func format(_ diagnostics: Diagnostics, extra: [(key: String, json: String)] = []) -> String {
        let sorted = diagnostics.sorted
        let errors = sorted.filter { $0.severity == .error }.count
        var out = "{\"errors\":\(errors),\"warnings\":\(sorted.count - errors)"
        for field in extra { out += ",\(Self.string(field.key)):\(field.json)" }
        out += ",\"diagnostics\":["
        out += sorted.map(object).joined(separator: ",")
        return out + "]}"
    }

    func object(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "{\"severity\":\(Self.string(diagnostic.severity.rawValue)),\"file\":\(Self.string(location.file)),"
            + "\"line\":\(location.line),\"column\":\(location.column),"
            + sheetFields(location) + "\"message\":\(Self.string(diagnostic.message)),"
            + "\"hint\":\(diagnostic.hint.map(Self.string) ?? "null")}"
    }

    /// `"sheet":"進捗一覧","cell":"D12",` for a location in a workbook, "" elsewhere.
    func sheetFields(_ location: SourceLocation) -> String {
        guard let sheet = location.sheet else { return "" }
        let cell = location.line > 0 && location.column > 0
            ? Self.string(SourceLocation.columnLetters(location.column) + String(location.line)) : "null"
        return "\"sheet\":\(Self.string(sheet)),\"cell\":\(cell),"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is (UTF-8).
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
