import MierukaDiagnostics
import MierukaModel

/// An item's sub-items (細目): their numbers unique within the item, and each year's results for
/// them resolved to a sub-item of the item and a grade or state of the plan.
struct SubItemChecker {
    let grades: GradeScale
    let states: GradeScale

    /// The sub-items as the item lists them; a number given twice is an error (the second is left out).
    func subItems(_ documents: [SubItemDocument], item: String, diagnostics: inout Diagnostics) -> [SubItem] {
        var seen: [String: SourceLocation] = [:]
        var kept: [SubItem] = []
        for document in documents {
            let folded = WidthNormalization.fold(document.number.value)
            if let first = seen[folded] {
                diagnostics.error(
                    at: document.number.location, "sub-item number \(document.number.value) is used twice in item \(item)",
                    hint: "the other is at \(first); each sub-item (細目) of an item needs its own number")
                continue
            }
            seen[folded] = document.number.location
            kept.append(
                SubItem(number: document.number.value, title: document.title.value, departments: document.departments.map(\.value)))
        }
        return kept
    }

    /// One year's results for the sub-items, in the item's order; nil when one of them is wrong
    /// (each error says what to fix, and the year's result is then left out as a whole).
    func results(
        _ documents: [SubItemResultDocument], of subItems: [SubItem], item: String, year: String,
        diagnostics: inout Diagnostics
    ) -> [SubItemResult]? {
        var failed = false
        var given: [Int: SourceLocation] = [:]
        var results: [SubItemResult] = []
        for document in documents {
            let folded = WidthNormalization.fold(document.number.value)
            guard let index = subItems.firstIndex(where: { WidthNormalization.fold($0.number) == folded }) else {
                diagnostics.error(
                    at: document.number.location, "item \(item) has no sub-item number \(document.number.value)",
                    hint: subItems.isEmpty
                        ? "list the item's sub-items (細目) under subitems: in its document"
                        : "sub-items of item \(item): " + subItems.map(\.number).joined(separator: ", "))
                failed = true
                continue
            }
            if let first = given[index] {
                diagnostics.error(
                    at: document.number.location, "sub-item \(document.number.value) of item \(item) has two results for \(year)",
                    hint: "the other is at \(first); keep one result per sub-item and year")
                failed = true
                continue
            }
            given[index] = document.number.location
            var grade: Int?
            var state: Int?
            if let code = document.grade {
                guard
                    let resolved = GradeResolver(grades: grades, states: states).gradeOrState(
                        code, cell: document.gradeCell, diagnostics: &diagnostics)
                else {
                    failed = true
                    continue
                }
                (grade, state) = resolved
            }
            results.append(
                SubItemResult(subitem: index, grade: grade, state: state, progress: document.progress?.trimmingTrailingSpace()))
        }
        return failed ? nil : results.sorted { $0.subitem < $1.subitem }
    }
}
