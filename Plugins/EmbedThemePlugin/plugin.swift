import Foundation
import PackagePlugin

/// Compiles a target's folder of text files into the target as Swift string literals (see
/// Sources/EmbedTheme): `Theme/` as `EmbeddedTheme` (the default theme), `Starter/` as
/// `EmbeddedStarter` (the site `mieruka init` writes). Rebuilds when any of their files changes or
/// is added.
@main
struct EmbedThemePlugin: BuildToolPlugin {
    static let folders = [(folder: "Theme", enumName: "EmbeddedTheme"), (folder: "Starter", enumName: "EmbeddedStarter")]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        var commands: [Command] = []
        for (folderName, enumName) in Self.folders {
            let folder = target.directoryURL.appendingPathComponent(folderName)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            var inputs: [URL] = []
            if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
                for case let url as URL in enumerator {
                    if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                        inputs.append(url)
                    }
                }
            }
            let output = context.pluginWorkDirectoryURL.appendingPathComponent(enumName + ".swift")
            commands.append(
                .buildCommand(
                    displayName: "Embedding \(folderName)/ of \(target.name)",
                    executable: try context.tool(named: "EmbedTheme").url,
                    arguments: [folder.path, output.path, enumName],
                    inputFiles: inputs.sorted { $0.path < $1.path },
                    outputFiles: [output]))
        }
        return commands
    }
}
