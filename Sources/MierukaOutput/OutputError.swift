/// Why the output could not be written or put into place.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The destination is not ours to replace (a usage error: exit 2).
        case refused
        /// The file system failed (disk full, permissions …).
        case io
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
