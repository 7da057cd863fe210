/// Runs a compiled template for one page, writing UTF-8 into a buffer.
struct TemplateRuntime {
    private(set) var output: [UInt8] = []
    /// The page's root, outside `frames`: read directly, without copying a frame.
    private let root: PageContext?
    private var frames: [Frame]
    /// The view type of each frame (nil for a frame that is not a view), kept beside `frames` so
    /// that finding the innermost view of a type compares identifiers instead of copying frames
    /// (which retained and released every view passed over: half of the runtime's instructions).
    private var frameTypes: [ObjectIdentifier?]
    /// Inside standalone partials and blocks: the whitespace their tags were indented by, which
    /// each further line of their text takes (values inserted are not reindented).
    private var indentation: [UInt8] = []
    /// The last text written ended a line inside an indented partial: the next output starts
    /// with the indentation.
    private var lineStartPending = false

    private enum Frame {
        case root(PageContext)
        case view(any TemplateView, type: ObjectIdentifier, position: ListPosition?)
        case text(String, position: ListPosition?)
        /// Entering a partial hides the list position, as Mustache does.
        case barrier
    }

    private struct ListPosition {
        let index: Int
        let count: Int
    }

    init(root: PageContext, capacity: Int = 32_768) {
        self.root = root
        frames = [.root(root)]
        frameTypes = [nil]
        output.reserveCapacity(capacity)
    }

    /// For a program compiled by `TemplateCompiler.compileDynamic`: the data is the whole context.
    init(data: any DynamicTemplateView) {
        let type = ObjectIdentifier(Swift.type(of: data))
        root = nil
        frames = [.view(data, type: type, position: nil)]
        frameTypes = [type]
    }

    private mutating func push(_ frame: Frame) {
        if case .view(_, let type, _) = frame {
            frameTypes.append(type)
        } else {
            frameTypes.append(nil)
        }
        frames.append(frame)
    }

    private mutating func pop() {
        frames.removeLast()
        frameTypes.removeLast()
    }

    mutating func run(_ program: TemplateProgram) {
        for operation in program.operations {
            switch operation {
            case .text(let bytes):
                if indentation.isEmpty {
                    output.append(contentsOf: bytes)
                } else {
                    appendIndented(bytes)
                }
            case .value(let path, let escaped):
                write(resolve(path), escaped: escaped)
            case .current(let escaped):
                if case .text(let text, _)? = frames.last(where: { if case .barrier = $0 { false } else { true } }) {
                    write(.text(text), escaped: escaped)
                }
            case .section(let path, let inverted, let body):
                section(resolve(path), inverted: inverted, body: body)
            case .currentSection(let inverted, let body):
                let top = frames.last(where: { if case .barrier = $0 { false } else { true } })
                let present: Bool = if case .text? = top { true } else { false }
                if present != inverted { run(body) }
            case .position(let position, let inverted, let body):
                var holds = false
                switch frames.last {
                case .view(_, _, let place?), .text(_, let place?):
                    holds = position == .first ? place.index == 0 : place.index == place.count - 1
                default:
                    holds = false
                }
                if holds != inverted { run(body) }
            case .include(let program, let added):
                push(.barrier)
                if let added {
                    // The tag's own line already starts with the indentation (written before it).
                    let outer = indentation
                    indentation += Array(added.utf8)
                    lineStartPending = false
                    run(program)
                    indentation = outer
                } else {
                    run(program)
                }
                pop()
            case .lookup(let names, let escaped):
                write(lookup(names), escaped: escaped)
            case .lookupSection(let names, let inverted, let body):
                section(lookup(names), inverted: inverted, body: body)
            }
        }
    }

    /// A name in data-driven views, as Mustache resolves it: the first name in the innermost view
    /// that has it, the others each in the value found before; no names: the innermost value.
    private func lookup(_ names: [String]) -> TemplateValue {
        guard let first = names.first else {
            switch frames.last(where: { if case .barrier = $0 { false } else { true } }) {
            case .text(let text, _)?: return .text(text)
            case .view(let view, _, _)?: return (view as? any DynamicTemplateView)?.currentValue ?? .view(view)
            default: return .absent
            }
        }
        var value = TemplateValue.absent
        for frame in frames.reversed() {
            guard case .view(let view, _, _) = frame, let data = view as? any DynamicTemplateView,
                let found = data.value(named: first)
            else { continue }
            value = found
            break
        }
        for name in names.dropFirst() {
            guard case .view(let view) = value, let data = view as? any DynamicTemplateView,
                let found = data.value(named: name)
            else { return .absent }
            value = found
        }
        return value
    }

    private mutating func section(_ value: TemplateValue, inverted: Bool, body: TemplateProgram) {
        switch value {
        case .view(let view):
            guard !inverted else { return }
            push(.view(view, type: ObjectIdentifier(type(of: view)), position: nil))
            run(body)
            pop()
        case .list(let views):
            if inverted {
                if views.isEmpty { run(body) }
                return
            }
            for (index, view) in views.enumerated() {
                push(.view(view, type: ObjectIdentifier(type(of: view)), position: ListPosition(index: index, count: views.count)))
                run(body)
                pop()
            }
        case .texts(let texts):
            if inverted {
                if texts.isEmpty { run(body) }
                return
            }
            for (index, text) in texts.enumerated() {
                push(.text(text, position: ListPosition(index: index, count: texts.count)))
                run(body)
                pop()
            }
        case .text(let text), .html(let text):
            guard !inverted else { return }
            push(.text(text, position: nil))
            run(body)
            pop()
        case .flag(let flag):
            if flag != inverted { run(body) }
        case .absent:
            if inverted { run(body) }
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text), .html(let text):
            if lineStartPending, !text.isEmpty { startLine() }
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .flag(let flag):
            if lineStartPending { startLine() }
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .view, .list, .texts, .absent:
            break
        }
    }

    private mutating func startLine() {
        output.append(contentsOf: indentation)
        lineStartPending = false
    }

    /// Template text inside an indented partial: each line it starts takes the indentation, except
    /// an empty end (the partial's last line break ends the line of its tag).
    private mutating func appendIndented(_ bytes: [UInt8]) {
        for byte in bytes {
            if lineStartPending { startLine() }
            output.append(byte)
            if byte == UInt8(ascii: "\n") { lineStartPending = true }
        }
    }

    /// The value at a field path: the frame is the page's root or the innermost view of its type.
    private func resolve(_ path: FieldPath) -> TemplateValue {
        var value: TemplateValue = .absent
        switch path.frame {
        case .root:
            guard let root, let first = path.fields.first else { return .absent }
            value = root.read(first)
        case .view(let type):
            guard let first = path.fields.first,
                let position = frameTypes.lastIndex(where: { $0 == type }),
                case .view(let view, _, _) = frames[position]
            else { return .absent }
            value = view.read(first)
        }
        for field in path.fields.dropFirst() {
            guard case .view(let view) = value else { return .absent }
            value = view.read(field)
        }
        return value
    }

}

/// HTML escaping of text, on bytes: `<`, `>`, `&`, `"` and `'` (the characters Mustache escapes).
package enum HTMLEscaping {
    /// The text, escaped (for HTML made outside the templates, such as serve's error panel).
    package static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in append(bytes, to: &output) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Most text needs no escaping: copy it whole.
        var needsEscaping = false
        for byte in bytes where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            output.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: output.append(byte)
            }
        }
    }
}
