import Foundation
@testable import MierukaSource
import MierukaTestSupport
import Testing

/// The Japanese guide for city staff (`docs/ja/`) cannot drift from the code: every example it
/// shows is a file that is built here, and every output it shows is what the binary prints.
///
/// Markers, each on the line just before a fenced code block:
/// - `<!-- example: examples/PATH -->`: the block is byte for byte the file `docs/ja/examples/PATH`.
/// - `<!-- excerpt: PATH -->`: the block is found, as it is, in the repository's file PATH (the
///   demo's real cities in `content/`, the starter site `mieruka init` writes).
/// - `<!-- output: SITE exit=N -->`: the block's first line is `$ mieruka …`; run in SITE, the
///   command exits with N and prints the rest of the block (standard output and standard error
///   as a terminal shows them, in one stream; times such as `0.05 s` or `14 ms` may differ). SITE is `empty` (an empty folder), `starter`
///   (a site just made by `mieruka init`) or `examples/PATH` (a starter site with the files of
///   that folder added or put in place of its own).
/// - `<!-- serve-output: starter -->`: the block is the first lines `mieruka serve` prints on a
///   starter site, until it says what it watches (the port may differ: the test asks for any free one).
/// - `<!-- serve-change: examples/PATH -->`: the block is what that serve prints next, when the
///   files of that folder are saved over the site's, up to its line `mieruka: rebuilt …`.
///
/// The complete sites under `docs/ja/examples/` (folders holding a `mieruka.yml`) must build and
/// pass `mieruka check` without a warning; every file under `docs/ja/examples/` must be shown in
/// the guide; every relative link between the guide's pages must lead to a file.
@Suite struct GuideExamplesTests {
    static let guide = Fixtures.repositoryRoot + "/docs/ja"

    struct Block: CustomStringConvertible {
        var page: String
        var line: Int
        var kind: String
        var argument: String
        var text: String
        var description: String { "docs/ja/\(page):\(line) (\(kind): \(argument))" }
    }

