/// The Content-Type of a served file, from its extension. Text is declared UTF-8 when it is;
/// a CSV or text file that is not (a Shift_JIS copy for Excel, an attachment saved on Windows)
/// is declared Shift_JIS, the only other encoding Mieruka reads and writes.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    static func of(path: String, bytes: [UInt8]) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch ext {
        case "html", "htm": return html
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "csv": return "text/csv; charset=" + textCharset(bytes)
        case "txt": return "text/plain; charset=" + textCharset(bytes)
        case "md": return "text/markdown; charset=" + textCharset(bytes)
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/vnd.microsoft.icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "zip": return "application/zip"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "application/octet-stream"
        }
    }

    static func textCharset(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) != nil ? "utf-8" : "Shift_JIS"
    }
}
