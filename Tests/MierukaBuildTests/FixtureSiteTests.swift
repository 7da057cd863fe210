import Foundation
import MierukaTestSupport
import Testing

/// The fixture sites under Tests/Fixtures, built with the real `mieruka` executable.
///
/// - `base/` is a valid site of made-up data that has every page kind; `base-expected/` holds the
///   pages it must produce, byte for byte.
/// - `invalid/<case>/` each add one broken file to `base/`; `expected.txt` holds the command and
///   exactly what it must print. Every case must exit 1 and leave the previous output untouched.
///
/// After an intended change of output, run `MIERUKA_UPDATE_FIXTURES=1 swift test` and review the diff.
@Suite struct FixtureSiteTests {
    static let invalidCases: [String] = {
        let folder = Fixtures.path("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    @Test func baseSiteBuildsTheExpectedPages() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.hasPrefix("mieruka: built 22 pages (47 files) into public in "))

        let built = FileTree.snapshot(work.path + "/public")
        let expectedFolder = Fixtures.path("base-expected")
        if Fixtures.updating {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            try FileTree.overlay(work.path + "/public", onto: expectedFolder)
        }
        let expected = FileTree.snapshot(expectedFolder)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(built[path] == bytes, "\(path) differs from Tests/Fixtures/base-expected/\(path)")
        }
    }

    @Test func baseSitePassesCheck() throws {
        let result = try CommandRunner.mieruka(["check", "--source", Fixtures.path("base")], in: Fixtures.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("mieruka: checked 22 pages in "))
    }

    @Test(arguments: invalidCases)
    func invalidSiteFailsWithItsMessageAndKeepsThePreviousOutput(name: String) throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        // A good build first: the output a failed build must leave alone.
        let first = try CommandRunner.mieruka(["build"], in: work.path)
        try #require(first.status == 0, "\(first.standardError)")
        let before = FileTree.snapshot(work.path + "/public")

        let caseFolder = Fixtures.path("invalid/" + name)
        try FileTree.overlay(caseFolder, onto: work.path, skipping: ["expected.txt"])
        let expectedPath = caseFolder + "/expected.txt"
        let expectedText = (try? String(contentsOfFile: expectedPath, encoding: .utf8)) ?? ""
        let command = expectedText.split(separator: "\n").first.map(String.init) ?? "$ mieruka build"
        let arguments = command.split(separator: " ").dropFirst(2).map(String.init)
        let result = try CommandRunner.mieruka(arguments, in: work.path)

        if Fixtures.updating {
            try (command + "\n" + result.standardError).write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = expectedText.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst()
            .joined()
        #expect(result.status == 1)
        #expect(result.standardError == expected)
        #expect(!result.standardError.contains("Fatal error"))
        #expect(FileTree.snapshot(work.path + "/public") == before, "the previous output must stay as it was")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/.public.mieruka-staging"))
    }
}
