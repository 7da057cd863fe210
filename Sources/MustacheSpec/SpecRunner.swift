import MierukaDiagnostics
import MierukaRender
import MierukaSource

/// One case of a specification file.
package struct SpecCase: Sendable {
    package let name: String
    let template: String
    let partials: [String: String]
    let data: SpecValue
    let expected: String
}

/// What became of a case.
package enum SpecOutcome: Sendable, Equatable {
    case passed
    /// Rendered differently, or refused by an error the engine should not have given.
    case failed(String)
    /// Uses what the engine refuses on purpose (see the README): lambdas, changed delimiters,
    /// dynamic partial names, a partial that does not exist.
    case notSupported(String)
}

/// Runs the cases of the Mustache specification (`specs/*.yml` of github.com/mustache/spec)
/// through the site's template engine with data-driven views.
package enum SpecRunner {
    /// The cases of one specification file, or the problems that kept it from being read.
    package static func cases(inYAML text: String, file: String) -> Result<[SpecCase], SpecFileError> {
        var diagnostics = Diagnostics()
        var reader = YAMLReader()
        reader.maximumDepth = 256
        guard let root = reader.read(text, file: file, diagnostics: &diagnostics) else {
            return .failure(SpecFileError(message: diagnostics.all.map { "\($0.location): \($0.message)" }.joined(separator: "\n")))
        }
        guard case .mapping(let top) = root, let tests = top.entries.first(where: { $0.key.text == "tests" })?.value,
            case .sequence(let list) = tests
        else { return .failure(SpecFileError(message: "\(file): no list of tests")) }
        var cases: [SpecCase] = []
        for item in list.items {
            guard case .mapping(let mapping) = item else {
                return .failure(SpecFileError(message: "\(item.location): a test is not a mapping"))
            }
            var fields: [String: YAMLNode] = [:]
            for entry in mapping.entries { fields[entry.key.text] = entry.value }
            guard case .scalar(let name)? = fields["name"], case .scalar(let template)? = fields["template"],
                case .scalar(let expected)? = fields["expected"]
            else { return .failure(SpecFileError(message: "\(mapping.location): a test needs name, template and expected")) }
            var partials: [String: String] = [:]
            if case .mapping(let given)? = fields["partials"] {
                for entry in given.entries {
                    let (key, value) = (entry.key, entry.value)
                    if case .scalar(let text) = value { partials[key.text] = text.text }
                }
            }
            cases.append(
                SpecCase(
                    name: name.text, template: template.text, partials: partials,
                    data: fields["data"].map(SpecValue.init) ?? .null, expected: expected.text))
        }
        return .success(cases)
    }

    package static func run(_ specCase: SpecCase) -> SpecOutcome {
        if specCase.data.holdsLambda { return .notSupported("lambdas: data holding code") }
        let (template, diagnostics) = DynamicTemplate.compile(specCase.template, partials: specCase.partials)
        guard let template else {
            let errors = diagnostics.errors
            if let refused = errors.first(where: { refusedOnPurpose($0.message) }) {
                return .notSupported(refused.message)
            }
            return .failed("refused: " + errors.map { "\($0.location): \($0.message)" }.joined(separator: "; "))
        }
        let output = template.render(SpecDataView(specCase.data))
        if output == specCase.expected { return .passed }
        return .failed("expected \(quoted(specCase.expected)), got \(quoted(output))")
    }

    /// Errors the engine gives on purpose for what the specification allows.
    static func refusedOnPurpose(_ message: String) -> Bool {
        message.contains("not supported") || message.hasPrefix("there is no template")
    }

    /// The text as a JSON string literal, so that line breaks and spaces show in a failure.
    private static func quoted(_ text: String) -> String { JSONDiagnosticFormatter.string(text) }
}

package struct SpecFileError: Error, Sendable {
    package let message: String
}
