import MierukaDiagnostics

#if canImport(Glibc)
import Glibc
#endif

/// What every fuzz target asserts about the problems it gets back: each is located inside the
/// input (a line of the text, or the whole file), names the file it was given, and says what to
/// do or what is wrong in words. A broken property stops the run with a message libFuzzer keeps
/// beside the input that caused it.
package enum FuzzCheck {
    package static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            let text = Array("fuzz property broken: \(message())\n".utf8)
            _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            abort()
        }
    }

    /// Every diagnostic points into `text` (as `file`), at a line that exists.
    package static func located(_ diagnostics: Diagnostics, file: String, text: String, lineOffset: Int = 0) {
        // Lines as the readers and editors count them: CR LF, a lone CR, LF, NEL, LS and PS each
        // end one (libyaml's positions count lone CRs; a file saved with them is not one line).
        let breaks: Set<Character> = ["\r\n", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}"]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: breaks.contains).count + lineOffset + 1
        for diagnostic in diagnostics.all {
            require(diagnostic.location.file == file, "diagnostic for another file: \(diagnostic.location)")
            require(
                diagnostic.location.line >= 0 && diagnostic.location.line <= lines,
                "diagnostic at line \(diagnostic.location.line) of a \(lines - 1)-line input: \(diagnostic.message)")
            require(diagnostic.location.column >= 0, "negative column: \(diagnostic.location)")
            require(!diagnostic.message.isEmpty, "diagnostic without a message at \(diagnostic.location)")
        }
    }

    /// The input as text: invalid UTF-8 is replaced, as the loader's own decoding reports and stops.
    package static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    package static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }
}
