/// What `mieruka` prints about the demo site beyond the warnings its content always gives, each a
/// contradiction in a city's own published figures that the site shows as published and `check`
/// reports: 栄町's 平成20年度 達成率 (90.2パーセント) against its own 目標 and 実績
/// (Tests/DemoSiteTests/SakaeTests.swift), and いわき市's 18年度 累計額 printed 「(9500)」 where its
/// own rule gives 950 (Tests/DemoSiteTests/IwakiTests.swift).
package enum DemoSiteOutput {
    package static let ownWarning =
        "content/sakae/_index.md:30:72: warning: the money table 「効果額」, 効果額: 達成率 is published as 90.2パーセント, but 実績 11億1,700万円 ÷ 目標 10億 780万円 is 110.8%"

    package static let iwakiWarning =
        "content/iwaki/_index.md:47:35: warning: the money table 「【目標指標1】改革の効果額(累計額)150億円を目指す。」: 計画額(累計額), 18年度 prints 9500 in brackets as its 累計額, but its figures for 18年度, each counted again in every later year, come to 950"

    package static let ownWarnings = [ownWarning, iwakiWarning]

    /// The lines of `standardError` other than those warnings and their hints.
    package static func beyondItsOwnWarning(_ standardError: String) -> [Substring] {
        var lines: [Substring] = []
        var skipHint = false
        for line in standardError.split(separator: "\n") {
            if ownWarnings.contains(String(line)) {
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
