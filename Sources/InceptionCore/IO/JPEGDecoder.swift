import CJPEG

/// Reads JPEG files through libjpeg-turbo with its defaults (islow DCT, fancy
/// upsampling), as Pillow does, so a photo decodes to the same bytes as in PyTorch.
/// A truncated or corrupt stream, which libjpeg only warns about, is refused.
enum JPEGDecoder {
    /// Whether `bytes` starts with a JPEG start-of-image marker.
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xD8, 0xFF])
    }

    /// Decodes the image to RGB; `source` names the file in errors.
    static func decode(_ bytes: [UInt8], source: String) throws -> RGBImage {
        var width: Int32 = 0, height: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let pixels = bytes.withUnsafeBufferPointer { b in
            cjpeg_decode_rgb(b.baseAddress, UInt(b.count), Int32(ImageFile.maximumSide), &width, &height, &message, message.count)
        }
        guard let pixels else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw UserError("\(source): bad JPEG: \(text.isEmpty ? "unreadable data" : text)")
        }
        defer { free(pixels) }
        let count = Int(width) * Int(height) * 3
        return RGBImage(width: Int(width), height: Int(height), bytes: Array(UnsafeBufferPointer(start: pixels, count: count)))
    }
}
