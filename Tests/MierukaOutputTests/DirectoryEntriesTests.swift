import Foundation
import MierukaTestSupport
import Testing

@testable import MierukaOutput

/// Folder listings read each name where readdir left it. Reading `d_name` as a whole copied its
/// 256 bytes, past the end of readdir's buffer when a short name was the last in it; under
/// AddressSanitizer (scripts/sanitizers.sh address) this listing stopped with a heap-buffer-overflow.
@Suite struct DirectoryEntriesTests {
    @Test func everyNameOfAFullFolderIsReadExactly() throws {
        let folder = TemporaryDirectory("mieruka-entries")
        // Names of every length from 1 to 200 bytes, many times over, so that readdir's 32 KB
        // buffers end on short names as well as long ones.
        var names: Set<String> = []
        for round in 0..<12 {
            for length in 1...200 {
                let name = String(repeating: "x", count: max(0, length - String(round).count - 1)) + "-" + String(round)
                names.insert(String(name.suffix(length)))
            }
        }
        for name in names { try folder.write(name, "") }
        let listed = try #require(POSIXFiles.entries(folder.path))
        #expect(Set(listed) == names)
        #expect(listed.count == names.count)
        let typed = try #require(POSIXFiles.typedEntries(folder.path))
        #expect(Set(typed.map(\.name)) == names)
        #expect(!typed.contains { $0.isDirectory })
    }
}
