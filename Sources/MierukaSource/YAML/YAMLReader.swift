import MierukaDiagnostics
import Yams

/// Parses YAML text into a located `YAMLNode` tree, turning every failure into a diagnostic.
///
/// Guards against hostile or broken input: nesting deeper than `maximumDepth` is refused before
/// the parser runs (deep recursion would exhaust a thread's stack), and a tree larger than
/// `maximumNodes` is refused while it is walked (an alias "billion laughs" expands to billions).
public struct YAMLReader: Sendable {
    public var maximumDepth = 64
    public var maximumNodes = 1_000_000

    public init() {}

    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path shown in diagnostics.
    ///   - lineOffset: lines above the YAML text in its file (1 for front matter after `---`).
    /// - Returns: the root node, nil for an empty document or on error (with the error in `diagnostics`).
    public func read(_ text: String, file: String, lineOffset: Int = 0, diagnostics: inout Diagnostics) -> YAMLNode? {
        if let deep = YAMLDepthGuard.firstLineDeeperThan(maximumDepth, in: text) {
            diagnostics.error(
                at: SourceLocation(file: file, line: deep + lineOffset, column: 1),
                "YAML is nested more than \(maximumDepth) levels deep",
                hint: "front matter and result files need only a few levels; check for runaway indentation or brackets")
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            diagnostics.append(YAMLErrorTranslator.diagnostic(for: error, text: text, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "YAML could not be read: \(error)")
            return nil
        }
        guard let root else { return nil }
        var converter = Converter(file: file, lineOffset: lineOffset, budget: maximumNodes)
        guard let node = converter.convert(root) else {
            diagnostics.error(
                at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                "YAML expands to more than \(maximumNodes) values",
                hint: "aliases (*name) that repeat anchors (&name) multiply the data; write the values out instead")
            return nil
        }
        return node
    }

    private struct Converter {
        let file: String
        let lineOffset: Int
        var budget: Int

        mutating func convert(_ node: Node) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch node {
            case .scalar(let scalar):
                return .scalar(convertScalar(scalar))
            case .mapping(let mapping):
                var entries: [(key: YAMLScalar, value: YAMLNode)] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    let keyScalar: YAMLScalar
                    if case .scalar(let scalar) = key {
                        keyScalar = convertScalar(scalar)
                    } else {
                        // A list or mapping used as a key: keep its position; the decoder rejects it.
                        keyScalar = YAMLScalar(text: "", isPlain: false, location: location(key.mark))
                    }
                    guard let converted = convert(value) else { return nil }
                    entries.append((keyScalar, converted))
                }
                return .mapping(YAMLMapping(entries: entries, location: location(mapping.mark)))
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    guard let converted = convert(item) else { return nil }
                    items.append(converted)
                }
                return .sequence(YAMLSequence(items: items, location: location(sequence.mark)))
            case .alias:
                // compose() resolves aliases; an unresolved one is treated as empty.
                return .scalar(YAMLScalar(text: "", isPlain: true, location: location(node.mark)))
            }
        }

        func convertScalar(_ scalar: Node.Scalar) -> YAMLScalar {
            YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain, location: location(scalar.mark))
        }

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file) }
            return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
    }
}
