import MierukaDiagnostics
import MierukaModel

/// Reads one YAML mapping into typed values, reporting every problem with its position:
/// unknown keys (with a suggestion), missing keys, and values of the wrong form.
struct MappingReader {
    let mapping: YAMLMapping
    /// What the mapping is, for messages: "item front matter", "KPI", "result".
    let what: String
    /// The entries whose keys are known, as written.
    private let known: [YAMLEntry]
    /// The texts of `known`'s keys, in its order. A mapping holds a handful of keys, so a key is
    /// found by comparing it with each (short ASCII keys compare as two machine words) rather
    /// than by hashing it into a dictionary made for every mapping of every document; and
    /// compared here, not in `known`, whose entries are copied whole (values too) to be read.
    private let keys: [String]

    /// Nil (with an error) when the node is not a mapping.
    init?(_ node: YAMLNode, what: String, knownKeys: [String], diagnostics: inout Diagnostics) {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                at: node.location, "\(what) should be a mapping of keys and values, but is \(node.kindDescription)",
                hint: "write it as lines of \"key: value\"")
            return nil
        }
        self.mapping = mapping
        self.what = what
        // Usually every key is known: the entries are then shared with the mapping, not copied.
        let keys = mapping.entries.map { $0.key.text }
        guard !keys.allSatisfy(knownKeys.contains) else {
            known = mapping.entries
            self.keys = keys
            return
        }
        var known: [YAMLEntry] = []
        for entry in mapping.entries {
            let key = entry.key
            guard !key.text.isEmpty else {
                diagnostics.error(at: key.location, "a key in \(what) is empty or not a plain word")
                continue
            }
            guard knownKeys.contains(key.text) else {
                if key.text.prefix(3).allSatisfy(\.isASCIIDigit), key.text.count >= 3 {
                    diagnostics.error(
                        at: key.location, "\"\(key.text)\" looks like the rest of a number that a comma cut in two",
                        hint: "inside { … } a comma separates entries: put the value in quotes, e.g. value: \"1,000万円\"")
                    continue
                }
                let suggestion = Suggestion.closest(to: key.text, in: knownKeys)
                diagnostics.error(
                    at: key.location, "unknown key \"\(key.text)\" in \(what)",
                    hint: suggestion.map { "did you mean \"\($0)\"? Known keys: " + knownKeys.joined(separator: ", ") }
                        ?? "known keys: " + knownKeys.joined(separator: ", "))
                continue
            }
            known.append(entry)
        }
        self.known = known
        self.keys = known.map { $0.key.text }
    }

    /// Where a known key is in `known` (the last, should a mapping hold one twice: the YAML
    /// reader refuses that, so there is only ever one).
    private func position(_ key: String) -> Int? {
        keys.lastIndex(of: key)
    }

    var location: SourceLocation { mapping.location }

    /// The value node, or nil when the key is absent or its value is empty.
    func node(_ key: String) -> YAMLNode? {
        guard let position = position(key), !known[position].value.isNull else { return nil }
        return known[position].value
    }

    func keyLocation(_ key: String) -> SourceLocation? { position(key).map { known[$0].key.location } }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// A text value; numbers and other scalars are read as their text.
    func text(_ key: String, diagnostics: inout Diagnostics) -> Located<String>? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error(
                at: node.location, "\"\(key)\" in \(what) should be a single value, but is \(node.kindDescription)",
                hint: "write \(key): followed by the value on the same line, or a block with \"|\"")
            return nil
        }
        let trimmed = scalar.text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return Located(trimmed, at: scalar.location)
    }

    /// A multi-line text (Markdown), kept with its line breaks.
    func markdown(_ key: String, diagnostics: inout Diagnostics) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error(
                at: node.location, "\"\(key)\" in \(what) should be text, but is \(node.kindDescription)",
                hint: "for several lines, write \"\(key): |\" and indent the lines below it")
            return nil
        }
        let text = scalar.text
        return text.trimmingWhitespace().isEmpty ? nil : text
    }

    /// A text value that must be there: an error when the key is missing, or when its value is
    /// empty or only spaces (full-width ones too), as `title: ""` or `title: "　"`.
    func requiredText(_ key: String, diagnostics: inout Diagnostics) -> Located<String>? {
        if let value = text(key, diagnostics: &diagnostics) { return value }
        guard let position = position(key) else {
            diagnostics.error(at: location, "\(what) has no \"\(key)\"", hint: "add a line \"\(key): …\"")
            return nil
        }
        // A list or a mapping has been reported by `text`; an empty value has not.
        if case .scalar(let scalar) = known[position].value {
            diagnostics.error(
                at: scalar.isNull ? known[position].key.location : scalar.location,
                "\"\(key)\" in \(what) is empty" + (scalar.text.isEmpty ? "" : " (only spaces)"),
                hint: "write the \(key) after \"\(key):\" on the same line")
        }
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    func textList(_ key: String, diagnostics: inout Diagnostics) -> [Located<String>] {
        guard let node = node(key) else { return [] }
        switch node {
        case .scalar(let scalar):
            let trimmed = scalar.text.trimmingWhitespace()
            return trimmed.isEmpty ? [] : [Located(trimmed, at: scalar.location)]
        case .sequence(let sequence):
            var result: [Located<String>] = []
            for item in sequence.items {
                guard case .scalar(let scalar) = item else {
                    diagnostics.error(at: item.location, "each entry of \"\(key)\" should be a single value, but this is \(item.kindDescription)")
                    continue
                }
                let trimmed = scalar.text.trimmingWhitespace()
                if !trimmed.isEmpty { result.append(Located(trimmed, at: scalar.location)) }
            }
            return result
        case .mapping:
            diagnostics.error(
                at: node.location, "\"\(key)\" in \(what) should be a list, but is \(node.kindDescription)",
                hint: "write the entries as lines starting with \"- \", or as [a, b]")
            return []
        }
    }

    /// The entries of a list value (a mapping or scalar where a list is expected is an error).
    func list(_ key: String, diagnostics: inout Diagnostics) -> [YAMLNode] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.error(
                at: node.location, "\"\(key)\" in \(what) should be a list, but is \(node.kindDescription)",
                hint: "write each entry on its own line starting with \"- \"")
            return []
        }
        return sequence.items
    }

    func fiscalYear(_ key: String, diagnostics: inout Diagnostics) -> Located<FiscalYear>? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        guard let year = FiscalYearParser.parse(raw.value) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a fiscal year",
                hint: FiscalYearParser.hint(for: raw.value))
            return nil
        }
        return Located(year, at: raw.location)
    }

    /// How a year read by `fiscalYear` was written, when it is named in an era past its end (平成32年度).
    func writtenEraYear(_ key: String) -> WrittenEraYear? {
        guard case .scalar(let scalar)? = node(key) else { return nil }
        return FiscalYearParser.parseWritten(scalar.text)?.written
    }

    func fiscalYearRange(_ key: String, diagnostics: inout Diagnostics) -> Located<FiscalYearRange>? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        guard let range = FiscalYearParser.parseRange(raw.value) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a fiscal year or span of years",
                hint: FiscalYearParser.rangeHint(
                    for: raw.value, general: "write a year (\(FiscalYearParser.acceptedForms)) or a span such as 2020～2024"))
            return nil
        }
        return Located(range, at: raw.location)
    }

    func count(_ key: String, diagnostics: inout Diagnostics) -> Located<Int>? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        guard let value = NumberParser.parseCount(raw.value) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not a count",
                hint: "write a whole number such as 43")
            return nil
        }
        return Located(value, at: raw.location)
    }

    func integer(_ key: String, diagnostics: inout Diagnostics) -> Located<Int>? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        guard let value = NumberParser.parseInteger(raw.value) else {
            diagnostics.error(at: raw.location, "\"\(raw.value)\" is not a whole number", hint: "write a number such as 1")
            return nil
        }
        return Located(value, at: raw.location)
    }

    func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        switch raw.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error(at: raw.location, "\"\(raw.value)\" is not true or false", hint: "write true or false")
            return nil
        }
    }

    func money(_ key: String, diagnostics: inout Diagnostics) -> MoneyDocument? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        guard let money = MoneyParser.parse(raw.value, location: raw.location) else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not an amount of money",
                hint: "write an amount such as " + MoneyParser.acceptedForms)
            return nil
        }
        return money
    }

    /// How an effect's amounts are counted (`kind:`): 単年度 or 継続, as `EffectKindParser` reads them.
    func effectKind(_ key: String, diagnostics: inout Diagnostics) -> EffectKind? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        if let kind = EffectKindParser.parse(raw.value) { return kind }
        diagnostics.error(
            at: raw.location, "\"\(raw.value)\" is not a kind of effect Mieruka knows", hint: EffectKindParser.hint)
        return nil
    }

    /// An effect's amount (効果見込額, 実績効果額): an amount of money, or one written as an increase
    /// as the report writes it (「425万4千円の増」), which counts as a negative effect.
    func effectMoney(_ key: String, diagnostics: inout Diagnostics) -> MoneyDocument? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        if let money = MoneyParser.parseEffect(raw.value, location: raw.location) { return money }
        if MoneyParser.saysIncrease(raw.value) {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not an increase Mieruka can read",
                hint: "write the amount of the increase without △ or a minus, as the report prints it: "
                    + "425万4千円の増, 4,254の増 (in the plan's money_unit); an amount of 0 is not an increase")
        } else {
            diagnostics.error(
                at: raw.location, "\"\(raw.value)\" is not an amount of money",
                hint: "write an amount such as " + MoneyParser.acceptedForms + ", or an increase as the report writes it (425万4千円の増); "
                    + MoneyParser.approximateHint)
        }
        return nil
    }

    /// One of a fixed set of words.
    func choice<Value>(
        _ key: String, _ choices: [(String, Value)], diagnostics: inout Diagnostics
    ) -> Value? {
        guard let raw = text(key, diagnostics: &diagnostics) else { return nil }
        if let match = choices.first(where: { $0.0 == raw.value }) { return match.1 }
        diagnostics.error(
            at: raw.location, "\"\(raw.value)\" is not a valid \(key)",
            hint: "use one of: " + choices.map(\.0).joined(separator: ", "))
        return nil
    }
}
