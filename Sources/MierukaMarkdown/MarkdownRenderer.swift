import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown to HTML through cmark (CommonMark), safe by default.
///
/// - Raw HTML in the Markdown is dropped (`<!-- raw HTML omitted -->`) and `javascript:` links are
///   emptied, unless the site's config allows raw HTML.
/// - Headings get `id`s so that sections can be linked (`## 要因` → `id="要因"`).
/// - A line break inside a paragraph next to a Japanese character is removed: Japanese has no
///   spaces between words (nor before 「SNS」 or 「36」 in a Japanese sentence), and browsers would
///   otherwise show one where the source text was wrapped.
package struct MarkdownRenderer: Sendable {
    package let allowRawHTML: Bool

    package init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// - Parameter topHeadingLevel: the level the text's highest heading should have where the text
    ///   is placed (3 under a page's h2): all headings move by the same amount, keeping their
    ///   relative levels, so a document outline never skips a level. Nil keeps them as written.
    package func html(_ markdown: String, topHeadingLevel: Int? = nil) -> String {
        guard !markdown.isEmpty else { return "" }
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var source = markdown
        let document: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let document else { return "" }
        defer { cmark_node_free(document) }

        let nodes = Self.collectNodes(document)
        Self.joinJapaneseLines(nodes.softBreaks)
        let highest = nodes.headings.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 1
        Self.addHeadingIDs(nodes.headings, offset: topHeadingLevel.map { $0 - highest } ?? 0)

        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private struct CollectedNodes {
        var headings: [OpaquePointer] = []
        var softBreaks: [OpaquePointer] = []
    }

    private static func collectNodes(_ document: OpaquePointer) -> CollectedNodes {
        var collected = CollectedNodes()
        guard let iterator = cmark_iter_new(document) else { return collected }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: collected.headings.append(node)
            case CMARK_NODE_SOFTBREAK: collected.softBreaks.append(node)
            default: break
            }
        }
        return collected
    }

    /// Removes soft line breaks that have a Japanese character on either side.
    private static func joinJapaneseLines(_ softBreaks: [OpaquePointer]) {
        for node in softBreaks {
            guard let previous = cmark_node_previous(node), let next = cmark_node_next(node),
                let before = literal(previous)?.unicodeScalars.last,
                let after = literal(next)?.unicodeScalars.first,
                JapaneseText.isWide(before) || JapaneseText.isWide(after),
                !before.properties.isWhitespace, !after.properties.isWhitespace
            else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Replaces each heading by a custom block that writes `<hN id="…">` around the same children,
    /// which keeps cmark's safe mode for everything inside.
    private static func addHeadingIDs(_ headings: [OpaquePointer], offset: Int) {
        // Each id given so far, with how many headings took it. A list: a text has a handful of
        // headings, and hashing each id (Japanese, a dozen bytes and more) into a dictionary cost
        // more than the heading's other work together.
        var used: [(id: String, count: Int)] = []
        for heading in headings {
            let level = min(6, max(1, Int(cmark_node_get_heading_level(heading)) + offset))
            let text = plainText(heading)
            var id = HeadingID.make(from: text)
            if id.isEmpty { id = "section" }
            if let seen = used.firstIndex(where: { $0.id == id }) {
                used[seen].count += 1
                id += "-\(used[seen].count)"
            } else {
                used.append((id, 1))
            }
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            _ = cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
            _ = cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(heading) {
                cmark_node_unlink(child)
                _ = cmark_node_append_child(block, child)
            }
            _ = cmark_node_insert_before(heading, block)
            cmark_node_unlink(heading)
            cmark_node_free(heading)
        }
    }

    private static func literal(_ node: OpaquePointer) -> String? {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let text = cmark_node_get_literal(node) else {
            return nil
        }
        return String(cString: text)
    }

    /// The text of a node's inline content (for heading ids).
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            if let literal = literal(child) { text += literal }
        }
        return text
    }
}