    static let pages: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: guide)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }()

    /// Every marked block of every page.
    static let blocks: [Block] = pages.flatMap { page -> [Block] in
        guard let text = try? String(contentsOfFile: guide + "/" + page, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        var found: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("<!-- "), line.hasSuffix(" -->"), let colon = line.firstIndex(of: ":") else {
                index += 1
                continue
            }
            let kind = String(line.dropFirst(5)[..<colon])
            let argument = line[line.index(after: colon)...].dropLast(4).trimmingCharacters(in: .whitespaces)
            guard ["example", "excerpt", "output", "serve-output", "serve-change"].contains(kind) else {
                index += 1
                continue
            }
            // The fence follows at once; it ends at the next line that is the same fence.
            var body: [String] = []
            if index + 1 < lines.count, lines[index + 1].hasPrefix("```") {
                let fence = String(lines[index + 1].prefix { $0 == "`" })
                var end = index + 2
                while end < lines.count, lines[end] != fence {
                    body.append(lines[end])
                    end += 1
                }
                found.append(
                    Block(page: page, line: index + 1, kind: kind, argument: argument,
                          text: body.map { $0 + "\n" }.joined()))
                index = end + 1
            } else {
                found.append(Block(page: page, line: index + 1, kind: kind, argument: "(no code block follows)", text: ""))
                index += 1
            }
        }
        return found
    }

    static var examples: [Block] { blocks.filter { $0.kind == "example" } }
    static var excerpts: [Block] { blocks.filter { $0.kind == "excerpt" } }
    static var outputs: [Block] { blocks.filter { $0.kind == "output" } }

    @Test func theGuideHasItsPagesAndMarkedBlocks() {
        #expect(Self.pages.contains("README.md"))
        #expect(Self.pages.count >= 7, "\(Self.pages)")
        #expect(Self.examples.count >= 10)
        #expect(Self.outputs.count >= 10)
        #expect(!Self.blocks.contains { $0.argument == "(no code block follows)" }, "\(Self.blocks.filter { $0.text.isEmpty })")
    }

    @Test(arguments: examples) func exampleBlockIsTheFile(_ block: Block) throws {
        let path = Self.guide + "/" + block.argument
        let file = try #require(FileManager.default.contents(atPath: path), "\(block): no file \(path)")
        #expect(String(decoding: file, as: UTF8.self) == block.text, "\(block) differs from the file")
    }

    @Test(arguments: excerpts) func excerptBlockIsInTheRepositoryFile(_ block: Block) throws {
        let path = Fixtures.repositoryRoot + "/" + block.argument
        let file = try #require(FileManager.default.contents(atPath: path), "\(block): no file \(path)")
        #expect(String(decoding: file, as: UTF8.self).contains(block.text), "\(block) is not in \(block.argument) as shown")
    }

    @Test func everyExampleFileIsShownInTheGuide() throws {
        let folder = Self.guide + "/examples"
        let shown = Set(Self.examples.map(\.argument))
        let files = FileTree.snapshot(folder).keys.map { "examples/" + $0 }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            #expect(shown.contains(file), "\(file) is not shown in any page of docs/ja (<!-- example: \(file) -->)")
        }
    }

    @Test(arguments: outputs) func outputBlockIsWhatMierukaPrints(_ block: Block) throws {
        let words = block.argument.split(separator: " ").map(String.init)
        let site = try #require(words.first, "\(block)")
        let exit = try #require(words.dropFirst().first { $0.hasPrefix("exit=") }.flatMap { Int32($0.dropFirst(5)) },
                                "\(block): say exit=N")
        let lines = block.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let command = try #require(lines.first.map(String.init), "\(block)")
        #expect(command.hasPrefix("$ mieruka"), "\(block): the first line is the command")
        let arguments = command.split(separator: " ").dropFirst(2).map(String.init)
        let expected = lines.count > 1 ? String(lines[1]) : ""

        let work = TemporaryDirectory()
        var folder = work.path
        if site != "empty" {
            let made = try CommandRunner.mieruka(["init", "site"], in: work.path)
            #expect(made.status == 0, "\(made.standardError)")
            folder = work.path + "/site"
            if site != "starter" {
                let fragment = Self.guide + "/" + site
                var isFolder: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: fragment, isDirectory: &isFolder) && isFolder.boolValue,
                        "\(block): no folder \(fragment)")
                try FileTree.overlay(fragment, onto: folder)
            }
        }
        let (status, printed) = try Self.runShowingTerminal(arguments, in: folder)
        #expect(status == exit, "\(block): exit \(status)\n\(printed)")
        #expect(Self.withoutTimes(printed) == Self.withoutTimes(expected), "\(block): mieruka printed\n\(printed)")
    }

    /// serve on a starter site: what it prints when it starts (the block marked
    /// `<!-- serve-output: starter -->`), then, for each `<!-- serve-change: examples/PATH -->`,
    /// what it prints when the files of that folder are saved over the site's.
    @Test func serveBlocksAreWhatServePrints() throws {
        let starts = Self.blocks.filter { $0.kind == "serve-output" }
        let changes = Self.blocks.filter { $0.kind == "serve-change" }
        #expect(starts.count == 1 && starts.first?.argument == "starter", "\(starts)")
        #expect(!changes.isEmpty)
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "site"], in: work.path).status == 0)
        let site = work.path + "/site"
        // Its time limit ends a serve that stops printing (a change not seen), so that every read ends.
        let serve = try ChildProcess(
            CommandRunner.executable, ["serve", "--port", "0"], in: site, mergingErrors: true, timeLimit: 300 * ChildProcess.timeoutFactor)
        defer {
            serve.signal(SIGTERM)
            serve.waitForExit()
        }
        var printed = Data()
        /// Reads what serve prints until a line holding `marker` has ended (or 60 s), and returns
        /// the text since the previous call.
        func read(until marker: String) -> String {
            let start = printed.count
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let text = String(decoding: printed[start...], as: UTF8.self)
                if let found = text.range(of: marker), text[found.upperBound...].contains("\n") { break }
                guard let chunk = ChildProcess.read(serve.output) else { break }
                printed.append(contentsOf: chunk)
            }
            return Self.withoutTimes(String(decoding: printed[start...], as: UTF8.self))
        }

        // Serve says what it watches once it has built and is serving.
        var text = read(until: " for changes")
        if let pattern = try? NSRegularExpression(pattern: "127\\.0\\.0\\.1:[0-9]+/") {
            text = pattern.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "127.0.0.1:8080/")
        }
        for block in starts {
            let lines = block.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            #expect(lines.first == "$ mieruka serve", "\(block)")
            #expect(text == Self.withoutTimes(String(lines.dropFirst().first ?? "")), "\(block): serve printed\n\(text)")
        }
        for block in changes {
            // Saved as many editors save: a new file renamed over the old one, seen at once.
            for (path, bytes) in FileTree.snapshot(Self.guide + "/" + block.argument) {
                try bytes.write(to: URL(fileURLWithPath: site + "/" + path), options: .atomic)
            }
            let printedAfter = read(until: "mieruka: rebuilt")
            #expect(printedAfter == Self.withoutTimes(block.text), "\(block): serve printed\n\(printedAfter)")
        }
    }

    /// The guide's workflow for a city's own server: init's steps up to the checks, then a build with
    /// the site's base_url and an upload of changed files only, on the main branch only.
    @Test func serverWorkflowKeepsInitsStepsAndUploadsOnlyChangesFromMain() throws {
        let work = TemporaryDirectory()
        #expect(try CommandRunner.mieruka(["init", "s"], in: work.path).status == 0)
        let initSteps = try YAMLTree(file: work.path + "/s/.github/workflows/mieruka.yml")["jobs"]?["build"]?["steps"]?.items ?? []
        let workflow = try YAMLTree(file: Self.guide + "/examples/ci/server-rsync.yml")
        #expect(workflow["on"]?.keys.sorted() == ["pull_request", "push"])
        #expect(workflow["jobs"]?.keys == ["build"])
        let steps = workflow["jobs"]?["build"]?["steps"]?.items ?? []
        #expect(steps.count == 5)
        // Checkout, install and check are init's, word for word.
        for index in 0..<3 {
            #expect(Self.canonical(steps[index]) == Self.canonical(initSteps[index]), "step \(index + 1)")
        }
        #expect(steps[3]["run"]?.text == ".mieruka/mieruka build")
        let upload = steps[4]
        #expect(upload["if"]?.text == "github.event_name == 'push' && github.ref == 'refs/heads/main'")
        let script = try #require(upload["run"]?.text)
        #expect(script.contains("rsync --recursive --checksum --delete"))
        #expect(script.contains(" public/ \"$DEPLOY_TARGET\""))
    }

    @Test func completeExampleSitesBuildAndPassCheck() throws {
        let folder = Self.guide + "/examples"
        let sites = FileTree.snapshot(folder).keys.filter { $0.hasSuffix("/mieruka.yml") }
            .map { String($0.dropLast("/mieruka.yml".count)) }.sorted()
        #expect(!sites.isEmpty)
        for site in sites {
            let work = TemporaryDirectory()
            try FileTree.overlay(folder + "/" + site, onto: work.path)
            let check = try CommandRunner.mieruka(["check"], in: work.path)
            #expect(check.status == 0, "examples/\(site): \(check.standardError)")
            #expect(check.standardError.isEmpty, "examples/\(site) should have no warning: \(check.standardError)")
            let build = try CommandRunner.mieruka(["build"], in: work.path)
            #expect(build.status == 0, "examples/\(site): \(build.standardError)")
            #expect(FileManager.default.fileExists(atPath: work.path + "/public/index.html"))
        }
    }

    /// Every key a plan's or an item's front matter may have, every key of a status axis and of a
    /// published table (`declared:`, its axes and its share), is explained in the format chapter (written there as `key`), so a key added to the format
    /// cannot be left out of the guide.
    @Test func theFormatChapterExplainsEveryKey() throws {
        let text = try String(contentsOfFile: Self.guide + "/format.md", encoding: .utf8)
        let declaredKeys =
            DeclaredDecoder.keys + DeclaredDecoder.axisKeys + DeclaredDecoder.shareKeys + MoneyGridDecoder.columnKeys
            + MoneyGridDecoder.rowKeys
        for key in PlanDecoder.keys + ItemDecoder.keys + AxisDecoder.axisKeys + declaredKeys {
            #expect(text.contains("`\(key)`"), "docs/ja/format.md does not explain `\(key)`")
        }
        // Each of these has its own section with an example that is built.
        for key in ["money_tables", "achievements", "plan_kpis", "revisions", "as_of", "axes", "subitems", "schedule", "definition"] {
            #expect(text.contains("### ") && text.components(separatedBy: "\n").contains { $0.hasPrefix("### ") && $0.contains("`\(key)`") },
                    "docs/ja/format.md has no section heading for `\(key)`")
        }
    }

    @Test func relativeLinksBetweenPagesLeadToFiles() throws {
        var links = 0
        for page in Self.pages {
            let text = try String(contentsOfFile: Self.guide + "/" + page, encoding: .utf8)
            var rest = Substring(Self.proseOnly(text))
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: ")") else { break }
                let target = String(rest[..<close])
                rest = rest[close...]
                if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("#") { continue }
                let file = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                let resolved = URL(fileURLWithPath: Self.guide + "/" + file).standardized.path
                #expect(FileManager.default.fileExists(atPath: resolved), "docs/ja/\(page): the link \(target) leads nowhere")
                links += 1
            }
        }
        #expect(links >= 7)
    }

    /// The page without its code: fenced blocks and `inline code` are examples, not links of the guide.
    static func proseOnly(_ markdown: String) -> String {
        var inFence = false
        var kept: [String] = []
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            let parts = line.split(separator: "`", omittingEmptySubsequences: false)
            kept.append(parts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " "))
        }
        return kept.joined(separator: "\n")
    }

    /// Runs mieruka with standard output and standard error into one pipe, as a terminal shows them.
    static func runShowingTerminal(_ arguments: [String], in directory: String) throws -> (Int32, String) {
        try CommandRunner.runShowingTerminal(CommandRunner.executable, arguments, in: directory)
    }

    /// A YAML value written out without its positions, to compare two files' values.
    static func canonical(_ tree: YAMLTree) -> String {
        if let text = tree.text { return "\"" + text + "\"" }
        if !tree.keys.isEmpty { return "{" + tree.keys.map { "\($0): " + (tree[$0].map(canonical) ?? "") }.joined(separator: ", ") + "}" }
        return "[" + tree.items.map(canonical).joined(separator: ", ") + "]"
    }

    /// Times differ from run to run, in size and unit (a loaded machine prints `1.2 s` where the
    /// guide shows `14 ms`): every time becomes `#`.
    static func withoutTimes(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "[0-9]+(\\.[0-9]+)? (s|ms)\\b") else { return text }
        return pattern.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "#")
    }
}
