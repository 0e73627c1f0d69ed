import Foundation

/// The example photos shipped in `Photos/` (CC0 and public domain, from scikit-image's
/// sample data), offered to 3-channel networks.
public enum ShippedPhotos {
    public static let directory = PackageDirectory.path("Photos")

    /// The PNG and JPEG files in `Photos/`, sorted by name.
    public static var paths: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { [".png", ".jpg", ".jpeg"].contains(where: $0.lowercased().hasSuffix) }
            .sorted().map { directory + "/" + $0 }
    }
}
