import Foundation

/// Draws one dataset image from a seed: a shape of the given class on a graded,
/// textured background, with clutter, occlusion, contrast changes and noise as
/// `DatasetDifficulty` says. The same seed and difficulty always give the same image.
enum SampleRenderer {
    static let side = GrayImage.networkSide

    /// Nominal geometry of each class in pixels (before size jitter). The size-only
    /// pairs share their shape and differ in radius or stroke width by about 2x, well
    /// beyond the size jitter.
    static func primitives(of shape: ShapeClass) -> [Figure.Primitive] {
        switch shape {
        case .ringSmall: [.ring(radius: 4.5, halfWidth: 0.9)]
        case .ringLarge: [.ring(radius: 9.5, halfWidth: 0.9)]
        case .barThin: [.box(halfWidth: 10, halfHeight: 0.8)]
        case .barThick: [.box(halfWidth: 10, halfHeight: 2.3)]
        case .dot: [.disc(radius: 2.2)]
        case .disc: [.disc(radius: 5.5)]
        case .plus, .cross: [.box(halfWidth: 8, halfHeight: 1.1), .box(halfWidth: 1.1, halfHeight: 8)]
        case .square: [.box(halfWidth: 6, halfHeight: 6)]
        case .triangle: [.triangle(halfSide: 7)]
        }
    }

    /// The classes that may appear as the second, smaller shape: none of them shrinks
    /// into another class (a small ring would be a `ring-small`, a small disc a `dot`).
    static let clutterShapes: [ShapeClass] = [.plus, .cross, .square, .triangle]

