import Foundation

/// Runs the built `mieruka` executable, as a user would, and captures what it prints (through
/// `ChildProcess`, not Foundation's `Process`).
package enum CommandRunner {
    package struct Result: Sendable {
        package let status: Int32
        package let standardOutput: String
        package let standardError: String

        package init(status: Int32, standardOutput: String, standardError: String) {
            self.status = status
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// The folder holding the built products (the test bundle sits beside the executables).
    package static let productsDirectory: String = {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    }()

    package static var executable: String { productsDirectory + "/mieruka" }

    package static func mieruka(_ arguments: [String], in directory: String) throws -> Result {
        try run(executable, arguments, in: directory)
    }

    /// Runs any program (sh, tar, git …) in a folder, with extra environment variables.
    package static func run(
        _ program: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> Result {
        let child = try ChildProcess(program, arguments, in: directory, environment: environment)
        // Both pipes read to their ends before waiting, so a long output cannot block the child.
        let (output, errors) = child.readToEnd()
        let status = child.waitForExit()
        return Result(
            status: status, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errors, as: UTF8.self) + timeLimitNote(child, program, arguments))
    }

    /// A line saying that the program was killed at its time limit (empty when it was not), so
    /// that the failing test's message says why the program ended.
    static func timeLimitNote(_ child: ChildProcess, _ program: String, _ arguments: [String]) -> String {
        guard child.killedByTimeLimit else { return "" }
        let command = ([program] + arguments).joined(separator: " ")
        return "\n[tests] killed after \(Int(child.timeLimit)) s, its time limit: \(command) did not finish\n"
    }

    /// Runs any program with standard output and standard error into one pipe, as a terminal
    /// shows them; the exit code and the text.
    package static func runShowingTerminal(
        _ program: String, _ arguments: [String], in directory: String
    ) throws -> (status: Int32, output: String) {
        let child = try ChildProcess(program, arguments, in: directory, mergingErrors: true)
        let (output, _) = child.readToEnd()
        let status = child.waitForExit()
        return (status, String(decoding: output, as: UTF8.self) + timeLimitNote(child, program, arguments))
    }
}
