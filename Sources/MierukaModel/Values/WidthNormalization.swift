/// Folds the full-width forms Japanese input methods produce (１４, ＡＢ, ．, －) to ASCII,
/// and unifies the many dashes and minus signs, so that values parse however they were typed.
public enum WidthNormalization {
    /// The text folded and trimmed.
    public static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(fold))).trimmingWhitespace()
    }

    /// One scalar folded. The mapping is scalar for scalar, so positions in a folded text are the
    /// positions in the text as typed.
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
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
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
