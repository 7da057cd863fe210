import Foundation
import MierukaBuild
import MierukaOutput
import MierukaTestSupport
import Testing

/// `mieruka build` into the output of an earlier build: only what changed is written, and a
/// failure anywhere in the write leaves the previous output byte for byte.
@Suite struct IncrementalBuildTests {
    func site() throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path + "/site")
        return work
    }

    func build(_ work: TemporaryDirectory, into output: String = "public", faults: WriteFaults? = nil) -> BuildReport {
        SitePipeline().run(
            BuildOptions(
                source: work.path + "/site", displaySource: "site", mode: .build(output: work.path + "/" + output),
                jobs: 2, writeFaults: faults))
    }

    /// Changes item 2's title, which its page, its plan's page, the home page's lists and the open
    /// data and search index show.
    func changeOneItem(_ work: TemporaryDirectory) throws {
        let path = work.path + "/site/content/test-plan/002.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 庁内事務の効率化", with: "title: 庁内事務の効率化と電子化")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func anUnchangedRebuildTouchesNoFile() throws {
        let work = try site()
        let cold = build(work)
        #expect(cold.outcome == .success, "\(cold.diagnostics)")
        #expect(cold.writeSummary?.written.count == cold.files)
        let before = FileStamps.snapshot(work.path + "/public")
        let again = build(work)
        #expect(again.outcome == .success)
        #expect(again.writeSummary?.written == [])
        #expect(again.writeSummary?.removed == [])
        #expect(again.writeSummary?.unchanged == cold.writeSummary?.written)
        #expect(FileStamps.changed(before, FileStamps.snapshot(work.path + "/public")) == [])
    }

    /// Exactly the files whose bytes a fresh build changes are written: compared with two fresh
    /// builds, before and after the change, and named.
    @Test func aOneItemChangeRewritesExactlyThePagesThatShowTheItem() throws {
        let work = try site()
        #expect(build(work).outcome == .success)
        #expect(build(work, into: "fresh-before").outcome == .success)
        let before = FileStamps.snapshot(work.path + "/public")
        try changeOneItem(work)
        let report = build(work)
        #expect(report.outcome == .success, "\(report.diagnostics)")
        #expect(build(work, into: "fresh-after").outcome == .success)

        let old = FileTree.snapshot(work.path + "/fresh-before")
        let new = FileTree.snapshot(work.path + "/fresh-after")
        let differing = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
        let written = report.writeSummary?.written ?? []
        #expect(written == differing)
        #expect(written.contains("test-plan/002/index.html"))
        #expect(written.contains("test-plan/index.html"))
        #expect(!written.contains("test-plan/003/index.html"))
        #expect(FileTree.snapshot(work.path + "/public") == new)
        let touched = FileStamps.changed(before, FileStamps.snapshot(work.path + "/public"))
        let touchedFiles = touched.filter { before[$0]?.isDirectory == false }
        #expect(touchedFiles == written, "no other file's inode or modification time changed")
    }

    /// The k-th change to the file system fails (a staged page, a folder, a rename into place,
    /// a stale file moved aside): the output stays the previous one, the error names it, and the
    /// next build succeeds and leaves nothing beside the output.
    @Test func aFailureAtAnyPointOfTheWriteLeavesThePreviousOutput() throws {
        let counting = try site()
        #expect(build(counting).outcome == .success)
        try changeOneItem(counting)
        try FileManager.default.removeItem(atPath: counting.path + "/site/content/about.md")
        let faults = WriteFaults(failingAt: nil)
        #expect(build(counting, faults: faults).outcome == .success)
        let operations = faults.operations
        #expect(operations > 6)

        for failing in Set([1, 2, operations / 2, operations - 2, operations - 1, operations]).sorted() {
            let work = try site()
            #expect(build(work).outcome == .success)
            try changeOneItem(work)
            try FileManager.default.removeItem(atPath: work.path + "/site/content/about.md")
            let before = FileStamps.snapshot(work.path + "/public")
            let failed = build(work, faults: WriteFaults(failingAt: failing))
            #expect(failed.outcome == .contentErrors, "operation \(failing)")
            #expect(failed.diagnostics.sorted.contains { $0.message.contains("simulated failure") }, "operation \(failing)")
            #expect(FileStamps.changed(before, FileStamps.snapshot(work.path + "/public")) == [], "operation \(failing)")
            let next = build(work)
            #expect(next.outcome == .success, "operation \(failing)")
            #expect(!work.exists("public/about/index.html"))
            // Beside the output: only the record of its workbooks (WorkbookRecord), no staging folder.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
                    == [".public.mieruka-workbooks", "public", "site"])
        }
    }

    @Test func theSummaryLineAndTheJSONDocumentListTheFiles() throws {
        let work = try site()
        let cold = try CommandRunner.mieruka(["build", "--source", "site"], in: work.path)
        #expect(cold.status == 0, "\(cold.standardError)")
        #expect(cold.standardOutput.contains(" written, 0 unchanged, 0 removed"))
        try changeOneItem(work)
        try FileManager.default.removeItem(atPath: work.path + "/site/content/about.md")
        let result = try CommandRunner.mieruka(["build", "--source", "site", "--format", "json"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let written = object?["written"] as? [String] ?? []
        let unchanged = object?["unchanged"] as? [String] ?? []
        let removed = object?["removed"] as? [String] ?? []
        #expect(object?["command"] as? String == "build")
        #expect(object?["exitCode"] as? Int == 0)
        #expect(written.contains("test-plan/002/index.html"))
        #expect(unchanged.contains("assets/mieruka.css"))
        #expect(removed == ["about/index.html"])
        #expect(
            result.standardError.contains(
                ": \(written.count) written, \(unchanged.count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) unchanged, 1 removed"))
    }
}
