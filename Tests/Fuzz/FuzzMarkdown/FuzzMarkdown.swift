// libFuzzer target: Markdown to HTML as pages get it (cmark, safe mode, heading ids, Japanese line
// joining, heading levels moved). Properties: no crash; in safe mode no raw HTML gets through — no
// element a script can run from, no event attribute, no javascript: link, whatever the input.
import FuzzSupport
import MierukaMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzCheck.text(data, size)
    let renderer = MarkdownRenderer(allowRawHTML: false)
    for level in [nil, 2, 3, 6] as [Int?] {
        let html = renderer.html(text, topHeadingLevel: level).lowercased()
        for forbidden in ["<script", "<iframe", "<object", "<embed", "<svg", "<img src=\"javascript:", "href=\"javascript:",
            "href=\"vbscript:", "href=\"data:text/html", " onerror=", " onload=", " onclick=", "<style"]
        {
            FuzzCheck.require(!html.contains(forbidden), "safe Markdown produced \(forbidden)")
        }
    }
    _ = MarkdownRenderer(allowRawHTML: true).html(text)
    return 0
}
