/// An 8-bit RGB image, row-major, three bytes per pixel: what a photo is before a
/// 3-channel network's preprocessing (`ImageNetPreprocessing`), as PIL's
/// `convert("RGB")` leaves it (grey repeated over three channels, alpha dropped).
public struct RGBImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `height * width * 3` bytes: R, G, B of each pixel, top row first.
    public var bytes: [UInt8]

    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(width >= 0 && height >= 0 && bytes.count == width * height * 3, "\(bytes.count) bytes for \(width)x\(height) RGB")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// Grey repeated over three channels; values in [0, 1] go back to their nearest 8-bit level.
    public init(gray: GrayImage) {
        let levels = gray.pixels.map { UInt8(($0 * 255).rounded().clamped(0, 255)) }
        self.init(width: gray.width, height: gray.height, bytes: levels.flatMap { [$0, $0, $0] })
    }

    /// BT.601 luma in [0, 1]: the grey the tiny network reads.
    public var gray: GrayImage {
        let pixels = (0..<width * height).map { p in
            GrayImage.luma(red: Float(bytes[3 * p]), green: Float(bytes[3 * p + 1]), blue: Float(bytes[3 * p + 2])) / 255
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}

private extension Float {
    func clamped(_ low: Float, _ high: Float) -> Float { Swift.min(Swift.max(self, low), high) }
}
