extension GrayImage {
    /// The side of the network's input images.
    public static let networkSide = 32

    /// The image scaled to `side`x`side` by area averaging, keeping its aspect ratio:
    /// the longer side fills the square, the shorter one is centred and the margins are
    /// filled with `backgroundEstimate`.
    ///
    /// Each source pixel is a square of side `scale = side / max(width, height)` in
    /// output coordinates; an output pixel is the area-weighted mean of everything that
    /// overlaps it, margin included. The same rule shrinks (each output pixel averages
    /// several source pixels) and enlarges (each source pixel covers several output
    /// pixels), and the weights factor into a horizontal and a vertical pass.
    public func fitted(side: Int = GrayImage.networkSide) -> GrayImage {
        let scale = Double(side) / Double(max(width, height))
        let columns = Self.overlaps(count: width, scale: scale, side: side)
        let rows = Self.overlaps(count: height, scale: scale, side: side)

        // tmp is (height, side): each source row resampled horizontally.
        var tmp = [Float](repeating: 0, count: height * side)
        for y in 0..<height {
            for overlap in columns {
                tmp[y * side + overlap.target] += overlap.weight * pixels[y * width + overlap.source]
            }
        }
        // out is (side, side): the columns of tmp resampled vertically.
        var out = [Float](repeating: 0, count: side * side)
        for overlap in rows {
            for x in 0..<side {
                out[overlap.target * side + x] += overlap.weight * tmp[overlap.source * side + x]
            }
        }
        // The part of each output pixel no source pixel covers shows the background.
        let covered = (Self.coverage(columns, side: side), Self.coverage(rows, side: side))
        let background = backgroundEstimate
        for y in 0..<side {
            for x in 0..<side {
                let uncovered = max(0, 1 - covered.0[x] * covered.1[y])
                out[y * side + x] += uncovered * background
            }
        }
        return GrayImage(width: side, height: side, pixels: out)
    }

    /// The median of the outermost rows and columns: in a picture of one object the
    /// border is mostly background, and the median ignores the few object or noise
    /// pixels that touch it (a mean would be pulled towards them).
    public var backgroundEstimate: Float {
        var border: [Float] = []
        for y in 0..<height {
            for x in 0..<width where y == 0 || y == height - 1 || x == 0 || x == width - 1 {
                border.append(self[x, y])
            }
        }
        guard !border.isEmpty else { return 0 }
        border.sort()
        let middle = border.count / 2
        return border.count % 2 == 1 ? border[middle] : (border[middle - 1] + border[middle]) / 2
    }

    /// For `count` source pixels of size `scale` centred in `0..<side`: every
    /// (source pixel, output pixel) pair that overlaps, with the overlap length.
    private static func overlaps(count: Int, scale: Double, side: Int) -> [(source: Int, target: Int, weight: Float)] {
        let offset = (Double(side) - Double(count) * scale) / 2
        var result: [(source: Int, target: Int, weight: Float)] = []
        for source in 0..<count {
            let start = offset + Double(source) * scale
            let end = start + scale
            let first = max(0, Int(start.rounded(.down)))
            let last = min(side - 1, Int(end.rounded(.up)) - 1)
            guard first <= last else { continue }
            for target in first...last {
                let length = min(end, Double(target + 1)) - max(start, Double(target))
                if length > 0 { result.append((source, target, Float(length))) }
            }
        }
        return result
    }

    /// How much of each output pixel's extent the source covers (1 inside, 0 in the margin).
    private static func coverage(_ overlaps: [(source: Int, target: Int, weight: Float)], side: Int) -> [Float] {
        var covered = [Float](repeating: 0, count: side)
        for overlap in overlaps { covered[overlap.target] += overlap.weight }
        return covered
    }
}

extension ImageFile {
    /// The network input for the image at `path`: a (1, 1, 32, 32) tensor in [0, 1],
    /// or, with `resize: false`, the image at its own size, (1, 1, height, width).
    public static func networkInput(path: String, resize: Bool = true) throws -> Tensor {
        let image = try load(path: path)
        if resize { return image.fitted().tensor }
        // The network runs at the image's own size: a photo-sized input would need
        // gigabytes of activations (and print megabytes of heatmaps).
        guard image.width <= maxUnresizedSide && image.height <= maxUnresizedSide else {
            throw UserError("\(path): \(image.width)x\(image.height) is too large to run at its own size "
                            + "(at most \(maxUnresizedSide)x\(maxUnresizedSide)); leave out --no-resize to scale it to 32x32")
        }
        return image.tensor
    }

    /// The largest side an image may have to run without resizing.
    public static let maxUnresizedSide = 1024
}
