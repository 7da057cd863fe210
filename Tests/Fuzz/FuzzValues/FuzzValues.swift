// libFuzzer target: the parsers of values as people type them — numbers (full-width, △, thousands),
// amounts of money (千円 … 億円, 17億7,700万円) and fiscal years (和暦, R6, 2024年度).
// Properties: no crash (no overflow trap on huge or long input); round trips: a number formatted
// as Mieruka shows it reads back as the same number, with and without thousands separators; an
// amount read reads back the same from its formatted form in its unit; a fiscal year formatted in
// every style reads back as the same year.
import FuzzSupport
import MierukaDiagnostics
import MierukaModel
import MierukaSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzCheck.text(data, size)
    let location = SourceLocation(file: "fuzz", line: 1, column: 1)

    if let parsed = NumberParser.parse(text) {
        for grouping in [true, false] {
            for negative in [NegativeStyle.triangle, .minus] {
                let shown = parsed.number.formatted(grouping: grouping, negative: negative)
                let back = NumberParser.parse(shown)
                FuzzCheck.require(
                    back.map { $0.number.isNumericallyEqual(to: parsed.number) } == true,
                    "\(parsed.number) shown as \(shown) reads back as \(String(describing: back?.number))")
            }
        }
    }
    _ = NumberParser.parseInteger(text)
    _ = NumberParser.parseCount(text)

    if let money = MoneyParser.parse(text, location: location) {
        let unit = money.writtenUnit ?? .thousandYen
        let shown = money.amount.formatted() + unit.rawValue
        let back = MoneyParser.parse(shown, location: location)
        FuzzCheck.require(
            back?.money(defaultUnit: unit) == money.money(defaultUnit: unit),
            "\(text) shown as \(shown) reads back as another amount")
    }

    if let year = FiscalYearParser.parse(text) {
        for style in FiscalYearStyle.allCases {
            let shown = year.label(style)
            FuzzCheck.require(FiscalYearParser.parse(shown) == year, "\(year) shown as \(shown) reads back as another year")
        }
    }
    _ = FiscalYearParser.parseRange(text)
    return 0
}
