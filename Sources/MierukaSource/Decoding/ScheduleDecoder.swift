import MierukaDiagnostics
import MierukaModel

/// Reads an item's `schedule:`, a mapping from a fiscal year or span to what the plan schedules
/// for it (`R5: 検討`, `R6～R9: 実施`).
enum ScheduleDecoder {
    static func decode(_ node: YAMLNode?, diagnostics: inout Diagnostics) -> [ScheduleStepDocument] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                at: node.location, "\"schedule\" in the item's front matter should be a mapping of years, but is \(node.kindDescription)",
                hint: "write one line per year or span of years under schedule:, such as \"  R5: 検討\" or \"  R6～R9: 実施\"")
            return []
        }
        var steps: [ScheduleStepDocument] = []
        for entry in mapping.entries {
            let (key, value) = (entry.key, entry.value)
            let written = key.text.trimmingWhitespace()
            guard let range = FiscalYearParser.parseRange(written) else {
                diagnostics.error(
                    at: key.location, "\"\(written)\" under schedule: is not a fiscal year or span of years",
                    hint: FiscalYearParser.rangeHint(
                        for: written, general: "write a year (\(FiscalYearParser.acceptedForms)) or a span such as R6～R9"))
                continue
            }
            guard range.last != nil else {
                diagnostics.error(
                    at: key.location, "the span \"\(written)\" under schedule: has no last year",
                    hint: "write the span's last year too, such as R6～R9")
                continue
            }
            guard case .scalar(let scalar) = value, !scalar.isNull, !scalar.text.trimmingWhitespace().isEmpty else {
                diagnostics.error(
                    at: value.location, "\"\(written)\" under schedule: has no step",
                    hint: "write what the plan schedules for that year after the colon, such as \"\(written): 実施\"")
                continue
            }
            steps.append(
                ScheduleStepDocument(
                    years: Located(range, at: key.location),
                    text: Located(scalar.text.trimmingWhitespace(), at: scalar.location)))
        }
        return steps
    }
}
