import Foundation
import MierukaDiagnostics
import MierukaTestSupport
import Testing

@testable import MierukaSource

/// `mieruka init`: a city's first site, which builds and passes check at once.
@Suite struct InitCommandTests {
    @Test func newSiteBuildsAndPassesCheckWithoutAProblem() throws {
        let work = TemporaryDirectory()
        let made = try CommandRunner.mieruka(["init", "my-site"], in: work.path)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardError.isEmpty)
        #expect(made.standardOutput.hasPrefix("mieruka: my-site に新しいサイトを作りました（15 ファイル、中身はサンプルデータです）。\n"))
        #expect(made.standardOutput.contains("  content/gyokaku/_index.md\n"))
        #expect(made.standardOutput.contains("cd my-site && mieruka serve"))

        let site = work.path + "/my-site"
        let check = try CommandRunner.mieruka(["check"], in: site)
        #expect(check.status == 0)
        #expect(check.standardError.isEmpty, "a new site should have no warnings either: \(check.standardError)")
        let build = try CommandRunner.mieruka(["build"], in: site)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardError.isEmpty)

        // The pages say the data is sample data; both years of results are published, the
        // workbook's read as Excel shows it.
        let home = try String(contentsOfFile: site + "/public/index.html", encoding: .utf8)
        #expect(home.contains("サンプルデータです。実在の市の計画ではありません。"))
        let plan = try String(contentsOfFile: site + "/public/gyokaku/index.html", encoding: .utf8)
        #expect(plan.contains("サンプルデータ（実在の市の計画ではありません）"))
        let r7 = try String(contentsOfFile: site + "/public/gyokaku/reports/2025/index.html", encoding: .utf8)
        #expect(r7.contains("子育て・介護の手続を加え、25手続をオンライン化した。"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/gyokaku/reports/2024/index.html"))
    }

    /// The 令和7年度 results are a workbook typed as staff type one (番号 a number, 55% a percentage,
    /// amounts with separators): read as Excel shows it, it is the CSV a member of staff would save
    /// from it (Tests/Fixtures/xlsx/starter-R7.csv, which scripts/check-xlsx-downloads.py also
    /// compares with what openpyxl reads); every init writes the same bytes.
    @Test func theResultsWorkbookReadsAsItsCSVAndIsTheSameEveryTime() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "a"], in: work.path).status == 0)
        #expect(try CommandRunner.mieruka(["init", "b"], in: work.path).status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: work.path + "/a/seeds/gyokaku/R7.xlsx"))
        #expect(FileManager.default.contents(atPath: work.path + "/b/seeds/gyokaku/R7.xlsx") == bytes)
        #expect(!FileManager.default.fileExists(atPath: work.path + "/a/seeds/gyokaku/R7.csv"))

        let workbook = try XLSXWorkbook(XLSXPackage(Array(bytes)))
        #expect(workbook.sheets.map(\.name) == ["取組結果"])
        let sheet = try XLSXSheetReader(workbook: workbook).read(part: try #require(workbook.sheets.first?.part))
        let csv = try String(contentsOfFile: Fixtures.path("xlsx/starter-R7.csv"), encoding: .utf8)
        let expected = CSVParser.parse(csv).rows.map { row in
            var cells = row.cells
            while cells.last == "" { cells.removeLast() }
            return cells
        }.filter { !$0.isEmpty }
        #expect(sheet.rows.map(\.cells) == expected)
        // Typed as numbers, not text that looks like numbers.
        let xml = String(decoding: try #require(try XLSXPackage(Array(bytes)).part("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(xml.contains("<v>0.55</v>"))
        #expect(xml.contains("<v>1500</v>"))
    }

    /// The workbook builds the same site as the CSV saved from it.
    @Test func theWorkbookBuildsTheSamePagesAsItsCSV() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "xlsx"], in: work.path).status == 0)
        #expect(try CommandRunner.mieruka(["init", "csv"], in: work.path).status == 0)
        try FileManager.default.removeItem(atPath: work.path + "/csv/seeds/gyokaku/R7.xlsx")
        try FileManager.default.copyItem(atPath: Fixtures.path("xlsx/starter-R7.csv"), toPath: work.path + "/csv/seeds/gyokaku/R7.csv")
        for site in ["xlsx", "csv"] {
            let build = try CommandRunner.mieruka(["build"], in: work.path + "/" + site)
            #expect(build.status == 0 && build.standardError.isEmpty, "\(site): \(build.standardError)")
        }
        let fromWorkbook = FileTree.snapshot(work.path + "/xlsx/public")
        let fromCSV = FileTree.snapshot(work.path + "/csv/public")
        #expect(fromWorkbook.keys.sorted() == fromCSV.keys.sorted())
        for (path, bytes) in fromWorkbook.sorted(by: { $0.key < $1.key }) {
            #expect(fromCSV[path] == bytes, "\(path) differs")
        }
        let report = try String(contentsOfFile: work.path + "/xlsx/public/gyokaku/reports/2025/index.html", encoding: .utf8)
        #expect(report.contains("55%"))
        #expect(report.contains("2,100"))
    }

    @Test func theScriptIsExecutable() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "s"], in: work.path).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: work.path + "/s/ci/install-mieruka.sh")
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o111 != 0 } == true)
    }

    @Test func refusesAFolderThatIsNotEmptyAndWritesNothing() throws {
        let work = TemporaryDirectory()
        try work.write("existing/.hidden", "mine")
        let result = try CommandRunner.mieruka(["init", "existing"], in: work.path)
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "mieruka: error: existing is not empty (.hidden): mieruka init writes a new site only into an empty or new folder; name a new folder, e.g. mieruka init my-site\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path + "/existing") == [".hidden"])
    }

    @Test func refusesAFile() throws {
        let work = TemporaryDirectory()
        try work.write("notes.txt", "mine")
        let result = try CommandRunner.mieruka(["init", "notes.txt"], in: work.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("notes.txt is a file, not a folder"))
        #expect(work.read("notes.txt") == "mine")
    }

    @Test func writesIntoTheCurrentFolderWhenItIsEmpty() throws {
        let work = TemporaryDirectory()
        let result = try CommandRunner.mieruka(["init"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("  mieruka serve"))
        #expect(work.exists("mieruka.yml"))
        #expect(work.exists(".github/workflows/mieruka.yml"))
        #expect(work.exists(".gitignore"))
    }

    /// The install script CI runs: unpacks the release tarball from tools/ (or MIERUKA_URL) into
    /// .mieruka/, or says in Japanese what to do when there is none.
    @Test func ciInstallScriptUnpacksTheTarballFromTools() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "s"], in: work.path).status == 0)
        let site = work.path + "/s"

        let missing = try Shell.run(["sh", "ci/install-mieruka.sh"], in: site, environment: ["MIERUKA_URL": ""])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("Mieruka の配布ファイルが見つかりません。"))

        // A stand-in for the release tarball: the same layout (one folder holding `mieruka`).
        let package = work.path + "/mieruka-9.9.9-linux-x86_64"
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"mieruka 9.9.9 (commit test)\"\n".write(toFile: package + "/mieruka", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: package + "/mieruka")
        try FileManager.default.createDirectory(atPath: site + "/tools", withIntermediateDirectories: true)
        let tar = try Shell.run(
            ["tar", "-czf", site + "/tools/mieruka-9.9.9-linux-x86_64.tar.gz", "-C", work.path, "mieruka-9.9.9-linux-x86_64"],
            in: work.path)
        try #require(tar.status == 0, "\(tar.standardError)")
        let installed = try Shell.run(["sh", "ci/install-mieruka.sh"], in: site, environment: ["MIERUKA_URL": ""])
        #expect(installed.status == 0, "\(installed.standardError)")
        #expect(installed.standardOutput == "mieruka 9.9.9 (commit test)\n")
        #expect(FileManager.default.isExecutableFile(atPath: site + "/.mieruka/mieruka"))
    }

    /// The CI files `init` writes, read as YAML: the steps GitHub Actions and GitLab CI run.
    @Test func githubWorkflowChecksBuildsAndPublishesMain() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "s"], in: work.path).status == 0)
        let workflow = try YAMLTree(file: work.path + "/s/.github/workflows/mieruka.yml")
        #expect(workflow["on"]?.keys.sorted() == ["pull_request", "push"])
        let build = try #require(workflow["jobs"]?["build"])
        #expect(build["runs-on"]?.text == "ubuntu-latest")
        let steps = build["steps"]?.items ?? []
        let runs = steps.compactMap { $0["run"]?.text }
        let uses = steps.compactMap { $0["uses"]?.text }
        #expect(uses.first?.hasPrefix("actions/checkout@") == true)
        #expect(runs.contains("sh ci/install-mieruka.sh"))
        #expect(runs.contains(".mieruka/mieruka check --format github"))
        #expect(runs.contains { $0.contains(".mieruka/mieruka build --base-url \"$BASE_URL/\"") })
        let upload = try #require(steps.first { $0["uses"]?.text?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(upload["with"]?["path"]?.text == "public")
        #expect(upload["if"]?.text == "github.event_name == 'push' && github.ref == 'refs/heads/main'")
        // The install step comes before the checks, the checks before the build.
        let order = steps.compactMap { $0["run"]?.text }
        #expect(order.firstIndex(of: "sh ci/install-mieruka.sh") ?? 99 < order.firstIndex(of: ".mieruka/mieruka check --format github") ?? -1)

        let deploy = try #require(workflow["jobs"]?["deploy"])
        #expect(deploy["needs"]?.text == "build")
        #expect(deploy["permissions"]?["pages"]?.text == "write")
        #expect(deploy["permissions"]?["id-token"]?.text == "write")
        #expect(deploy["steps"]?.items.first?["uses"]?.text?.hasPrefix("actions/deploy-pages@") == true)
    }

    @Test func gitlabPipelineChecksBranchesAndPublishesTheDefaultBranch() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "s"], in: work.path).status == 0)
        let pipeline = try YAMLTree(file: work.path + "/s/.gitlab-ci.yml")
        #expect(pipeline["default"]?["image"]?.text?.hasPrefix("debian:") == true)
        let check = try #require(pipeline["check"])
        #expect(check["script"]?.items.compactMap(\.text) == [
            "sh ci/install-mieruka.sh", ".mieruka/mieruka check", ".mieruka/mieruka build",
        ])
        #expect(check["rules"]?.items.first?["if"]?.text == "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH")
        let pages = try #require(pipeline["pages"])
        #expect(pages["script"]?.items.compactMap(\.text) == [
            "sh ci/install-mieruka.sh", ".mieruka/mieruka check", ".mieruka/mieruka build --base-url \"$CI_PAGES_URL/\"",
        ])
        #expect(pages["artifacts"]?["paths"]?.items.compactMap(\.text) == ["public"])
        #expect(pages["rules"]?.items.first?["if"]?.text == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
    }
}

/// A YAML file read with Mieruka's own reader, for looking into by key and index.
struct YAMLTree {
    let node: YAMLNode

    init(node: YAMLNode) { self.node = node }

    init(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var diagnostics = Diagnostics()
        guard let node = YAMLReader().read(text, file: file, diagnostics: &diagnostics) else {
            throw YAMLTreeError(text: DiagnosticFormatter().format(diagnostics))
        }
        self.node = node
    }

    subscript(key: String) -> YAMLTree? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.entries.first { $0.key.text == key }.map { YAMLTree(node: $0.value) }
    }

    var keys: [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.entries.map(\.key.text)
    }

    var items: [YAMLTree] {
        guard case .sequence(let sequence) = node else { return [] }
        return sequence.items.map(YAMLTree.init(node:))
    }

    var text: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.text
    }
}

struct YAMLTreeError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

/// Runs a program other than mieruka (sh, tar) in a folder, found on the PATH.
enum Shell {
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run("/usr/bin/env", arguments, in: directory, environment: environment)
    }
}
