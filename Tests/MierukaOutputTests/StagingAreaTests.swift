import Foundation
import MierukaOutput
import MierukaTestSupport
import Testing

@Suite struct StagingAreaTests {
    @Test func commitPutsTheNewOutputInPlace() throws {
        let work = TemporaryDirectory()
        let folder = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site")
        let staging = try folder.stage()
        try staging.write("a/b/index.html", text: "new")
        try staging.commit()
        #expect(work.read("public/a/b/index.html") == "new")
        #expect(work.exists("public/" + OutputFolder.markerFile))
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func commitReplacesThePreviousOutputWhole() throws {
        let work = TemporaryDirectory()
        let folder = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site")
        let first = try folder.stage()
        try first.write("old.html", text: "old")
        try first.write("same.html", text: "1")
        try first.commit()

        let second = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site").stage()
        try second.write("same.html", text: "2")
        #expect(work.read("public/old.html") == "old", "nothing changes before commit")
        try second.commit()
        #expect(!work.exists("public/old.html"))
        #expect(work.read("public/same.html") == "2")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func discardLeavesThePreviousOutputAlone() throws {
        let work = TemporaryDirectory()
        let first = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site").stage()
        try first.write("index.html", text: "good")
        try first.commit()
        let before = FileTree.snapshot(work.path + "/public")

        let failing = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site").stage()
        try failing.write("index.html", text: "half-written")
        failing.discard()
        #expect(FileTree.snapshot(work.path + "/public") == before)
        #expect(!FileManager.default.fileExists(atPath: failing.path))
    }

    @Test func parallelWritesCreateSharedFolders() throws {
        let work = TemporaryDirectory()
        let staging = try OutputFolder(path: work.path + "/public", siteRoot: work.path + "/site").stage()
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            try? staging.write("plan/items/\(index % 7)/p\(index)/index.html", text: "\(index)")
        }
        try staging.commit()
        #expect(FileTree.snapshot(work.path + "/public").count == 201)
    }

    @Test func refusesFoldersItDidNotMake() throws {
        let work = TemporaryDirectory()
        try work.write("docs/important.txt", "keep me")
        #expect(throws: OutputError.self) {
            _ = try OutputFolder(path: work.path + "/docs", siteRoot: work.path + "/site")
        }
        #expect(throws: OutputError.self) {
            _ = try OutputFolder(path: work.path, siteRoot: work.path + "/site")
        }
        #expect(throws: OutputError.self) {
            _ = try OutputFolder(path: work.path + "/site/seeds/out", siteRoot: work.path + "/site")
        }
        #expect(throws: OutputError.self) {
            _ = try OutputFolder(path: "/", siteRoot: work.path + "/site")
        }
        // An empty folder may be used.
        try FileManager.default.createDirectory(atPath: work.path + "/empty", withIntermediateDirectories: true)
        #expect(throws: Never.self) {
            _ = try OutputFolder(path: work.path + "/empty", siteRoot: work.path + "/site")
        }
    }
}
