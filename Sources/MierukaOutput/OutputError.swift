/// Why the output could not be written or put into place.
package struct OutputError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable {
        /// The destination is not ours to replace (a usage error: exit 2).
        case refused
        /// The file system failed (disk full, permissions …).
        case io
    }

    package let kind: Kind
    package let description: String

    package init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
