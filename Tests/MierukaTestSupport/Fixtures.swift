import Foundation

/// Paths of the repository, found from this file's location.
public enum Fixtures {
    /// The repository root (the demo site).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/MierukaTestSupport/Fixtures.swift
        return url.path
    }()

    /// Tests/Fixtures
    public static let root = repositoryRoot + "/Tests/Fixtures"

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// Set MIERUKA_UPDATE_FIXTURES=1 to rewrite expected outputs from the current code.
    public static var updating: Bool { ProcessInfo.processInfo.environment["MIERUKA_UPDATE_FIXTURES"] == "1" }
}
