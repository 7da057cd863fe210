import Foundation

/// Paths of the repository, found from this file's location.
package enum Fixtures {
    /// The repository root (the demo site).
    package static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/MierukaTestSupport/Fixtures.swift
        return url.path
    }()

    /// Tests/Fixtures
    package static let root = repositoryRoot + "/Tests/Fixtures"

    package static func path(_ relative: String) -> String { root + "/" + relative }

    /// Set MIERUKA_UPDATE_FIXTURES=1 to rewrite expected outputs from the current code.
    package static var updating: Bool { ProcessInfo.processInfo.environment["MIERUKA_UPDATE_FIXTURES"] == "1" }
}
