/// Writes inline SVG for the charts: escaped text, numbers with at most two decimals, and ids
/// made unique per chart so that several charts can share a page. Writes bytes (charts are drawn
/// on every item page, so this is on the hot path of a build).
struct SVGWriter {
    private(set) var bytes: [UInt8] = []

    /// A chart's ids start with this (「c1a2b3c4」), from a hash of where the chart is, so that the
    /// same chart always gets the same ids (deterministic output) and two charts never share one.
    let idPrefix: String

    init(scope: String) {
        // FNV-1a, 32 bits: short, stable across runs and platforms (unlike Hasher).
        var hash: UInt32 = 0x811C_9DC5
        for byte in scope.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        idPrefix = "c" + String(repeating: "0", count: 8 - hex.count) + hex
        bytes.reserveCapacity(4096)
    }

    func id(_ name: String) -> String { "\(idPrefix)-\(name)" }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    /// `<name a="…" b="…">` with escaped values; self-closing when `close` is true.
    mutating func open(_ name: String, _ attributes: [(String, Value)], close: Bool = false) {
        bytes.append(0x3C)
        bytes += name.utf8
        for (key, value) in attributes {
            bytes.append(0x20)
            bytes += key.utf8
            bytes += [0x3D, 0x22]
            switch value {
            case .text(let text): HTMLEscaping.append(text, to: &bytes)
            case .number(let number): Self.appendNumber(number, to: &bytes)
            }
            bytes.append(0x22)
        }
        if close { bytes.append(0x2F) }
        bytes.append(0x3E)
    }

    mutating func end(_ name: String) {
        bytes += [0x3C, 0x2F]
        bytes += name.utf8
        bytes.append(0x3E)
    }

    mutating func element(_ name: String, _ attributes: [(String, Value)], text: String) {
        open(name, attributes)
        HTMLEscaping.append(text, to: &bytes)
        end(name)
    }

    /// Text written where it goes, escaped: a chart's text equivalent, made of many pieces, is
    /// written piece by piece instead of being joined into one String first.
    mutating func escaped(_ text: String) { HTMLEscaping.append(text, to: &bytes) }

    /// Text of the chart's own (no escaping needed).
    mutating func literal(_ text: StaticString) { append(text) }

    // MARK: Elements the charts draw many of, written without building attribute lists.

    /// `<text class="…" x="…" y="…" text-anchor="…">…</text>`
    mutating func text(_ cls: StaticString, x: Double, y: Double, anchor: StaticString? = nil, _ content: String) {
        append("<text class=\"")
        append(cls)
        append("\" x=\"")
        Self.appendNumber(x, to: &bytes)
        append("\" y=\"")
        Self.appendNumber(y, to: &bytes)
        if let anchor {
            append("\" text-anchor=\"")
            append(anchor)
        }
        append("\">")
        HTMLEscaping.append(content, to: &bytes)
        append("</text>")
    }

    /// A label of one or more lines: one line as `text(…)` writes it, more as a `<tspan>` per
    /// line, each at `x` and `lineHeight` below the one before (the first at `y`).
    mutating func text(
        _ cls: StaticString, x: Double, y: Double, anchor: StaticString? = nil, lines: [String], lineHeight: Double
    ) {
        guard lines.count > 1 else {
            text(cls, x: x, y: y, anchor: anchor, lines.first ?? "")
            return
        }
        text(cls, x: x, y: y, anchor: anchor, "")
        bytes.removeLast("</text>".utf8.count)
        for (offset, line) in lines.enumerated() {
            append("<tspan x=\"")
            Self.appendNumber(x, to: &bytes)
            append("\" y=\"")
            Self.appendNumber(y + Double(offset) * lineHeight, to: &bytes)
            append("\">")
            HTMLEscaping.append(line, to: &bytes)
            append("</tspan>")
        }
        append("</text>")
    }

    /// `<line class="…" x1="…" x2="…" y1="…" y2="…"/>`
    mutating func line(_ cls: StaticString, x1: Double, x2: Double, y1: Double, y2: Double) {
        append("<line class=\"")
        append(cls)
        append("\" x1=\"")
        Self.appendNumber(x1, to: &bytes)
        append("\" x2=\"")
        Self.appendNumber(x2, to: &bytes)
        append("\" y1=\"")
        Self.appendNumber(y1, to: &bytes)
        append("\" y2=\"")
        Self.appendNumber(y2, to: &bytes)
        append("\"/>")
    }

    /// `<rect class="…" x="…" y="…" width="…" height="…" fill="…"/>`
    mutating func rect(_ cls: String, x: Double, y: Double, width: Double, height: Double, fill: String? = nil) {
        append("<rect class=\"")
        bytes += cls.utf8
        append("\" x=\"")
        Self.appendNumber(x, to: &bytes)
        append("\" y=\"")
        Self.appendNumber(y, to: &bytes)
        append("\" width=\"")
        Self.appendNumber(width, to: &bytes)
        append("\" height=\"")
        Self.appendNumber(height, to: &bytes)
        if let fill {
            append("\" fill=\"")
            bytes += fill.utf8
        }
        append("\"/>")
    }

    /// `<circle class="…" cx="…" cy="…" r="…"/>`
    mutating func circle(_ cls: StaticString, cx: Double, cy: Double, r: Double) {
        append("<circle class=\"")
        append(cls)
        append("\" cx=\"")
        Self.appendNumber(cx, to: &bytes)
        append("\" cy=\"")
        Self.appendNumber(cy, to: &bytes)
        append("\" r=\"")
        Self.appendNumber(r, to: &bytes)
        append("\"/>")
    }

    /// `<path class="…" d="M x,y L x,y …"/>`: the points joined by straight lines, the path data
    /// written as it is made.
    mutating func polyline(_ cls: StaticString, _ points: [(x: Double, y: Double)]) {
        append("<path class=\"")
        append(cls)
        append("\" d=\"")
        for (offset, point) in points.enumerated() {
            if offset > 0 { bytes.append(0x20) }
            bytes.append(offset == 0 ? 0x4D : 0x4C)  // M, then L
            Self.appendNumber(point.x, to: &bytes)
            bytes.append(0x2C)
            Self.appendNumber(point.y, to: &bytes)
        }
        append("\"/>")
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// An attribute's value: text (escaped) or a coordinate.
    enum Value: ExpressibleByStringInterpolation {
        case text(String)
        case number(Double)

        init(stringLiteral value: String) { self = .text(value) }
    }

    /// 12, 12.5, 12.25: coordinates rounded to hundredths, written without a trailing zero.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else {
            bytes.append(0x30)
            return
        }
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { bytes.append(0x2D) }
        // Written straight into the bytes, first digit first (a chart writes a number for nearly
        // every attribute; a buffer on the stack per number cost a closure call each).
        let whole = hundredths.magnitude / 100
        var place: UInt = 1
        while place <= whole / 10 { place *= 10 }
        repeat {
            bytes.append(0x30 + UInt8(whole / place % 10))
            place /= 10
        } while place > 0
        let fraction = hundredths.magnitude % 100
        if fraction != 0 {
            bytes.append(0x2E)
            bytes.append(0x30 + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(0x30 + UInt8(fraction % 10)) }
        }
    }

    /// The text of `appendNumber`, for path data.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
