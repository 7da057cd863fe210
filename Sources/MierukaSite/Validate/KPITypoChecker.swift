import MierukaDiagnostics
import MierukaModel

/// A KPI's actual may be written in words (「1万人以上」, 「達成」): the site shows it as written and
/// leaves it out of the chart. A value whose digits have a Latin letter between them (「9,7x8人」,
/// 「1O0件」 with the letter O) is almost surely a number with a typo, so `check` and `build` warn:
/// the value is still shown as written, never corrected.
struct KPITypoChecker {
    func check(_ kpi: KPI, diagnostics: inout Diagnostics) {
        for actual in kpi.actuals {
            guard actual.value.number == nil, let text = actual.value.text, Self.hasLetterBetweenDigits(text)
            else { continue }
            diagnostics.warning(
                at: actual.location,
                "the KPI \"\(kpi.name)\"'s actual 「\(text)」 is not read as a number (a letter between its digits); it is shown as written and left out of the chart",
                hint: "if it is a number, correct the typo; if the report prints it so, keep it")
        }
    }

    /// Whether an ASCII letter stands between two ASCII or full-width digits.
    static func hasLetterBetweenDigits(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        for index in 1..<(scalars.count - 1) where isLetter(scalars[index]) {
            if isDigit(scalars[index - 1]), isDigit(scalars[index + 1]) { return true }
        }
        return false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}
