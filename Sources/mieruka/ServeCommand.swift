import ArgumentParser
import MierukaServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it over HTTP, and rebuild when a file changes.",
        discussion: """
            Builds the site into a private temporary folder (public/ is not touched) and serves it
            under its base URL's path. Watches mieruka.yml, content/, seeds/, templates/ and static/;
            on a change, re-reads only the files that changed, re-renders only the pages they can
            alter, and the open pages reload by themselves. While a file has errors, the terminal
            prints them as build does, the last good site stays served, and every page shows the
            errors over it until they are fixed. Ctrl-C stops.

            Changes are seen through the kernel's notifications (inotify). For a folder they do not
            reach (a network or shared folder, WSL's /mnt/c, a container's bind mount), --poll reads
            the folders every half second instead; serve does so by itself, and says why, when the
            system's inotify limits are reached.

            Exit codes: 0 stopped with Ctrl-C, 2 the site could not be served (not a site folder,
            the port is in use).
            """
    )

    @Option(name: .long, help: "The site folder (the one holding mieruka.yml).")
    var source: String = "."

    @Option(name: .long, help: "The address to listen on (127.0.0.1: this computer only; 0.0.0.0: the network).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Flag(name: .long, help: "Print how long each stage of each build took.")
    var timings = false

    @Flag(name: .long, help: "Watch for changes by reading the folders every half second instead of with inotify.")
    var poll = false

    func run() throws {
        var shown = source
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        let options = ServeOptions(source: source, displaySource: shown == "." ? "" : shown, host: host, port: port, timings: timings,
            pollMilliseconds: poll ? ServeOptions.defaultPollMilliseconds : nil)
        let session: ServeSession
        do {
            session = try ServeSession(options: options)
        } catch {
            ReportPrinter.standardError("mieruka: error: \(error)")
            throw ExitCode(2)
        }
        let code = session.run()
        if code != 0 { throw ExitCode(code) }
    }
}
