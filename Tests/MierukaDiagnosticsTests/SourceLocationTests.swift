import MierukaDiagnostics
import Testing

/// (Testing has a `SourceLocation` of its own.)
private typealias Location = MierukaDiagnostics.SourceLocation

/// A location is stored as a number for its file and sheet and two 32-bit numbers, and still says
/// exactly where it is.
@Suite struct SourceLocationTests {
    @Test func isTwelveBytesAndGivesBackWhatItWasMadeOf() {
        // A path, two Ints and an optional sheet took 48 bytes; a parsed document holds one for
        // nearly every value it read.
        #expect(MemoryLayout<Location>.size == 12)
        let text = Location(file: "content/kodaira-3/実施項目-12.md", line: 40, column: 7)
        #expect(text.file == "content/kodaira-3/実施項目-12.md")
        #expect(text.line == 40 && text.column == 7 && text.sheet == nil)
        let cell = Location.cell(file: "seeds/R6.xlsx", sheet: "R6 進捗", row: 12, column: 4)
        #expect(cell.file == "seeds/R6.xlsx" && cell.sheet == "R6 進捗" && cell.line == 12 && cell.column == 4)
        #expect(cell.description == "seeds/R6.xlsx:'R6 進捗'!D12")
    }

    @Test func theSameFileSheetLineAndColumnAreTheSameLocationWhereverMade() async {
        let locations = await withTaskGroup(of: Location.self) { group in
            for _ in 0..<50 {
                group.addTask { Location(file: "content/shared-\(#line).md", line: 3, column: 2) }
            }
            return await group.reduce(into: [Location]()) { $0.append($1) }
        }
        #expect(Set(locations).count == 1)
        // A file and the same file's sheet, or two sheets of one workbook, are different places.
        let workbook = Location(file: "seeds/a.xlsx", line: 1, column: 1)
        let sheet = Location(file: "seeds/a.xlsx", line: 1, column: 1, sheet: "一覧")
        let other = Location(file: "seeds/a.xlsx", line: 1, column: 1, sheet: "二覧")
        #expect(Set([workbook, sheet, other]).count == 3)
        #expect(sheet == Location.cell(file: "seeds/a.xlsx", sheet: "一覧", row: 1, column: 1))
    }

    @Test func sortsByFileNameNotByTheOrderFilesWereFirstSeen() {
        // "z" is seen first, so it has the lower number; the order is still the names'.
        let later = Location(file: "z-\(#function).md", line: 1, column: 1)
        let earlier = Location(file: "a-\(#function).md", line: 9, column: 9)
        #expect(earlier < later && !(later < earlier))
        #expect(earlier.at(line: 2, column: 1) < earlier)
        #expect(Location(file: "b.csv", line: 5, column: 1) < Location(file: "b.csv", sheet: "x"))
    }

    @Test func anotherPositionInTheSameFileKeepsFileAndSheet() {
        let start = Location(file: "seeds/b.xlsx", sheet: "結果")
        let moved = start.at(line: 8, column: 3)
        #expect(moved.file == "seeds/b.xlsx" && moved.sheet == "結果" && moved.line == 8 && moved.column == 3)
        #expect(moved == Location.cell(file: "seeds/b.xlsx", sheet: "結果", row: 8, column: 3))
        #expect(Location(file: "a.md", line: 2, column: 5).shifted(lines: 3).description == "a.md:5:5")
        #expect(Location(file: "a.md").shifted(lines: 3).description == "a.md")
    }
}
