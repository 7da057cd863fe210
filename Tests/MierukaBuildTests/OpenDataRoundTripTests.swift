import Foundation
import MierukaTestSupport
import Testing

/// A plan's exported `results.csv` (or its `results.xlsx`), saved into `seeds/` in place of the
/// results it was made from, builds the same site: every page and every download, byte for byte.
@Suite struct OpenDataRoundTripTests {
    /// Builds `site`, then a copy whose results come only from the exported CSV; returns both outputs.
    func roundTrip(
        _ site: TemporaryDirectory, plan: String, file: String = "results.csv", removing: [String],
        editing edit: (String) throws -> Void = { _ in }
    ) throws -> (original: [String: Data], reimported: [String: Data]) {
        let first = try CommandRunner.mieruka(["build"], in: site.path)
        #expect(first.status == 0, "\(first.standardError)")
        let exported = site.path + "/public/\(plan)/data/\(file)"
        #expect(FileManager.default.fileExists(atPath: exported))

        let copy = TemporaryDirectory()
        try FileTree.overlay(site.path, onto: copy.path, skipping: [])
        try FileManager.default.removeItem(atPath: copy.path + "/public")
        for path in removing { try FileManager.default.removeItem(atPath: copy.path + "/" + path) }
        try edit(copy.path)
        try FileManager.default.copyItem(atPath: exported, toPath: copy.path + "/seeds/\(plan)/\(file)")
        let second = try CommandRunner.mieruka(["build"], in: copy.path)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(DemoSiteOutput.beyondItsOwnWarning(second.standardError).isEmpty, "reading the export back gave: \(second.standardError)")
        return (FileTree.snapshot(site.path + "/public"), FileTree.snapshot(copy.path + "/public"))
    }

    /// Removes the base fixture's item 1's own results and its R5 KPI actual from its front
    /// matter, since the exported sheet now holds them (the same year twice is an error).
    static func removeFrontMatterResults(ofFirstItemIn root: String) throws {
        let path = root + "/content/test-plan/items/001.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let withoutActual = text.replacingOccurrences(of: "    actuals: {R5: 20.0}\n", with: "")
        let start = try #require(withoutActual.range(of: "results:\n"))
        let end = try #require(withoutActual.range(of: "---\n", range: start.upperBound..<withoutActual.endIndex))
        let stripped = String(withoutActual[..<start.lowerBound]) + String(withoutActual[end.lowerBound...])
        #expect(stripped != text)
        try stripped.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The base fixture with a fixture's files over it, round-tripped through `file`: the given
    /// results files and item 1's own results are removed from the copy that reads the export.
    func roundTripOfTheBase(
        with fixture: String, file: String, removing: [String]
    ) throws -> (original: [String: Data], reimported: [String: Data]) {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path(fixture), onto: site.path)
        return try roundTrip(site, plan: "test-plan", file: file, removing: removing) { root in
            try Self.removeFrontMatterResults(ofFirstItemIn: root)
        }
    }

    func expectSame(_ outputs: (original: [String: Data], reimported: [String: Data])) {
        #expect(outputs.original.keys.sorted() == outputs.reimported.keys.sorted())
        for (path, bytes) in outputs.original.sorted(by: { $0.key < $1.key }) {
            #expect(outputs.reimported[path] == bytes, "\(path) differs after the round trip")
        }
    }

    /// Amounts written as increases (「10万円の増」) are exported as written and read back as the
    /// same negative effects, from the CSV and from the workbook.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func increasesReadBackFromTheExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/effect-increase", file: file,
            removing: ["seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = try #require(outputs.original["test-plan/data/results.csv"])
        #expect(String(decoding: results, as: UTF8.self).contains("10万円の増"))
        expectSame(outputs)
    }

    /// Approximate figures (「約10万円」, a sheet's 「約100」) are exported as written and read back as
    /// the same approximate figures, from the CSV and from the workbook (an XLSX cell of text): the
    /// pages, with their 「—」 where a sum would need one, and every download come out the same.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func approximateFiguresReadBackFromTheExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/effect-approximate", file: file,
            removing: ["seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains(",500,約10万円,"))
        #expect(results.contains(",約100,50,"))
        expectSame(outputs)
    }

    /// Words read in a column's unit other than the plan's (「約100」 and 「50の増」 under
    /// 「効果見込額（万円）」) are exported with that unit (「約100万円」) and read back the same.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func wordsInAColumnsUnitReadBackFromTheExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/effect-column-unit", file: file,
            removing: ["seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains(",約100万円,50万円の増,"))
        expectSame(outputs)
    }

