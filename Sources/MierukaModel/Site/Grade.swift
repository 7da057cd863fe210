import MierukaDiagnostics

/// One step of a plan's grading scale, such as S「予定以上に進捗」, or a word alone (「達成」) when the
/// plan's scale has no codes.
public struct Grade: Sendable, Hashable {
    /// What the documents write in the grade column: S, A, B …, or the word itself on a scale of
    /// words only.
    public let code: String
    /// What the code means: 予定以上に進捗 …
    public let label: String
    /// False on a scale of words only: the grade is its label, and is shown once.
    public let hasCode: Bool

    public init(code: String, label: String, hasCode: Bool = true) {
        self.code = code
        self.label = label
        self.hasCode = hasCode
    }

    /// A grade that is only a word (「達成」): results write the word, pages show it once.
    public init(word: String, key: String) {
        self.init(code: key, label: word, hasCode: false)
    }

    /// "B 予定よりも遅れている", or 「達成」 for a word alone: the grade spelled out, never a colour alone.
    public var spelledOut: String { hasCode ? "\(code) \(label)" : label }

    /// The code, or the word for a grade without one (「A」, 「達成」): how the grade is named in lists.
    public var shortName: String { hasCode ? code : label }
}

/// A plan's own grading scale, best grade first (Kodaira S/A/B, Isehara A/B/C/D).
public struct GradeScale: Sendable, Hashable {
    public let grades: [Grade]
    /// True when the plan says its scale runs from the best grade to the worst (`grade_order:
    /// best_first`): only then may a change of grade be called a rise or a fall.
    public let isRanked: Bool
    private let indexByCode: [String: Int]

    public init(_ grades: [Grade], isRanked: Bool = false) {
        self.grades = grades
        self.isRanked = isRanked
        var index: [String: Int] = [:]
        for (offset, grade) in grades.enumerated() where index[grade.code] == nil {
            index[grade.code] = offset
        }
        self.indexByCode = index
    }

    /// The position of a grade on the scale (0 is the best), or nil when the code is not on it.
    public func index(of code: String) -> Int? { indexByCode[code] }

    public var codes: [String] { grades.map(\.code) }
    public var count: Int { grades.count }
    public var isEmpty: Bool { grades.isEmpty }
}

/// The grades whose share of the graded items a city itself reports, named in its own words
/// (伊勢原市: A and B, 「『計画以上』か『概ね計画どおり』」). Mieruka shows a share of grades only
/// when a plan declares one: which grades count as "on track" is the city's call.
public struct GradeShare: Sendable, Hashable {
    /// Positions on the plan's scale, in scale order.
    public let grades: [Int]
    /// The city's wording for these grades together.
    public let label: String

    public init(grades: [Int], label: String) {
        self.grades = grades
        self.label = label
    }

    /// The listings of these grades among `counts` (one count per grade of the scale).
    public func count(in counts: [Int]) -> Int {
        grades.reduce(0) { $0 + ($1 < counts.count ? counts[$1] : 0) }
    }
}

/// A share of grades as a report publishes it, transcribed (伊勢原市 R6: 「8割程度の62件」): the
/// rate as written and the count, either or both.
public struct PublishedShare: Sendable, Hashable {
    /// As written: 「8割程度」, 「83.8%」.
    public let rate: String?
    public let count: Int?
    public let location: SourceLocation

    public init(rate: String?, count: Int?, location: SourceLocation) {
        self.rate = rate
        self.count = count
        self.location = location
    }
}
