import Testing
@testable import InceptionCore

@Suite struct DatasetTests {
    @Test func classNamesAndOrderAreFixed() throws {
        #expect(ShapeClass.names == ["ring-small", "ring-large", "bar-thin", "bar-thick", "dot", "disc", "plus", "cross", "square", "triangle"])
        #expect(try ShapeClass(name: "bar-thick") == .barThick)
        #expect(throws: UserError.self) { try ShapeClass(name: "circle") }
    }

    @Test func splitsHaveTheirSizesAndBalancedLabels() {
        #expect(Dataset(split: .train).count == 10_000)
        let test = Dataset(split: .test)
        #expect(test.count == 2_000)
        var perClass = [Int](repeating: 0, count: ShapeClass.count)
        for i in 0..<test.count { perClass[test.label(at: i).rawValue] += 1 }
        #expect(perClass == [Int](repeating: 200, count: 10))
    }

    /// Sample i depends on nothing but the seed and i: drawn alone, in a batch, from
    /// another instance, in another order, it is the same image.
    @Test func sampleIsIndependentOfHowItIsDrawn() {
        let a = Dataset(split: .train), b = Dataset(split: .train)
        let alone = a.image(at: 7)
        let batch = b.batch([123, 7, 4])
        #expect(batch.images.shape == [3, 1, 32, 32])
        #expect(batch.labels == [3, 7, 4])
        #expect(Array(batch.images.data[1024..<2048]) == alone.pixels)
        #expect(a.image(at: 8).pixels != alone.pixels)
        #expect(Dataset(split: .test).image(at: 7).pixels != alone.pixels)
        #expect(Dataset(seed: 99, count: 10).image(at: 7).pixels != alone.pixels)
    }

    /// A batch big enough to be drawn on several threads equals the one-by-one images.
    @Test func parallelBatchMatchesSerialImages() {
        let dataset = Dataset(split: .test)
        let batch = dataset.batch(0..<200)
        for i in [0, 63, 64, 150, 199] {
            #expect(Array(batch.images.data[(i * 1024)..<((i + 1) * 1024)]) == dataset.image(at: i).pixels)
        }
        #expect(batch.images.data.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    /// A centred, unrotated shape on a flat background, so that its drawn area can be
    /// compared with the area formula of its geometry.
    static let still: DatasetDifficulty = {
        var d = DatasetDifficulty.clean
        d.maxRotationDegrees = 0
        d.maxShift = 0
        return d
    }()

    /// The object's area in pixels, from brightness above the clean background (0.1)
    /// divided by the clean contrast (0.7); noise (sigma 0.02) averages out.
    static func area(_ image: GrayImage) -> Float {
        image.pixels.reduce(0) { $0 + ($1 - 0.1) } / 0.7
    }

    /// Areas from the nominal geometry: an annulus of radius r and width 2w has area
    /// 4 pi r w; a plus is two 16 x 2.2 bars minus their 2.2 x 2.2 overlap; an
    /// equilateral triangle of side s has area sqrt(3) / 4 s^2.
    static let areas: [(ShapeClass, Float)] = [
        (.ringSmall, 4 * .pi * 4.5 * 0.9), (.ringLarge, 4 * .pi * 9.5 * 0.9),
        (.barThin, 20 * 1.6), (.barThick, 20 * 4.6),
        (.dot, .pi * 2.2 * 2.2), (.disc, .pi * 5.5 * 5.5),
        (.plus, 2 * 16 * 2.2 - 2.2 * 2.2), (.cross, 2 * 16 * 2.2 - 2.2 * 2.2),
        (.square, 12 * 12), (.triangle, Float(3).squareRoot() / 4 * 14 * 14),
    ]

    @Test(arguments: areas.indices)
    func drawnAreaMatchesGeometry(_ index: Int) {
        let (shape, expected) = Self.areas[index]
        for seed in [1, 2] as [UInt64] {
            let image = Dataset.sample(of: shape, seed: seed, objectScale: 1, difficulty: Self.still)
            #expect(abs(Self.area(image) - expected) < 0.03 * expected + 2, "\(shape): \(Self.area(image)) vs \(expected)")
        }
    }

    @Test func objectScaleScalesTheArea() {
        let base: Float = .pi * 5.5 * 5.5
        for scale: Float in [0.5, 2] {
            let image = Dataset.sample(of: .disc, seed: 5, objectScale: scale, difficulty: Self.still)
            let expected = base * scale * scale
            #expect(abs(Self.area(image) - expected) < 0.03 * expected + 2, "scale \(scale): \(Self.area(image)) vs \(expected)")
        }
    }

    /// Orientation: a plus has its arms along the axes, a cross along the diagonals, and
    /// the triangle points up (its apex is 8.1 px above the centroid, its base 4.0 below).
    @Test func shapesPointTheRightWay() {
        func pixel(_ shape: ShapeClass, _ x: Int, _ y: Int) -> Float {
            Dataset.sample(of: shape, seed: 3, objectScale: 1, difficulty: Self.still)[x, y]
        }
        #expect(pixel(.plus, 22, 15) > 0.6 && pixel(.plus, 20, 20) < 0.2)
        #expect(pixel(.cross, 20, 20) > 0.6 && pixel(.cross, 22, 15) < 0.2)
        #expect(pixel(.triangle, 15, 9) > 0.6 && pixel(.triangle, 15, 21) < 0.2)
    }

    @Test func approximateNormalHasUnitVariance() {
        var rng = SeededGenerator(seed: 11)
        let n = 50_000
        var sum: Double = 0, squares: Double = 0
        for _ in 0..<n {
            let v = Double(rng.nextApproximateNormal())
            sum += v
            squares += v * v
        }
        let mean = sum / Double(n)
        #expect(abs(mean) < 0.02)
        #expect(abs(squares / Double(n) - mean * mean - 1) < 0.03)
    }
}

@Suite struct DatasetDifficultyTests {
    @Test func scaledBlendsBetweenCleanAndStandard() {
        let standard = DatasetDifficulty.standard
        #expect(standard.scaled(0) == .clean)
        #expect(standard.scaled(1) == standard)
        let half = standard.scaled(0.5)
        // Noise: clean 0.02...0.02, standard 0.02...0.11, so halfway is 0.02...0.065.
        #expect(abs(half.noiseSigma.upperBound - 0.065) < 1e-6 && half.noiseSigma.lowerBound == 0.02)
        // Strokes 0...0 to 0...3: halfway rounds 1.5 up to 2.
        #expect(half.strokeCount == 0...2)
        let hard = standard.scaled(4)
        #expect(hard.occlusionProbability == 1 && hard.secondShapeProbability == 1)
        #expect(hard.contrast.lowerBound >= 0.05)
    }

    /// A fixed object scale applies to every sample of a dataset.
    @Test func datasetWithObjectScale() {
        var still = DatasetTests.still
        still.sizeJitter = 0.5...0.5
        let scaled = Dataset(seed: 1, count: 10, difficulty: still, objectScale: 2)
        let disc = scaled.image(at: 5)  // index 5 is a disc
        let expected: Float = .pi * 11 * 11
        #expect(abs(DatasetTests.area(disc) - expected) < 0.03 * expected + 2)
    }
}
