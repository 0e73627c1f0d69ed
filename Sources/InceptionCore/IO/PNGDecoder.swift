import CPNG

/// Reads PNG files through libpng's simplified API, which applies every transform
/// (palette expansion, gray to RGB, 16 to 8 bits, tRNS to alpha, interlace) and
/// always hands back 8-bit RGBA. For the grey path colour then becomes gray by BT.601
/// luma, and transparency is composed over black, the dark background of the training
/// images; the RGB path drops alpha, as PIL does.
enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Whether `bytes` starts with the PNG signature.
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: signature)
    }

    /// Decodes the image as grey; `source` names the file in errors.
    static func decode(_ bytes: [UInt8], source: String) throws -> GrayImage {
        let (width, height, rgba) = try decodeRGBA(bytes, source: source)
        let pixels = (0..<(width * height)).map { p in
            let luma = GrayImage.luma(red: Float(rgba[4 * p]), green: Float(rgba[4 * p + 1]), blue: Float(rgba[4 * p + 2]))
            return luma * Float(rgba[4 * p + 3]) / (255 * 255)
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// Decodes the image as RGB with its alpha dropped, as PIL's `convert("RGB")` does.
    static func decodeRGB(_ bytes: [UInt8], source: String) throws -> RGBImage {
        let (width, height, rgba) = try decodeRGBA(bytes, source: source)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for p in 0..<(width * height) {
            rgb[3 * p] = rgba[4 * p]
            rgb[3 * p + 1] = rgba[4 * p + 1]
            rgb[3 * p + 2] = rgba[4 * p + 2]
        }
        return RGBImage(width: width, height: height, bytes: rgb)
    }

    /// Width, height and 8-bit RGBA (not premultiplied).
    private static func decodeRGBA(_ bytes: [UInt8], source: String) throws -> (Int, Int, [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }

        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw UserError("\(source): bad PNG: \(message(of: image))") }
        let width = Int(image.width), height = Int(image.height)
        try ImageFile.checkDimensions(width: width, height: height, source: source)

        // Without this flag libpng takes 16-bit samples without a gAMA chunk as
        // linear light and gamma-encodes them on the way to 8 bits, so a 16-bit
        // mid-gray would read brighter than the same image saved in 8 bits.
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let finished = rgba.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw UserError("\(source): bad PNG: \(message(of: image))") }
        return (width, height, rgba)
    }

    /// libpng's error text (a NUL-terminated C array inside the struct).
    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "unreadable data" : text
        }
    }
}
