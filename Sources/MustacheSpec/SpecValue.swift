import MierukaRender
import MierukaSource

/// A value of a specification case's `data`, typed as Mustache sees it.
///
/// The project's YAML reader keeps scalars as written; here they are read as the specification's
/// YAML 1.1 would: `true` and `false` as booleans, `null` and `~` as nothing, numbers as numbers
/// (shown as they would be by the languages the specification was written for: `1.210` → 1.21).
indirect enum SpecValue: Sendable {
    case map([String: SpecValue])
    case list([SpecValue])
    case text(String)
    case flag(Bool)
    case null
    /// Code in the case's data (`!code`): lambdas, which templates here cannot call.
    case lambda

    init(_ node: YAMLNode) {
        switch node {
        case .mapping(let mapping):
            if mapping.tag == "!code" {
                self = .lambda
                return
            }
            var entries: [String: SpecValue] = [:]
            for entry in mapping.entries { entries[entry.key.text] = SpecValue(entry.value) }
            self = .map(entries)
        case .sequence(let sequence):
            self = .list(sequence.items.map(SpecValue.init))
        case .scalar(let scalar):
            if scalar.isNull {
                self = .null
            } else if scalar.isPlain, scalar.text == "true" || scalar.text == "false" {
                self = .flag(scalar.text == "true")
            } else if scalar.isPlain, let number = Self.number(scalar.text) {
                self = .text(number)
            } else {
                self = .text(scalar.text)
            }
        }
    }

    /// A plain scalar that is a YAML number, as text: integers as written, decimals shortest.
    private static func number(_ text: String) -> String? {
        if let integer = Int(text) { return String(integer) }
        guard text.contains("."), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
            let decimal = Double(text)
        else { return nil }
        return decimal == decimal.rounded() && abs(decimal) < 1e15 ? String(Int(decimal)) : String(decimal)
    }

    /// Whether the value holds code anywhere (the case then needs lambdas).
    var holdsLambda: Bool {
        switch self {
        case .lambda: true
        case .map(let entries): entries.values.contains { $0.holdsLambda }
        case .list(let items): items.contains { $0.holdsLambda }
        case .text, .flag, .null: false
        }
    }

    /// The value as templates see it.
    var templateValue: TemplateValue {
        switch self {
        case .map: .view(SpecDataView(self))
        case .list(let items): .list(items.map(SpecDataView.init))
        case .text(let text): .text(text)
        case .flag(let flag): .flag(flag)
        case .null, .lambda: .absent
        }
    }
}

/// The adapter between a case's data and the template engine: a data-driven view, whose names
/// are looked up when rendering. Only the specification runner uses it; the site's views are typed.
struct SpecDataView: DynamicTemplateView {
    let value: SpecValue

    init(_ value: SpecValue) {
        self.value = value
    }

    /// No declared fields: every name is looked up by `value(named:)`.
    static let fields = FieldTable<SpecDataView>("data", [])

    func value(named name: String) -> TemplateValue? {
        guard case .map(let entries) = value, let found = entries[name] else { return nil }
        return found.templateValue
    }

    var currentValue: TemplateValue { value.templateValue }
}
