/// Text as a workbook stores it, made into text as a cell shows it.
enum XLSXText {
    /// Resolves the escapes Office writes for characters XML cannot hold (`_x000D_` for a carriage
    /// return, `_x005F_` for an underscore that would start one), and makes every line break "\n",
    /// as the CSV reader does.
    static func unescaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let decoded = Unicode.Scalar(value)
            {
                out.append(decoded)
                index += 7
                continue
            }
            out.append(scalar)
            index += 1
        }
        // CR LF and a lone CR are one line break.
        var lines = String.UnicodeScalarView()
        var previousCR = false
        for scalar in out {
            if scalar == "\r" {
                lines.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            lines.append(scalar)
        }
        return String(lines)
    }
}
