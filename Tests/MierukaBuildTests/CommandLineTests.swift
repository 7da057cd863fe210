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

/// `mieruka check --format github|json`: the same problems for CI and other tools, same exit codes.
@Suite struct CheckFormatTests {
    func brokenSite() throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("invalid/csv-bad-cell"), onto: work.path, skipping: ["expected.txt"])
        return work
    }

    @Test func githubFormatAnnotatesEachProblemOnItsLine() throws {
        let work = try brokenSite()
        let result = try CommandRunner.mieruka(["check", "--format", "github"], in: work.path)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(
            lines.first
                == "::error file=seeds/test-plan/R7.csv,line=2,col=4,title=mieruka::grade \"E\" is not on the plan's scale (A, B, C, D)%0Ahint: use one of A (計画を上回る), B (概ね計画どおり), C (計画どおり進捗せず), D (進捗がほぼなし)"
        )
        #expect(lines.contains { $0.hasPrefix("::warning file=seeds/test-plan/R7.csv,line=5,col=3,") })
        #expect(result.standardError == "mieruka check: 7 errors, 1 warning\n")
    }

    @Test func jsonFormatIsOneDocumentOnStandardOutput() throws {
        let work = try brokenSite()
        let result = try CommandRunner.mieruka(["check", "--format", "json"], in: work.path)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 7)
        #expect(object?["warnings"] as? Int == 1)
        #expect(object?["exitCode"] as? Int == 1)
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 8)
        #expect(diagnostics.first?["file"] as? String == "seeds/test-plan/R7.csv")
        #expect(diagnostics.first?["line"] as? Int == 2)
        #expect(diagnostics.first?["column"] as? Int == 4)
        #expect((diagnostics.first?["hint"] as? String)?.hasPrefix("use one of A") == true)
    }

    @Test func jsonFormatOfAGoodSiteHasNoProblemsAndExitsZero() throws {
        let result = try CommandRunner.mieruka(["check", "--format", "json", "--source", Fixtures.path("base")], in: Fixtures.root)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 0)
        #expect(object?["pages"] as? Int == 22)
        #expect(result.standardError.hasPrefix("mieruka: checked 22 pages in "))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try CommandRunner.mieruka(["check", "--format", "xml"], in: Fixtures.root)
        #expect(result.status == 2)
        #expect(result.standardError.contains("xml"))
    }
}

/// `mieruka --version` names the version and the commit the binary was built from, so a city's CI
/// log says exactly which Mieruka built its site.
@Suite struct VersionTests {
    @Test func versionNamesTheCommitOfThisCheckout() throws {
        let result = try CommandRunner.mieruka(["--version"], in: Fixtures.root)
        #expect(result.status == 0)
        guard try git(["rev-parse", "HEAD"]).status == 0 else {
            // Not built from a git checkout (a source archive).
            #expect(result.standardOutput == "mieruka 0.1.0 (commit unknown)\n")
            return
        }
        let version = result.standardOutput
        #expect(version.hasPrefix("mieruka 0.1.0 (commit ") && version.hasSuffix(")\n"), "\(version)")
        let commit = String(version.dropFirst("mieruka 0.1.0 (commit ".count).dropLast(2))
        #expect(commit.count == 12 && commit.allSatisfy(\.isHexDigit), "\(commit)")
        // The commit the binary was built from: HEAD, or an ancestor of it when a commit was made
        // after the build (the plugin writes it again at the next build).
        #expect(try git(["merge-base", "--is-ancestor", commit, "HEAD"]).status == 0, "\(commit) is not HEAD or before it")
    }

    func git(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try CommandRunner.run("/usr/bin/git", ["-C", Fixtures.repositoryRoot] + arguments, in: Fixtures.repositoryRoot)
        return (result.status, result.standardOutput)
    }
}

/// `build --base-url`: CI publishes where it knows (GitHub or GitLab Pages), whatever mieruka.yml says.
@Suite struct BaseURLOptionTests {
    @Test func baseURLFromTheCommandLineWinsOverTheSettings() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let result = try CommandRunner.mieruka(["build", "--base-url", "https://city.github.io/kaikaku-site/"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let page = work.read("public/test-plan/index.html") ?? ""
        #expect(page.contains("href=\"/kaikaku-site/test-plan/"))
        #expect(!page.contains("href=\"/kaikaku/"))
        #expect(page.contains("https://city.github.io/kaikaku-site/test-plan/"))
    }

    @Test func aBaseURLThatIsNotOneIsReported() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let result = try CommandRunner.mieruka(["build", "--base-url", "city.github.io"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("--base-url: error: \"city.github.io\" is not a base URL\n    hint: write the address"))
        #expect(!work.exists("public"))
    }
}
