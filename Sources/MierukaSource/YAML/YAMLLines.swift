/// The lines of a YAML text as libyaml numbers them (and as editors show them): a line ends at
/// CR LF, a lone CR, LF, NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR. Splitting at "\n" alone would
/// put a file saved with lone CRs (classic Mac line ends) on one line while libyaml's positions
/// count them.
enum YAMLLines {
    static func split(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: isBreak)
    }

    static func isBreak(_ character: Character) -> Bool {
        switch character {
        case "\r\n", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
