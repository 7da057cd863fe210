@testable import MierukaExport
import Testing

/// The digest that tells a kept workbook from an edited one: FIPS 180-4's examples, and the same
/// digest however the bytes are handed over.
@Suite struct SHA256Tests {
    func hex(_ text: String) -> String { SHA256.hex(SHA256.digest(Array(text.utf8))) }

    @Test func theStandardsExamples() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(
            SHA256.hex(SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheDigestOfTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 128, 500, 999, 1000] {
            var hasher = SHA256()
            hasher.update(bytes[..<cut])
            hasher.update(bytes[cut...])
            #expect(hasher.finish() == SHA256.digest(bytes), "cut at \(cut)")
        }
    }

    /// The key of a workbook changes with anything `Dataset.workbook` makes its bytes from.
    @Test func theWorkbookKeyFollowsEveryInput() {
        func table(_ title: String = "結果", type: DatasetColumnType = .integer, header: String = "金額") -> Dataset {
            Dataset(
                name: "results", title: title, summary: "", columns: [DatasetColumn("番号", .code, ""), DatasetColumn(header, type, "")],
                rows: [["01", "1200"]])
        }
        func key(_ dataset: Dataset, rows: [[String]]? = nil) -> String {
            SHA256.hex(dataset.workbookKey(csv: dataset.csv(rows ?? dataset.rows).utf8WithBOM))
        }
        let keys = [
            key(table()), key(table("結果2")), key(table(type: .decimal)), key(table(type: .text)), key(table(header: "額")),
            key(table(), rows: [["01", "1201"]]), key(table(), rows: [["01", "1200"], []]), key(table(), rows: [["01,", "1200"]]),
        ]
        #expect(Set(keys).count == keys.count - 1, "integer and decimal columns are both numbers: \(keys)")
        #expect(keys[0] == keys[2])
        #expect(key(table()) == key(table()))
    }
}
