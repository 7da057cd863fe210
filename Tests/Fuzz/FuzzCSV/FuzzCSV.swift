// libFuzzer target: a results CSV in any bytes (UTF-8 with or without a mark, CP932, UTF-16,
// anything), decoded and split as `mieruka build` does. Properties: no crash; problems located
// inside the file; a table read without problems and written back by the open-data writer reads
// back to the same cells (the round trip of results.csv).
import FuzzSupport
import MierukaDiagnostics
import MierukaExport
import MierukaModel
import MierukaSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(relativePath: "seeds/plan/R6.csv", displayPath: "seeds/plan/R6.csv", bytes: FuzzCheck.bytes(data, size))
    for encoding in [CSVSettings.Encoding.auto, .utf8, .shiftJIS] {
        var diagnostics = Diagnostics()
        guard let text = CSVTextDecoding.text(file, encoding: encoding, diagnostics: &diagnostics) else {
            FuzzCheck.require(diagnostics.hasErrors, "undecodable without an error")
            FuzzCheck.located(diagnostics, file: file.displayPath, text: "")
            continue
        }
        let table = CSVParser.parse(text)
        let rows = table.rows.count
        FuzzCheck.require(table.rows.enumerated().allSatisfy { $0.element.number >= $0.offset + 1 }, "rows out of order")
        for problem in table.problems {
            if case .unclosedQuote(let row, _) = problem { FuzzCheck.require(row <= rows, "quote opened after the last row") }
        }
        guard table.problems.isEmpty, let header = table.rows.first?.cells else { continue }
        // Round trip: every cell as written back reads back the same (NUL bytes excepted: the
        // writer reports those instead of writing them).
        let body = table.rows.dropFirst().map(\.cells)
        guard !(body.joined().contains { $0.unicodeScalars.contains("\u{0}") }) else { continue }
        guard !header.contains(where: { $0.unicodeScalars.contains("\u{0}") }) else { continue }
        let written = CSVOutput(header: header, rows: body).text
        let reread = CSVParser.parse(written)
        FuzzCheck.require(reread.problems.isEmpty, "the written CSV has problems")
        FuzzCheck.require(reread.rows.map(\.cells) == table.rows.map(\.cells), "cells changed in the round trip")
    }
    return 0
}
