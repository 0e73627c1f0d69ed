import Foundation

/// A grayscale image with values in [0, 1] (0 black, 1 white), row-major: the
/// form every input file takes before the network sees it.
public struct GrayImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `height * width` values, row by row, top row first.
    public var pixels: [Float]

    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "\(pixels.count) pixels for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of arbitrary values (a feature map) stretched so that the smallest
    /// becomes 0 and the largest 1; a constant map becomes all 0 (there is no contrast
    /// to show, and dividing by a zero range would give NaN).
    public init(stretching values: [Float], width: Int, height: Int) {
        let low = values.min() ?? 0, high = values.max() ?? 0
        let range = high - low
        self.init(width: width, height: height, pixels: values.map { range > 0 ? ($0 - low) / range : 0 })
    }

    /// The pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Float { pixels[y * width + x] }

    /// The network's input layout: a (1, 1, height, width) tensor.
    public var tensor: Tensor { Tensor(shape: [1, 1, height, width], data: pixels) }

    /// BT.601 luma, the weighting of the issue (and of most image tools'
    /// "grayscale"): green counts most because the eye is most sensitive to it.
    @inlinable
    public static func luma(red: Float, green: Float, blue: Float) -> Float {
        0.299 * red + 0.587 * green + 0.114 * blue
    }
}
