extension Plan {
    /// The kinds of the plan's effect amounts (items' results and published tables), in order;
    /// [nil] when no amount says its kind. A plan with several kinds gets its effect tables, by
    /// year and per year, once per kind: amounts of different kinds are never added together.
    package var effectKinds: [EffectKind?] {
        var kinds: [EffectKind?] = []
        for item in items {
            for result in item.results {
                for effect in result.effects where !effect.isEmpty { kinds.append(effect.kind) }
            }
        }
        for table in declared {
            kinds += table.effectRows.map(\.effect.kind) + table.publishedEffectTotals.map(\.kind)
                + table.publishedEffectCumulatives.map(\.kind)
        }
        return EffectKind.ordered(kinds)
    }
}
