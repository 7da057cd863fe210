/// The files of a site folder: the output of the load stage.
public struct LoadedSite: Sendable {
    /// The site folder (absolute path).
    public let root: String
    public let config: SourceFile
    /// Markdown documents under content/ (read when they are parsed).
    public let content: [SourceEntry]
    /// Result files under seeds/ (read when they are parsed).
    public let seeds: [SourceEntry]
    /// Template files under templates/.
    public let templates: [SourceFile]
    /// Files copied as they are: everything under static/, and non-Markdown files under content/.
    public let assets: [AssetFile]

    public init(
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
public struct AssetFile: Sendable, Hashable {
    /// Where it is on disk.
    public let absolutePath: String
    /// Where it goes in the output ("css/site.css", "kodaira-3/report.pdf").
    public let outputPath: String
    public let displayPath: String

    public init(absolutePath: String, outputPath: String, displayPath: String) {
        self.absolutePath = absolutePath
        self.outputPath = outputPath
        self.displayPath = displayPath
    }
}
