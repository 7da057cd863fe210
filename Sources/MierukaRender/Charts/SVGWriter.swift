/// Writes inline SVG for the charts: escaped text, numbers with at most two decimals, and ids
/// made unique per chart so that several charts can share a page. Writes bytes (charts are drawn
/// on every item page, so this is on the hot path of a build, and `SVGBytes` writes them in place).
struct SVGWriter {
    /// The chart's bytes. A copy of the writer writes into the same bytes: a chart has one writer
    /// (others only read its `idPrefix`).
    private let buffer = SVGBytes(capacity: 4096)

    /// The SVG written so far.
    var bytes: [UInt8] { buffer.array }

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
        // 「c」 and eight lowercase hexadecimal digits.
        var prefix: [UInt8] = [0x63]
        for shift in stride(from: 28, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: hash >> UInt32(shift)) & 0xF
            prefix.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
        idPrefix = String(decoding: prefix, as: UTF8.self)
    }

    func id(_ name: String) -> String { "\(idPrefix)-\(name)" }

    mutating func raw(_ text: String) { buffer.append(text) }

    /// A chart's start: `<svg class="…" role="img" viewBox="0 0 width height"
    /// aria-labelledby="…-title …-desc"><title id="…-title">…</title><desc id="…-desc">`, the
    /// title escaped; the text equivalent follows, then `end("desc")`.
    mutating func openChart(_ cls: StaticString, width: Double, height: Double, title: String) {
        append("<svg class=\"")
        append(cls)
        append("\" role=\"img\" viewBox=\"0 0 ")
        buffer.appendNumber(width)
        buffer.append(0x20)
        buffer.appendNumber(height)
        append("\" aria-labelledby=\"")
        buffer.append(idPrefix)
        append("-title ")
        buffer.append(idPrefix)
        append("-desc\"><title id=\"")
        buffer.append(idPrefix)
        append("-title\">")
        escaped(title)
        append("</title><desc id=\"")
        buffer.append(idPrefix)
        append("-desc\">")
    }

    /// `<name a="…" b="…">` with escaped values; self-closing when `close` is true.
    mutating func open(_ name: String, _ attributes: [(String, Value)], close: Bool = false) {
        buffer.append(0x3C)
        buffer.append(name)
        for (key, value) in attributes {
            buffer.append(0x20)
            buffer.append(key)
            buffer.append("=\"")
            switch value {
            case .text(let text): escaped(text)
            case .number(let number): buffer.appendNumber(number)
            }
            buffer.append(0x22)
        }
        if close { buffer.append(0x2F) }
        buffer.append(0x3E)
    }

    mutating func end(_ name: String) {
        buffer.append("</")
        buffer.append(name)
        buffer.append(0x3E)
    }

    mutating func element(_ name: String, _ attributes: [(String, Value)], text: String) {
        open(name, attributes)
        escaped(text)
        end(name)
    }

    /// Text written where it goes, escaped: a chart's text equivalent, made of many pieces, is
    /// written piece by piece instead of being joined into one String first.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: HTMLEscaping.needsEscaping) else { return buffer.append(utf8) }
            var escaped: [UInt8] = []
            HTMLEscaping.append(utf8, to: &escaped)
            escaped.withUnsafeBufferPointer { buffer.append($0) }
        }
    }

    /// Text of the chart's own (no escaping needed).
    mutating func literal(_ text: StaticString) { append(text) }

    // MARK: Elements the charts draw many of, written without building attribute lists.

    /// `<text class="…" x="…" y="…" text-anchor="…">…</text>`
    mutating func text(_ cls: StaticString, x: Double, y: Double, anchor: StaticString? = nil, _ content: String) {
        append("<text class=\"")
        append(cls)
        append("\" x=\"")
        buffer.appendNumber(x)
        append("\" y=\"")
        buffer.appendNumber(y)
        if let anchor {
            append("\" text-anchor=\"")
            append(anchor)
        }
        append("\">")
        escaped(content)
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
        buffer.removeLast("</text>".utf8.count)
        for (offset, line) in lines.enumerated() {
            append("<tspan x=\"")
            buffer.appendNumber(x)
            append("\" y=\"")
            buffer.appendNumber(y + Double(offset) * lineHeight)
            append("\">")
            escaped(line)
            append("</tspan>")
        }
        append("</text>")
    }

    /// `<line class="…" x1="…" x2="…" y1="…" y2="…"/>`
    mutating func line(_ cls: StaticString, x1: Double, x2: Double, y1: Double, y2: Double) {
        append("<line class=\"")
        append(cls)
        append("\" x1=\"")
        buffer.appendNumber(x1)
        append("\" x2=\"")
        buffer.appendNumber(x2)
        append("\" y1=\"")
        buffer.appendNumber(y1)
        append("\" y2=\"")
        buffer.appendNumber(y2)
        append("\"/>")
    }

    /// `<rect class="…" x="…" y="…" width="…" height="…" fill="…"/>`
    mutating func rect(_ cls: String, x: Double, y: Double, width: Double, height: Double, fill: String? = nil) {
        append("<rect class=\"")
        buffer.append(cls)
        append("\" x=\"")
        buffer.appendNumber(x)
        append("\" y=\"")
        buffer.appendNumber(y)
        append("\" width=\"")
        buffer.appendNumber(width)
        append("\" height=\"")
        buffer.appendNumber(height)
        if let fill {
            append("\" fill=\"")
            buffer.append(fill)
        }
        append("\"/>")
    }

    /// `<circle class="…" cx="…" cy="…" r="…"/>`
    mutating func circle(_ cls: StaticString, cx: Double, cy: Double, r: Double) {
        append("<circle class=\"")
        append(cls)
        append("\" cx=\"")
        buffer.appendNumber(cx)
        append("\" cy=\"")
        buffer.appendNumber(cy)
        append("\" r=\"")
        buffer.appendNumber(r)
        append("\"/>")
    }

    /// `<path class="…" d="M x,y L x,y …"/>`: the points joined by straight lines, the path data
    /// written as it is made.
    mutating func polyline(_ cls: StaticString, _ points: [(x: Double, y: Double)]) {
        append("<path class=\"")
        append(cls)
        append("\" d=\"")
        for (offset, point) in points.enumerated() {
            if offset > 0 { buffer.append(0x20) }
            buffer.append(offset == 0 ? 0x4D : 0x4C)  // M, then L
            buffer.appendNumber(point.x)
            buffer.append(0x2C)
            buffer.appendNumber(point.y)
        }
        append("\"/>")
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) { buffer.append(text) }

    /// An attribute's value: text (escaped) or a coordinate.
    enum Value: ExpressibleByStringInterpolation {
        case text(String)
        case number(Double)

        init(stringLiteral value: String) { self = .text(value) }
    }

    /// A coordinate's text as `SVGBytes.appendNumber` writes it, for path data.
    static func number(_ value: Double) -> String {
        let bytes = SVGBytes(capacity: 24)
        bytes.appendNumber(value)
        return String(decoding: bytes.array, as: UTF8.self)
    }
}
