/// Runs a compiled template for one page, writing UTF-8 into a buffer.
struct TemplateRuntime {
    private(set) var output: [UInt8] = []
    /// The page's `site` and `meta`, each made a template value once per page (boxing the view on
    /// every read of `{{site.…}}` allocated and copied it).
    private let rootSite: TemplateValue
    private let rootMeta: TemplateValue
    /// What the sections entered, innermost last, and what the stack's frames are.
    private var frames: [Frame]
    /// The views of the frames that hold one (the page's content first), apart from `frames`, so
    /// that a field is read where the view is stored: copying a frame with its view out of the
    /// stack retained and released the view on every field read.
    private var views: [any TemplateView]
    /// The view type of each of `views` (nil for the page's content, which the compiler reads
    /// through the root), so that finding the innermost view of a type compares identifiers.
    private var viewTypes: [ObjectIdentifier?]
    /// Inside standalone partials and blocks: the whitespace their tags were indented by, which
    /// each further line of their text takes (values inserted are not reindented).
    private var indentation: [UInt8] = []
    /// The last text written ended a line inside an indented partial: the next output starts
    /// with the indentation.
    private var lineStartPending = false

    private enum Frame {
        case root
        /// `slot`: the view's index in `views`.
        case view(slot: Int, position: ListPosition?)
        case text(String, position: ListPosition?)
        /// A section over markup (`TemplateValue.markup`): `{{.}}` inside it writes the markup.
        case markup([UInt8], position: ListPosition?)
        /// Entering a partial hides the list position, as Mustache does.
        case barrier
    }

    private struct ListPosition {
        let index: Int
        let count: Int
    }

    init(root: PageContext, capacity: Int = 32_768) {
        rootSite = .view(root.site)
        rootMeta = .view(root.meta)
        frames = [.root]
        views = [root.content]
        viewTypes = [nil]
        output.reserveCapacity(capacity)
    }

    /// For a program compiled by `TemplateCompiler.compileDynamic`: the data is the whole context.
    init(data: any DynamicTemplateView) {
        rootSite = .absent
        rootMeta = .absent
        frames = [.view(slot: 0, position: nil)]
        views = [data]
        viewTypes = [ObjectIdentifier(type(of: data))]
    }

    private mutating func push(_ view: any TemplateView, position: ListPosition?) {
        frames.append(.view(slot: views.count, position: position))
        viewTypes.append(ObjectIdentifier(type(of: view)))
        views.append(view)
    }

    private mutating func push(_ frame: Frame) {
        frames.append(frame)
    }

    private mutating func pop() {
        if case .view = frames.removeLast() {
            views.removeLast()
            viewTypes.removeLast()
        }
    }

    /// The innermost frame that is not a partial's barrier.
    private var innermost: Frame? {
        frames.last { if case .barrier = $0 { false } else { true } }
    }

    mutating func run(_ program: TemplateProgram) {
        let code = program.code
        run(code, 0..<code.operations.count)
    }

