import ArgumentParser

/// Options shared by the commands.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (the one holding mieruka.yml).")
    var source: String = "."

    @Flag(name: .long, help: "Print how long each stage took (load, parse, merge, validate, render, write).")
    var timings = false

    @Option(name: .long, help: "How many threads to use (default: one per processor). The output is the same.")
    var jobs: Int?

    /// The source as shown in messages: "" for the current folder, else as typed.
    var displaySource: String {
        var shown = source
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        return shown == "." ? "" : shown
    }
}
