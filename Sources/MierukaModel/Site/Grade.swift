/// One step of a plan's grading scale, such as S「予定以上に進捗」.
public struct Grade: Sendable, Hashable {
    /// What the documents write in the grade column: S, A, B …
    public let code: String
    /// What the code means: 予定以上に進捗 …
    public let label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    /// "B 予定よりも遅れている": the grade spelled out, never a colour alone.
    public var spelledOut: String { "\(code) \(label)" }
}

/// A plan's own grading scale, best grade first (Kodaira S/A/B, Isehara A/B/C/D).
public struct GradeScale: Sendable, Hashable {
    public let grades: [Grade]
    private let indexByCode: [String: Int]

    public init(_ grades: [Grade]) {
        self.grades = grades
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
