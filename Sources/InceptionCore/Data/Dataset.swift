import Foundation

/// The fixed splits of the dataset, each from its own seed.
public enum DatasetSplit: String, CaseIterable, Sendable {
    case train, test

    /// The seed every sample of the split is derived from.
    public var seed: UInt64 {
        switch self {
        case .train: 0x1A_CE97_0001
        case .test: 0x1A_CE97_7E57
        }
    }

    /// The number of images (10,000 to train on, 2,000 to test).
    public var count: Int {
        switch self {
        case .train: 10_000
        case .test: 2_000
        }
    }
}

/// A deterministic set of 1x32x32 grayscale images in [0, 1], bright shapes on a
/// darker, cluttered background, in the ten classes of `ShapeClass`.
///
/// Sample `i` depends only on the dataset's seed, `i` and the difficulty, so any one
/// image can be drawn on its own (the explorer shows image 7 without drawing 0...6),
/// batches can be drawn in any order and on any number of threads with the same
/// result. Labels cycle through the classes (`i % 10`), so every split and every
/// run of ten consecutive indices is balanced.
public struct Dataset: Sendable {
    public let seed: UInt64
    public let count: Int
    public let difficulty: DatasetDifficulty
    /// When set, every object has this size multiplier (1 is the nominal size) instead
    /// of a random one from the size jitter: a test set for the object-size experiment.
    public let objectScale: Float?

    /// Pixels per image (1 x 32 x 32).
    public static let imageSize = GrayImage.networkSide * GrayImage.networkSide

    /// `count` images derived from `seed` (use `init(split:)` for the fixed splits).
    public init(seed: UInt64, count: Int, difficulty: DatasetDifficulty = .standard, objectScale: Float? = nil) {
        precondition(count >= 0, "negative dataset size")
        self.seed = seed
        self.count = count
        self.difficulty = difficulty
        self.objectScale = objectScale
    }

    /// The fixed train or test split.
    public init(split: DatasetSplit, difficulty: DatasetDifficulty = .standard, objectScale: Float? = nil) {
        self.init(seed: split.seed, count: split.count, difficulty: difficulty, objectScale: objectScale)
    }

    /// The class of sample `index`.
    public func label(at index: Int) -> ShapeClass {
        ShapeClass(rawValue: index % ShapeClass.count)!
    }

    /// Sample `index` as an image.
    public func image(at index: Int) -> GrayImage {
        var pixels = [Float](repeating: 0, count: Self.imageSize)
        pixels.withUnsafeMutableBufferPointer { _ = render(index: index, into: $0.baseAddress!) }
        return GrayImage(width: GrayImage.networkSide, height: GrayImage.networkSide, pixels: pixels)
    }

    /// Draws sample `index` into `out` (32 * 32 floats) and returns its label.
    @discardableResult
    public func render(index: Int, into out: UnsafeMutablePointer<Float>) -> Int {
        let shape = label(at: index)
        SampleRenderer.render(shape, seed: Self.sampleSeed(seed, index), objectScale: objectScale, difficulty: difficulty, into: out)
        return shape.rawValue
    }

    /// The samples at `indices` as an (n, 1, 32, 32) tensor and their labels, drawn on
    /// all cores (each sample is independent, so the result does not depend on threads).
    public func batch(_ indices: some Collection<Int>) -> (images: Tensor, labels: [Int]) {
        let list = Array(indices)
        var pixels = [Float](repeating: 0, count: list.count * Self.imageSize)
        var labels = [Int](repeating: 0, count: list.count)
        pixels.withUnsafeMutableBufferPointer { images in
            labels.withUnsafeMutableBufferPointer { labelBuffer in
                fill(indices: list, images: images.baseAddress!, labels: labelBuffer.baseAddress!)
            }
        }
        return (Tensor(shape: [list.count, 1, GrayImage.networkSide, GrayImage.networkSide], data: pixels), labels)
    }

    /// Draws the samples at `indices` into `images` (contiguous (n, 1, 32, 32)) and their
    /// labels into `labels` (n values), on all cores when the batch is large enough.
    public func fill(indices: [Int], images: UnsafeMutablePointer<Float>, labels: UnsafeMutablePointer<Int>) {
        let chunk = 64
        let chunks = (indices.count + chunk - 1) / chunk
        // Chunks write disjoint parts of the buffers, so they cannot race.
        nonisolated(unsafe) let images = images, labels = labels
        concurrentChunks(chunks) { c in
            for k in (c * chunk)..<min(indices.count, (c + 1) * chunk) {
                labels[k] = self.render(index: indices[k], into: images + k * Self.imageSize)
            }
        }
    }

    /// One image of `shape`, drawn from `seed` (for lessons and the `--sample CLASS`
    /// option). `objectScale` fixes the object's size multiplier (1 is the class's
    /// nominal size, 2 twice as big) instead of drawing it from the size jitter.
    public static func sample(of shape: ShapeClass, seed: UInt64, objectScale: Float? = nil,
                              difficulty: DatasetDifficulty = .standard) -> GrayImage {
        var pixels = [Float](repeating: 0, count: imageSize)
        pixels.withUnsafeMutableBufferPointer {
            SampleRenderer.render(shape, seed: seed, objectScale: objectScale, difficulty: difficulty, into: $0.baseAddress!)
        }
        return GrayImage(width: GrayImage.networkSide, height: GrayImage.networkSide, pixels: pixels)
    }

    /// The seed of sample `index`: the dataset seed and the index hashed together, so
    /// that neighbouring samples (and neighbouring dataset seeds) get unrelated streams.
    /// (Adding the index to a SplitMix64 seed would shift one stream against another.)
    static func sampleSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }
}
