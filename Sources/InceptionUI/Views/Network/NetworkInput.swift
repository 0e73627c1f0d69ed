import InceptionCore

/// What the Network view runs on: an image as the network reads it ((1, 1, 32, 32)
/// grey for the tiny network, (1, 3, 224, 224) ImageNet-normalised RGB for a photo
/// network), a grey preview of it, where it came from and, when known, its true class.
public struct NetworkInput: Sendable {
    /// Where the image came from.
    public enum Source: Sendable, Equatable {
        /// Test-split sample `index` (the gallery and the random pick both draw from it).
        case testSample(index: Int)
        /// The `--image` file or a shipped photo.
        case file(path: String)
    }

    public let source: Source
    /// The network's input (1, c, h, w).
    public let tensor: Tensor
    /// The true class; nil for a file, whose class nobody told us.
    public let label: ShapeClass?

    /// Test-split sample `index` (labels cycle through the classes, so 0...9 is one per class),
    /// prepared for a network of `channels` input channels.
    public static func testSample(_ index: Int, channels: Int = 1) -> NetworkInput {
        let test = Dataset(split: .test)
        let tensor = (try? RunInput.index(index).tensor(resize: true, channels: channels)) ?? test.image(at: index).tensor
        return NetworkInput(source: .testSample(index: index), tensor: tensor, label: test.label(at: index))
    }

    /// The image file at `path` prepared for a network of `channels` input channels
    /// (`RunInput`'s rules); a `UserError` when it cannot be read.
    public static func file(_ path: String, channels: Int = 1) throws -> NetworkInput {
        NetworkInput(source: .file(path: path), tensor: try RunInput.image(path: path).tensor(resize: true, channels: channels), label: nil)
    }

    /// The input as a grey (1, 1, h, w) picture in [0, 1]: the input itself for grey
    /// networks, the luma of the de-normalised photo for an ImageNet network.
    public var preview: Tensor {
        guard tensor.shape[1] == 3 else { return tensor }
        let plane = tensor.shape[2] * tensor.shape[3]
        let level = { (c: Int, i: Int) in tensor.data[c * plane + i] * ImageNetStatistics.std[c] + ImageNetStatistics.mean[c] }
        let grey = (0..<plane).map { i in min(1, max(0, GrayImage.luma(red: level(0, i), green: level(1, i), blue: level(2, i)))) }
        return Tensor(shape: [1, 1, tensor.shape[2], tensor.shape[3]], data: grey)
    }

    /// A short description for titles: `test #7 (cross)`, `file photo.png`.
    public var title: String {
        switch source {
        case .testSample(let index): "test #\(index)" + (label.map { " (\($0.name))" } ?? "")
        case .file(let path): "file " + (path.split(separator: "/").last.map(String.init) ?? path)
        }
    }
}
