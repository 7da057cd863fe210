/// A Japanese era (元号) as used to name fiscal years in municipal documents.
///
/// A fiscal year (年度) runs from April to March and is named after the era in force when it
/// begins, with one convention that matters here: FY2019 is 令和元年度 (Reiwa began on 1 May 2019,
/// and municipalities name the whole fiscal year after it), and FY1989 is 平成元年度.
package enum Era: String, CaseIterable, Sendable {
    case showa
    case heisei
    case reiwa

    /// 昭和, 平成, 令和
    package var name: String {
        switch self {
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// The letter used in short forms such as H29 or R6.
    package var letter: Character {
        switch self {
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The Western fiscal year that is year 1 (元年度) of this era.
    package var firstFiscalYear: Int {
        switch self {
        case .showa: 1926
        case .heisei: 1989
        case .reiwa: 2019
        }
    }

    /// The largest era year that documents use for this era (平成31年度 is still written for FY2019).
    package var lastEraYear: Int? {
        switch self {
        case .showa: 64
        case .heisei: 31
        case .reiwa: nil
        }
    }

    /// The era that names a fiscal year, or nil before 昭和2年度 (FY1927), which is shown in Western years.
    package static func naming(fiscalYear year: Int) -> (era: Era, eraYear: Int)? {
        if year >= Era.reiwa.firstFiscalYear { return (.reiwa, year - 2018) }
        if year >= Era.heisei.firstFiscalYear { return (.heisei, year - 1988) }
        if year >= 1927 { return (.showa, year - 1925) }
        return nil
    }

    /// The largest era year read for this era, past its end included: plans written before 2019
    /// name their later years in 平成 (大田原市's 「平成28年度から平成32年度まで」), so 平成 years are read up
    /// to 平成60 (令和30年度, FY2048: a plan of thirty years written in 平成31). Beyond it a year is a slip
    /// (平成99), and an error. 昭和 is read up to its last year only.
    package var lastReadableEraYear: Int? {
        switch self {
        case .showa: 64
        case .heisei: 60
        case .reiwa: nil
        }
    }

    /// Whether an era year is past the era's end (平成32 and later): a year the era never reached.
    package func isPastEnd(eraYear: Int) -> Bool {
        lastEraYear.map { eraYear > $0 } ?? false
    }

    /// The Western fiscal year for a year of this era, or nil when the era year cannot be read: 0,
    /// or past `lastReadableEraYear`. 平成32 is FY2020, the same year as 令和2.
    package func fiscalYear(eraYear: Int) -> Int? {
        // Era years beyond 200 are typing mistakes, and would overflow the arithmetic.
        guard eraYear >= 1, eraYear <= 200 else { return nil }
        if let last = lastReadableEraYear, eraYear > last { return nil }
        return firstFiscalYear + eraYear - 1
    }

    package static func named(_ name: String) -> Era? {
        allCases.first { $0.name == name }
    }

    package static func lettered(_ letter: Character) -> Era? {
        let upper = Character(letter.uppercased())
        return allCases.first { $0.letter == upper }
    }
}
