import MierukaDiagnostics

/// A value's content as text, read through reflection, leaving out every `SourceLocation` in it.
///
/// Used to tell which results of a re-read results file changed: locations are left out because
/// adding a line above a result moves it without changing any page (pages never show where a
/// value was written; diagnostics, which do, are always computed again in full). Reflection
/// reads every stored property, so a field added to the documents later is compared too.
enum StructuralFingerprint {
    static func of(_ value: Any) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    private static func write(_ value: Any, into text: inout String) {
        if value is SourceLocation { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            // Their order depends on how they were built: compare them sorted.
            let entries = mirror.children.map { of($0.value) }.sorted()
            text += "{"
            for entry in entries {
                text += entry
                text += ","
            }
            text += "}"
        case .enum?:
            text += "\(type(of: value)).\(mirror.children.first?.label ?? String(describing: value))("
            for child in mirror.children { write(child.value, into: &text) }
            text += ")"
        case nil:
            // A leaf (String, Int, Double, Bool …): its description is its value.
            text += "\(type(of: value))="
            text += String(reflecting: value)
            text += ";"
        default:
            text += "\(type(of: value))("
            for child in mirror.children {
                if child.value is SourceLocation { continue }
                text += child.label ?? "_"
                text += ":"
                write(child.value, into: &text)
                text += ","
            }
            text += ")"
        }
    }
}
