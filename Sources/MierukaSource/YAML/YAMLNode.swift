import MierukaDiagnostics

/// A YAML document as a tree in which every node knows where it was written.
///
/// Scalars keep their text exactly as written: numbers, years, amounts and grades are parsed by
/// Mieruka itself, so YAML 1.1's surprises (`080` → 80.0, `yes` → true, `1.10` → 1.1) never reach
/// the data.
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// "a mapping", "a list", "a text": for error messages.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "an empty value" : "a single value"
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        }
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = self { return scalar.isNull }
        return false
    }
}

public struct YAMLScalar: Sendable {
    public let text: String
    /// Written without quotes or block markers (so `~` and an empty value mean "nothing").
    public let isPlain: Bool
    public let location: SourceLocation

    public init(text: String, isPlain: Bool, location: SourceLocation) {
        self.text = text
        self.isPlain = isPlain
        self.location = location
    }

    public var isNull: Bool {
        isPlain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

public struct YAMLMapping: Sendable {
    public let entries: [(key: YAMLScalar, value: YAMLNode)]
    public let location: SourceLocation
    /// The mapping's explicit tag (`!code` written before it), if any. Site files have none; the
    /// Mustache specification's files mark their lambdas so.
    public let tag: String?

    public init(entries: [(key: YAMLScalar, value: YAMLNode)], location: SourceLocation, tag: String? = nil) {
        self.entries = entries
        self.location = location
        self.tag = tag
    }
}

public struct YAMLSequence: Sendable {
    public let items: [YAMLNode]
    public let location: SourceLocation

    public init(items: [YAMLNode], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}
