import MierukaDiagnostics
import MierukaModel

/// Reads KPI values: `9718`, `9,718人`, `{value: 3400000, text: 約340万件}`, or a text such as `全校下`.
enum QuantityDecoder {
    static let keys = ["value", "text"]

    static func decode(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> QuantityDocument? {
        switch node {
        case .scalar(let scalar):
            return fromScalar(scalar)
        case .mapping:
            guard let reader = MappingReader(node, what: what, knownKeys: keys, diagnostics: &diagnostics) else {
                return nil
            }
            return fromReader(reader, diagnostics: &diagnostics)
        case .sequence:
            diagnostics.error(
                at: node.location, "\(what) should be a number or a text, but is a list",
                hint: "write one value, such as 9,718 or 80%台")
            return nil
        }
    }

    /// Reads `value` and `text` from a mapping that also holds other keys (baseline, target, actuals).
    static func fromReader(_ reader: MappingReader, diagnostics: inout Diagnostics) -> QuantityDocument? {
        let text = reader.text("text", diagnostics: &diagnostics)
        guard let raw = reader.text("value", diagnostics: &diagnostics) else {
            guard let text else {
                diagnostics.error(
                    at: reader.location, "\(reader.what) has neither \"value\" nor \"text\"",
                    hint: "give the number as value: 9718, or a text as text: 80%台")
                return nil
            }
            return QuantityDocument(number: nil, writtenUnit: nil, text: text.value, location: text.location)
        }
        guard let parsed = NumberParser.parse(raw.value) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a number",
                hint: "write the number as value: (e.g. 9,718 or 94.8), and a wording such as 「全校下」 as text:")
            return nil
        }
        return QuantityDocument(
            number: parsed.number, writtenUnit: parsed.suffix.isEmpty ? nil : parsed.suffix, text: text?.value,
            location: raw.location)
    }

    static func fromScalar(_ scalar: YAMLScalar) -> QuantityDocument? {
        let trimmed = scalar.text.trimmingWhitespace()
        guard !trimmed.isEmpty, !scalar.isNull else { return nil }
        if let parsed = NumberParser.parse(trimmed) {
            return QuantityDocument(
                number: parsed.number, writtenUnit: parsed.suffix.isEmpty ? nil : parsed.suffix, text: nil,
                location: scalar.location)
        }
        return QuantityDocument(number: nil, writtenUnit: nil, text: trimmed, location: scalar.location)
    }
}
