/// The files of a site folder: the output of the load stage.
package struct LoadedSite: Sendable {
    /// The site folder (absolute path).
    package let root: String
    package let config: SourceFile
    /// Markdown documents under content/ (read when they are parsed).
    package let content: [SourceEntry]
    /// Result files under seeds/ (read when they are parsed).
    package let seeds: [SourceEntry]
    /// Template files under templates/.
    package let templates: [SourceFile]
    /// Files copied as they are: everything under static/, and non-Markdown files under content/.
    package let assets: [AssetFile]

    package init(
        root: String, config: SourceFile, content: [SourceEntry], seeds: [SourceEntry], templates: [SourceFile],
        assets: [AssetFile]
    ) {
        self.root = root
        self.config = config
        self.content = content
        self.seeds = seeds
        self.templates = templates
        self.assets = assets
    }
}

/// A file to copy into the output without reading it.
package struct AssetFile: Sendable, Hashable {
    /// Where it is on disk.
    package let absolutePath: String
    /// Where it goes in the output ("css/site.css", "kodaira-3/report.pdf").
    package let outputPath: String
    package let displayPath: String

    package init(absolutePath: String, outputPath: String, displayPath: String) {
        self.absolutePath = absolutePath
        self.outputPath = outputPath
        self.displayPath = displayPath
    }
}