    /// Renders the image into `out` (`side * side` values, row-major, in [0, 1]).
    /// `objectScale` fixes the object's size multiplier instead of drawing it from
    /// `difficulty.sizeJitter` (for the experiment that varies object size).
    static func render(_ shape: ShapeClass, seed: UInt64, objectScale: Float? = nil,
                       difficulty: DatasetDifficulty, into out: UnsafeMutablePointer<Float>) {
        var rng = SeededGenerator(seed: seed)
        let pixelCount = side * side
        let half = Float(side) / 2

        // The object: scaled, rotated (a cross is a plus turned by 45 degrees), shifted.
        let jitter = rng.uniform(difficulty.sizeJitter)
        var object = Figure(primitives: primitives(of: shape))
        object.scale = objectScale ?? jitter
        let maxAngle = difficulty.maxRotationDegrees * .pi / 180
        object.angle = rng.uniform(-maxAngle...maxAngle) + (shape == .cross ? .pi / 4 : 0)
        let room = min(difficulty.maxShift, max(0, half - object.extent - 1))
        object.centerX = half + rng.uniform(-room...room)
        object.centerY = half + rng.uniform(-room...room)

        // Background: a level, a linear ramp at a random angle and a product of two waves.
        let level = rng.uniform(difficulty.backgroundLevel)
        let ramp = rng.uniform(difficulty.gradientAmplitude) / Float(side)
        let rampAngle = rng.uniform(0...(2 * .pi))
        let texture = rng.uniform(difficulty.textureAmplitude)
        let (fx, fy) = (rng.uniform(difficulty.textureFrequency), rng.uniform(difficulty.textureFrequency))
        let (px, py) = (rng.uniform(0...(2 * .pi)), rng.uniform(0...(2 * .pi)))
        var columnTerm = [Float](repeating: 0, count: side), rowTerm = [Float](repeating: 0, count: side)
        var columnWave = [Float](repeating: 0, count: side), rowWave = [Float](repeating: 0, count: side)
        for i in 0..<side {
            let t = Float(i) + 0.5 - half
            columnTerm[i] = ramp * cosf(rampAngle) * t
            rowTerm[i] = ramp * sinf(rampAngle) * t
            columnWave[i] = sinf(fx * t + px)
            rowWave[i] = sinf(fy * t + py)
        }

        // Foreground: the object's coverage, part of it hidden by an occluding band,
        // then clutter composed over it at a lower brightness.
        let foreground = UnsafeMutablePointer<Float>.allocate(capacity: pixelCount)
        defer { foreground.deallocate() }
        foreground.initialize(repeating: 0, count: pixelCount)
        object.draw(into: foreground, side: side)

        if rng.nextUnit() < difficulty.occlusionProbability {
            let radius = object.extent
            var band = Figure(primitives: [.box(halfWidth: 2 * radius + 2, halfHeight: rng.uniform(difficulty.occlusionWidth) * radius / 2)])
            band.angle = rng.uniform(0...(.pi))
            band.centerX = object.centerX + rng.uniform(-0.5...0.5) * radius
            band.centerY = object.centerY + rng.uniform(-0.5...0.5) * radius
            let hidden = UnsafeMutablePointer<Float>.allocate(capacity: pixelCount)
            defer { hidden.deallocate() }
            hidden.initialize(repeating: 0, count: pixelCount)
            band.draw(into: hidden, side: side)
            for p in 0..<pixelCount { foreground[p] *= 1 - hidden[p] }
        }

        let strokes = Int.random(in: difficulty.strokeCount, using: &rng)
        for _ in 0..<strokes {
            var stroke = Figure(primitives: [.box(halfWidth: rng.uniform(difficulty.strokeLength) / 2, halfHeight: rng.uniform(difficulty.strokeWidth) / 2)])
            stroke.angle = rng.uniform(0...(.pi))
            stroke.centerX = rng.uniform(0...Float(side))
            stroke.centerY = rng.uniform(0...Float(side))
            stroke.draw(into: foreground, side: side, level: rng.uniform(difficulty.clutterIntensity))
        }
        if rng.nextUnit() < difficulty.secondShapeProbability {
            let kind = clutterShapes[Int.random(in: 0..<clutterShapes.count, using: &rng)]
            var second = Figure(primitives: primitives(of: kind))
            second.scale = rng.uniform(difficulty.secondShapeScale)
            second.angle = rng.uniform(-maxAngle...maxAngle) + (kind == .cross ? .pi / 4 : 0)
            // Away from the object when there is room: try a few places, keep the farthest.
            var best: (x: Float, y: Float, gap: Float) = (0, 0, -.infinity)
            let margin = min(second.extent, half)
            for _ in 0..<4 {
                let x = rng.uniform(margin...(Float(side) - margin))
                let y = rng.uniform(margin...(Float(side) - margin))
                let gap = ((x - object.centerX) * (x - object.centerX) + (y - object.centerY) * (y - object.centerY)).squareRoot()
                if gap > best.gap { best = (x, y, gap) }
            }
            (second.centerX, second.centerY) = (best.x, best.y)
            second.draw(into: foreground, side: side, level: rng.uniform(difficulty.clutterIntensity))
        }

        // Compose, add noise, clamp.
        let sigma = rng.uniform(difficulty.noiseSigma)
        let contrast = max(rng.uniform(difficulty.contrast), difficulty.minimumContrastToNoise * sigma)
        for y in 0..<side {
            for x in 0..<side {
                let background = level + columnTerm[x] + rowTerm[y] + texture * columnWave[x] * rowWave[y]
                let value = background + contrast * foreground[y * side + x] + sigma * rng.nextApproximateNormal()
                out[y * side + x] = min(max(value, 0), 1)
            }
        }
    }
}

extension SeededGenerator {
    /// A uniform Float in `range`.
    mutating func uniform(_ range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
    }

    /// A cheap, nearly normal Float (mean 0, variance 1): the sum of four 16-bit
    /// uniforms from one 64-bit draw, rescaled. Pixel noise needs a bell shape, not
    /// exact tails, and Box–Muller's log and cosine would dominate the renderer.
    mutating func nextApproximateNormal() -> Float {
        let bits = next()
        var sum: Float = 0
        for k in 0..<4 { sum += Float((bits >> (16 * UInt64(k))) & 0xFFFF) }
        // Each term is uniform on [0, 65535]: mean 32767.5, variance 65536^2 / 12.
        return (sum - 4 * 32767.5) / (65536 * (4.0 / 12.0).squareRoot())
    }
}
