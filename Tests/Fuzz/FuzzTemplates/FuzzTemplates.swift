// libFuzzer target: a site template (templates/*.mustache) as `mieruka build` compiles it against
// the fields of its page. Properties: no crash (deep nesting, unclosed sections, odd delimiters);
// every problem located inside the template.
import FuzzSupport
import MierukaDiagnostics
import MierukaRender

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzCheck.text(data, size)
    for name in ["item", "partials/footer", "layout"] {
        let path = "templates/\(name).mustache"
        var diagnostics = Diagnostics()
        _ = Theme.load(
            siteTemplates: [TemplateSource(name: name, text: text, displayPath: path, isDefault: false)],
            diagnostics: &diagnostics)
        for diagnostic in diagnostics.all where diagnostic.location.file == path {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            FuzzCheck.require(diagnostic.location.line <= lines, "problem at line \(diagnostic.location.line) of \(lines - 1)")
        }
    }
    return 0
}
