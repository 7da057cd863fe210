/// Character classes that matter when laying out Japanese text.
package enum JapaneseText {
    /// True for characters written without spaces between them: kana, kanji, full-width forms and
    /// Japanese punctuation.
    package static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2150...0x218F,  // number forms (Ⅰ Ⅱ Ⅲ)
            0x2190...0x21FF,  // arrows (→)
            0x2460...0x24FF,  // enclosed alphanumerics (① ②)
            0x25A0...0x25FF,  // geometric shapes (■ ◎ △)
            0x2600...0x26FF,  // miscellaneous symbols (★)
            0x3000...0x303F,  // CJK symbols and punctuation (、。「」)
            0x3200...0x33FF,  // enclosed CJK letters and compatibility (㈱ ㎡)
            0xFE30...0xFE4F,  // CJK compatibility forms
            0x3040...0x30FF,  // hiragana, katakana
            0x31F0...0x31FF,  // katakana phonetic extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF01...0xFF60,  // full-width forms
            0xFF61...0xFF9F,  // half-width katakana
            0x20000...0x2FFFF:  // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}
