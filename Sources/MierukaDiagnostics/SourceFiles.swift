import MierukaParallel

/// The files (a workbook's file with one of its sheets counts as a file of its own) that source
/// locations are in, each numbered once for the life of the process, so that a `SourceLocation`
/// holds a number instead of the path and sheet.
///
/// Numbers are never reused or removed: a file is named again by every rebuild of `serve`, and
/// gets the number it had; the table grows only with files never seen before (a path and a
/// sheet name per file, small beside the documents read from it).
package final class SourceFiles: Sendable {
    package static let shared = SourceFiles()

    /// A file, and the sheet of the workbook it is when it is one.
    package struct Source: Hashable, Sendable {
        package let file: String
        package let sheet: String?
    }

    private struct Table {
        var numbers: [Source: UInt32] = [:]
        var sources: [Source] = []
    }

    private let table = Lock(Table())

    private init() {}

    /// The file's number, given it the first time the file is named.
    package func number(file: String, sheet: String?) -> UInt32 {
        let source = Source(file: file, sheet: sheet)
        return table.withLock { table in
            if let number = table.numbers[source] { return number }
            // More than 4 billion files in one process cannot be read in a lifetime; were it ever
            // reached, the last number would be shared (a wrong name in a message, never a crash).
            let number = UInt32(clamping: table.sources.count)
            guard number < UInt32.max else { return number - 1 }
            table.sources.append(source)
            table.numbers[source] = number
            return number
        }
    }

    /// The file and sheet numbered `number`.
    package func source(_ number: UInt32) -> Source {
        table.withLock { $0.sources[Int(number)] }
    }
}
