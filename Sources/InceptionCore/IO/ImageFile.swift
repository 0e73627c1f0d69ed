import Foundation

/// Loads an image file of any supported format (PGM, PPM, PNG, JPEG; told apart by
/// their first bytes, not by the file name) as a grayscale image in [0, 1] for the tiny
/// network, or as 8-bit RGB for a 3-channel network.
public enum ImageFile {
    /// Larger images are refused before their pixels are allocated: nothing the
    /// network is meant to see is that big, and a corrupt header must not ask for gigabytes.
    public static let maximumSide = 8192

    /// Reads and decodes the file at `path`; every problem is a one-line `UserError`.
    public static func load(path: String) throws -> GrayImage {
        try decode(read(path: path), source: path)
    }

    /// Reads and decodes the file at `path` as RGB (PGM's grey repeated over three channels).
    public static func loadRGB(path: String) throws -> RGBImage {
        try decodeRGB(read(path: path), source: path)
    }

    private static func read(path: String) throws -> [UInt8] {
        [UInt8](try UserFile.contents(of: path, kind: "an image"))
    }

    /// Decodes the bytes of an image file; `source` names it in errors.
    public static func decode(_ bytes: [UInt8], source: String) throws -> GrayImage {
        if bytes.isEmpty { throw UserError("\(source): empty file, not an image") }
        if PNGDecoder.recognizes(bytes) { return try PNGDecoder.decode(bytes, source: source) }
        if JPEGDecoder.recognizes(bytes) { return try JPEGDecoder.decode(bytes, source: source).gray }
        if NetpbmDecoder.recognizes(bytes) { return try NetpbmDecoder.decode(bytes, source: source) }
        throw notAnImage(source)
    }

    /// Decodes the bytes of an image file as RGB (a greyscale file's grey repeated over
    /// three channels).
    public static func decodeRGB(_ bytes: [UInt8], source: String) throws -> RGBImage {
        if bytes.isEmpty { throw UserError("\(source): empty file, not an image") }
        if PNGDecoder.recognizes(bytes) { return try PNGDecoder.decodeRGB(bytes, source: source) }
        if JPEGDecoder.recognizes(bytes) { return try JPEGDecoder.decode(bytes, source: source) }
        if NetpbmDecoder.recognizes(bytes) { return try NetpbmDecoder.decodeRGB(bytes, source: source) }
        throw notAnImage(source)
    }

    private static func notAnImage(_ source: String) -> UserError {
        UserError("\(source): not an image (expected PNG, JPEG, PGM or PPM: P2, P3, P5, P6)")
    }

    /// Refuses empty and oversized images, naming the dimensions.
    static func checkDimensions(width: Int, height: Int, source: String) throws {
        guard width > 0, height > 0 else {
            throw UserError("\(source): image has zero size (\(width)x\(height))")
        }
        guard width <= maximumSide, height <= maximumSide else {
            throw UserError("\(source): image too large (\(width)x\(height); the limit is \(maximumSide)x\(maximumSide))")
        }
    }
}
