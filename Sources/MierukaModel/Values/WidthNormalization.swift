/// Folds the full-width forms Japanese input methods produce (１４, ＡＢ, ．, －) to ASCII,
/// and unifies the many dashes and minus signs, so that values parse however they were typed.
package enum WidthNormalization {
    /// The text folded and trimmed.
    package static func fold(_ text: String) -> String {
        // Most values are plain ASCII already: nothing to fold.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.trimmingWhitespace() }
        return String(String.UnicodeScalarView(text.unicodeScalars.map(fold))).trimmingWhitespace()
    }

    /// One scalar folded. The mapping is scalar for scalar, so positions in a folded text are the
    /// positions in the text as typed.
    package static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E:
            // The full-width ASCII block maps one to one onto ASCII.
            return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000:
            return " "
        case 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0xFE63:
            // minus sign, hyphens and en dash used as minus
            return "-"
        default:
            return scalar
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace (including the ideographic space).
    package func trimmingWhitespace() -> String {
        // Fast path: neither end is whitespace (checked on bytes; a non-ASCII end is checked properly).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        if isEmpty { return self }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// The text without the line breaks and ASCII spaces at its end: the line break a YAML block
    /// scalar (`|`) ends with means nothing, and a text must read the same from YAML and CSV.
    package func trimmingTrailingSpace() -> String {
        guard let last = utf8.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 else { return self }
        var bytes = Array(utf8)
        while let end = bytes.last, end == 0x0A || end == 0x0D || end == 0x20 || end == 0x09 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the text has nothing but whitespace (or nothing at all).
    package var isBlank: Bool {
        for byte in utf8 where byte > 0x20 {
            // Only the ideographic space and other non-ASCII spaces need a closer look.
            if byte < 0x80 { return false }
            return trimmingWhitespace().isEmpty
        }
        return true
    }
}
