import MierukaDiagnostics
import MierukaModel

/// Puts a plan's `opinions:` on its years and items: the year must be in the plan's period, and an
/// item named by number must be one of the plan's (its 再掲 numbers too).
struct OpinionBuilder {
    let plan: Plan

    func build(_ documents: [OpinionDocument], diagnostics: inout Diagnostics) -> [CommitteeOpinion] {
        var numbers: [String: Int] = [:]
        for (index, item) in plan.items.enumerated() {
            for listing in item.listings { numbers[WidthNormalization.fold(listing.number)] = index }
        }
        return documents.compactMap { written in
            guard plan.period.contains(written.year.value) else {
                diagnostics.error(
                    at: written.year.location,
                    "an opinion is on \(written.year.value.label(plan.yearStyle)), outside the plan period (\(plan.period.label(plan.yearStyle)))",
                    hint: "check year:, the fiscal year of the results the opinion is on")
                return nil
            }
            var item: Int?
            if let number = written.item {
                guard let index = numbers[WidthNormalization.fold(number.value)] else {
                    let known = numbers.keys.sorted(by: NaturalOrder.areInIncreasingOrder)
                    diagnostics.error(
                        at: number.location, "the plan \(plan.slug) has no item number \(number.value)",
                        hint: known.isEmpty
                            ? "the plan has no item documents: leave item: out for an opinion on the year's results as a whole"
                            : "give the number of an item of \(plan.slug) (" + known.prefix(20).joined(separator: ", ")
                                + (known.count > 20 ? " …" : "") + "), or leave item: out for an opinion on the whole year")
                    return nil
                }
                item = index
            }
            return CommitteeOpinion(
                year: written.year.value, by: written.by, date: written.date, text: written.text, item: item,
                source: written.source, location: written.location)
        }
    }
}
