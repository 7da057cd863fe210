import Foundation
import MierukaDiagnostics
import Testing

@testable import MierukaSource

@Suite struct SiteLoaderTests {
    /// A site folder in a fresh temporary directory, removed by the caller.
    func makeSite(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func findsFilesInNestedFoldersSortedAndSkipsHiddenFilesAndEditorLeftovers() throws {
        let root = try makeSite([
            "mieruka.yml": "title: t\n",
            "content/plan/_index.md": "---\n---\n",
            "content/plan/b/002.md": "b",
            "content/plan/a/003.md": "a",
            "content/plan/001.md": "1",
            "content/plan/001.md~": "backup",
            "content/plan/.001.md.swp": "swap",
            "content/plan/#001.md#": "autosave",
            "content/.git/HEAD": "hidden folder",
            "content/plan/photo.png": "not a document: an asset",
            "seeds/R6.yml": "results: []\n",
            "seeds/R6.xlsx": "workbook",
            "seeds/~$R6.csv": "Excel's lock file while R6.csv is open",
            "seeds/~$R6.xlsx": "Excel's lock file while R6.xlsx is open",
            "templates/page.mustache": "{{title}}",
            "static/css/site.css": "body{}",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A link is not followed (as before): a folder of documents elsewhere is not part of the site.
        try FileManager.default.createSymbolicLink(atPath: root + "/content/linked", withDestinationPath: root + "/content/plan")

        var diagnostics = Diagnostics()
        let site = try SiteLoader(jobs: 2).load(root: root, displayRoot: "site", diagnostics: &diagnostics)

        #expect(
            site.content.map(\.relativePath) == [
                "content/plan/001.md", "content/plan/_index.md", "content/plan/a/003.md", "content/plan/b/002.md",
            ])
        #expect(site.content.first?.displayPath == "site/content/plan/001.md")
        // A workbook is a results file (read, or reported, when parsed); Excel's lock file is not.
        #expect(site.seeds.map(\.relativePath) == ["seeds/R6.xlsx", "seeds/R6.yml"])
        #expect(site.templates.map(\.relativePath) == ["templates/page.mustache"])
        #expect(site.templates.first?.bytes == Array("{{title}}".utf8))
        #expect(site.assets.map(\.outputPath) == ["css/site.css", "plan/photo.png"])
        #expect(String(decoding: site.config.bytes, as: UTF8.self) == "title: t\n")
        #expect(diagnostics.all.isEmpty)

        var readDiagnostics = Diagnostics()
        let document = site.content[2].read(diagnostics: &readDiagnostics)
        #expect(document?.bytes == Array("a".utf8))
        #expect(readDiagnostics.all.isEmpty)
    }

    @Test func aFileThatCannotBeReadIsAnErrorNamingIt() throws {
        let root = try makeSite(["mieruka.yml": "title: t\n", "content/plan/001.md": "1"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var diagnostics = Diagnostics()
        let site = try SiteLoader().load(root: root, displayRoot: "", diagnostics: &diagnostics)
        try FileManager.default.removeItem(atPath: root + "/content/plan/001.md")

        let read = site.content[0].read(diagnostics: &diagnostics)

        #expect(read == nil)
        #expect(diagnostics.all.map(\.location.file) == ["content/plan/001.md"])
        #expect(diagnostics.all.map(\.message) == ["the file could not be read: No such file or directory"])
    }

    @Test func readsLargeFilesWhole() throws {
        let text = String(repeating: "取組の内容。", count: 50_000)
        let root = try makeSite(["mieruka.yml": "title: t\n", "content/big.md": text])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(SourceFolder.read(root + "/content/big.md") == .success(Array(text.utf8)))
        #expect(SourceFolder.read(root + "/content") == .failure(.folder))
        #expect(SourceFolder.read(root + "/missing.md") == .failure(.system(errno: ENOENT)))
        #expect(SourceFolder.read(root + "/content/big.md", limit: text.utf8.count) == .success(Array(text.utf8)))
        #expect(SourceFolder.read(root + "/content/big.md", limit: text.utf8.count - 1) == .failure(.tooLarge(bytes: text.utf8.count)))
        #expect(SourceFolder.read("/dev/zero") == .failure(.notAFile), "never read: it has no end")
    }
}
