/// What `mieruka` prints about the demo site beyond the one warning its content always gives:
/// 栄町's 平成20年度 達成率 (90.2パーセント) contradicts its own 目標 and 実績; the site shows it as
/// published and `check` warns (Tests/DemoSiteTests/SakaeTests.swift).
package enum DemoSiteOutput {
    package static let ownWarning =
        "content/sakae/_index.md:30:72: warning: the money table 「効果額」, 効果額: 達成率 is published as 90.2パーセント, but 実績 11億1,700万円 ÷ 目標 10億 780万円 is 110.8%"

    /// The lines of `standardError` other than that warning and its hint.
    package static func beyondItsOwnWarning(_ standardError: String) -> [Substring] {
        var lines: [Substring] = []
        var skipHint = false
        for line in standardError.split(separator: "\n") {
            if line == ownWarning {
                skipHint = true
                continue
            }
            if skipHint, line.hasPrefix("    hint: ") {
                skipHint = false
                continue
            }
            skipHint = false
            lines.append(line)
        }
        return lines
    }
}
