import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MierukaOutput
import MierukaTestSupport
import Testing

/// Builds into an existing output write only what changed, remove what is no longer made, and
/// leave everything else as it was; a failure at any point leaves the previous output.
@Suite struct IncrementalWriteTests {
    /// One build of `files` into work/public through the writer, as the pipeline drives it.
    @discardableResult
    func build(_ files: [String: String], in work: TemporaryDirectory, faults: WriteFaults? = nil) throws -> WriteSummary {
        let staging = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site").stage(faults: faults)
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { try staging.write(path, text: text) }
            return try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    let first = [
        "index.html": "home",
        "plan/index.html": "plan",
        "plan/001/index.html": "item 1",
        "plan/002/index.html": "item 2",
        "plan/002/attachment.txt": "attached",
        "old/index.html": "removed plan",
        "old/deep/index.html": "removed item",
        "assets/site.css": "body{}",
        "was-a-file": "becomes a folder",
        "was-a-folder/index.html": "becomes a file",
    ]

    /// One item changed, one added (in a new folder), one plan removed, and a file and a folder
    /// trading places.
    var second: [String: String] {
        var files = first
        files["plan/001/index.html"] = "item 1, changed"
        files["plan/003/index.html"] = "item 3"
        files["old/index.html"] = nil
        files["old/deep/index.html"] = nil
        files["plan/002/attachment.txt"] = nil
        files["was-a-file"] = nil
        files["was-a-file/index.html"] = "now in a folder"
        files["was-a-folder/index.html"] = nil
        files["was-a-folder"] = "now a file"
        return files
    }

    func contents(_ root: String) -> [String: String] {
        FileTree.snapshot(root).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func anUnchangedRebuildTouchesNoFileOrFolder() throws {
        let work = TemporaryDirectory()
        let cold = try build(first, in: work)
        #expect(cold.written == first.keys.sorted())
        let before = FileStamps.snapshot(work.path + "/public")
        let again = try build(first, in: work)
        #expect(again == WriteSummary(written: [], unchanged: first.keys.sorted(), removed: []))
        #expect(FileStamps.changed(before, FileStamps.snapshot(work.path + "/public")) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"])
    }

    @Test func aRebuildWritesWhatChangedAndRemovesWhatIsNoLongerMade() throws {
        let work = TemporaryDirectory()
        try build(first, in: work)
        let before = FileStamps.snapshot(work.path + "/public")
        let summary = try build(second, in: work)
        #expect(summary.written == ["plan/001/index.html", "plan/003/index.html", "was-a-file/index.html", "was-a-folder"])
        #expect(summary.removed == ["old/deep/index.html", "old/index.html", "plan/002/attachment.txt", "was-a-file", "was-a-folder/index.html"])
        #expect(summary.unchanged == ["assets/site.css", "index.html", "plan/002/index.html", "plan/index.html"])
        var expected = second
        expected[OutputFolder.markerFile] = contents(work.path + "/public")[OutputFolder.markerFile]
        #expect(contents(work.path + "/public") == expected)
        let after = FileStamps.snapshot(work.path + "/public")
        // Unchanged files and the folders nothing changed in keep their inode and mtime; the
        // folders that gained or lost an entry are the only other changes.
        #expect(
            FileStamps.changed(before, after) == [
                "", "old", "old/deep", "old/deep/index.html", "old/index.html", "plan", "plan/001", "plan/001/index.html",
                "plan/002", "plan/002/attachment.txt", "plan/003", "plan/003/index.html", "was-a-file",
                "was-a-file/index.html", "was-a-folder", "was-a-folder/index.html",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"])
    }

    /// The writer's k-th change to the file system fails, for every k of an update: writing the
    /// staged files, making folders, renaming and exchanging into place, moving stale files aside.
    /// With and without RENAME_EXCHANGE (without it, a changed file replaces the old by two renames).
    @Test(arguments: [true, false])
    func aFailureAtAnyOperationLeavesThePreviousOutputByteForByte(canExchange: Bool) throws {
        let counting = TemporaryDirectory()
        try build(first, in: counting)
        let faults = WriteFaults(failingAt: nil, canExchange: canExchange)
        try build(second, in: counting, faults: faults)
        let operations = faults.operations
        #expect(operations >= 12, "written files, folders, renames and removals are all counted")

        for failing in 1...operations {
            let work = TemporaryDirectory()
            try build(first, in: work)
            let before = FileStamps.snapshot(work.path + "/public")
            #expect(throws: OutputError.self, "operation \(failing)") {
                try build(second, in: work, faults: WriteFaults(failingAt: failing, canExchange: canExchange))
            }
            let after = FileStamps.snapshot(work.path + "/public")
            let changed = FileStamps.changed(before, after)
            #expect(changed == [], "operation \(failing): \(changed.map { "\($0): \(String(describing: before[$0])) → \(String(describing: after[$0]))" })")
            #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"], "operation \(failing)")
            try build(second, in: work)
            #expect(contents(work.path + "/public").filter { $0.key != OutputFolder.markerFile } == second, "operation \(failing)")
        }
    }

    @Test func aFailureDuringAColdBuildLeavesNoOutput() throws {
        let faults = WriteFaults(failingAt: nil)
        try build(first, in: TemporaryDirectory(), faults: faults)
        for failing in 1...faults.operations {
            let work = TemporaryDirectory()
            #expect(throws: OutputError.self) { try build(first, in: work, faults: WriteFaults(failingAt: failing)) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == [], "operation \(failing)")
        }
    }

    /// A build killed mid-way leaves its staging folder (with the pid of a process that is gone);
    /// the next build removes it, and leaves alone the staging folder of a build still running
    /// (which holds its lock), however old.
    @Test func theNextBuildRemovesWhatAKilledBuildLeft() throws {
        let work = TemporaryDirectory()
        try build(first, in: work)
        try work.write(".public.mieruka-staging-99999999/files/plan/001/index.html", "half")
        try work.write(".public.mieruka-staging-99999998-previous/index.html", "old")
        try work.write(".other.mieruka-staging-99999999/index.html", "another output's")
        let running = work.path + "/.public.mieruka-staging-99999997"
        try work.write(".public.mieruka-staging-99999997/files/index.html", "being written")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: running)
        let lock = open(running, O_RDONLY | O_DIRECTORY)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)

        try build(second, in: work)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
                == [".other.mieruka-staging-99999999", ".public.mieruka-staging-99999997", "public"])
        #expect(contents(work.path + "/public").filter { $0.key != OutputFolder.markerFile } == second)

        close(lock)
        try build(second, in: work)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [".other.mieruka-staging-99999999", "public"])
    }
}
