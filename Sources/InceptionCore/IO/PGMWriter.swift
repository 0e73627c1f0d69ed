import Foundation

/// Writes grayscale images as binary PGM (P5, 8-bit): the simplest format every
/// image viewer opens, used by `dataset export` and by the explorer's
/// "save feature maps".
public enum PGMWriter {
    /// The P5 bytes of `pixels` (`height * width` values, row-major), mapped to
    /// 0...255 by rounding `value * 255`; values outside [0, 1] are clamped.
    public static func encode(width: Int, height: Int, pixels: UnsafeBufferPointer<Float>) -> Data {
        precondition(pixels.count == width * height, "\(pixels.count) pixels for \(width)x\(height)")
        var out = Data("P5\n\(width) \(height)\n255\n".utf8)
        out.append(contentsOf: pixels.map { UInt8((min(max($0, 0), 1) * 255).rounded()) })
        return out
    }

    /// The P5 bytes of `image`.
    public static func encode(_ image: GrayImage) -> Data {
        image.pixels.withUnsafeBufferPointer { encode(width: image.width, height: image.height, pixels: $0) }
    }

    /// Writes `image` to `path` atomically.
    public static func write(_ image: GrayImage, to path: String) throws {
        try AtomicWrite.write(encode(image), to: path)
    }
}
