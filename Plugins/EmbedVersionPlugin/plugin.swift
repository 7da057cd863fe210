import Foundation
import PackagePlugin

/// Gives the `mieruka` executable the commit it was built from (`mieruka --version`).
///
/// Finds the files of the package's git repository that hold the commit — `HEAD`, and the branch's
/// ref file or `packed-refs` — and declares them as inputs, so that a new commit or a checkout
/// writes the file again and nothing else does. Works in a clone and in a `git worktree` (whose
/// `.git` is a file naming its folder). Outside git (a source archive) the commit is "unknown".
@main
struct EmbedVersionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildCommit.swift")
        let source = GitSource(package: context.package.directoryURL)
        return [
            .buildCommand(
                displayName: "Recording the commit of \(target.name)",
                executable: try context.tool(named: "EmbedVersion").url,
                arguments: [output.path] + source.arguments,
                inputFiles: source.inputs,
                outputFiles: [output])
        ]
    }
}

/// Where the commit can be read, as arguments for EmbedVersion: `head PATH` (a detached HEAD holds
/// the commit), `ref PATH` (a branch's own file) or `packed PATH NAME` (a line of packed-refs), or
/// nothing when the package is not in a git repository.
struct GitSource {
    var arguments: [String] = []
    var inputs: [URL] = []

    init(package: URL) {
        let files = FileManager.default
        let dotGit = package.appendingPathComponent(".git")
        var gitDir = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = URL(fileURLWithPath: path, relativeTo: package).standardizedFileURL
        }
        let headFile = gitDir.appendingPathComponent("HEAD")
        guard let head = try? String(contentsOf: headFile, encoding: .utf8) else { return }
        inputs = [headFile]
        let line = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("ref:") else {
            arguments = ["head", headFile.path]
            return
        }
        let name = line.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        // A worktree keeps its HEAD apart and shares the refs of the main repository.
        var commonDir = gitDir
        if let common = try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8) {
            let path = common.trimmingCharacters(in: .whitespacesAndNewlines)
            commonDir = URL(fileURLWithPath: path, relativeTo: gitDir.appendingPathComponent("x")).standardizedFileURL
        }
        for folder in [gitDir, commonDir] {
            let loose = folder.appendingPathComponent(name)
            if files.fileExists(atPath: loose.path) {
                arguments = ["ref", loose.path]
                inputs.append(loose)
                return
            }
        }
        let packed = commonDir.appendingPathComponent("packed-refs")
        if files.fileExists(atPath: packed.path) {
            arguments = ["packed", packed.path, name]
            inputs.append(packed)
        }
    }
}
