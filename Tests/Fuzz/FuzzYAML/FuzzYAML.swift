// libFuzzer target: the YAML reader (libyaml with positions) on any text.
// Properties: no crash, no runaway memory (the reader's node and depth budgets), every problem
// located inside the text.
import FuzzSupport
import MierukaDiagnostics
import MierukaSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzCheck.text(data, size)
    var diagnostics = Diagnostics()
    // nil without an error is an empty document (the reader's contract); with a node, no error.
    let node = YAMLReader().read(text, file: "fuzz.yml", diagnostics: &diagnostics)
    FuzzCheck.located(diagnostics, file: "fuzz.yml", text: text)
    FuzzCheck.require(node == nil || !diagnostics.hasErrors, "a document and an error")
    return 0
}
