import Testing
@testable import InceptionCore

/// Central finite differences in Float32, with tolerances Float32 honestly allows:
/// the loss is accumulated in Double, the step is large enough (1e-2 for single
/// layers, 1e-3 for whole networks) that rounding in the forward pass moves the
/// quotient by well under the tolerance, and inputs are chosen away from kinks
/// (ReLU at 0, max-pool ties) where a step would cross them.
enum GradientCheck {
    /// Seeded normal values times `scale`.
    static func random(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in rng.nextNormal() * scale }
    }

    /// Σ out · r in Double: a scalar loss whose gradient with respect to out is r.
    static func project(_ out: [Float], _ r: [Float]) -> Double {
        zip(out, r).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Compares `analytic` with central differences of `loss` at up to `samples`
    /// coordinates of x spread over the whole array.
    static func expectMatches(_ analytic: [Float], at x: [Float], eps: Float = 1e-2, samples: Int = 24,
                              atol: Double = 1e-3, rtol: Double = 2e-2, _ label: String,
                              loss: ([Float]) -> Double) {
        #expect(analytic.count == x.count, "\(label): gradient size")
        let step = max(1, x.count / samples)
        for i in stride(from: 0, to: x.count, by: step) {
            var plus = x, minus = x
            plus[i] += eps
            minus[i] -= eps
            // The step actually taken in Float32, not the nominal eps.
            let h = Double(plus[i]) - Double(minus[i])
            let numeric = (loss(plus) - loss(minus)) / h
            let a = Double(analytic[i])
            #expect(abs(a - numeric) <= atol + rtol * max(abs(a), abs(numeric)),
                    "\(label)[\(i)]: analytic \(a), numeric \(numeric)")
        }
    }
}
