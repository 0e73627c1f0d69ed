import Foundation

/// The root of the source tree the binary was built from: where the shipped
/// `Lessons/` and `Weights/` are found when the user names no other place, so a
/// built binary works from any directory.
public enum PackageRoot {
    public static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // InceptionCore
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root
        .path

    /// `relative` inside the package root.
    public static func appending(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }
}
