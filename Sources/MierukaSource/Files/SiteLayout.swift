/// The folders and files of a Mieruka site.
package enum SiteLayout {
    package static let configFile = "mieruka.yml"
    /// Markdown documents: plans (`<plan>/_index.md`), their items, and standalone pages.
    package static let contentFolder = "content"
    /// Yearly results (YAML, or CSV saved from Excel).
    package static let seedsFolder = "seeds"
    /// Templates that override or add to the default theme.
    package static let templatesFolder = "templates"
    /// Files copied to the output as they are (CSS, images, PDFs).
    package static let staticFolder = "static"
    /// The generated site (default output).
    package static let outputFolder = "public"
    /// A plan's index document inside its folder.
    package static let planIndexFile = "_index.md"
}
