import Foundation

/// Encodes text as Shift_JIS the way Windows and Excel do (Windows-31J, CP932), for the copies of
/// the CSV files offered to versions of Excel that open only Shift_JIS by double-click.
///
/// Unicode has several characters for what JIS X 0208 writes once; Windows maps the full-width
/// forms, so the others are written as those (− as －, 〜 as ～, — as ―). A character that CP932 has
/// no code for (an emoji, most characters outside JIS) is written as 〓, the geta mark that Japanese
/// printing uses for a missing character, and reported, so that nothing is replaced silently;
/// the UTF-8 file beside the copy always holds the text as it is.
package enum ShiftJISEncoder {
    /// Unicode characters outside CP932 that Windows writes with another code point.
    static let substitutes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2212}": "\u{FF0D}",  // − MINUS SIGN → －
        "\u{301C}": "\u{FF5E}",  // 〜 WAVE DASH → ～
        "\u{2014}": "\u{2015}",  // — EM DASH → ―
        "\u{2016}": "\u{2225}",  // ‖ DOUBLE VERTICAL LINE → ∥
        "\u{00A2}": "\u{FFE0}",  // ¢ → ￠
        "\u{00A3}": "\u{FFE1}",  // £ → ￡
        "\u{00AC}": "\u{FFE2}",  // ¬ → ￢
        "\u{00A5}": "\u{FFE5}",  // ¥ → ￥
    ]
    static let missing: Unicode.Scalar = "\u{3013}"  // 〓

    /// The bytes, and the characters that had no code (each once, in order of appearance).
    package static func encode(_ text: String) -> (bytes: [UInt8], unencodable: [Character]) {
        if let data = text.data(using: .shiftJIS) { return (Array(data), []) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var unencodable: [Character] = []
        for character in text {
            if let data = String(character).data(using: .shiftJIS) {
                bytes += data
                continue
            }
            let mapped = String(String.UnicodeScalarView(character.unicodeScalars.map { substitutes[$0] ?? $0 }))
            if let data = mapped.data(using: .shiftJIS) {
                bytes += data
                continue
            }
            if !unencodable.contains(character) { unencodable.append(character) }
            bytes += String(Character(missing)).data(using: .shiftJIS) ?? Data([0x81, 0xAC])
        }
        return (bytes, unencodable)
    }
}
