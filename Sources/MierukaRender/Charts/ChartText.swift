/// A chart label's size, estimated in Swift before any browser draws it, so that the charts can
/// keep every label inside the viewBox and off the others (scripts/check-charts.py measures the
/// result in Chromium). The estimate errs wide: a full-width character (kanji, kana, full-width
/// forms, △) is a whole em, Latin letters and digits the width of the widest common fonts
/// (DejaVu Sans, Noto Sans CJK JP), and a box reaches Noto Sans CJK's ascent and descent.
enum ChartText {
    /// Above the baseline and below it, in ems (Noto Sans CJK JP: 1.16 and 0.288).
    static let ascent = 1.16
    static let descent = 0.3

    /// The label's width in user units at `fontSize`, `bold` adding a tenth.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += emWidth(scalar) }
        return ems * fontSize * (bold ? 1.1 : 1)
    }

    static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        switch value {
        case 0x20: return 0.35
        case 0x2C, 0x2E, 0x3A, 0x3B, 0x27, 0x21, 0x7C, 0x69, 0x6A, 0x6C: return 0.35  // , . : ; ' ! | i j l
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2D, 0x2F: return 0.45  // brackets, - /
        case 0x30...0x39: return 0.66
        case 0x25, 0x40, 0x4D, 0x57, 0x6D, 0x77: return 1.0  // % @ M W m w
        case 0x41...0x5A: return 0.8
        case 0x61...0x7A: return 0.66
        case 0x21...0x7E: return 0.85
        case 0xFF61...0xFF9F: return 0.6  // half-width katakana
        case 0..<0x2000: return 0.8
        default: return 1.0
        }
    }

    /// The box a label covers when written at (x, y) — y its baseline — with `anchor`.
    static func box(
        _ text: String, fontSize: Double, bold: Bool = false, x: Double, y: Double, anchor: Anchor = .start
    ) -> ChartBox {
        box(width: Self.width(text, fontSize: fontSize, bold: bold), fontSize: fontSize, x: x, y: y, anchor: anchor)
    }

    /// The box of a label of a known `width` (from `width(_:fontSize:bold:)`), as `box` makes it.
    static func box(width: Double, fontSize: Double, x: Double, y: Double, anchor: Anchor = .start) -> ChartBox {
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - width / 2
        case .end: left = x - width
        }
        return ChartBox(x: left, y: y - ascent * fontSize, width: width, height: (ascent + descent) * fontSize)
    }

    /// The height of one line of a wrapped label.
    static func lineHeight(_ fontSize: Double) -> Double { ((ascent + descent) * fontSize).rounded(.up) }

    /// The label cut into lines no wider than `maxWidth`: between two full-width characters, at a
    /// space, or after 、。・／ — never inside a Latin word or a number, and never before
    /// punctuation that closes (」、。）). A word wider than a line gets a line of its own.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> [String] {
        guard width(text, fontSize: fontSize, bold: bold) > maxWidth else { return [text] }
        // Pieces that stay together: a run of narrow characters, or one full-width character
        // with any closing punctuation after it.
        var pieces: [String] = []
        for character in text {
            let isWide = character.unicodeScalars.first.map { emWidth($0) >= 1 && $0.value >= 0x2000 } ?? false
            let closes = "」』）】〕、。，．・：；！？ー々〜～".contains(character)
            if let last = pieces.last, let lastCharacter = last.last {
                let lastIsWide = lastCharacter.unicodeScalars.first.map { $0.value >= 0x2000 } ?? false
                if closes || (!isWide && !lastIsWide && character != " " && lastCharacter != " ") {
                    pieces[pieces.count - 1].append(character)
                    continue
                }
            }
            pieces.append(String(character))
        }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line + piece
            if !line.isEmpty, width(candidate.trimmingSpaces, fontSize: fontSize, bold: bold) > maxWidth {
                lines.append(line.trimmingSpaces)
                line = piece == " " ? "" : piece
            } else {
                line = candidate
            }
        }
        if !line.trimmingSpaces.isEmpty { lines.append(line.trimmingSpaces) }
        return lines
    }

    enum Anchor {
        case start, middle, end

        var attribute: StaticString? {
            switch self {
            case .start: nil
            case .middle: "middle"
            case .end: "end"
            }
        }
    }
}

/// A rectangle in a chart's user space.
struct ChartBox: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }

    func intersects(_ other: ChartBox, gap: Double = 1) -> Bool {
        x < other.right + gap && other.x < right + gap && y < other.bottom + gap && other.y < bottom + gap
    }

    func isInside(_ other: ChartBox) -> Bool {
        x >= other.x && y >= other.y && right <= other.right && bottom <= other.bottom
    }
}

/// Puts a chart's labels where they fit: inside the viewBox and over no label put before.
struct ChartLabelPlacer {
    let bounds: ChartBox
    private(set) var taken: [ChartBox] = []

    init(bounds: ChartBox) {
        self.bounds = bounds
    }

    /// Marks a box as used (a label drawn without placing, such as an axis number).
    mutating func reserve(_ box: ChartBox) { taken.append(box) }

    func fits(_ box: ChartBox) -> Bool { box.isInside(bounds) && !taken.contains { $0.intersects(box) } }

    /// The first of `positions` (baselines) where the label fits, then taken; nil when it fits
    /// at none.
    mutating func placeIfFits(
        _ text: String, fontSize: Double, bold: Bool = false, anchor: ChartText.Anchor, at positions: [(x: Double, y: Double)]
    ) -> (x: Double, y: Double)? {
        placeIfFits(width: ChartText.width(text, fontSize: fontSize, bold: bold), fontSize: fontSize, anchor: anchor, at: positions)
    }

    /// `placeIfFits` for a label already measured (`ChartText.width`): a chart that works out its
    /// positions from the label's width measures it once for both.
    mutating func placeIfFits(
        width: Double, fontSize: Double, anchor: ChartText.Anchor, at positions: [(x: Double, y: Double)]
    ) -> (x: Double, y: Double)? {
        for position in positions {
            let box = ChartText.box(width: width, fontSize: fontSize, x: position.x, y: position.y, anchor: anchor)
            if fits(box) {
                taken.append(box)
                return position
            }
        }
        return nil
    }

    /// The first of `positions` (baselines) where the label fits; when none does, the first one
    /// moved sideways into the viewBox. The box is then taken.
    mutating func place(
        _ text: String, fontSize: Double, bold: Bool = false, anchor: ChartText.Anchor, at positions: [(x: Double, y: Double)]
    ) -> (x: Double, y: Double) {
        place(width: ChartText.width(text, fontSize: fontSize, bold: bold), fontSize: fontSize, anchor: anchor, at: positions)
    }

    /// `place` for a label already measured (`ChartText.width`).
    mutating func place(
        width: Double, fontSize: Double, anchor: ChartText.Anchor, at positions: [(x: Double, y: Double)]
    ) -> (x: Double, y: Double) {
        for position in positions {
            let box = ChartText.box(width: width, fontSize: fontSize, x: position.x, y: position.y, anchor: anchor)
            if fits(box) {
                taken.append(box)
                return position
            }
        }
        guard let first = positions.first else { return (0, 0) }
        var box = ChartText.box(width: width, fontSize: fontSize, x: first.x, y: first.y, anchor: anchor)
        var shift = 0.0
        if box.x < bounds.x { shift = bounds.x - box.x } else if box.right > bounds.right { shift = bounds.right - box.right }
        box.x += shift
        taken.append(box)
        return (first.x + shift, first.y)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
