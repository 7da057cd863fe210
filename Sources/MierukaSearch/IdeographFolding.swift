import Foundation

/// Kanji that look the same but are different characters, made one, as NFKC does:
///
/// - CJK compatibility ideographs (U+F900…U+FAFF, U+2F800…U+2FA1F) become the unified ideograph
///   they stand for (都 U+FA26 → 都 U+90FD); they come from old character sets and from text
///   copied out of PDFs. The twelve in U+FA0E…U+FA29 that are ideographs of their own (﨑 U+FA11)
///   have no mapping and stay.
/// - Kangxi radicals and CJK radical supplements (U+2E80…U+2FDF), which PDFs often hold in place
///   of the kanji (⾏ U+2F8F → 行 U+884C), become that kanji where Unicode maps them.
/// - Variation selectors (U+FE00…U+FE0F, U+E0100…U+E01EF: 葛 + U+E0100 for the 葛 of 葛城市)
///   choose a glyph, not a character: they are dropped.
///
/// Unlike the kana tables, these mappings are taken from the normalization of Foundation here and
/// of the browser in search.js: Unicode's normalization stability policy fixes them for ever, so
/// both sides agree on every character these ranges hold.
enum IdeographFolding {
    static func isVariationSelector(_ value: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
    }

    /// The unified ideograph `value` stands for, or `value` itself.
    static func unified(_ value: UInt32) -> UInt32 {
        guard (0x2E80...0x2FDF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value),
            let scalar = Unicode.Scalar(value)
        else { return value }
        let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping.unicodeScalars
        guard folded.count == 1, let first = folded.first else { return value }
        return first.value
    }
}
