// The `mieruka` command: parses arguments and hands over to MierukaBuild.
import ArgumentParser
import Foundation
import MierukaBuild

/// Exit codes: 0 success, 1 problems in the site's files, 2 the command was used wrongly.
enum Main {
    static func run() -> Int32 {
        do {
            var command = try MierukaCommand.parseAsRoot()
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = MierukaCommand.exitCode(for: error)
            let message = MierukaCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
    }
}

exit(Main.run())