    /// Runs the operations in `range` of `code`. (The operations hold only numbers, so reading
    /// one retains nothing; a section runs its body, the range after it, and the loop skips it.)
    private mutating func run(_ code: TemplateCode, _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let operation = code.operations[index]
            index += 1
            switch operation {
            case .text(let span):
                code.text.withUnsafeBufferPointer { text in
                    let bytes = UnsafeBufferPointer(rebasing: text[span])
                    if indentation.isEmpty {
                        output.append(contentsOf: bytes)
                    } else {
                        appendIndented(bytes)
                    }
                }
            case .value(let path, let escaped):
                write(resolve(path, in: code), escaped: escaped)
            case .current(let escaped):
                switch innermost {
                case .text(let text, _)?: write(.text(text), escaped: escaped)
                case .markup(let bytes, _)?: write(.markup(bytes), escaped: escaped)
                default: break
                }
            case .section(let path, let inverted, let count):
                section(resolve(path, in: code), inverted: inverted, body: index..<index + count, of: code)
                index += count
            case .currentSection(let inverted, let count):
                let present: Bool =
                    switch innermost {
                    case .text?, .markup?: true
                    default: false
                    }
                if present != inverted { run(code, index..<index + count) }
                index += count
            case .position(let position, let inverted, let count):
                if holds(position) != inverted { run(code, index..<index + count) }
                index += count
            case .include(let program, let added):
                include(code.programs[program], indentation: added.map { code.text[$0] })
            case .lookup(let names, let escaped):
                write(lookup(code.names[names]), escaped: escaped)
            case .lookupSection(let names, let inverted, let count):
                section(lookup(code.names[names]), inverted: inverted, body: index..<index + count, of: code)
                index += count
            }
        }
    }

    /// Whether the innermost frame is an element of a list at `position`.
    private func holds(_ position: SequencePosition) -> Bool {
        switch frames.last {
        case .view(_, let place?), .text(_, let place?), .markup(_, let place?):
            position == .first ? place.index == 0 : place.index == place.count - 1
        default:
            false
        }
    }

    /// A partial, parent or block; `added` is the whitespace its standalone tag was indented by.
    private mutating func include(_ program: TemplateProgram, indentation added: ArraySlice<UInt8>?) {
        push(.barrier)
        if let added {
            // The tag's own line already starts with the indentation (written before it).
            indentation.append(contentsOf: added)
            lineStartPending = false
            run(program)
            indentation.removeLast(added.count)
        } else {
            run(program)
        }
        pop()
    }

    /// A name in data-driven views, as Mustache resolves it: the first name in the innermost view
    /// that has it, the others each in the value found before; no names: the innermost value.
    private func lookup(_ names: [String]) -> TemplateValue {
        guard let first = names.first else {
            switch innermost {
            case .text(let text, _)?: return .text(text)
            case .markup(let bytes, _)?: return .markup(bytes)
            case .view(let slot, _)?: return (views[slot] as? any DynamicTemplateView)?.currentValue ?? .view(views[slot])
            default: return .absent
            }
        }
        var value = TemplateValue.absent
        for frame in frames.reversed() {
            guard case .view(let slot, _) = frame, let data = views[slot] as? any DynamicTemplateView,
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

    /// (The value is consumed: switching over a borrowed one copied the text, view or list in it.)
    private mutating func section(
        _ value: consuming TemplateValue, inverted: Bool, body: Range<Int>, of code: TemplateCode
    ) {
        switch consume value {
        case .view(let view):
            guard !inverted else { return }
            push(view, position: nil)
            run(code, body)
            pop()
        case .list(let list):
            if inverted {
                if list.isEmpty { run(code, body) }
                return
            }
            for index in list.indices {
                push(list[index], position: ListPosition(index: index, count: list.count))
                run(code, body)
                pop()
            }
        case .texts(let texts):
            if inverted {
                if texts.isEmpty { run(code, body) }
                return
            }
            for (index, text) in texts.enumerated() {
                push(.text(text, position: ListPosition(index: index, count: texts.count)))
                run(code, body)
                pop()
            }
        case .text(let text), .html(let text):
            guard !inverted else { return }
            push(.text(text, position: nil))
            run(code, body)
            pop()
        case .markup(let bytes):
            guard !inverted else { return }
            push(.markup(bytes, position: nil))
            run(code, body)
            pop()
        case .flag(let flag):
            if flag != inverted { run(code, body) }
        case .absent:
            if inverted { run(code, body) }
        }
    }

    private mutating func write(_ value: consuming TemplateValue, escaped: Bool) {
        switch consume value {
        case .text(let text), .html(let text):
            if lineStartPending, !text.isEmpty { startLine() }
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .markup(let bytes):
            write(markup: bytes, escaped: escaped)
        case .flag(let flag):
            if lineStartPending { startLine() }
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .view, .list, .texts, .absent:
            break
        }
    }

    /// Markup, apart from `write(_:escaped:)`: kept out of it, `write` stays small enough to be
    /// inlined into the loop that runs the operations.
    @inline(never)
    private mutating func write(markup bytes: [UInt8], escaped: Bool) {
        if lineStartPending, !bytes.isEmpty { startLine() }
        if escaped {
            bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
        } else {
            output.append(contentsOf: bytes)
        }
    }

    private mutating func startLine() {
        output.append(contentsOf: indentation)
        lineStartPending = false
    }

    /// Template text inside an indented partial: each line it starts takes the indentation, except
    /// an empty end (the partial's last line break ends the line of its tag).
    private mutating func appendIndented(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if lineStartPending { startLine() }
            output.append(byte)
            if byte == UInt8(ascii: "\n") { lineStartPending = true }
        }
    }

    /// The value at a field path: the frame is the page's root or the innermost view of its type.
    private func resolve(_ path: FieldReference, in code: TemplateCode) -> TemplateValue {
        let first = path.first
        var value: TemplateValue
        switch path.frame {
        case .root:
            switch first {
            case PageContext.siteIndex: value = rootSite
            case PageContext.metaIndex: value = rootMeta
            default: value = read(first - PageContext.contentOffset, ofViewAt: 0)
            }
        case .view(let type):
            guard let slot = viewTypes.lastIndex(where: { $0 == type }) else { return .absent }
            value = read(first, ofViewAt: slot)
        }
        var next = path.rest.lowerBound
        while next < path.rest.upperBound {
            guard case .view(let view) = value else { return .absent }
            value = view.read(code.fields[next])
            next += 1
        }
        return value
    }

    /// A field of one of `views`, read where the view is stored. (Static, not inlined, with the
    /// array as an argument: subscripting an array passed by value opens the view in place, where
    /// reaching it through `self`, which is passed by address, copied the view on every read.)
    private func read(_ field: Int, ofViewAt slot: Int) -> TemplateValue {
        Self.read(field, of: views, at: slot)
    }

    @inline(never)
    private static func read(_ field: Int, of views: [any TemplateView], at slot: Int) -> TemplateValue {
        views[slot].read(field)
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
        // Most text needs no escaping: copy it whole. (All five characters are below 64, so one
        // test of a bit mask per byte finds them; Japanese text is all bytes of 0x80 and above.)
        guard bytes.contains(where: needsEscaping) else {
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

    /// `"`, `&`, `'`, `<` and `>` as bits of a mask.
    private static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBytes & (1 << UInt64(byte)) != 0
    }
}
