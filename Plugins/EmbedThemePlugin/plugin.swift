import Foundation
import PackagePlugin

/// Compiles the files under a target's `Theme/` folder into the target as Swift string literals
/// (see Sources/EmbedTheme). Rebuilds when any theme file changes or is added.
@main
struct EmbedThemePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let theme = target.directoryURL.appendingPathComponent("Theme")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    inputs.append(url)
                }
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme of \(target.name)",
                executable: try context.tool(named: "EmbedTheme").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
