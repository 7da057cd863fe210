import Foundation
import MierukaBuild
import MierukaDiagnostics
import MierukaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Files the site cannot read, found by issue 14's fuzzing: each must stop the build with a
/// located error that says what to do, exit code 1, and the previous output left as it was.
@Suite struct UnreadableInputTests {
    /// A built copy of the base fixture; `before` is its output.
    struct Site {
        let work = TemporaryDirectory("mieruka-unreadable")
        let before: [String: Data]

        init() throws {
            try FileTree.overlay(Fixtures.path("base"), onto: work.path)
            let first = try CommandRunner.mieruka(["build"], in: work.path)
            try #require(first.status == 0, "\(first.standardError)")
            before = FileTree.snapshot(work.path + "/public")
        }

        func build(_ command: String = "build") throws -> CommandRunner.Result {
            let result = try CommandRunner.mieruka([command], in: work.path)
            #expect(FileTree.snapshot(work.path + "/public") == before, "the previous output must stay as it was")
            return result
        }
    }

    /// Creates a file whose name is the given bytes (Swift's file APIs only take valid names).
    static func createFile(folder: String, nameBytes: [UInt8], contents: String) throws {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
    }

    @Test func aFileNameThatIsNotUTF8IsNamedWithItsFolderAndAHint() throws {
        let site = try Site()
        // 計画.md as a ZIP made on Windows leaves it: Shift_JIS bytes 8C 76 89 E6.
        try Self.createFile(
            folder: site.work.path + "/content/test-plan", nameBytes: [0x8C, 0x76, 0x89, 0xE6] + Array(".md".utf8),
            contents: InMemorySite.item("77"))
        for command in ["build", "check"] {
            let result = try site.build(command)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(
                result.standardError.hasPrefix(
                    "content/test-plan/%8Cv%89%E6.md: error: the name of this file or folder in content/test-plan/ is not UTF-8, "
                        + "so it cannot be read (it looks like Shift_JIS for 「計画.md」)"),
                "\(command): \(result.standardError)")
            #expect(result.standardError.contains("hint: rename it"))
            #expect(!result.standardError.contains("check its permissions"))
        }
    }

    @Test func escapedNamesKeepWhatIsUTF8AndAreUnambiguous() throws {
        let site = try Site()
        // Valid Japanese, one stray byte, and a real "%": only the stray byte and the % are escaped.
        try Self.createFile(
            folder: site.work.path + "/static", nameBytes: Array("資料%".utf8) + [0xFF] + Array(".pdf".utf8), contents: "x")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("static/資料%25%FF.pdf: error: the name of this file or folder in static/ is not UTF-8"))
    }

    @Test func aConfigThatIsAFolderSaysSoAndWhatToDo() throws {
        let site = try Site()
        try FileManager.default.removeItem(atPath: site.work.path + "/mieruka.yml")
        try FileManager.default.createDirectory(atPath: site.work.path + "/mieruka.yml", withIntermediateDirectories: false)
        for command in ["build", "check"] {
            let result = try site.build(command)
            #expect(result.status == 1, "\(command): a problem in the site's files, not a misuse")
            #expect(
                result.standardError.hasPrefix(
                    "mieruka.yml: error: this is a folder, not a file\n    hint: the site's settings go in a file named mieruka.yml: "
                        + "rename this folder"),
                "\(command): \(result.standardError)")
        }
    }

    @Test func aConfigThatIsANamedPipeIsRefusedWithoutWaiting() throws {
        let site = try Site()
        try FileManager.default.removeItem(atPath: site.work.path + "/mieruka.yml")
        try #require(mkfifo(site.work.path + "/mieruka.yml", 0o644) == 0)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("mieruka.yml: error: this is not a regular file (a named pipe, a device or a socket)"))
    }

    /// Finding 4: a 200 MB Markdown file took 873 MB of memory. Text files above 32 MiB are
    /// refused before a byte is read (the file here is sparse: its size costs no disk).
    @Test func aTextFileAboveTheLimitIsRefusedBeforeItIsRead() throws {
        let site = try Site()
        let path = site.work.path + "/content/test-plan/huge.md"
        try site.work.write("content/test-plan/huge.md", InMemorySite.item("88"))
        try #require(truncate(path, off_t(200 * 1024 * 1024)) == 0)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(
            result.standardError.hasPrefix(
                "content/test-plan/huge.md: error: the file is 200.0 MB; Mieruka reads text files of up to 32 MB\n"
                    + "    hint: a plan's document or a year's results are far smaller"),
            "\(result.standardError)")
    }

    /// Exit code 1 always comes with at least one error printed, whichever stage stopped.
    @Test func aFailureWithoutAnErrorIsGivenOne() {
        let report = BuildReport(
            outcome: .contentErrors, diagnostics: Diagnostics(), pages: 0, files: 0, timer: StageTimer(), outputPath: nil)
        #expect(report.exitCode == 1)
        #expect(report.diagnostics.errors.count == 1)
        #expect(report.diagnostics.errors.first?.location.file == "mieruka.yml")
        var diagnostics = Diagnostics()
        diagnostics.error(at: SourceLocation(file: "a.md", line: 1, column: 1), "x")
        let reported = BuildReport(
            outcome: .contentErrors, diagnostics: diagnostics, pages: 0, files: 0, timer: StageTimer(), outputPath: nil)
        #expect(reported.diagnostics == diagnostics, "a failure that says why is left as it is")
    }
}
