import MierukaDiagnostics
import MierukaModel

/// Resolves the counts a year's published table gives on the plan's status axes (`declared:` →
/// `axes:`): the axis by its name or id, the counts, the published share and the 増減 on that axis's
/// scale. Each becomes a published
/// table of the year on the axis (with the year's listings, source and point in the year), which the
/// axis's view of the plan (`Plan.projected(onto:)`) shows as published and `check` compares.
struct DeclaredAxesBuilder {
    let axes: [StatusAxis]
    let policies: PolicyResolver
    let moneyUnit: MoneyUnit
    let period: FiscalYearRange
    let yearStyle: FiscalYearStyle

    func attach(_ documents: [DeclaredDocument], to years: [DeclaredYear], diagnostics: inout Diagnostics) -> [DeclaredYear] {
        var years = years
        for document in documents where !document.axes.isEmpty {
            guard
                let yearIndex = years.firstIndex(where: {
                    $0.year == document.year.value && Snapshot.samePoint($0.asOf, document.asOf) && $0.location == document.location
                })
            else { continue }
            var given: [Int: SourceLocation] = [:]
            for written in document.axes {
                guard let axisIndex = axisIndex(written.axis, diagnostics: &diagnostics) else { continue }
                if let first = given[axisIndex] {
                    diagnostics.error(
                        at: written.axis.location,
                        "the status axis 「\(axes[axisIndex].name)」 has two published tables for \(document.year.value.label(yearStyle))\(document.asOf.map { " at \($0.pointLabel)" } ?? "")",
                        hint: "the other is at \(first); give each axis's counts once per year and point (as_of:)")
                    continue
                }
                given[axisIndex] = written.axis.location
                var table = DeclaredDocument(
                    year: document.year, listings: document.listings, relisted: document.relisted,
                    gradeRows: written.gradeRows, gradeTotal: written.gradeTotal, effectRows: [], effectTotal: nil,
                    publishedShare: written.publishedShare, source: document.source, highlights: [], notes: nil,
                    location: written.location)
                table.asOf = document.asOf
                table.gradeChange = written.gradeChange
                table.gradeRates = written.gradeRates
                let builder = DeclaredBuilder(
                    grades: axes[axisIndex].grades, policies: policies, moneyUnit: moneyUnit, period: period,
                    yearStyle: yearStyle, axis: axes[axisIndex].name)
                // The year itself is checked (and a year outside the period reported) with the plan's table.
                guard period.contains(document.year.value),
                    let built = builder.build([table], diagnostics: &diagnostics).first
                else { continue }
                years[yearIndex].axes[axisIndex] = built
            }
        }
        return years
    }

    private func axisIndex(_ reference: Located<String>, diagnostics: inout Diagnostics) -> Int? {
        if let index = axes.firstIndex(where: { $0.key == reference.value || $0.name == reference.value }) { return index }
        let names = axes.map(\.name)
        var hint =
            axes.isEmpty
            ? "declare the plan's status axes under axes: first"
            : "the plan's axes are " + axes.map { $0.key == $0.name ? $0.name : "\($0.key)（\($0.name)）" }.joined(separator: ", ")
        if let near = Suggestion.closest(to: reference.value, in: names) { hint = "did you mean \"\(near)\"? " + hint }
        diagnostics.error(at: reference.location, "the plan has no status axis \"\(reference.value)\"", hint: hint)
        return nil
    }
}
