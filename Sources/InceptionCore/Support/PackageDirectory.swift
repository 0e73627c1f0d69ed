import Foundation

/// The root of the source tree the binary was built from: where a built binary
/// finds the package's `Lessons/` and `Weights/` from any working directory.
public enum PackageDirectory {
    /// The package root (this file is `Sources/InceptionCore/Support/PackageDirectory.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // InceptionCore
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root

    /// `relative` under the package root.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
