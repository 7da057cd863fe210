/// How a report counts an effect's amounts (相馬市, いわき市): a single-year effect (単年度効果額) is
/// what the year's new measures saved, counted once; a continuing effect (継続的効果額) counts again,
/// in every later year, what an earlier measure goes on saving. Both are the city's figures, but
/// they are not additive: a continuing amount repeats earlier single-year ones. Mieruka never adds
/// amounts of different kinds (or an amount of a kind to one whose kind the report does not say)
/// into one sum, 累計, 差額 or 達成率.
package enum EffectKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case singleYear = "single_year"
    case continuing

    /// The name of the amounts, as the reports head them.
    package var label: String {
        switch self {
        case .singleYear: "単年度効果額"
        case .continuing: "継続的効果額"
        }
    }

    /// The word a sheet or a page writes for the kind (「単年度」「継続」).
    package var word: String {
        switch self {
        case .singleYear: "単年度"
        case .continuing: "継続"
        }
    }

    /// What the kind means, said under a table of its amounts.
    package var meaning: String {
        switch self {
        case .singleYear: "単年度効果額は、その年度に新たに生じた効果の額で、各年度に一度だけ数えたものです"
        case .continuing: "継続的効果額は、前の年度からの取組が続けて生む効果もその年度ごとに数えた額です"
        }
    }

    package static func < (lhs: EffectKind, rhs: EffectKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The kinds present, in order: 単年度, 継続, then amounts whose kind the report does not say.
    /// At least one entry (nil) when there are none.
    package static func ordered<S: Sequence>(_ kinds: S) -> [EffectKind?] where S.Element == EffectKind? {
        // Two kinds and "not said": flags, not a set (called for every item page, where hashing
        // each amount's kind showed in profiles).
        var seen: [EffectKind] = []
        var unsaid = false
        for kind in kinds {
            guard let kind else {
                unsaid = true
                continue
            }
            if !seen.contains(kind) { seen.append(kind) }
        }
        var result: [EffectKind?] = EffectKind.allCases.filter { seen.contains($0) }.map { Optional($0) }
        if unsaid { result.append(nil) }
        return result.isEmpty ? [nil] : result
    }
}
