import MierukaModel

/// Reads the kind of an effect's amounts as reports and sheets write it: 単年度 (単年度効果額,
/// `single_year`) or 継続 (継続的効果額, `continuing`), in any width, with or without spaces.
package enum EffectKindParser {
    /// The words read, per kind, after folding width and removing spaces.
    static let words: [(String, EffectKind)] = [
        ("単年度", .singleYear), ("単年度効果", .singleYear), ("単年度効果額", .singleYear), ("single_year", .singleYear),
        ("継続", .continuing), ("継続的", .continuing), ("継続効果", .continuing), ("継続効果額", .continuing),
        ("継続的効果", .continuing), ("継続的効果額", .continuing), ("continuing", .continuing),
    ]

    /// What to write, said with an error about a word that is not a kind.
    package static let hint =
        "write 単年度 (single_year: what the year's new measures saved, counted once) or 継続 (continuing: "
        + "counted again in every later year, as 継続的効果額), as the report heads the amounts; leave it out when the report does not say"

    package static func parse(_ raw: String) -> EffectKind? {
        let folded = WidthNormalization.fold(raw).filter { !$0.isWhitespace }
        let lowered = String(folded.lowercased().map { $0 == "-" ? "_" : $0 })
        return words.first { $0.0 == folded || $0.0 == lowered }?.1
    }
}
