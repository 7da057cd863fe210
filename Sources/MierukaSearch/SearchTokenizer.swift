import MierukaModel

/// Splits a text into the tokens of the site search. The index is made of these tokens, and the
/// browser splits a query into tokens by the same rules (Theme/assets/search.js), so that a query
/// finds exactly what the index holds: both are checked against Tests/Fixtures/search-vectors.json.
///
/// 1. Normalize, one Unicode scalar at a time: full-width ASCII to ASCII (`WidthNormalization`),
///    half-width katakana to full-width, a separate (semi-)voiced sound mark joined to the kana
///    before it (ﾊﾞ, か + U+3099 → バ, が), compatibility kanji and radicals to the kanji they
///    stand for and variation selectors dropped (`IdeographFolding`), A–Z to a–z, and commas
///    between thousands dropped (9,718 → 9718).
/// 2. Split into runs of word characters (a–z, 0–9) and of Japanese characters (kanji, hiragana,
///    katakana with ー, 々, 〆, 〇); everything else (spaces, punctuation, symbols, ・, other
///    scripts) only separates runs.
/// 3. A word run is one token ("2024", "kpi", "r6"). A Japanese run of two or more characters
///    gives its overlapping pairs (bigrams): 新幹線 → 新幹, 幹線, since Japanese has no spaces
///    between words; a run of one character is that character.
///
/// A search for 新幹線 therefore needs both 新幹 and 幹線, never 新 alone.
package enum SearchTokenizer {
    /// What a character is to the tokenizer (after normalization).
    package enum CharacterClass: Sendable {
        case word
        case japanese
        case separator
    }

    /// The tokens of `text` in the order they first occur, each once.
    package static func tokens(_ text: String) -> [String] {
        var seen: Set<String> = []
        var tokens: [String] = []
        forEachToken(in: text) { token in
            if seen.insert(token).inserted { tokens.append(token) }
        }
        return tokens
    }

    /// Calls `body` with every token of `text`, in order, repeats included.
    package static func forEachToken(in text: String, _ body: (String) -> Void) {
        forEachKey(in: text) { body($0.string) }
    }

    /// A token as the index collects it: a Japanese token as the values of its one or two
    /// characters (compared and hashed as one number, not as a String, whose comparison
    /// normalizes), a word as its ASCII text.
    package enum Key: Hashable, Sendable {
        case japanese(UInt64)
        case word(String)

        /// The token as written to the index.
        package var string: String {
            switch self {
            case .word(let word):
                return word
            case .japanese(let packed):
                var text = String.UnicodeScalarView()
                if let first = Unicode.Scalar(UInt32(truncatingIfNeeded: packed >> 32)) { text.append(first) }
                let low = UInt32(truncatingIfNeeded: packed)
                if low != Key.single, let second = Unicode.Scalar(low) { text.append(second) }
                return String(text)
            }
        }

        /// The low half of a one-character token (no Unicode scalar has this value).
        static let single = UInt32.max

        /// The token of one or two characters (scalar values; `single` for none).
        static func pair(_ first: UInt32, _ second: UInt32) -> Key {
            .japanese(UInt64(first) << 32 | UInt64(second))
        }
    }

    /// `forEachToken`, giving each token as a `Key`: a Japanese run's pairs as they are met, a
    /// word when its run ends.
    package static func forEachKey(in text: String, _ body: (Key) -> Void) {
        forEachKey(of: normalize(text), body)
    }

    /// `forEachKey` of a text given as UTF-8 (valid, as a String's).
    package static func forEachKey(inUTF8 text: [UInt8], _ body: (Key) -> Void) {
        forEachKey(of: text.withUnsafeBufferPointer(normalize), body)
    }

    /// The keys of a normalized text.
    private static func forEachKey(of normalized: [UInt32], _ body: (Key) -> Void) {
        var word: [UInt8] = []
        var previous: UInt32?
        var runLength = 0
        var runClass = CharacterClass.separator
        func flush() {
            switch runClass {
            case .word:
                body(.word(String(decoding: word, as: UTF8.self)))
                word.removeAll(keepingCapacity: true)
            case .japanese:
                if runLength == 1, let previous { body(.pair(previous, Key.single)) }
            case .separator:
                break
            }
            runLength = 0
            previous = nil
        }
        for value in normalized {
            let kind = characterClass(value)
            if kind != runClass {
                flush()
                runClass = kind
            }
            switch kind {
            case .word:
                // a–z and 0–9: one byte each.
                word.append(UInt8(truncatingIfNeeded: value))
            case .japanese:
                if let previous { body(.pair(previous, value)) }
                previous = value
                runLength += 1
            case .separator:
                break
            }
        }
        flush()
    }

    /// The text as the search compares it (step 1 above), as scalar values.
    package static func normalize(_ text: String) -> [UInt32] {
        var text = text
        return text.withUTF8(normalize)
    }

    /// `normalize` of valid UTF-8.
    private static func normalize(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        // A scalar takes at least one byte and gives at most one value.
        let values = [UInt32](unsafeUninitializedCapacity: utf8.count) { out, count in count = normalize(utf8, into: out) }
        return values.contains(0x2C) ? withoutThousandsSeparators(values) : values
    }

    /// Writes the normalized values of the scalars of `utf8` (valid UTF-8, as a String's) into
    /// `out`, and returns how many. Most scalars are kept as they are (`isKept`), without a lookup.
    private static func normalize(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var count = 0
        var offset = 0
        while offset < utf8.count {
            var (value, length) = decode(utf8, at: offset)
            offset += length
            if isKept(value) {
                out[count] = value
                count += 1
                continue
            }
            guard let scalar = Unicode.Scalar(value) else { continue }
            value = KanaFolding.fullWidth(WidthNormalization.fold(scalar).value)
            if IdeographFolding.isVariationSelector(value) { continue }
            value = IdeographFolding.unified(value)
            if KanaFolding.isVoicedMark(value) || KanaFolding.isSemiVoicedMark(value) {
                // Joins the kana before it, or is dropped when there is none that takes it.
                let table = KanaFolding.isVoicedMark(value) ? KanaFolding.voiced : KanaFolding.semiVoiced
                if count > 0, let joined = table[out[count - 1]], Unicode.Scalar(joined) != nil { out[count - 1] = joined }
                continue
            }
            if value >= 0x41, value <= 0x5A { value += 0x20 }
            if Unicode.Scalar(value) != nil {
                out[count] = value
                count += 1
            }
        }
        return count
    }

    /// The scalar value that starts at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[offset])
        func next(_ index: Int) -> UInt32 { UInt32(utf8[offset + index] & 0x3F) }
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | next(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3) }
        return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
    }

    /// Whether step 1 keeps the scalar as it is, for the characters most text is made of (kanji,
    /// hiragana, katakana, a–z, 0–9): none of the foldings touches them, and they are not sound
    /// marks, which join the kana before them.
    static func isKept(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value)
            || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
    }

    /// The values without the commas that separate thousands (9,718 → 9718), so that a number is
    /// one word whether it is written with them or not: a comma between a digit and exactly three
    /// digits that no digit follows.
    static func withoutThousandsSeparators(_ values: [UInt32]) -> [UInt32] {
        func isDigit(_ offset: Int) -> Bool {
            offset >= 0 && offset < values.count && (0x30...0x39).contains(values[offset])
        }
        var kept: [UInt32] = []
        kept.reserveCapacity(values.count)
        for (offset, value) in values.enumerated() {
            let separates =
                value == 0x2C && isDigit(offset - 1) && isDigit(offset + 1) && isDigit(offset + 2) && isDigit(offset + 3)
                && !isDigit(offset + 4)
            if !separates { kept.append(value) }
        }
        return kept
    }

    /// Which run a (normalized) scalar belongs to. Kanji and ASCII, most of any text, are told
    /// apart first, with a comparison or two.
    package static func characterClass(_ value: UInt32) -> CharacterClass {
        if value >= 0x4E00 {
            let isKanji =
                value <= 0x9FFF  // kanji
                || (0xF900...0xFAFF).contains(value)  // compatibility kanji
                || (0x20000...0x3FFFF).contains(value)  // kanji, extensions B and later
            return isKanji ? .japanese : .separator
        }
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) ? .word : .separator
        }
        switch value {
        case 0x3005...0x3007,  // 々 〆 〇
            0x3041...0x3096,  // hiragana
            0x309D...0x309F,  // ゝ ゞ ゟ
            0x30A1...0x30FA,  // katakana (not ・)
            0x30FC...0x30FF,  // ー ヽ ヾ ヿ
            0x31F0...0x31FF,  // small katakana for Ainu
            0x3400...0x4DBF:  // kanji, extension A
            return .japanese
        default:
            return .separator
        }
    }
}
