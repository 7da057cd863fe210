/// Folds the full-width forms Japanese input methods produce (１４, ＡＢ, ．, －) to ASCII,
/// and unifies the many dashes and minus signs, so that values parse however they were typed.
public enum WidthNormalization {
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                // Full-width ASCII block maps 1:1 onto ASCII.
                result.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000:
                result.append(" ")
            case 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0xFE63:
                // minus sign, hyphens and en dash used as minus
                result.append("-")
            default:
                result.append(scalar)
            }
        }
        return String(result).trimmingWhitespace()
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
