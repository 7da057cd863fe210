import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, written in memory with every entry dated 1980-01-01 00:00
/// (the first date a ZIP can hold; ZIPFoundation converts it in UTC, whatever the machine's time
/// zone) and the same permissions, so that the same parts always give the same bytes.
enum XLSXArchive {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The parts, deflated, in the order given.
    static func write(_ parts: [(name: String, bytes: [UInt8])]) throws(XLSXOutput.Failure) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
                }
            }
            guard let data = archive.data else { throw XLSXOutput.Failure.archive("no data in the archive") }
            return Array(data)
        } catch let failure as XLSXOutput.Failure {
            throw failure
        } catch {
            throw .archive(String(describing: error))
        }
    }
}
