import MierukaDiagnostics

/// One step of a plan's grading scale, such as S「予定以上に進捗」, or a word alone (「達成」) when the
/// plan's scale has no codes.
package struct Grade: Sendable, Hashable {
    /// What the documents write in the grade column: S, A, B …, or the word itself on a scale of
    /// words only.
    package let code: String
    /// What the code means: 予定以上に進捗 …
    package let label: String
    /// False on a scale of words only: the grade is its label, and is shown once.
    package let hasCode: Bool
    /// The plan's criterion for the grade (評価の基準: 「達成率が80％以上100％未満」), as written.
    package var definition: String? = nil

    package init(code: String, label: String, hasCode: Bool = true) {
        self.code = code
        self.label = label
        self.hasCode = hasCode
    }

    /// A grade that is only a word (「達成」): results write the word, pages show it once.
    package init(word: String, key: String) {
        self.init(code: key, label: word, hasCode: false)
    }

    /// "B 予定よりも遅れている", or 「達成」 for a word alone: the grade spelled out, never a colour alone.
    package var spelledOut: String { hasCode ? "\(code) \(label)" : label }

    /// The code, or the word for a grade without one (「A」, 「達成」): how the grade is named in lists.
    package var shortName: String { hasCode ? code : label }
}

/// A plan's own grading scale, best grade first (Kodaira S/A/B, Isehara A/B/C/D).
package struct GradeScale: Sendable, Hashable {
    package let grades: [Grade]
    /// True when the plan says its scale runs from the best grade to the worst (`grade_order:
    /// best_first`): only then may a change of grade be called a rise or a fall.
    package let isRanked: Bool
    private let indexByCode: [String: Int]

    package init(_ grades: [Grade], isRanked: Bool = false) {
        self.grades = grades
        self.isRanked = isRanked
        var index: [String: Int] = [:]
        for (offset, grade) in grades.enumerated() where index[grade.code] == nil {
            index[grade.code] = offset
        }
        self.indexByCode = index
    }

    /// The position of a grade on the scale (0 is the best), or nil when the code is not on it.
    package func index(of code: String) -> Int? { indexByCode[code] }

    package var codes: [String] { grades.map(\.code) }
    package var count: Int { grades.count }
    package var isEmpty: Bool { grades.isEmpty }
}

/// The grades whose share of the graded items a city itself reports, named in its own words
/// (伊勢原市: A and B, 「『計画以上』か『概ね計画どおり』」). Mieruka shows a share of grades only
/// when a plan declares one: which grades count as "on track" is the city's call.
package struct GradeShare: Sendable, Hashable {
    /// Positions on the plan's scale, in scale order.
    package let grades: [Int]
    /// The city's wording for these grades together.
    package let label: String

    package init(grades: [Int], label: String) {
        self.grades = grades
        self.label = label
    }

    /// The listings of these grades among `counts` (one count per grade of the scale).
    package func count(in counts: [Int]) -> Int {
        grades.reduce(0) { $0 + ($1 < counts.count ? counts[$1] : 0) }
    }
}

/// A share of grades as a report publishes it, transcribed (伊勢原市 R6: 「8割程度の62件」): the
/// rate as written and the count, either or both.
package struct PublishedShare: Sendable, Hashable {
    /// As written: 「8割程度」, 「83.8%」.
    package let rate: String?
    package let count: Int?
    /// What the report says the share is of, as written (「目標年度を迎えた12項目」); nil where it
    /// does not say.
    package var denominator: String? = nil
    package let location: SourceLocation

    package init(rate: String?, count: Int?, location: SourceLocation) {
        self.rate = rate
        self.count = count
        self.location = location
    }
}
