/// Checks and makes URL segments (plan folders, item files, policy ids).
package enum URLSlug {
    /// Letters, digits, hyphens and underscores of any script (so 企画部 is allowed), no spaces,
    /// slashes, dots at the start, or characters that need escaping in a path.
    package static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("."), !text.hasPrefix("-") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar == "."
                || (scalar.isASCII ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                    : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
        }
    }

    /// A valid segment made from any text: other characters become hyphens.
    package static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let keep =
                scalar == "_"
                || (scalar.isASCII ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                    : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
            if keep {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.lowercased()
    }
}
