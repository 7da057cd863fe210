/// The folders and files of a Mieruka site.
public enum SiteLayout {
    public static let configFile = "mieruka.yml"
    /// Markdown documents: plans (`<plan>/_index.md`), their items, and standalone pages.
    public static let contentFolder = "content"
    /// Yearly results (YAML, or CSV saved from Excel).
    public static let seedsFolder = "seeds"
    /// Templates that override or add to the default theme.
    public static let templatesFolder = "templates"
    /// Files copied to the output as they are (CSS, images, PDFs).
    public static let staticFolder = "static"
    /// The generated site (default output).
    public static let outputFolder = "public"
    /// A plan's index document inside its folder.
    public static let planIndexFile = "_index.md"
}
