/// Collects the operations and tables of one `TemplateCode` while a template is compiled.
struct TemplateCodeBuilder {
    private(set) var operations: [TemplateOperation] = []
    private var text: [UInt8] = []
    private var fields: [Int] = []
    private var programs: [TemplateProgram] = []
    private var names: [[String]] = []

    /// Appends an operation; returns its index.
    @discardableResult
    mutating func append(_ operation: TemplateOperation) -> Int {
        operations.append(operation)
        return operations.count - 1
    }

    /// Appends template text, extending the text operation at `previous` when it is still the
    /// last one (consecutive text is written at once); returns the index of the text operation.
    mutating func appendText(_ string: String, extending previous: Int?) -> Int? {
        guard !string.isEmpty else { return previous }
        let start = text.count
        text.append(contentsOf: string.utf8)
        if let previous, previous == operations.count - 1, case .text(let range) = operations[previous],
            range.upperBound == start
        {
            operations[previous] = .text(range.lowerBound..<text.count)
            return previous
        }
        return append(.text(start..<text.count))
    }

    /// Appends the inclusion of a partial, parent or block, indented by `indentation` (nil or
    /// empty: not indented).
    mutating func appendInclude(_ program: TemplateProgram, indentation: String?) {
        var added: Range<Int>?
        if let indentation, !indentation.isEmpty {
            let start = text.count
            text.append(contentsOf: indentation.utf8)
            added = start..<text.count
        }
        programs.append(program)
        append(.include(programs.count - 1, indentation: added))
    }

    /// The path as compiled code refers to it, its fields after the first stored in the table.
    mutating func reference(_ path: FieldPath) -> FieldReference {
        let start = fields.count
        fields.append(contentsOf: path.rest)
        return FieldReference(frame: path.frame, first: path.first, rest: start..<fields.count)
    }

    /// The index of names looked up in data-driven views, stored in the table.
    mutating func lookup(_ path: [String]) -> Int {
        names.append(path)
        return names.count - 1
    }

    /// Ends the body of the section at `index`: the operations appended since are its body.
    mutating func closeBody(of index: Int) {
        operations[index] = operations[index].withBody(operations.count - index - 1)
    }

    func build() -> TemplateCode {
        TemplateCode(operations: operations, text: text, fields: fields, programs: programs, names: names)
    }
}
