import Foundation
import MierukaBuild
import MierukaExport
import MierukaTestSupport
import Testing

/// A rebuild keeps the workbooks (.xlsx) of the previous output whose tables did not change,
/// instead of making them again, and only those that this very writer made and nobody changed
/// since: the output stays byte for byte what a build into an empty folder makes.
@Suite struct WorkbookReuseTests {
    func site() throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path + "/site")
        return work
    }

    func build(_ work: TemporaryDirectory, into output: String = "public") -> BuildReport {
        SitePipeline().run(
            BuildOptions(
                source: work.path + "/site", displaySource: "site", mode: .build(output: work.path + "/" + output), jobs: 2))
    }

    func workbooks(_ work: TemporaryDirectory, in output: String = "public") -> [String] {
        FileTree.snapshot(work.path + "/" + output).keys.filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    var record: String { "/.public.mieruka-workbooks" }

    /// The output equals a build into an empty folder, file for file.
    func expectSameAsFresh(_ work: TemporaryDirectory, _ comment: Comment? = nil) {
        let fresh = "fresh-\(UUID().uuidString)"
        #expect(build(work, into: fresh).outcome == .success)
        #expect(FileTree.snapshot(work.path + "/public") == FileTree.snapshot(work.path + "/" + fresh), comment)
    }

    @Test func anUnchangedRebuildKeepsEveryWorkbookWithoutMakingItAgain() throws {
        let work = try site()
        let cold = build(work)
        #expect(cold.outcome == .success, "\(cold.diagnostics)")
        #expect(cold.reusedWorkbooks == 0)
        let names = workbooks(work)
        #expect(names.count >= 6)
        let before = FileStamps.snapshot(work.path + "/public")
        let again = build(work)
        #expect(again.outcome == .success)
        #expect(again.reusedWorkbooks == names.count)
        #expect(again.writeSummary?.written == [])
        #expect(FileStamps.changed(before, FileStamps.snapshot(work.path + "/public")) == [], "modification times kept")
        expectSameAsFresh(work)
    }

    /// Changing an item's title changes the tables that show it: exactly their workbooks are made
    /// again (and written), the others kept.
    @Test func aChangedTableMakesItsWorkbookAgain() throws {
        let work = try site()
        #expect(build(work).outcome == .success)
        let old = FileTree.snapshot(work.path + "/public")
        let path = work.path + "/site/content/test-plan/002.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 庁内事務の効率化", with: "title: 庁内事務の効率化と電子化")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let report = build(work)
        #expect(report.outcome == .success, "\(report.diagnostics)")
        let new = FileTree.snapshot(work.path + "/public")
        let changed = workbooks(work).filter { old[$0] != new[$0] }
        #expect(changed.contains("test-plan/data/items.xlsx"))
        #expect(report.reusedWorkbooks == workbooks(work).count - changed.count)
        #expect(Set(changed).isSubset(of: Set(report.writeSummary?.written ?? [])))
        expectSameAsFresh(work)
    }

    /// A workbook edited since the build (here: another workbook's bytes put in its place, and one
    /// byte changed in another) is made again and written back as a fresh build makes it.
    @Test func aWorkbookChangedByHandIsMadeAgain() throws {
        let work = try site()
        #expect(build(work).outcome == .success)
        let names = workbooks(work)
        let root = work.path + "/public/"
        let replaced = try #require(names.first)
        let edited = try #require(names.last)
        try FileManager.default.removeItem(atPath: root + replaced)
        try FileManager.default.copyItem(atPath: root + edited, toPath: root + replaced)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + edited)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: root + edited))
        let report = build(work)
        #expect(report.outcome == .success)
        #expect(report.reusedWorkbooks == names.count - 2)
        #expect(report.writeSummary?.written == [replaced, edited].sorted())
        expectSameAsFresh(work)
    }

    /// The record decides which workbooks are kept: one whose record line matches the file is
    /// taken as it is (shown here with a record made to match another file, which a build
    /// therefore keeps: nothing made it again); the same record from another writer (an older or
    /// newer mieruka) keeps nothing, and the file is made again.
    @Test func onlyTheWriterThatMadeAWorkbookKeepsIt() throws {
        let work = try site()
        #expect(build(work).outcome == .success)
        let names = workbooks(work)
        let root = work.path + "/public/"
        let target = try #require(names.first)
        let other = try #require(names.last)
        let recordText = try String(contentsOfFile: work.path + record, encoding: .utf8)
        let otherBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + other)))

        func forge(writer: String?) throws {
            try FileManager.default.removeItem(atPath: root + target)
            try Data(otherBytes).write(to: URL(fileURLWithPath: root + target))
            var lines = recordText.split(separator: "\n").map(String.init)
            #expect(lines.count == names.count + 2)
            if let writer { lines[1] = "writer " + writer }
            for (offset, line) in lines.enumerated() where line.hasSuffix(" " + target) {
                let fields = line.split(separator: " ")
                lines[offset] = fields[0] + " " + SHA256.hex(SHA256.digest(otherBytes)) + " " + target
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: work.path + record, atomically: true, encoding: .utf8)
        }

        try forge(writer: nil)
        let kept = build(work)
        #expect(kept.reusedWorkbooks == names.count)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + target))) == otherBytes)

        try forge(writer: "0:1:2:3.4:5.6")
        let remade = build(work)
        #expect(remade.outcome == .success)
        #expect(remade.reusedWorkbooks == 0)
        #expect(remade.writeSummary?.written == [target])
        expectSameAsFresh(work)
        // The record now names this writer again.
        #expect(build(work).reusedWorkbooks == names.count)
    }

    /// A record that cannot be read as one (cut short, garbled) keeps nothing and breaks nothing.
    @Test func aDamagedRecordKeepsNothing() throws {
        let work = try site()
        #expect(build(work).outcome == .success)
        let text = try String(contentsOfFile: work.path + record, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: work.path + record, atomically: true, encoding: .utf8)
        let report = build(work)
        #expect(report.outcome == .success)
        #expect(report.reusedWorkbooks < workbooks(work).count)
        expectSameAsFresh(work)
        try "garbage\n".write(toFile: work.path + record, atomically: true, encoding: .utf8)
        #expect(build(work).reusedWorkbooks == 0)
        expectSameAsFresh(work)
    }
}
