import InceptionCore

/// What the Network view runs on: an image as the network sees it (1, 1, 32, 32),
/// where it came from and, when known, its true class.
public struct NetworkInput: Sendable {
    /// Where the image came from.
    public enum Source: Sendable, Equatable {
        /// Test-split sample `index` (the gallery and the random pick both draw from it).
        case testSample(index: Int)
        /// The `--image` file.
        case file(path: String)
    }

    public let source: Source
    /// (1, 1, 32, 32), values in [0, 1].
    public let tensor: Tensor
    /// The true class; nil for a file, whose class nobody told us.
    public let label: ShapeClass?

    /// Test-split sample `index` (labels cycle through the classes, so 0...9 is one per class).
    public static func testSample(_ index: Int) -> NetworkInput {
        let test = Dataset(split: .test)
        return NetworkInput(source: .testSample(index: index), tensor: test.image(at: index).tensor, label: test.label(at: index))
    }

    /// The image file at `path`, fitted to 32x32; a `UserError` when it cannot be read.
    public static func file(_ path: String) throws -> NetworkInput {
        NetworkInput(source: .file(path: path), tensor: try ImageFile.networkInput(path: path), label: nil)
    }

    /// A short description for titles: `test #7 (cross)`, `file photo.png`.
    public var title: String {
        switch source {
        case .testSample(let index): "test #\(index)" + (label.map { " (\($0.name))" } ?? "")
        case .file(let path): "file " + (path.split(separator: "/").last.map(String.init) ?? path)
        }
    }
}