    /// The previous year's grades printed beside items (previous_grade:, 前年度評価) are exported as
    /// printed and read back the same, from the CSV and from the workbook.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func previousGradesReadBackFromTheExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/previous-grade", file: file,
            removing: ["seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains(",前年度評価"))
        expectSame(outputs)
    }

    /// Amounts of two kinds (単年度 / 継続) and one whose kind is not said are exported with their
    /// kind (効果額の種類) and read back as the same kinds, from the CSV and from the workbook: the
    /// pages, their per-kind tables and every download come out the same.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func effectKindsReadBackFromTheExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/effect-kinds", file: file,
            removing: ["seeds/test-plan/R5.yml", "seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains(",効果額の種類,"))
        #expect(results.contains(",300,280,継続,"))
        expectSame(outputs)
    }

    /// Kodaira's FY H29 results, saved by the city as Shift_JIS CSV, exported and read back.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theDemoSiteRebuildsFromItsExportedResults(file: String) throws {
        let site = TemporaryDirectory()
        let root = Fixtures.repositoryRoot
        try FileManager.default.copyItem(atPath: root + "/mieruka.yml", toPath: site.path + "/mieruka.yml")
        for folder in CSVEquivalenceTests.siteFolders where FileManager.default.fileExists(atPath: root + "/" + folder) {
            try FileTree.overlay(root + "/" + folder, onto: site.path + "/" + folder)
        }
        let outputs = try roundTrip(site, plan: "kodaira-3", file: file, removing: ["seeds/kodaira-3/H29.csv"])
        #expect(outputs.original["kodaira-3/reports/2017/index.html"] != nil)
        expectSame(outputs)
    }

    /// The fixture has what the demo lacks: amounts (negative, in another unit), KPI grades, a
    /// wording, an actual with its unit typed full-width, and results in an item's front matter,
    /// which are moved into the CSV.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theFixtureSiteRebuildsFromItsExportedResults(file: String) throws {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        // An actual typed with the full-width ％ of a KPI in %: shown as typed, and read back so.
        let seeds = site.path + "/seeds/test-plan/R6.yml"
        let written = try String(contentsOfFile: seeds, encoding: .utf8)
        try written.replacingOccurrences(of: "kpis: {online: 30.0}", with: "kpis: {online: 30.0％}")
            .write(toFile: seeds, atomically: true, encoding: .utf8)
        let outputs = try roundTrip(site, plan: "test-plan", file: file, removing: ["seeds/test-plan/R6.yml"]) { root in
            // The front matter's own result and KPI actual for R5 now come from the CSV.
            try Self.removeFrontMatterResults(ofFirstItemIn: root)
        }
        let results = try #require(outputs.original["test-plan/data/results.csv"])
        let text = String(decoding: results, as: UTF8.self)
        #expect(text.contains(",-100,"), "the negative amount △100 is written as -100")
        expectSame(outputs)
    }

    /// The snapshot fixture: results at 9月末 beside the year's end, in one file with a 時点 column
    /// (empty for the year's end), read back as the same results at the same points.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theSnapshotFixtureRebuildsFromItsExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/snapshot-results", file: file,
            removing: ["seeds/test-plan/R6.yml", "seeds/test-plan/R6-9月末.yml", "seeds/test-plan/R7-8月末.yml"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains("test-plan,2024,令和6年度,9月末,2,庁内事務の効率化,B,"))
        expectSame(outputs)
    }

    /// The sub-items fixture: each sub-item result is a row of its own after its item's rows, with
    /// 細目番号, 細目名, 細目の評価 and 細目の進捗状況, and reads back as the same sub-item results.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theSubItemsFixtureRebuildsFromItsExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/subitems", file: file,
            removing: ["seeds/test-plan/R6.yml"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        let lines = results.components(separatedBy: "\r\n")
        #expect(lines.first?.hasSuffix(",指標の評価,細目番号,細目名,細目の評価,細目の進捗状況") == true)
        // The rows of the plan's items stay as they were, with the four cells empty; item 3's two
        // sub-item results follow its own row, with its cells repeated and the KPI cells empty.
        #expect(lines.contains("test-plan,2024,令和6年度,3,基金の確保,A,計画を上回る,,,,200,900,fund,財政調整基金,億円,28.6,,,,,,"))
        #expect(lines.contains("test-plan,2024,令和6年度,3,基金の確保,A,計画を上回る,,,,200,900,,,,,,,1,基金の運用方針の策定,A,"))
        #expect(
            lines.contains(
                "test-plan,2024,令和6年度,3,基金の確保,A,計画を上回る,,,,200,900,,,,,,,2,<特定目的基金>の整理,B,対象の基金を洗い出した。"))
        expectSame(outputs)
    }

    /// A grade the report gives that could not be read (`grade_unreadable:`): 評価 empty and the
    /// reason in 評価を読み取れない理由 at the end, read back as the same unreadable grade.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theUnreadableGradeFixtureRebuildsFromItsExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/unreadable-grade", file: file,
            removing: ["seeds/test-plan/R6.yml"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        let lines = results.components(separatedBy: "\r\n")
        #expect(lines.first?.hasSuffix(",細目の進捗状況,評価を読み取れない理由") == true)
        #expect(lines.contains { $0.hasPrefix("test-plan,2024,令和6年度,2,庁内事務の効率化,,,") && $0.hasSuffix(",架空の写しが表の途中で切れていて、評価の欄が読めない") })
        expectSame(outputs)
    }

    /// The status axes fixture: each axis's values in a column of its own, headed with the axis's
    /// name or its columns:, read back as the same values; who graded a single grade or value, where
    /// the fixture's results say so (委員会評価 for item 3's grade in R6 and item 1's 達成度 in R5),
    /// in 評価者 and 「達成度の評価者」 at the end, read back as the same graders.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theStatusAxesFixtureRebuildsFromItsExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(
            with: "fidelity/status-axes", file: file,
            removing: ["seeds/test-plan/R5.yml", "seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.hasPrefix("\u{FEFF}計画,") || results.hasPrefix("計画,"))
        #expect(results.unicodeScalars.split(separator: "\n").first.map { String($0).hasSuffix(",指標の評価,着手状況,達成度,細目番号,細目名,細目の評価,細目の進捗状況,評価者,達成度の評価者\r") } == true)
        #expect(results.contains(",28.6,,,完了,A,,,,,委員会評価,\r\n"), "item 3's grade in R6, graded by 委員会評価")
        #expect(results.contains(",C,,,,,,委員会評価\r\n"), "item 1's 達成度 in R5, graded by 委員会評価")
        // plan.json carries the values on the axes and the graders, so the byte-for-byte comparison
        // below checks that the sheet gives them back.
        let json = String(decoding: try #require(outputs.original["test-plan/data/plan.json"]), as: UTF8.self)
        #expect(json.contains(#""year":2024,"grade":"A","graded_by":"委員会評価","axes""#), "item 3's grade in R6 and its grader")
        #expect(json.contains(#""achievement":{"grade":"C","state":null,"graded_by":"委員会評価"}"#))
        #expect(json.contains(#""achievement":{"grade":null,"state":"目標年度が未到来","graded_by":"内部評価"}"#))
        expectSame(outputs)
    }

    /// The states fixture: a state given instead of a grade (対象外, 目標年度が未到来) is written where
    /// the grade would be, and read back as the same state; plan.json says it under `state`.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theStatesFixtureRebuildsFromItsExportedResults(file: String) throws {
        let outputs = try roundTripOfTheBase(with: "fidelity/states", file: file, removing: ["seeds/test-plan/R6.yml"])
        let json = String(decoding: try #require(outputs.original["test-plan/data/plan.json"]), as: UTF8.self)
        #expect(json.contains(#""year":2024,"grade":null,"state":"対象外""#))
        #expect(json.contains(#""year":2023,"grade":null,"state":"目標年度が未到来""#))
        expectSame(outputs)
    }

    /// An axis named like a built-in column of a results sheet that is not 評価 or 進捗状況 (here
    /// 指標評価, which a sheet reads as 指標の評価): `results.csv` heads its column with the axis's
    /// id instead (the export and the reader share one list of built-in headers), so the file reads
    /// back as the same values.
    @Test func anAxisNamedLikeABuiltInColumnReadsBackFromItsExportedResults() throws {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/status-axes"), onto: site.path)
        for (file, from, to) in [
            ("content/test-plan/_index.md", "name: 着手状況", "name: 指標評価"),
            ("content/test-plan/items/001.md", "着手状況: 取組中", "start: 取組中"),
            ("seeds/test-plan/R7.csv", "番号,評価,着手状況,", "番号,評価,start,"),
        ] {
            let path = site.path + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(from), "\(file)")
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let outputs = try roundTrip(
            site, plan: "test-plan",
            removing: ["seeds/test-plan/R5.yml", "seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"]
        ) { root in
            try Self.removeFrontMatterResults(ofFirstItemIn: root)
        }
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.unicodeScalars.split(separator: "\n").first.map { String($0).contains(",指標の評価,start,達成度,") } == true)
        expectSame(outputs)
    }
}
