import MierukaModel

/// Makes the links of a page: paths under the site's base URL, percent-encoded so that Japanese
/// URL segments (企画部) work on every server.
public struct LinkMaker: Sendable {
    public let baseURL: BaseURL

    public init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// "/kaikaku/kodaira-3/001/" for the route "kodaira-3/001/".
    public func href(_ route: String) -> String {
        baseURL.link(Self.percentEncode(route))
    }

    /// The absolute URL, when the base URL names a host.
    public func canonical(_ route: String) -> String? {
        baseURL.absolute(Self.percentEncode(route))
    }

    /// Encodes everything but unreserved ASCII and "/" (RFC 3986).
    public static func percentEncode(_ path: String) -> String {
        // Most paths are plain ASCII segments: nothing to encode.
        if path.utf8.allSatisfy(isUnreserved) { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
