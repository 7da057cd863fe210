// libFuzzer target: a content document (front matter split, YAML, an item's or a plan's fields)
// as `mieruka build` parses it. Properties: no crash; every problem located inside the file; a
// document that parses has a body that is a suffix of the text.
import FuzzSupport
import MierukaDiagnostics
import MierukaSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    let text = FuzzCheck.text(data, size)
    var diagnostics = Diagnostics()
    if let split = FrontMatter.split(text, file: "content/plan/01.md", diagnostics: &diagnostics) {
        FuzzCheck.require(text.hasSuffix(split.body), "the body is not the end of the document")
    }
    FuzzCheck.located(diagnostics, file: "content/plan/01.md", text: text)

    // The whole document through the parser, as an item and as a plan.
    for path in ["content/plan/01.md", "content/plan/_index.md"] {
        var parsed = Diagnostics()
        _ = DocumentParser(jobs: 1).parseContent(
            SourceFile(relativePath: path, displayPath: path, bytes: bytes), diagnostics: &parsed)
        FuzzCheck.located(parsed, file: path, text: text)
    }
    return 0
}
