/// Reads the Netpbm formats PGM and PPM, plain (P2, P3) and binary (P5, P6), with any
/// maxval from 1 to 65535 (binary samples above 255 take two bytes, big-endian) and
/// `#` comments in the header. As grey, colour becomes BT.601 luma and values are
/// divided by maxval, so they land in [0, 1] whatever the bit depth. As RGB, each
/// sample becomes the 8-bit level Pillow gives a PPM, `v / maxval * 255` in doubles
/// rounded half to even; a PGM's grey is repeated over three channels.
enum NetpbmDecoder {
    /// Whether `bytes` starts like a PGM or PPM file.
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "P") && [UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "6")].contains(bytes[1])
    }

    /// Decodes the image as grey; `source` names the file in errors.
    static func decode(_ bytes: [UInt8], source: String) throws -> GrayImage {
        try raster(bytes, source: source).gray
    }

    /// Decodes the image as 8-bit RGB; `source` names the file in errors.
    static func decodeRGB(_ bytes: [UInt8], source: String) throws -> RGBImage {
        try raster(bytes, source: source).rgb
    }

    private static func raster(_ bytes: [UInt8], source: String) throws -> Raster {
        func fail(_ problem: String) -> UserError { UserError("\(source): \(problem)") }
        guard recognizes(bytes) else { throw fail("not a PGM/PPM file (wrong magic number)") }
        let kind = bytes[1]
        let plain = kind == UInt8(ascii: "2") || kind == UInt8(ascii: "3")
        let channels = kind == UInt8(ascii: "3") || kind == UInt8(ascii: "6") ? 3 : 1
        var reader = Reader(bytes: bytes, position: 2)

        let width = try reader.headerNumber(naming: "width", source: source)
        let height = try reader.headerNumber(naming: "height", source: source)
        try ImageFile.checkDimensions(width: width, height: height, source: source)
        let maxval = try reader.headerNumber(naming: "maxval", source: source)
        guard (1...65535).contains(maxval) else { throw fail("bad maxval \(maxval) (must be 1...65535)") }

        let sampleCount = width * height * channels
        // A header can promise more pixels than the file holds: check before allocating.
        let available = bytes.count - reader.position
        // (A byte per value at least; the exact checks below name what is missing.)
        guard available >= sampleCount * (plain || maxval <= 255 ? 1 : 2) else {
            throw fail("truncated: \(available) bytes after the header cannot hold \(sampleCount) pixel values")
        }
        var samples = [Int](repeating: 0, count: sampleCount)
        if plain {
            for i in 0..<sampleCount {
                guard let value = try reader.plainSample(source: source) else {
                    throw fail("truncated: \(i) of \(sampleCount) pixel values present")
                }
                samples[i] = value
            }
        } else {
            // Exactly one whitespace byte separates maxval from the raster.
            guard reader.position < bytes.count, Reader.isSpace(bytes[reader.position]) else {
                throw fail(reader.position < bytes.count ? "no whitespace after maxval" : "truncated: no pixel data")
            }
            let start = reader.position + 1
            let bytesPerSample = maxval > 255 ? 2 : 1
            let needed = sampleCount * bytesPerSample
            guard bytes.count - start >= needed else {
                throw fail("truncated: \(bytes.count - start) of \(needed) bytes of pixel data present")
            }
            for i in 0..<sampleCount {
                samples[i] = bytesPerSample == 2
                    ? Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1])
                    : Int(bytes[start + i])
            }
        }
        if let index = samples.firstIndex(where: { $0 > maxval }) {
            throw fail("pixel value \(samples[index]) exceeds maxval \(maxval)")
        }

        return Raster(width: width, height: height, channels: channels, maxval: maxval, samples: samples)
    }

    /// The samples as the file holds them, each at most `maxval`.
    private struct Raster {
        let width: Int
        let height: Int
        /// 1 for PGM, 3 for PPM (R, G, B of each pixel in turn).
        let channels: Int
        let maxval: Int
        let samples: [Int]

        var gray: GrayImage {
            let scale = 1 / Float(maxval)
            let pixels = (0..<(width * height)).map { p in
                channels == 1
                    ? Float(samples[p]) * scale
                    : GrayImage.luma(red: Float(samples[3 * p]) * scale, green: Float(samples[3 * p + 1]) * scale, blue: Float(samples[3 * p + 2]) * scale)
            }
            return GrayImage(width: width, height: height, pixels: pixels)
        }

        /// Pillow's own expression, in its order (3 / 10 * 255 is 76.49999999999999, so
        /// 76, where exact arithmetic would round 76.5 up). (Pillow reads a 16-bit PGM as
        /// unscaled integers and clips them to 255; scaling it like a PPM is what a photo needs.)
        var rgb: RGBImage {
            let levels = samples.map { UInt8((Double($0) / Double(maxval) * 255).rounded(.toNearestOrEven)) }
            return RGBImage(width: width, height: height, bytes: channels == 3 ? levels : levels.flatMap { [$0, $0, $0] })
        }
    }

    /// A cursor over the header and plain raster: decimal numbers separated by
    /// whitespace, with comments from `#` to the end of the line.
    private struct Reader {
        let bytes: [UInt8]
        var position: Int

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
        }

        mutating func skipSpaceAndComments() {
            while position < bytes.count {
                if Self.isSpace(bytes[position]) {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                } else {
                    return
                }
            }
        }

        /// The next decimal number, or nil at the end of the data; throws on other text.
        /// Numbers are capped at 9 digits, far beyond any valid value, to avoid overflow.
        mutating func number(naming what: String, source: String) throws -> Int? {
            skipSpaceAndComments()
            guard position < bytes.count else { return nil }
            var value = 0
            var digits = 0
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                if digits < 9 { value = value * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw UserError("\(source): bad \(what): expected a number") }
            guard digits <= 9 else { throw UserError("\(source): bad \(what): number too large") }
            return value
        }

        mutating func headerNumber(naming what: String, source: String) throws -> Int {
            guard let value = try number(naming: what, source: source) else {
                throw UserError("\(source): truncated header: no \(what)")
            }
            return value
        }

        mutating func plainSample(source: String) throws -> Int? {
            try number(naming: "pixel value", source: source)
        }
    }
}
