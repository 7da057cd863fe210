import Foundation
import MierukaTestSupport
import Testing

/// Exit codes and messages of the command as a user meets them.
@Suite struct CommandLineTests {
    @Test func helpExitsZero() throws {
        let result = try CommandRunner.mieruka(["--help"], in: Fixtures.root)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("build"))
        #expect(result.standardOutput.contains("check"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CommandRunner.mieruka(["build", "--sauce", "."], in: Fixtures.root)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--sauce"))
    }

    @Test func missingFolderIsAUsageError() throws {
        let result = try CommandRunner.mieruka(["check", "--source", "does-not-exist"], in: Fixtures.root)
        #expect(result.status == 2)
        #expect(result.standardError == "mieruka: error: no such folder: does-not-exist\n")
    }

    @Test func folderWithoutConfigIsAUsageError() throws {
        let empty = TemporaryDirectory()
        let result = try CommandRunner.mieruka(["build"], in: empty.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("is not a Mieruka site: it has no mieruka.yml"))
        #expect(!FileManager.default.fileExists(atPath: empty.path + "/public"))
    }

    /// `--accessibility-results` publishes a check-site.py results file on the test-results page.
    @Test func accessibilityResultsAreGivenOnTheCommandLine() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let results = Fixtures.path("accessibility/check-site-results.json")
        let config = try String(contentsOfFile: work.path + "/mieruka.yml", encoding: .utf8)
        try (config + "accessibility: {organization: 架空市, results_site: demo, contact: 架空市 企画課}\n")
            .write(toFile: work.path + "/mieruka.yml", atomically: true, encoding: .utf8)
        let built = try CommandRunner.mieruka(["build", "--accessibility-results", results], in: work.path)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try String(contentsOfFile: work.path + "/public/accessibility/results/index.html", encoding: .utf8)
        #expect(page.contains("<dd>2026年11月20日</dd>"))
        #expect(page.contains("3ページ中2ページ"))

        let missing = try CommandRunner.mieruka(["build", "--accessibility-results", "nowhere.json"], in: work.path)
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("nowhere.json: error: there is no accessibility results file here"))
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try work.write("precious/notes.txt", "not made by mieruka")
        let result = try CommandRunner.mieruka(["build", "--output", "precious"], in: work.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("refusing to replace precious"))
        #expect(work.read("precious/notes.txt") == "not made by mieruka")
    }

    @Test func refusesToWriteOverTheSiteItself() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let result = try CommandRunner.mieruka(["build", "--output", "."], in: work.path)
        #expect(result.status == 2)
        #expect(work.exists("content/test-plan/_index.md"))
        let inside = try CommandRunner.mieruka(["build", "--output", "content/out"], in: work.path)
        #expect(inside.status == 2)
    }

    @Test func rebuildReplacesThePreviousOutputCompletely() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        #expect(try CommandRunner.mieruka(["build"], in: work.path).status == 0)
        #expect(work.exists("public/test-plan/003/index.html"))
        try FileManager.default.removeItem(atPath: work.path + "/content/test-plan/003.md")
        try work.write("seeds/test-plan/R6.yml", String(work.read("seeds/test-plan/R6.yml")?.split(separator: "\n").prefix(while: { !$0.contains("item: 3") }).joined(separator: "\n") ?? ""))
        let second = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(!work.exists("public/test-plan/003/index.html"), "pages of removed items must not linger")
        #expect(work.exists("public/test-plan/002/index.html"))
    }

    @Test func timingsNameEveryStage() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let result = try CommandRunner.mieruka(["build", "--timings"], in: work.path)
        #expect(result.status == 0)
        for stage in ["load", "parse", "merge", "validate", "render", "write"] {
            #expect(result.standardOutput.contains("  \(stage)"), "missing stage \(stage)")
        }
    }
}
