/// A grade as shown on a page: always its code and its meaning in words, never a colour alone; a
/// grade of a scale of words only is its word, shown once.
package struct GradeView: TemplateView {
    /// Nil on a scale of words only.
    package let code: String?
    package let label: String
    /// 0 for the best grade of the scale (used for styling only).
    package let rank: Int
    /// How many grades the scale has.
    package let scaleSize: Int
    /// Whether the plan ranks its scale from best to worst (`grade_order: best_first`). Only then
    /// do grades get the colours of better and worse; otherwise every grade has the same colour,
    /// since Mieruka does not decide which of a city's grades is good.
    package let isRanked: Bool

    package var spelledOut: String { code.map { "\($0) \(label)" } ?? label }

    /// "grade grade-rank-0 grade-of-3" on a ranked scale, "grade grade-unranked" otherwise.
    package var cssClass: String { isRanked ? "grade grade-rank-\(rank) grade-of-\(scaleSize)" : "grade grade-unranked" }

    package static let fields = FieldTable<GradeView>(
        "grade",
        [
            .text("code") { $0.code },
            .text("label") { $0.label },
            .text("spelledOut") { $0.spelledOut },
            .text("cssClass") { $0.cssClass },
        ])
}
