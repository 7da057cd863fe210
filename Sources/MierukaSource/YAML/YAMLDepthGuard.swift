/// A cheap pre-scan that finds YAML nested too deeply to parse safely.
///
/// Depth is estimated per line from indentation, leading `- ` markers and open `[`/`{` brackets
/// outside quotes. Real front matter stays under ten levels; the guard exists so that a broken or
/// hostile file gets an error instead of exhausting the stack.
enum YAMLDepthGuard {
    /// The 1-based line on which the estimated depth first exceeds `limit`, or nil.
    static func firstLineDeeperThan(_ limit: Int, in text: String) -> Int? {
        var flowDepth = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var indentation = 0
            var markers = 0
            var atLineStart = true
            var quote: Character?
            var previous: Character = " "
            for character in line {
                if let open = quote {
                    if character == open { quote = nil }
                    previous = character
                    continue
                }
                if atLineStart {
                    if character == " " {
                        indentation += 1
                        previous = character
                        continue
                    }
                    if character == "-" || character == "?" {
                        markers += 1
                        previous = character
                        continue
                    }
                    atLineStart = false
                }
                switch character {
                case "#" where previous == " ":
                    break
                case "\"", "'":
                    if previous == " " || previous == "[" || previous == "{" || previous == ":" || previous == "," {
                        quote = character
                    }
                case "[", "{":
                    flowDepth += 1
                    if indentation / 2 + markers + flowDepth > limit { return lineNumber }
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                default:
                    break
                }
                previous = character
            }
            // Two spaces per level is the common indentation; count generously.
            if indentation / 2 + markers + flowDepth > limit { return lineNumber }
        }
        return nil
    }
}
