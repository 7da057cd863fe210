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
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self]
    )
}
