/// A part of a page the search looks in. Its position is its bit in the postings' field masks.
package enum SearchField: Int, Sendable, CaseIterable {
    case title
    case departments
    case kpis
    case progress
    case factors
    case nextSteps
    /// The text of a plan, policy, year report or standalone page.
    case body

    /// The key in the index file.
    package var name: String {
        switch self {
        case .title: "title"
        case .departments: "departments"
        case .kpis: "kpis"
        case .progress: "progress"
        case .factors: "factors"
        case .nextSteps: "next_steps"
        case .body: "body"
        }
    }

    /// What the result list calls it.
    package var label: String {
        switch self {
        case .title: "取組項目"
        case .departments: "担当"
        case .kpis: "成果指標"
        case .progress: "進捗状況"
        case .factors: "要因"
        case .nextSteps: "今後の対応"
        case .body: "本文"
        }
    }

    /// How much a match in it counts when results are ordered: a word in the title says more
    /// about an item than the same word somewhere in a year's report.
    package var weight: Int {
        switch self {
        case .title: 8
        case .departments, .kpis: 3
        case .progress, .factors, .nextSteps, .body: 1
        }
    }

    package var bit: UInt8 { 1 << UInt8(rawValue) }
}
