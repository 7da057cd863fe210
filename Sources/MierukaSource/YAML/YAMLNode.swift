import MierukaDiagnostics

/// A YAML document as a tree in which every node knows where it was written.
///
/// Scalars keep their text exactly as written: numbers, years, amounts and grades are parsed by
/// Mieruka itself, so YAML 1.1's surprises (`080` → 80.0, `yes` → true, `1.10` → 1.1) never reach
/// the data.
package enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    package var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// "a mapping", "a list", "a text": for error messages.
    package var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "an empty value" : "a single value"
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        }
    }

    package var isNull: Bool {
        if case .scalar(let scalar) = self { return scalar.isNull }
        return false
    }
}

package struct YAMLScalar: Sendable {
    package let text: String
    /// Written without quotes or block markers (so `~` and an empty value mean "nothing").
    package let isPlain: Bool
    package let location: SourceLocation

    package init(text: String, isPlain: Bool, location: SourceLocation) {
        self.text = text
        self.isPlain = isPlain
        self.location = location
    }

    package var isNull: Bool {
        // Asked of nearly every value read: most are longer than the longest null word.
        guard isPlain, text.utf8.count <= 4 else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}

/// A key of a mapping and its value.
///
/// A struct, not a `(key:, value:)` tuple: an array of tuples is copied and destroyed through the
/// runtime's generic tuple functions, element by element (about 330 instructions for each entry
/// of every document when its tree is dropped); a struct's are made by the compiler for it.
package struct YAMLEntry: Sendable {
    package let key: YAMLScalar
    package let value: YAMLNode

    package init(key: YAMLScalar, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

package struct YAMLMapping: Sendable {
    package let entries: [YAMLEntry]
    package let location: SourceLocation
    /// The mapping's explicit tag (`!code` written before it), if any. Site files have none; the
    /// Mustache specification's files mark their lambdas so.
    package let tag: String?

    package init(entries: [YAMLEntry], location: SourceLocation, tag: String? = nil) {
        self.entries = entries
        self.location = location
        self.tag = tag
    }
}

package struct YAMLSequence: Sendable {
    package let items: [YAMLNode]
    package let location: SourceLocation

    package init(items: [YAMLNode], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}
