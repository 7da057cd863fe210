import ArgumentParser

struct MierukaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mieruka",
        abstract: "Mieruka (見える化): turns reform plans and their yearly progress into a public website.",
        discussion: """
            A site folder holds mieruka.yml, content/ (plans and items in Markdown with YAML front matter),
            seeds/ (yearly results) and optionally templates/ and static/.

            Exit codes: 0 success, 1 problems in the site's files (each printed as file:line:column),
            2 the command was used wrongly.
            """,
        version: MierukaVersion.description,
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self]
    )
}

/// `mieruka --version`: "mieruka 0.1.0 (commit 3b3e0321a0c4)".
enum MierukaVersion {
    static let number = "0.1.0"
    static var description: String {
        let commit = buildCommit == "unknown" ? "unknown" : String(buildCommit.prefix(12))
        return "mieruka \(number) (commit \(commit))"
    }
}
