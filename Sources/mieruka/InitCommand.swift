import ArgumentParser
import MierukaInit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site in an empty or new folder.",
        discussion: """
            Writes a starter site that builds and passes `mieruka check` at once: mieruka.yml, one
            plan with its own grading scale, three items and two years of results (YAML, and an
            Excel workbook), all clearly sample data; a 「はじめに」 (README.md) for staff, a note on
            templates, and CI files for GitHub Actions and GitLab CI. Refuses a folder that is not
            empty (exit 2).
            """
    )

    @Argument(help: "The folder of the new site (default: the current folder, if empty).")
    var folder: String = "."

    func run() throws {
        let written: [String]
        do {
            written = try SiteInitializer().initialize(at: folder)
        } catch {
            ReportPrinter.standardError("mieruka: error: \(error)")
            throw ExitCode(2)
        }
        let place = folder == "." ? "このフォルダー" : folder
        print("mieruka: \(place) に新しいサイトを作りました（\(written.count) ファイル、中身はサンプルデータです）。")
        for path in written { print("  " + path) }
        let enter = folder == "." ? "" : "cd \(folder) && "
        print(
            """
            次に：
              \(enter)mieruka serve    # http://127.0.0.1:8080/ で確認する（Ctrl-C で終わる）
              mieruka check    # 間違いがないか調べる
              mieruka build    # public/ にサイトを作る
            はじめに README.md をお読みください。
            """)
    }
}
