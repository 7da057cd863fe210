import CYAML
import MierukaDiagnostics

/// Parses YAML text into a located `YAMLNode` tree, turning every failure into a diagnostic.
///
/// The text is read by libyaml, the reference C parser, event by event; the tree is built here
/// with an explicit stack, so that no input, however deeply nested, can exhaust a thread's stack.
/// Guards against hostile or broken input: nesting deeper than `maximumDepth` and a tree larger
/// than `maximumNodes` are refused (an alias "billion laughs" expands to billions of values), and
/// a key given twice in one mapping is reported where it is written the second time.
package struct YAMLReader: Sendable {
    package var maximumDepth = 64
    package var maximumNodes = 1_000_000

    package init() {}

    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path shown in diagnostics.
    ///   - lineOffset: lines above the YAML text in its file (1 for front matter after `---`).
    /// - Returns: the root node, nil for an empty document or on error (with the error in `diagnostics`).
    package func read(_ text: String, file: String, lineOffset: Int = 0, diagnostics: inout Diagnostics) -> YAMLNode? {
        read(text, in: SourceLocation(file: file), lineOffset: lineOffset, diagnostics: &diagnostics)
    }

    /// As `read(_:file:lineOffset:diagnostics:)`, for a file already named by a location in it:
    /// every node's location is made from it, without looking the file up again.
    package func read(
        _ text: String, in fileLocation: SourceLocation, lineOffset: Int = 0, diagnostics: inout Diagnostics
    ) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            diagnostics.error(at: fileLocation.at(line: lineOffset + 1, column: 1), "YAML could not be read: out of memory")
            return nil
        }
        defer { yaml_parser_delete(parser) }
        var builder = YAMLTreeBuilder(
            fileLocation: fileLocation, lineOffset: lineOffset, maximumDepth: maximumDepth, maximumNodes: maximumNodes)
        var input = text
        let outcome: YAMLTreeBuilder.Outcome = input.withUTF8 { bytes in
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    return .failed(
                        YAMLErrorTranslator.diagnostic(
                            for: parser.pointee, text: text, file: fileLocation.file, lineOffset: lineOffset))
                }
                let step = builder.consume(event)
                let finished = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if case .failed = step { return step }
                if finished { return .finished }
            }
        }
        switch outcome {
        case .failed(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .finished, .continuing:
            return builder.root
        }
    }
}

/// Builds the located tree from libyaml's events.
struct YAMLTreeBuilder {
    /// A location in the file, from which every node's is made (the file is looked up once).
    private let fileLocation: SourceLocation
    let lineOffset: Int
    let maximumDepth: Int
    let maximumNodes: Int
    private(set) var root: YAMLNode?
    private var stack: [Container] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodes = 0
    private var documents = 0

    init(fileLocation: SourceLocation, lineOffset: Int, maximumDepth: Int, maximumNodes: Int) {
        self.fileLocation = fileLocation
        self.lineOffset = lineOffset
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }

    enum Outcome {
        case continuing
        case finished
        case failed(Diagnostic)
    }

    private struct Container {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLEntry] = []
        /// A mapping's key waiting for its value.
        var pendingKey: YAMLScalar?
        /// The keys of a large mapping; a small one (front matter has a handful of keys per
        /// mapping) is searched in place, without hashing every key of every document.
        var manyKeys: Set<String>?
        let location: SourceLocation
        let anchor: String?
        let tag: String?
        /// Values below this container, for the alias budget.
        var size = 1

        /// Records a mapping's key; false when the mapping already has it.
        mutating func insertKey(_ key: String) -> Bool {
            if manyKeys != nil { return manyKeys?.insert(key).inserted ?? true }
            if entries.contains(where: { $0.key.text == key }) { return false }
            if entries.count >= 16 { manyKeys = Set(entries.map(\.key.text) + [key]) }
            return true
        }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        fileLocation.at(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        if let length {
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    mutating func consume(_ event: yaml_event_t) -> Outcome {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return .failed(
                    .error(
                        at: location(event.start_mark), "a second YAML document starts here",
                        hint: "a block of YAML holds one document; remove the extra \"---\" line"))
            }
            return .continuing
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = string(scalar.value, length: Int(scalar.length)) ?? ""
            let node = YAMLScalar(
                text: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, location: location(event.start_mark))
            return add(.scalar(node), size: 1, anchor: string(scalar.anchor), keyScalar: node)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                return .failed(
                    .error(
                        at: location(event.start_mark), "an alias (*\(name)) refers to an anchor (&\(name)) that is not defined",
                        hint: "define the anchor first, or write the value out"))
            }
            let keyScalar: YAMLScalar? = if case .scalar(let scalar) = target.node { scalar } else { nil }
            return add(target.node, size: target.size, anchor: nil, keyScalar: keyScalar)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
            let tag = isMapping ? string(event.data.mapping_start.tag) : nil
            if stack.count >= maximumDepth {
                return .failed(
                    .error(
                        at: location(event.start_mark), "YAML is nested more than \(maximumDepth) levels deep",
                        hint: "front matter and result files need only a few levels; check for runaway indentation or brackets"))
            }
            var container = Container(isMapping: isMapping, location: location(event.start_mark), anchor: anchor, tag: tag)
            // Room for the few values most lists and mappings hold: grown one value at a time, the
            // array was made anew at its first, second, third and fifth (the tree is dropped once
            // decoded, so the room left over is not kept).
            if isMapping { container.entries.reserveCapacity(8) } else { container.items.reserveCapacity(8) }
            stack.append(container)
            return .continuing
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let container = stack.popLast() else { return .continuing }
            let node: YAMLNode =
                container.isMapping
                ? .mapping(YAMLMapping(entries: container.entries, location: container.location, tag: container.tag))
                : .sequence(YAMLSequence(items: container.items, location: container.location))
            return add(node, size: container.size, anchor: container.anchor, keyScalar: nil, counted: true)
        default:
            return .continuing
        }
    }

    /// Puts a finished node where it belongs: the root, the next item of a list, a mapping's key,
    /// or the value of the mapping's pending key.
    private mutating func add(
        _ node: YAMLNode, size: Int, anchor: String?, keyScalar: YAMLScalar?, counted: Bool = false
    ) -> Outcome {
        if !counted { nodes += size } else { nodes += 1 }
        guard nodes <= maximumNodes else {
            return .failed(
                .error(
                    at: fileLocation.at(line: lineOffset + 1, column: 1),
                    "YAML expands to more than \(maximumNodes) values",
                    hint: "aliases (*name) that repeat anchors (&name) multiply the data; write the values out instead"))
        }
        if let anchor { anchors[anchor] = (node, size) }
        // The innermost container is changed where it is in the stack: taking it out and putting
        // it back copied it for every value of every document.
        guard !stack.isEmpty else {
            root = node
            return .continuing
        }
        let top = stack.count - 1
        stack[top].size += size
        if stack[top].isMapping {
            if let key = stack[top].pendingKey {
                stack[top].entries.append(YAMLEntry(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                // A key: a list or mapping used as a key keeps its position; the decoder rejects it.
                let key = keyScalar ?? YAMLScalar(text: "", isPlain: false, location: node.location)
                if keyScalar != nil, !stack[top].insertKey(key.text) {
                    return .failed(
                        .error(
                            at: key.location, "duplicate key \"\(key.text)\"",
                            hint: "each key may appear once in the same block; remove or rename one of them"))
                }
                stack[top].pendingKey = key
            }
        } else {
            stack[top].items.append(node)
        }
        return .continuing
    }
}
