/// Every knob that makes the dataset hard, in one place, so that it can be tuned
/// against training results (`dataset calibrate`) without touching the renderer.
///
/// Clean shapes on a plain background are too easy: a tiny network reaches 99% and
/// every architecture change "makes no difference". Each field adds one thing that
/// makes real images hard. Ranges are sampled uniformly per image; lengths are in
/// pixels of the 32x32 image, intensities in [0, 1].
public struct DatasetDifficulty: Equatable, Sendable {
    /// Multiplies the class's nominal size (radius, length, stroke width alike). Kept
    /// narrow enough that the size-only pairs (`dot`/`disc`, ...) stay apart.
    public var sizeJitter: ClosedRange<Float> = 0.85...1.15
    /// Largest rotation either way, in degrees; beyond about 22 a plus becomes a cross.
    public var maxRotationDegrees: Float = 20
    /// Largest shift of the object's centre from the image centre (less when the
    /// object is big, so that it stays inside the image).
    public var maxShift: Float = 7

    /// Mean background level.
    public var backgroundLevel: ClosedRange<Float> = 0...0.35
    /// Total change of a linear ramp across the image, at a random angle.
    public var gradientAmplitude: ClosedRange<Float> = 0...0.25
    /// Amplitude of a low-frequency sinusoidal texture (a product of a horizontal and
    /// a vertical wave), which puts edges into the background.
    public var textureAmplitude: ClosedRange<Float> = 0...0.12
    /// Spatial frequency of the texture, in radians per pixel.
    public var textureFrequency: ClosedRange<Float> = 0.25...1.0
    /// How much brighter than the background the object is.
    public var contrast: ClosedRange<Float> = 0.22...0.7
    /// Standard deviation of the per-pixel noise.
    public var noiseSigma: ClosedRange<Float> = 0.02...0.11
    /// The contrast is raised to at least this many noise sigmas: a faint object under
    /// strong noise is not hard but invisible (a dot of 15 pixels at contrast 0.22 and
    /// sigma 0.11 cannot be told from noise), which would only cap the accuracy.
    public var minimumContrastToNoise: Float = 3

    /// Number of distractor strokes (short line segments at any angle).
    public var strokeCount: ClosedRange<Int> = 0...3
    /// Their length and width.
    public var strokeLength: ClosedRange<Float> = 3...8
    public var strokeWidth: ClosedRange<Float> = 0.8...1.8
    /// Brightness of clutter, as a fraction of the object's contrast.
    public var clutterIntensity: ClosedRange<Float> = 0.3...0.75

    /// Chance of a second, smaller shape (a plus, cross, square or triangle) elsewhere.
    public var secondShapeProbability: Float = 0.5
    /// Its size as a fraction of its class's nominal size (a square at 0.45 is 5.4 px
    /// wide, about a `dot`: the network must tell the object from the clutter by shape
    /// and brightness, not only by size).
    public var secondShapeScale: ClosedRange<Float> = 0.3...0.45

    /// Chance that a band in background colour hides part of the object.
    public var occlusionProbability: Float = 0.35
    /// The band's width, as a fraction of the object's radius (it never hides it all).
    public var occlusionWidth: ClosedRange<Float> = 0.2...0.4

    public init() {}

    /// The difficulty of the shipped train and test splits.
    public static let standard = DatasetDifficulty()

    /// Plain shapes on a plain background with light noise: for lessons and tests that
    /// want to show a shape, not to challenge the network.
    public static let clean: DatasetDifficulty = {
        var easy = DatasetDifficulty()
        easy.backgroundLevel = 0.1...0.1
        easy.gradientAmplitude = 0...0
        easy.textureAmplitude = 0...0
        easy.contrast = 0.7...0.7
        easy.noiseSigma = 0.02...0.02
        easy.strokeCount = 0...0
        easy.secondShapeProbability = 0
        easy.occlusionProbability = 0
        return easy
    }()

    /// One knob for calibration: `amount` 0 is `.clean`, 1 is `self`, values between
    /// blend every clutter, background, contrast and noise setting linearly, and values
    /// above 1 extrapolate (kept valid: probabilities at most 1, contrast at least 0.05).
    /// The shape geometry (size jitter, rotation, shift) is the classes' definition and
    /// stays as in `self`.
    public func scaled(_ amount: Float) -> DatasetDifficulty {
        let easy = DatasetDifficulty.clean
        func mix(_ a: Float, _ b: Float, floor: Float = 0) -> Float { max(floor, a + (b - a) * amount) }
        func mix(_ a: ClosedRange<Float>, _ b: ClosedRange<Float>, floor: Float = 0) -> ClosedRange<Float> {
            let low = mix(a.lowerBound, b.lowerBound, floor: floor)
            return low...max(low, mix(a.upperBound, b.upperBound, floor: floor))
        }
        var out = self
        out.backgroundLevel = mix(easy.backgroundLevel, backgroundLevel)
        out.gradientAmplitude = mix(easy.gradientAmplitude, gradientAmplitude)
        out.textureAmplitude = mix(easy.textureAmplitude, textureAmplitude)
        out.contrast = mix(easy.contrast, contrast, floor: 0.05)
        out.noiseSigma = mix(easy.noiseSigma, noiseSigma)
        out.clutterIntensity = mix(easy.clutterIntensity, clutterIntensity)
        let strokesLow = Int(mix(Float(easy.strokeCount.lowerBound), Float(strokeCount.lowerBound)).rounded())
        out.strokeCount = strokesLow...max(strokesLow, Int(mix(Float(easy.strokeCount.upperBound), Float(strokeCount.upperBound)).rounded()))
        out.secondShapeProbability = min(1, mix(easy.secondShapeProbability, secondShapeProbability))
        out.occlusionProbability = min(1, mix(easy.occlusionProbability, occlusionProbability))
        return out
    }
}
