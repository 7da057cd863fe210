/// Anchor ids for headings, kept readable for Japanese: 「今後の対応」 stays 今後の対応.
package enum HeadingID {
    /// Letters and digits of any script are kept (ASCII lowercased); spaces and punctuation become
    /// single hyphens. The result needs no HTML escaping.
    package static func make(from text: String) -> String {
        var id = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                if pendingHyphen, !id.isEmpty { id.append("-") }
                pendingHyphen = false
                if scalar.isASCII {
                    id.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    id.unicodeScalars.append(scalar)
                }
            } else {
                pendingHyphen = true
            }
        }
        return id
    }
}
